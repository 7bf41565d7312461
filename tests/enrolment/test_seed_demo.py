from io import StringIO

import pytest
from django.core.management import call_command

from enrolment.models import Enrolment, WaitingListEntry

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--password", "a-long-demo-password", stdout=StringIO())


def test_demo_learner_is_enrolled_and_waits_for_a_full_run(mailoutbox):
    seed()

    assert Enrolment.objects.filter(learner__email="learner@example.org").count() == 2
    place = WaitingListEntry.objects.get(learner__email="learner@example.org")
    assert place.run.status == "full"
    assert WaitingListEntry.objects.filter(run=place.run).count() >= 2
    assert mailoutbox == []  # demo data sends no mail


def test_seeding_enrolments_twice_adds_nothing():
    seed()
    counts = (Enrolment.objects.count(), WaitingListEntry.objects.count())

    seed()

    assert (Enrolment.objects.count(), WaitingListEntry.objects.count()) == counts
