from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OoapiConfig(AppConfig):
    name = "ooapi"
    verbose_name = _("Open Education API")

    def ready(self):
        from academy.audit import describe_actions

        describe_actions(
            {"ooapi.registration_changed": _("RIO and eduXchange registration changed")}
        )
