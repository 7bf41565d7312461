"""No email ever goes to an erased account's address or to a closed account."""

import pytest

from academy import emails, personal_data
from academy.models import Invitation
from enrolment.emails import send_enrolment_confirmation
from tests.academy.factories import InvitationFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def message_to(address):
    enrolment = EnrolmentFactory(run=ModuleRunFactory(), learner=UserFactory())
    context = {"enrolment": enrolment, "run": enrolment.run}
    return emails.templated_email("cohort_swapped_out", context, to=address, language="en")


@pytest.mark.parametrize(
    "address",
    ["deleted-user-4@deleted.invalid", "Deleted-User-4@DELETED.INVALID.", "removed@x.invalid",
     "", None, "no-at-sign"],
)  # fmt: skip
def test_an_email_built_for_a_placeholder_address_is_not_sent(address, mailoutbox):
    message = message_to(address)

    assert message.send() == 0
    assert mailoutbox == []


def test_an_email_to_a_closed_account_is_not_sent_but_others_are(mailoutbox):
    closed = UserFactory(email="gone@example.com", is_active=False)
    UserFactory(email="here@example.com")

    for to in (closed.email, "GONE@example.com", "here@example.com"):
        message_to(to).send()

    assert [m.to for m in mailoutbox] == [["here@example.com"]]


def test_a_once_only_email_to_an_erased_learner_is_recorded_but_not_sent(mailoutbox):
    learner = UserFactory()
    enrolment = EnrolmentFactory(run=ModuleRunFactory(), learner=learner)
    personal_data.erase_personal_data(learner)
    mailoutbox.clear()  # the erasure itself may mail others (it had nothing ahead here)

    assert send_enrolment_confirmation(enrolment_id=enrolment.pk) is True

    assert mailoutbox == []
    enrolment.refresh_from_db()
    assert enrolment.confirmation_sent_at is not None  # and no retry will send it later


def test_invitations_in_a_batch_skip_placeholder_addresses(mailoutbox):
    InvitationFactory(email="new@example.com")
    InvitationFactory(email="deleted-user-9@deleted.invalid")

    assert emails.send_pending_invitations(invitations=Invitation.objects.all()) == 2

    assert [m.to for m in mailoutbox] == [["new@example.com"]]
