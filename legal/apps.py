from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_first_versions(sender, **kwargs):
    from legal.services import ensure_first_versions

    ensure_first_versions()


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Terms and statements")

    def ready(self):
        from academy import audit
        from legal.services import AUDIT_ACTIONS

        audit.describe_actions(AUDIT_ACTIONS)
        # A new site (and a test database after each flush) starts with the shipped texts,
        # as the curation groups follow the migrations.
        post_migrate.connect(_ensure_first_versions, sender=self)
