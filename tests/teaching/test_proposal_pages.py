"""Module proposals through the pages, per role and by direct URL: a lecturer drafts,
resumes and submits; the faculty's portfolio holder asks for changes and approves; nobody
else sees a proposal that is not theirs to see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.models import Module
from demand.models import ModuleProposal
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory
from tests.demand.factories import ProposalFactory, lecturer, office_user, portfolio_holder_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def faculty():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def proposer():
    return lecturer()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def complete(faculty, proposer, **changes):
    starts = timezone.localdate() + timedelta(days=90)
    data = {
        "faculty": faculty.pk, "title": "Circular procurement",
        "summary": "Tender circularly.", "description": "",
        "learning_outcomes": "Write a circular tender\nJudge suppliers' claims",
        "target_audience": "Buyers", "format": "blended", "delivery_mix": "Online, two days",
        "study_load_hours": "56", "level": "6", "language": "en", "lecturers": [proposer.pk],
        "first_run_starts": starts.isoformat(),
        "first_run_ends": (starts + timedelta(weeks=6)).isoformat(),
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_draft_is_saved_resumed_and_submitted_with_problems_at_their_fields(
    client, faculty, proposer, committed, mailoutbox
):
    holder = portfolio_holder_of(faculty)
    client.force_login(proposer)
    half = {"faculty": faculty.pk, "title": "Half an idea", "save": ""}
    response = client.post("/teaching/proposals/new/", half)
    proposal = ModuleProposal.objects.get()
    assert response.url == f"/teaching/proposals/{proposal.pk}/edit/"
    assert client.get(response.url).context["form"]["title"].value() == "Half an idea"

    with committed():
        refused = client.post(response.url, {"faculty": faculty.pk, "title": "Half an idea",
                                             "submit": ""})  # fmt: skip
    form = refused.context["form"]
    assert "Summarise the module" in form.errors["summary"][0]
    assert "Your draft is saved." in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ModuleProposal.Status.DRAFT and mailoutbox == []

    with committed():
        sent = client.post(response.url, {**complete(faculty, proposer), "submit": ""})
    assert sent.url == f"/teaching/proposals/{proposal.pk}/"
    proposal.refresh_from_db()
    assert proposal.status == ModuleProposal.Status.SUBMITTED
    assert [m.to for m in mailoutbox] == [[holder.email]]


def test_the_review_asks_for_changes_the_proposer_resubmits_and_approval_makes_a_module(
    client, faculty, proposer, committed, mailoutbox
):
    holder = portfolio_holder_of(faculty)
    client.force_login(proposer)
    with committed():
        client.post("/teaching/proposals/new/", {**complete(faculty, proposer), "submit": ""})
    proposal = ModuleProposal.objects.get()

    client.force_login(holder)
    assert "Circular procurement" in client.get("/teaching/proposals/").content.decode()
    with committed():
        client.post(f"/teaching/proposals/{proposal.pk}/review/",
                    {"decision": "changes", "body": "Add a campus day."})  # fmt: skip
    assert "Add a campus day." in mailoutbox[-1].body and mailoutbox[-1].to == [proposer.email]

    client.force_login(proposer)
    edit = client.get(f"/teaching/proposals/{proposal.pk}/edit/")
    assert "Add a campus day." in edit.content.decode()
    with committed():
        changed = complete(faculty, proposer, delivery_mix="Three campus days")
        client.post(f"/teaching/proposals/{proposal.pk}/edit/", {**changed, "submit": ""})

    client.force_login(holder)
    with committed():
        page = client.post(f"/teaching/proposals/{proposal.pk}/review/",
                           {"decision": "approve", "body": "Go."}, follow=True)  # fmt: skip
    module = Module.objects.get(title="Circular procurement")
    assert module.status == Module.Status.DRAFT
    assert f"/admin/catalogue/module/{module.pk}/change/" in page.content.decode()
    client.force_login(proposer)
    page = client.get(f"/teaching/proposals/{proposal.pk}/").content.decode()
    assert "Approved" in page and "Asked for changes" in page and "Add a campus day." in page
    assert client.get(f"/teaching/proposals/{proposal.pk}/edit/").status_code == 302


def test_who_sees_what(client, faculty, proposer):
    draft = ProposalFactory(proposer=proposer, faculty=faculty)
    submitted = ProposalFactory(proposer=proposer, faculty=faculty, status="submitted")
    holder = portfolio_holder_of(faculty)
    stranger_holder = portfolio_holder_of(FacultyFactory(name="Law", slug="law"))

    client.force_login(UserFactory())  # a learner
    assert client.get("/teaching/proposals/new/").status_code == 403
    assert client.get("/teaching/proposals/").status_code == 403
    assert client.get(f"/teaching/proposals/{submitted.pk}/").status_code == 404

    client.force_login(lecturer())  # another lecturer
    assert client.get(f"/teaching/proposals/{draft.pk}/").status_code == 404
    assert client.get(f"/teaching/proposals/{draft.pk}/edit/").status_code == 404

    client.force_login(holder)
    assert client.get(f"/teaching/proposals/{draft.pk}/").status_code == 404  # not yet sent
    assert client.get(f"/teaching/proposals/{submitted.pk}/").status_code == 200
    assert client.get(f"/teaching/proposals/{submitted.pk}/edit/").status_code == 404
    assert client.post(f"/teaching/proposals/{submitted.pk}/review/",
                       {"decision": "decline", "body": ""}).status_code == 302  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.status == "submitted"  # a decline needs a reason

    client.force_login(stranger_holder)
    assert client.get(f"/teaching/proposals/{submitted.pk}/").status_code == 404
    assert client.post(f"/teaching/proposals/{submitted.pk}/review/",
                       {"decision": "approve"}).status_code == 404  # fmt: skip

    client.force_login(office_user())
    assert client.get(f"/teaching/proposals/{submitted.pk}/").status_code == 200


def test_the_pages_have_constant_queries(client, faculty, proposer, django_assert_max_num_queries):
    holder = portfolio_holder_of(faculty)
    for _ in range(2):
        ProposalFactory(proposer=proposer, faculty=faculty, status="submitted")
    client.force_login(holder)
    with django_assert_max_num_queries(12) as few:
        client.get("/teaching/proposals/")
    for _ in range(15):
        ProposalFactory(proposer=proposer, faculty=faculty, status="submitted")
    with django_assert_max_num_queries(len(few)):
        client.get("/teaching/proposals/")
    proposal = ModuleProposal.objects.first()
    with django_assert_max_num_queries(22):
        assert client.get(f"/teaching/proposals/{proposal.pk}/").status_code == 200
