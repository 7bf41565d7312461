from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from catalogue.models import Module, ModuleRun
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_a_run_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        ModuleRunFactory(
            end_date=timezone.localdate(), start_date=timezone.localdate() + timedelta(days=1)
        )


def test_enrolment_cannot_close_before_it_opens():
    today = timezone.localdate()
    with pytest.raises(IntegrityError):
        ModuleRunFactory(enrolment_opens=today, enrolment_closes=today - timedelta(days=1))


def test_run_codes_are_unique_within_a_module_only():
    run = ModuleRunFactory(code="2027-03")
    ModuleRunFactory(code="2027-03")  # another module may use the same code

    with pytest.raises(IntegrityError):
        ModuleRunFactory(module=run.module, code="2027-03")


def test_a_session_cannot_end_before_it_starts():
    session = SessionFactory.build(run=ModuleRunFactory())
    session.ends_at = session.starts_at - timedelta(minutes=1)

    with pytest.raises(IntegrityError):
        session.save()


def test_level_must_be_eqf_five_to_eight():
    with pytest.raises(IntegrityError):
        ModuleFactory(level=4)


def test_only_published_modules_are_public():
    published = ModuleFactory()
    for status in (Module.Status.DRAFT, Module.Status.IN_REVIEW, Module.Status.ARCHIVED):
        ModuleFactory(status=status)

    assert list(Module.objects.published()) == [published]


def test_run_price_falls_back_to_the_module_price():
    run = ModuleRunFactory(module__price=1250)

    assert run.price == 1250
    run.price_override = 900
    assert run.price == 900


def test_upcoming_runs_exclude_ended_and_cancelled_runs():
    today = timezone.localdate()
    upcoming = ModuleRunFactory()
    ModuleRunFactory(start_date=today - timedelta(days=60), end_date=today - timedelta(days=1))
    ModuleRunFactory(status=ModuleRun.Status.CANCELLED)

    assert list(ModuleRun.objects.upcoming()) == [upcoming]
