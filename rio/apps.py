from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_rio_permissions(sender, **kwargs):
    from rio.services import grant_rio_permissions

    grant_rio_permissions()


class RioConfig(AppConfig):
    name = "rio"
    verbose_name = _("RIO (DUO's register of education)")

    def ready(self):
        post_migrate.connect(_grant_rio_permissions, sender=self)

        from rio.signals import connect

        connect()

        from academy import audit, personal_data
        from rio.services import AUDIT_ACTIONS, erase_rio_data, export_rio_data

        audit.describe_actions(AUDIT_ACTIONS)
        personal_data.register("rio", export=export_rio_data, erase=erase_rio_data)
