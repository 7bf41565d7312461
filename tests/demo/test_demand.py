"""The demo's demand, as the people named in the issue find it."""

import pytest

from demand.models import Interest, LearningNeed, ModuleProposal

pytestmark = [pytest.mark.django_db, pytest.mark.read_only_demo,
              pytest.mark.usefixtures("demo_academy")]  # fmt: skip


def test_learning_needs_in_every_status_some_from_the_employer_some_answered():
    needs = LearningNeed.objects.all()
    assert {n.status for n in needs} == set(LearningNeed.Status.values)
    assert needs.filter(organisation__name="Zorggroep Rivierenland").exists()
    assert needs.filter(modules__isnull=False).exists()
    assert needs.filter(merged_into__isnull=False).exists()
    assert needs.exclude(decline_reason="").filter(status="declined").exists()


def test_proposals_by_the_demo_lecturer_in_each_state_one_approved_into_a_draft_module():
    proposals = ModuleProposal.objects.filter(proposer__email="lecturer@example.org")
    assert {p.status for p in proposals} == set(ModuleProposal.Status.values)
    approved = proposals.get(status="approved")
    assert approved.module is not None and approved.module.status == "draft"
    lecturer = approved.proposer
    assert lecturer.teachings.exists()
    assert not lecturer.curated_faculties.exists()


def test_interest_confirmed_and_not():
    assert Interest.objects.filter(confirmed_at__isnull=False).exists()
    assert Interest.objects.filter(confirmed_at__isnull=True).exists()
