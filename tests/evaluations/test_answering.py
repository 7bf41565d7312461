"""The personal link: no login, one answer, every question at its field, closed after the
evaluation period; the answer is kept without the person who gave it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import AuditEntry
from evaluations.models import Answer, Invitation
from tests.evaluations.factories import InvitationFactory

pytestmark = pytest.mark.django_db

ANSWER = {
    "overall": "5", "relevance": "4", "lecturers": "5", "blend": "3", "workload": "4",
    "recommend": "9", "comments": "The campus day on negotiation was the best part.",
}  # fmt: skip


def url(invitation):
    return f"/evaluations/{invitation.token}/"


def test_a_participant_answers_once_without_logging_in(client):
    invitation = InvitationFactory(enrolment__run__module__title="Negotiating for public buyers")
    page = client.get(url(invitation))
    assert page.status_code == 200
    assert "Negotiating for public buyers" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"

    thanks = client.post(url(invitation), ANSWER)
    assert "Thank you! Your answers are in." in thanks.content.decode()
    answer = Answer.objects.get()
    assert (answer.run_id, answer.overall, answer.recommend) == (invitation.run_id, 5, 9)
    assert not any(f.name in ("invitation", "enrolment", "learner")
                   for f in Answer._meta.get_fields())  # fmt: skip
    assert not AuditEntry.objects.exists()  # answering leaves no trail back to the person

    again = client.post(url(invitation), {**ANSWER, "overall": "1"})
    assert "filled in already" in again.content.decode()
    assert Answer.objects.count() == 1
    assert Invitation.objects.get().answered


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("overall", "", "This field is required"), ("overall", "6", "Select a valid choice"),
     ("recommend", "11", "less than or equal to 10"), ("comments", "x" * 3001, "at most 3000")],
)  # fmt: skip
def test_bad_answers_are_explained_at_the_question_and_nothing_saved(client, field, value, message):
    invitation = InvitationFactory()
    page = client.post(url(invitation), {**ANSWER, field: value})
    assert message in page.content.decode()
    assert not Answer.objects.exists() and not Invitation.objects.get().answered


def test_a_closed_or_made_up_link_takes_nothing(client):
    closed = InvitationFactory(closes_at=timezone.now() - timedelta(minutes=1))
    assert "has closed" in client.post(url(closed), ANSWER).content.decode()
    assert client.get("/evaluations/not-a-real-token-at-all-0123456789/").status_code == 404
    assert client.get("/evaluations/x%00y/").status_code == 404
    assert not Answer.objects.exists()
