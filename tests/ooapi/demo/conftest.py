"""The demo academy, seeded once for this folder (as in tests/demo: an outer transaction
kept open while these tests run, rolled back after the last), with its published modules
registered: every third as a course, every third as a private programme, every other one
listed on eduXchange (LDE, for professionals). Only the tests in this folder see it."""

import pytest

from tests.demo.conftest import demo_academy, demo_seeding  # noqa: F401 (fixtures)
from tests.ooapi.conftest import register_modules


@pytest.fixture(scope="package")
def demo_registered(demo_seeding, django_db_blocker):  # noqa: F811
    from catalogue.models import Module

    with django_db_blocker.unblock():
        register_modules(Module.objects.published().order_by("pk"))
    return demo_seeding
