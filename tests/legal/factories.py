from datetime import date

from django.contrib.auth.models import Group

from catalogue.services import ACADEMY_OFFICE
from legal import services
from tests.academy.factories import UserFactory


def office_user(**kwargs):
    """An academy office member: may publish the terms and statements."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def publish(kind="terms", *, body_en="## New\nNew text.", body_nl="", by=None,
            effective_from: date | None = None, **kwargs):  # fmt: skip
    return services.publish_document(
        kind=kind, body_en=body_en, body_nl=body_nl, by=by or office_user(),
        effective_from=effective_from, **kwargs,
    )  # fmt: skip
