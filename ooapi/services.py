"""Writes of the OOAPI app: a module's registration for RIO and eduXchange, audited."""

from django.db import transaction

from academy.audit import log_action
from catalogue.models import Module
from ooapi.models import ModuleRegistration

REGISTRATION_FIELDS = (
    "rio_route",
    "education_offerer_code",
    "education_location_code",
    "isced_field_of_study",
    "rio_category",
    "eduxchange_listed",
    "eduxchange_alliance",
    "eduxchange_target_group",
)


@transaction.atomic
def save_registration(*, module: Module, by, **values) -> ModuleRegistration:
    """Create or change how `module` goes to RIO and eduXchange; logs what changed."""
    unknown = set(values) - set(REGISTRATION_FIELDS)
    if unknown:
        raise TypeError(f"Not registration fields: {', '.join(sorted(unknown))}")
    registration, created = ModuleRegistration.objects.select_for_update().get_or_create(
        module=module, defaults={**values, "updated_by": by}
    )
    changed = {}
    if created:
        changed = {name: values[name] for name in values}
    else:
        for name, value in values.items():
            if getattr(registration, name) != value:
                changed[name] = value
                setattr(registration, name, value)
        if changed:
            registration.updated_by = by
            registration.full_clean(exclude=["module"])
            registration.save()
    if changed or created:
        log_action(
            actor=by,
            action="ooapi.registration_changed",
            target=module,
            details={"title": module.title, **{name: str(v) for name, v in changed.items()}},
        )
    return registration
