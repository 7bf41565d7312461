from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcademyConfig(AppConfig):
    name = "academy"
    verbose_name = _("People and organisations")

    def ready(self):
        from academy import audit, request_ids
        from academy.services import AUDIT_ACTIONS

        audit.describe_actions(AUDIT_ACTIONS)
        request_ids.connect_celery_signals()
