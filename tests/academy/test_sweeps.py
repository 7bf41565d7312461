"""Beat's sweeps mend what a lost task left undone: an email still unsent some minutes after
it was due is sent, once; one that is not late yet, or is days old, is left alone; a passed
result still without its credential is issued."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from academy import tasks as academy_tasks
from academy.models import Invitation
from credentials import services as credentials
from credentials import tasks as credential_tasks
from credentials.models import Credential, Result
from demand import tasks as demand_tasks
from demand.models import LearningNeed
from enrolment import services
from enrolment import tasks as enrolment_tasks
from enrolment.models import Enrolment, Invoice
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what services queue for after commit, as a request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def enrol(committed, **fields):
    with committed():
        return services.enrol(run=ModuleRunFactory(**fields), learner=UserFactory())


def as_if_its_task_was_lost(model, pk, *, sent_field, since, ago):
    model.objects.filter(pk=pk).update(**{sent_field: None, since: timezone.now() - ago})


def test_an_unsent_confirmation_and_invoice_are_sent_once_by_the_sweep(committed):
    enrolment = enrol(committed, module__title="Data ethics")
    invoice = Invoice.objects.get(order__enrolments=enrolment)
    as_if_its_task_was_lost(Enrolment, enrolment.pk, sent_field="confirmation_sent_at",
                            since="created_at", ago=timedelta(minutes=20))  # fmt: skip
    as_if_its_task_was_lost(Invoice, invoice.pk, sent_field="sent_at", since="issued_at",
                            ago=timedelta(minutes=20))  # fmt: skip
    mail.outbox.clear()

    assert enrolment_tasks.send_unsent.apply().get() == 2
    assert enrolment_tasks.send_unsent.apply().get() == 0  # the second sweep finds nothing

    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2
    assert subjects[1] == "You are enrolled: Data ethics"
    assert invoice.number in subjects[0]
    enrolment.refresh_from_db()
    invoice.refresh_from_db()
    assert enrolment.confirmation_sent_at and invoice.sent_at


def test_the_sweep_leaves_a_message_that_is_not_late_yet_or_is_days_old(committed):
    fresh, stale = enrol(committed), enrol(committed)
    as_if_its_task_was_lost(Enrolment, fresh.pk, sent_field="confirmation_sent_at",
                            since="created_at", ago=timedelta(minutes=1))  # fmt: skip
    as_if_its_task_was_lost(Enrolment, stale.pk, sent_field="confirmation_sent_at",
                            since="created_at", ago=timedelta(days=3))  # fmt: skip
    Invoice.objects.update(sent_at=timezone.now())
    mail.outbox.clear()

    assert enrolment_tasks.send_unsent.apply().get() == 0
    assert mail.outbox == []


def test_a_cancelled_seat_gets_no_late_confirmation(committed):
    enrolment = enrol(committed)
    with committed():
        services.cancel_enrolment(enrolment=enrolment, by=enrolment.learner)
    as_if_its_task_was_lost(Enrolment, enrolment.pk, sent_field="confirmation_sent_at",
                            since="created_at", ago=timedelta(minutes=20))  # fmt: skip
    Invoice.objects.update(sent_at=timezone.now())
    mail.outbox.clear()

    assert enrolment_tasks.send_unsent.apply().get() == 0


def test_an_order_whose_invoice_task_never_ran_is_invoiced_by_the_sweep(committed):
    enrolment = enrol(committed)
    order = enrolment.order
    Invoice.objects.filter(order=order).delete()  # as if issue_invoice never reached Redis
    type(order).objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=1))
    mail.outbox.clear()

    enrolment_tasks.send_unsent.apply().get()

    invoice = Invoice.objects.get(order=order)
    assert invoice.sent_at is not None
    assert [invoice.number in m.subject for m in mail.outbox] == [True]


def test_unsent_learning_need_confirmations_are_swept():
    need = LearningNeed.objects.create(
        topic="Circular procurement", description="For our buyers", contact_name="A buyer",
        contact_email="buyer@example.org", language="en", expected_learners=12,
    )  # fmt: skip
    as_if_its_task_was_lost(LearningNeed, need.pk, sent_field="confirmation_sent_at",
                            since="created_at", ago=timedelta(minutes=30))  # fmt: skip
    mail.outbox.clear()

    assert demand_tasks.send_unsent.apply().get() == 1
    assert demand_tasks.send_unsent.apply().get() == 0
    assert [m.to for m in mail.outbox] == [["buyer@example.org"]]


def test_an_unsent_invitation_is_swept_once(committed):
    from academy import services as academy_services
    from tests.academy.factories import MembershipFactory

    membership = MembershipFactory(role="admin")
    with committed():
        [invitation] = academy_services.invite(organisation=membership.organisation,
                                               emails=["new@example.org"],
                                               invited_by=membership.user)  # fmt: skip
    as_if_its_task_was_lost(Invitation, invitation.pk, sent_field="sent_at", since="created_at",
                            ago=timedelta(minutes=30))  # fmt: skip
    mail.outbox.clear()

    assert academy_tasks.send_unsent.apply().get() == 1
    assert academy_tasks.send_unsent.apply().get() == 0
    assert [m.to for m in mail.outbox] == [["new@example.org"]]


def test_a_passed_result_without_its_credential_is_issued_by_the_sweep(committed):
    from tests.credentials.factories import ResultFactory
    from tests.enrolment.factories import EnrolmentFactory

    result = ResultFactory(enrolment=EnrolmentFactory(learner=UserFactory()), grade="8")
    Result.objects.filter(pk=result.pk).update(recorded_at=timezone.now() - timedelta(minutes=1))
    assert credential_tasks.issue_missing_credentials.apply().get() == 0  # not late yet

    Result.objects.filter(pk=result.pk).update(recorded_at=timezone.now() - timedelta(minutes=9))
    with committed():
        assert credential_tasks.issue_missing_credentials.apply().get() == 1
    assert Credential.objects.get().result_id == result.pk
    assert credentials.queue_missing_credentials() == 0
