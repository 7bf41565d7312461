from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")

    def ready(self):
        from academy import personal_data
        from credentials.personal_data import erase_credential_data, export_credential_data

        personal_data.register(
            "credentials", export=export_credential_data, erase=erase_credential_data
        )
        from credentials.queries import credentials_of, shared_credentials
        from enrolment import extensions

        extensions.add_to_my_learning("credentials/_my_credentials.html", credentials_of)
        extensions.add_to_staff_overview("credentials/_staff_credentials.html", shared_credentials)
        extensions.add_run_action(_("Results and credentials"), "credentials:run_results")
