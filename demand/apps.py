from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_demand_permissions(sender, **kwargs):
    from demand.services import grant_demand_permissions

    grant_demand_permissions()


def _offer_needs_answered_by(sender, module, **kwargs):
    from demand import tasks

    tasks.offer_needs_answered_by.delay_on_commit(module.pk)


class DemandConfig(AppConfig):
    name = "demand"
    verbose_name = _("Demand and proposals")

    def ready(self):
        post_migrate.connect(_grant_demand_permissions, sender=self)

        from catalogue.signals import module_published

        module_published.connect(_offer_needs_answered_by, dispatch_uid="demand-offer-needs")

        from academy import audit, personal_data
        from demand.personal_data import erase_demand_data, export_demand_data
        from demand.services import AUDIT_ACTIONS

        audit.describe_actions(AUDIT_ACTIONS)
        personal_data.register("demand", export=export_demand_data, erase=erase_demand_data)
