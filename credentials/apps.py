from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")

    def ready(self):
        from academy import audit, personal_data
        from credentials.personal_data import erase_credential_data, export_credential_data

        personal_data.register(
            "credentials", export=export_credential_data, erase=erase_credential_data
        )
        audit.describe_actions(
            {"credential.teaching_recognised": _("Lecturer's teaching recognised by the office")}
        )
