"""The RIO tests talk to a real HTTP server that answers as SURF's RIO mapper documents
its API (tests/rio/fake_mapper.py); SURF itself cannot be reached from here."""

import pytest
from django.contrib.auth.models import Group

from catalogue.models import Module
from catalogue.services import ACADEMY_OFFICE
from ooapi.models import ModuleRegistration
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory
from tests.rio.fake_mapper import CLIENT_ID, CLIENT_SECRET, FakeMapper


@pytest.fixture
def fake_mapper():
    fake = FakeMapper().start()
    yield fake
    fake.stop()


@pytest.fixture
def rio_on(settings, fake_mapper):
    """RIO pushes on, against the fake mapper; no debounce or poll waits (eager tasks ignore
    countdowns anyway)."""
    settings.RIO_MAPPER_URL = fake_mapper.url
    settings.RIO_MAPPER_TOKEN_URL = fake_mapper.token_url
    settings.RIO_MAPPER_CLIENT_ID = CLIENT_ID
    settings.RIO_MAPPER_CLIENT_SECRET = CLIENT_SECRET
    settings.RIO_MAPPER_CALLBACK = False
    settings.RIO_PUSH_DELAY_SECONDS = 0
    settings.RIO_POLL_SECONDS = 0
    settings.RIO_MAX_POLLS = 10
    settings.OOAPI_EDUCATION_OFFERER_CODE = "110A133"
    return fake_mapper


@pytest.fixture
def office(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def routed_module(route: str = "course", **fields) -> Module:
    """A draft module ready for RIO once published, with one run and its RIO route."""
    module = ModuleFactory(status=Module.Status.DRAFT, **fields)
    ModuleRunFactory(module=module, code="2027-03")
    ModuleRegistration.objects.create(module=module, rio_route=route)
    return Module.objects.get(pk=module.pk)
