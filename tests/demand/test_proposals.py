"""A lecturer proposes a module; the faculty's portfolio holders review it: comments, a
request for changes, a decline with a reason, or an approval that makes a draft module with
a planned run, its lecturers and the needs it answers linked and planned."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from catalogue.models import Module, ModuleRun
from demand import emails, services
from demand.models import LearningNeed, ModuleProposal, ProposalEvent
from demand.services import DemandError
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, PartnerFactory, ThemeFactory
from tests.demand.factories import (
    LearningNeedFactory,
    lecturer,
    office_user,
    portfolio_holder_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def faculty():
    return FacultyFactory(name="Technology, Policy and Management")


@pytest.fixture
def holder(faculty):
    return portfolio_holder_of(faculty)


@pytest.fixture
def proposer():
    return lecturer()


def draft(proposer, faculty, **fields):
    starts = timezone.localdate() + timedelta(days=90)
    values = {
        "faculty": faculty, "title": "Circular procurement",
        "summary": "Tender circularly, judge suppliers' claims.",
        "learning_outcomes": "Write a circular tender\nJudge suppliers' claims",
        "target_audience": "Buyers in municipalities", "study_load_hours": 56, "level": 6,
        "first_run_starts": starts, "first_run_ends": starts + timedelta(weeks=8),
        "lecturers": [proposer], **fields,
    }  # fmt: skip
    return services.save_proposal(by=proposer, **values)


def test_the_whole_review_from_draft_to_a_draft_module(
    proposer, holder, faculty, committed, mailoutbox
):
    need = LearningNeedFactory(status=LearningNeed.Status.WITH_FACULTY)
    need.themes.add(theme := ThemeFactory(name="Sustainability"))
    partner = PartnerFactory(name="Hogeschool Rotterdam")
    proposal = draft(proposer, faculty, partners=[partner], learning_needs=[need])
    assert proposal.status == ModuleProposal.Status.DRAFT

    with committed():
        services.submit_proposal(proposal=proposal, by=proposer, message="For spring.")
    assert [m.to for m in mailoutbox] == [[holder.email]]
    assert (
        "Please review it" in mailoutbox[0].body
        and f"/teaching/proposals/{proposal.pk}/" in mailoutbox[0].body
    )

    with committed():
        services.request_changes(proposal=proposal, by=holder, body="Add a campus day.")
    proposal.refresh_from_db()
    assert proposal.status == ModuleProposal.Status.CHANGES_REQUESTED
    assert mailoutbox[-1].to == [proposer.email] and "Add a campus day." in mailoutbox[-1].body

    services.save_proposal(
        proposal=proposal, by=proposer, delivery_mix="Six online weeks, two campus days"
    )
    with committed():
        services.submit_proposal(proposal=proposal, by=proposer)
        module = services.approve_proposal(proposal=proposal, by=holder, body="Go ahead.")

    assert module.status == Module.Status.DRAFT and module.faculty == faculty
    assert module.learning_outcomes == ["Write a circular tender", "Judge suppliers' claims"]
    assert list(module.partners.all()) == [partner]
    assert list(module.themes.all()) == [theme]  # from the needs it answers
    run = ModuleRun.objects.get(module=module)
    assert run.status == ModuleRun.Status.PLANNED and run.start_date == proposal.first_run_starts
    assert list(run.lecturers.all()) == [proposer]
    need.refresh_from_db()
    assert need.status == LearningNeed.Status.PLANNED and module in need.modules.all()
    proposal.refresh_from_db()
    assert proposal.status == ModuleProposal.Status.APPROVED and proposal.module == module
    kinds = list(proposal.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "changes_requested", "submitted", "approved"]
    assert "is approved" in mailoutbox[-1].subject


def test_what_is_missing_is_said_per_field_before_it_goes_to_review(proposer, faculty):
    proposal = services.save_proposal(by=proposer, faculty=faculty, title="Half an idea")
    with pytest.raises(DemandError) as refusal:
        services.submit_proposal(proposal=proposal, by=proposer)
    assert {"summary", "learning_outcomes", "target_audience", "study_load_hours", "level",
            "first_run_starts", "lecturers"} <= set(refusal.value.problems)  # fmt: skip
    proposal.refresh_from_db()
    assert proposal.status == ModuleProposal.Status.DRAFT


def test_declining_needs_a_reason_and_ends_the_review(proposer, holder, faculty):
    proposal = draft(proposer, faculty)
    services.submit_proposal(proposal=proposal, by=proposer)
    with pytest.raises(DemandError):
        services.decline_proposal(proposal=proposal, by=holder, body=" ")
    services.decline_proposal(proposal=proposal, by=holder, body="We offer this already.")
    with pytest.raises(DemandError):
        services.approve_proposal(proposal=proposal, by=holder)
    with pytest.raises(DemandError):
        services.save_proposal(proposal=proposal, by=proposer, title="Again")


def test_who_may_do_what(proposer, holder, faculty):
    proposal = draft(proposer, faculty)
    with pytest.raises(PermissionDenied):  # a learner does not propose
        services.save_proposal(by=UserFactory(), faculty=faculty, title="Mine")
    with pytest.raises(PermissionDenied):  # nor edits someone else's
        services.save_proposal(proposal=proposal, by=lecturer(), title="Theirs")
    with pytest.raises(PermissionDenied):  # a draft is not for review yet
        services.approve_proposal(proposal=proposal, by=holder)
    services.submit_proposal(proposal=proposal, by=proposer)
    stranger = portfolio_holder_of(FacultyFactory(name="Humanities"))
    with pytest.raises(PermissionDenied):
        services.approve_proposal(proposal=proposal, by=stranger)
    with pytest.raises(PermissionDenied):
        services.comment_on_proposal(proposal=proposal, by=stranger, body="Hm")
    with pytest.raises(PermissionDenied):
        services.approve_proposal(proposal=proposal, by=proposer)  # not one's own
    assert services.approve_proposal(proposal=proposal, by=office_user()).pk


def test_each_step_is_emailed_once_even_when_the_task_runs_twice(
    proposer, holder, faculty, committed, mailoutbox
):
    proposal = draft(proposer, faculty)
    with committed():
        services.submit_proposal(proposal=proposal, by=proposer)
    event = ProposalEvent.objects.get()
    assert emails.send_proposal_event(event_id=event.pk) is False
    assert len(mailoutbox) == 1
