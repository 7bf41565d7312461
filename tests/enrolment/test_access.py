"""A service that takes `by` checks `by`: only those with a say change an enrolment."""

import pytest
from django.core.exceptions import PermissionDenied

from enrolment import services
from enrolment.models import Enrolment
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


def test_a_stranger_cannot_cancel_someone_elses_enrolment():
    enrolment = services.enrol(run=ModuleRunFactory(), learner=UserFactory())

    with pytest.raises(PermissionDenied):
        services.cancel_enrolment(enrolment=enrolment, by=UserFactory(is_staff=True))

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
