from io import StringIO

import pytest
from django.core.management import call_command

from enrolment.models import Enrolment, Invoice, WaitingListEntry

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--password", "a-long-demo-password", stdout=StringIO())


def test_seeding_enrolments_twice_adds_nothing_and_sends_no_mail(mailoutbox):
    seed()
    counts = (Enrolment.objects.count(), WaitingListEntry.objects.count(), Invoice.objects.count())

    seed()

    assert (
        Enrolment.objects.count(), WaitingListEntry.objects.count(), Invoice.objects.count()
    ) == counts  # fmt: skip
    assert mailoutbox == []  # demo data sends no mail
