from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    name = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self):
        from academy import audit, personal_data
        from enrolment.personal_data import erase_enrolment_data, export_enrolment_data
        from enrolment.services import preferences, seats

        audit.describe_actions(seats.AUDIT_ACTIONS)
        audit.describe_actions(preferences.AUDIT_ACTIONS)

        personal_data.register(
            "enrolment", export=export_enrolment_data, erase=erase_enrolment_data
        )
        audit.describe_actions({"attendance.recorded": _("Attendance recorded")})
