from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnerConfig(AppConfig):
    name = "learner"
    verbose_name = _("My learning")
