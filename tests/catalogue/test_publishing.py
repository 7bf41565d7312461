"""Publishing has one home, catalogue.services.publish_module, whichever screen is used."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from academy.errors import DomainError
from catalogue import services
from catalogue.models import Module, ModuleRun
from catalogue.services import PORTFOLIO_HOLDERS
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, ModuleRunFactory
from tests.catalogue.test_admin import module_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    FacultyFactory().portfolio_holders.add(user)
    return user


def test_saving_a_published_module_again_keeps_who_published_it_first(client, holder):
    module = ModuleFactory(faculty=holder.curated_faculties.get(), status=Module.Status.IN_REVIEW)
    ModuleRunFactory(module=module)
    first = UserFactory(is_staff=True)
    holder.curated_faculties.get().portfolio_holders.add(first)
    services.publish_module(module=module, by=first)
    published_at = Module.objects.get(pk=module.pk).published_at
    module.refresh_from_db()
    client.force_login(holder)

    client.post(f"/admin/catalogue/module/{module.pk}/change/",
                module_form(module, summary="A sharper summary"))  # fmt: skip

    module.refresh_from_db()
    assert module.summary == "A sharper summary"
    assert (module.published_by, module.published_at) == (first, published_at)


def test_only_the_facultys_curators_publish(holder):
    elsewhere = ModuleFactory(status=Module.Status.IN_REVIEW)
    ModuleRunFactory(module=elsewhere)

    with pytest.raises(PermissionDenied):
        services.publish_module(module=elsewhere, by=holder)

    elsewhere.refresh_from_db()
    assert elsewhere.status == Module.Status.IN_REVIEW


def test_a_publication_refusal_is_a_domain_error_with_its_problems_per_field(holder):
    module = ModuleFactory(faculty=holder.curated_faculties.get(), level=None)
    ModuleRunFactory(module=module)

    with pytest.raises(DomainError) as error:
        services.publish_module(module=module, by=holder)

    assert isinstance(error.value, services.PublicationError)
    assert set(error.value.problems) == {"level"} and "level" in str(error.value)


def test_open_for_enrolment_is_the_same_rule_in_sql_and_on_the_row():
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    runs = [
        ModuleRunFactory(),
        ModuleRunFactory(status=ModuleRun.Status.PLANNED),
        ModuleRunFactory(enrolment_opens=today + timedelta(days=1)),
        ModuleRunFactory(enrolment_closes=today - timedelta(days=1)),
        ModuleRunFactory(enrolment_opens=today, enrolment_closes=today),
    ]

    in_sql = set(ModuleRun.objects.open_for_enrolment(today).values_list("pk", flat=True))

    assert in_sql == {run.pk for run in runs if run.why_not_open_for_enrolment(today) is None}
    assert in_sql == {runs[0].pk, runs[4].pk}
