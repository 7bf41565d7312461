from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployerConfig(AppConfig):
    name = "employer"
    verbose_name = _("Employer portal")
