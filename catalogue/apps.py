from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_curation_groups(sender, **kwargs):
    from catalogue.services import ensure_curation_groups

    ensure_curation_groups()


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        # Like Django's own permissions, the curation groups follow the migrations.
        post_migrate.connect(_ensure_curation_groups, sender=self)
        post_migrate.connect(_ensure_curation_groups)  # also after enrolment's permissions exist
        from catalogue.page_cache import connect_invalidation

        connect_invalidation()
        from catalogue.search import connect_index_upkeep

        connect_index_upkeep()

        from academy import personal_data
        from catalogue.services import erase_catalogue_data, export_catalogue_data

        personal_data.register(
            "catalogue", export=export_catalogue_data, erase=erase_catalogue_data
        )
