import pytest

from demand import emails
from demand.models import LearningNeed
from tests.academy.factories import MembershipFactory
from tests.demand.factories import LearningNeedFactory

pytestmark = pytest.mark.django_db

VALID = {
    "topic": "Data literacy for policy advisers",
    "description": "Our advisers must learn to read and question the data analyses they get.",
    "expected_learners": "15",
    "preferred_format": "blended",
    "preferred_period": "Spring 2027",
    "contact_name": "Sanne de Boer",
    "contact_email": "sanne@gemeente.example.nl",
    "contact_phone": "",
    "organisation_name": "Gemeente Tiel",
}


def test_anyone_can_submit_a_learning_need_and_gets_a_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/learning-needs/new/", VALID, follow=True)

    need = LearningNeed.objects.get()
    assert need.topic == "Data literacy for policy advisers"
    assert need.status == LearningNeed.Status.NEW and need.submitted_by is None
    assert response.redirect_chain == [("/learning-needs/thanks/", 302)]
    assert "A confirmation is on its way to sanne@gemeente.example.nl" in response.content.decode()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["sanne@gemeente.example.nl"]
    assert "Data literacy for policy advisers" in mail.subject
    assert "Dear Sanne de Boer" in mail.body
    assert mail.alternatives[0][1] == "text/html"


def test_confirmation_is_in_the_language_the_need_was_submitted_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "nl"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/learning-needs/new/", VALID)

    assert LearningNeed.objects.get().language == "nl"
    assert "Beste Sanne de Boer" in mailoutbox[0].body


def test_confirmation_is_sent_once_even_when_the_task_runs_twice(mailoutbox):
    need = LearningNeedFactory()

    assert emails.send_learning_need_confirmation(need_id=need.pk) is True
    assert emails.send_learning_need_confirmation(need_id=need.pk) is False
    assert len(mailoutbox) == 1


def test_logged_in_users_details_are_prefilled(client):
    membership = MembershipFactory(
        user__first_name="Joost",
        user__last_name="Mulder",
        organisation__name="Waterschap Rivierenland",
    )
    client.force_login(membership.user)

    form = client.get("/learning-needs/new/").context["form"]

    assert form.initial["contact_name"] == "Joost Mulder"
    assert form.initial["contact_email"] == membership.user.email
    assert form.initial["organisation_name"] == "Waterschap Rivierenland"


def test_submission_by_a_logged_in_user_is_linked_to_them(
    client, django_capture_on_commit_callbacks
):
    membership = MembershipFactory()
    client.force_login(membership.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/learning-needs/new/", VALID)

    assert LearningNeed.objects.get().submitted_by == membership.user


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("expected_learners", "0", "greater than or equal to 1"),
        ("expected_learners", "many", "Enter a whole number"),
        ("contact_email", "sanne-at-gemeente", "Enter a valid email address"),
        ("description", "Data", "at least 20 characters"),
        ("topic", "", "This field is required"),
        ("preferred_format", "hologram", "Select a valid choice"),
    ],
)
def test_bad_input_is_explained_at_the_field_and_nothing_is_saved(
    client, mailoutbox, field, value, message
):
    response = client.post("/learning-needs/new/", {**VALID, field: value})

    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert "Please correct the fields marked below." in response.content.decode()
    assert not LearningNeed.objects.exists()
    assert mailoutbox == []


def test_the_form_cannot_be_used_to_send_mail_in_bulk(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        responses = [client.post("/learning-needs/new/", VALID) for _ in range(7)]

    assert [r.status_code for r in responses] == [302] * 5 + [200] * 2
    assert "try again in an hour" in responses[-1].content.decode()
    assert LearningNeed.objects.count() == 5 and len(mailoutbox) == 5


def test_the_thank_you_page_says_it_once(client, django_capture_on_commit_callbacks):
    page = client.post("/learning-needs/new/", {
        "topic": "Circular procurement", "description": "Our buyers must learn to tender.",
        "expected_learners": "12", "contact_name": "Sanne de Boer",
        "contact_email": "sanne@gemeente.example.nl",
    }, follow=True).content.decode()  # fmt: skip
    assert page.count("Thank you") == 1
