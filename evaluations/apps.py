from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Course evaluations")

    def ready(self):
        from academy import audit, personal_data
        from evaluations.personal_data import erase_evaluation_data, export_evaluation_data
        from evaluations.services import AUDIT_ACTIONS

        audit.describe_actions(AUDIT_ACTIONS)
        personal_data.register("evaluations", export=export_evaluation_data,
                               erase=erase_evaluation_data)  # fmt: skip
