"""Who sees which demand, and the reads its pages need. The access rules live here once:
the admin's scoped querysets, the services' checks of `by` and the pages all ask these."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from catalogue.queries import curates_everything, faculties_curated_by, lecturers
from demand.models import Interest, LearningNeed, ModuleProposal, ProposalEvent

# --- Learning needs ----------------------------------------------------------------------


def learning_needs_curated_by(user) -> QuerySet[LearningNeed]:
    """The office: all; a portfolio holder: the needs assigned to one of their faculties."""
    if curates_everything(user):
        return LearningNeed.objects.all()
    faculties = faculties_curated_by(user)
    return LearningNeed.objects.filter(
        pk__in=LearningNeed.faculties.through.objects.filter(faculty__in=faculties).values(
            "learningneed_id"
        )
    )


def curates_learning_need(user, need: LearningNeed) -> bool:
    return learning_needs_curated_by(user).filter(pk=need.pk).exists()


def require_curator_of_need(user, need: LearningNeed, message: str = "") -> None:
    if not curates_learning_need(user, need):
        raise PermissionDenied(
            message
            or _("Only the office and the portfolio holders it was assigned to may do this.")
        )


def require_office(user, message: str) -> None:
    if not curates_everything(user):
        raise PermissionDenied(message)


def learning_needs_of(user) -> QuerySet[LearningNeed]:
    """What a person submitted, newest first, with what a status page shows."""
    return (
        LearningNeed.objects.filter(submitted_by=user)
        .select_related("merged_into", "organisation")
        .prefetch_related("faculties", "modules", "merged_into__modules")
    )


def learning_needs_of_organisation(organisation) -> QuerySet[LearningNeed]:
    return (
        LearningNeed.objects.filter(organisation=organisation)
        .select_related("merged_into", "submitted_by")
        .prefetch_related("faculties", "modules", "merged_into__modules")
    )


# --- Interest ----------------------------------------------------------------------------


def follows(user, *, module_slug=None, theme=None) -> Interest | None:
    """The signed-in person's interest in this module (by its slug) or theme, if any."""
    if not user.is_authenticated:
        return None
    subject = {"module__slug": module_slug} if module_slug is not None else {"theme": theme}
    return Interest.objects.filter(Q(user=user) | Q(email__iexact=user.email), **subject).first()


def interests_of(user) -> QuerySet[Interest]:
    return (
        Interest.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("module", "theme")
        .order_by("-created_at")
    )


# --- Proposals ---------------------------------------------------------------------------


def may_propose(user) -> bool:
    """University staff who teach: staff accounts and the Lecturers group."""
    return user.is_authenticated and lecturers().filter(pk=user.pk).exists()


def require_may_propose(user) -> None:
    if not may_propose(user):
        raise PermissionDenied(_("Only university staff who teach may propose a module."))


def proposals_reviewed_by(user) -> QuerySet[ModuleProposal]:
    """Submitted or decided proposals of the faculties a person curates (drafts stay the
    proposer's own)."""
    return ModuleProposal.objects.filter(faculty__in=faculties_curated_by(user)).exclude(
        status=ModuleProposal.Status.DRAFT
    )


def reviews_any(user) -> bool:
    """Curates a faculty (so would review its proposals), whether or not any arrived yet."""
    return faculties_curated_by(user).exists()


def reads_demand(user) -> bool:
    """The demand overview is for the academy office and portfolio holders."""
    return curates_everything(user) or reviews_any(user)


def reviews(user, proposal: ModuleProposal) -> bool:
    return proposals_reviewed_by(user).filter(pk=proposal.pk).exists()


def require_reviewer_of(user, proposal: ModuleProposal) -> None:
    if not reviews(user, proposal):
        raise PermissionDenied(
            _("Only the faculty's portfolio holders and the office review this.")
        )


def require_proposer_of(user, proposal: ModuleProposal) -> None:
    if proposal.proposer_id != user.pk:
        raise PermissionDenied(_("Only the person who proposed it may change it."))


def may_read_proposal(user, proposal: ModuleProposal) -> bool:
    return proposal.proposer_id == user.pk or reviews(user, proposal)


def proposals_of(user) -> QuerySet[ModuleProposal]:
    return _proposal_list(ModuleProposal.objects.filter(proposer=user))


def proposals_to_review(user) -> QuerySet[ModuleProposal]:
    return _proposal_list(proposals_reviewed_by(user))


def _proposal_list(proposals) -> QuerySet[ModuleProposal]:
    return proposals.select_related("faculty", "proposer", "module").annotate(
        comments=Count("events", filter=Q(events__kind=ProposalEvent.Kind.COMMENT))
    )


def proposal_page(proposal_id: int) -> ModuleProposal:
    return (
        ModuleProposal.objects.select_related("faculty", "proposer", "module")
        .prefetch_related("partners", "lecturers", "learning_needs", "events__author")
        .get(pk=proposal_id)
    )


def needs_a_proposal_may_answer(user) -> QuerySet[LearningNeed]:
    """Open needs a proposer may link: any open need (they are what the work field asks)."""
    return LearningNeed.objects.open().order_by("topic")
