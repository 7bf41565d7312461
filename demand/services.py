"""The rules of demand: a learning need's way from `new` to `offered` or `declined`, interest
("tell me when"), and a module proposal's review. Every change is logged with who made it;
every email is a row sent once by its task (see emails.py)."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.audit import log_action
from academy.errors import DomainError
from academy.queries import require_admin_of
from catalogue import services as catalogue
from catalogue.models import Module, ModuleRun, Teaching, Theme
from demand import tasks
from demand.models import (
    Interest,
    InterestNotice,
    LearningNeed,
    ModuleProposal,
    NeedNotice,
    ProposalEvent,
)
from demand.queries import (
    require_curator_of_need,
    require_may_propose,
    require_office,
    require_proposer_of,
    require_reviewer_of,
)

AUDIT_ACTIONS = {
    "learning_need.submitted": gettext_lazy("Learning need submitted"),
    "learning_need.assigned": gettext_lazy("Learning need assigned to faculties"),
    "learning_need.status_changed": gettext_lazy("Learning need status changed"),
    "learning_need.linked": gettext_lazy("Learning need linked to modules and partners"),
    "learning_need.merged": gettext_lazy("Learning need merged into another"),
    "interest.registered": gettext_lazy("Asked to be told about new runs"),
    "interest.withdrawn": gettext_lazy("No longer told about new runs"),
    "proposal.submitted": gettext_lazy("Module proposal submitted"),
    "proposal.commented": gettext_lazy("Comment on a module proposal"),
    "proposal.changes_requested": gettext_lazy("Changes asked for a module proposal"),
    "proposal.declined": gettext_lazy("Module proposal declined"),
    "proposal.approved": gettext_lazy("Module proposal approved"),
}


class DemandError(DomainError):
    """A demand rule was broken: a transition that is not allowed, a merge of a need into
    itself, a proposal reviewed twice."""


Status = LearningNeed.Status
OPEN_STATUSES = (Status.NEW, Status.WITH_FACULTY, Status.PLANNED)
# Where a portfolio holder may move a need to, from where it is. `offered` also follows by
# itself when a module linked to the need is published.
TRANSITIONS = {
    Status.NEW: {Status.DECLINED},
    Status.WITH_FACULTY: {Status.PLANNED, Status.DECLINED},
    Status.PLANNED: {Status.WITH_FACULTY, Status.OFFERED, Status.DECLINED},
    Status.OFFERED: {Status.PLANNED},
    Status.DECLINED: {Status.WITH_FACULTY},
}


# --- Learning needs ----------------------------------------------------------------------


def submit_learning_need(
    *, submitted_by=None, organisation=None, language: str, **fields
) -> LearningNeed:
    """Record a learning need from a professional (the public form) or for an employer (its
    portal, by one of its admins); the confirmation is emailed once it is committed."""
    person = submitted_by if submitted_by is not None and submitted_by.is_authenticated else None
    if organisation is not None:
        require_admin_of(person, organisation, _("Only an admin of the employer submits for it."))
        fields.setdefault("organisation_name", organisation.name)
    themes = fields.pop("themes", None)
    with transaction.atomic():
        need = LearningNeed.objects.create(
            submitted_by=person, organisation=organisation, language=language, **fields
        )
        if themes:
            need.themes.set(themes)
        log_action(actor=person, action="learning_need.submitted", target=need,
                   organisation=organisation, details={"topic": need.topic})  # fmt: skip
    tasks.send_learning_need_confirmation.delay_on_commit(need.pk)
    return need


def _locked_need(need: LearningNeed) -> LearningNeed:
    return LearningNeed.objects.select_for_update().get(pk=need.pk)


def _family(need: LearningNeed) -> list[LearningNeed]:
    """The need and those merged into it: they share its status, and each submitter hears."""
    return [need, *LearningNeed.objects.filter(merged_into=need)]


def _set_status(need: LearningNeed, status: str, *, now, reason: str = "") -> None:
    family = _family(need)
    LearningNeed.objects.filter(pk__in=[n.pk for n in family]).update(
        status=status, status_changed_at=now, decline_reason=reason
    )
    need.status, need.status_changed_at, need.decline_reason = status, now, reason
    _tell(family, f"status:{status}")


def _tell(needs, key: str) -> None:
    """Queue one email per need about `key`, to whoever submitted it; never twice."""
    created = []
    for need in needs:
        notice, new = NeedNotice.objects.get_or_create(need=need, key=key)
        if new or notice.sent_at is None:
            created.append(notice.pk)
    for notice_id in created:
        tasks.send_need_notice.delay_on_commit(notice_id)


@transaction.atomic
def assign_learning_need(*, need: LearningNeed, faculties, by, now=None) -> LearningNeed:
    """The office gives a need to one faculty or several (interdisciplinary needs); it is
    then with the faculty. Taking every faculty away gives it back to the office (`new`)."""
    require_office(by, _("Only the academy office assigns learning needs to faculties."))
    now = now or timezone.now()
    need = _locked_need(need)
    if need.merged_into_id:
        raise DemandError(_("This need was merged into another; assign that one."))
    faculties = list(faculties)
    need.faculties.set(faculties)
    if faculties and need.status == Status.NEW:
        _set_status(need, Status.WITH_FACULTY, now=now)
    elif not faculties and need.status == Status.WITH_FACULTY:
        _set_status(need, Status.NEW, now=now)
    details = {"faculties": [f.name for f in faculties], "status": need.status}
    log_action(actor=by, action="learning_need.assigned", target=need,
               organisation=need.organisation_id, details=details)  # fmt: skip
    return need


@transaction.atomic
def change_learning_need_status(
    *, need: LearningNeed, status: str, by, reason: str = "", now=None
) -> LearningNeed:
    """A portfolio holder of an assigned faculty (or the office) moves a need on. Declining
    needs a reason the submitter reads; `offered` needs a published module that answers it."""
    require_curator_of_need(by, need)
    now = now or timezone.now()
    need = _locked_need(need)
    if need.merged_into_id:
        raise DemandError(_("This need was merged into another; its status follows that one."))
    if status == need.status:
        return need
    if status not in TRANSITIONS.get(need.status, set()):
        raise DemandError(
            _("A need that is %(current)s cannot become %(wanted)s.")
            % {
                "current": Status(need.status).label.lower(),
                "wanted": Status(status).label.lower(),
            },
            {"status": _("Not allowed from here.")},
        )
    reason = reason.strip()
    if status == Status.DECLINED and not reason:
        raise DemandError(_("Say why, for the person who asked."),
                          {"decline_reason": _("Say why, for the person who asked.")})  # fmt: skip
    if status == Status.WITH_FACULTY and not need.faculties.exists():
        raise DemandError(_("Assign the need to a faculty first."))
    if status == Status.OFFERED and not need.modules.published().exists():
        raise DemandError(
            _("Link a published module that answers the need first."),
            {"modules": _("Link a published module that answers the need first.")},
        )
    previous = need.status
    _set_status(need, status, now=now, reason=reason if status == Status.DECLINED else "")
    log_action(actor=by, action="learning_need.status_changed", target=need,
               organisation=need.organisation_id,
               details={"from": previous, "status": status, "reason": reason})  # fmt: skip
    return need


@transaction.atomic
def link_learning_need(*, need: LearningNeed, modules=None, partners=None, themes=None, by,
                       now=None):  # fmt: skip
    """Link the modules that answer a need, the partner institutions it is shared with and
    its themes (a linked module adds its own; those merged into the need follow it). A need
    linked to a module that is already published is offered at once."""
    require_curator_of_need(by, need)
    need = _locked_need(need)
    if modules is not None:
        need.modules.set(modules)
    if partners is not None:
        need.partners.set(partners)
    if themes is not None:
        need.themes.set(themes)
    need.themes.add(*Theme.objects.filter(modules__in=need.modules.all()).distinct())
    for merged in need.merged_needs.all():
        merged.themes.set(need.themes.all())
    log_action(actor=by, action="learning_need.linked", target=need,
               organisation=need.organisation_id,
               details={"modules": [m.title for m in need.modules.all()],
                        "partners": [p.name for p in need.partners.all()],
                        "themes": [t.name for t in need.themes.all()]})  # fmt: skip
    for module in need.modules.published():
        _offer(need, module, now=now or timezone.now())
    return need


def _offer(need: LearningNeed, module: Module, *, now) -> bool:
    """A published module answers the need: it is offered, and each submitter is told the
    module is open for enrolment (once per module)."""
    if need.merged_into_id or need.status not in (*OPEN_STATUSES, Status.OFFERED):
        return False
    if need.status != Status.OFFERED:
        family = _family(need)
        LearningNeed.objects.filter(pk__in=[n.pk for n in family]).update(
            status=Status.OFFERED, status_changed_at=now, decline_reason=""
        )
        need.status = Status.OFFERED
    _tell(_family(need), f"module:{module.pk}")
    return True


def offer_needs_answered_by(*, module_id: int, now=None) -> int:
    """After a module is published: every open need linked to it is offered. Idempotent."""
    now = now or timezone.now()
    module = Module.objects.published().filter(pk=module_id).first()
    if module is None:
        return 0
    offered = 0
    for need_id in module.learning_needs.filter(merged_into__isnull=True).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            need = LearningNeed.objects.select_for_update().get(pk=need_id)
            already = need.notices.filter(key=f"module:{module.pk}").exists()
            if not already and _offer(need, module, now=now):
                offered += 1
                log_action(actor=None, action="learning_need.status_changed", target=need,
                           organisation=need.organisation_id,
                           details={"status": Status.OFFERED, "module": module.title})  # fmt: skip
    return offered


def offer_answered_needs(*, now=None) -> int:
    """Beat's net under the publish hook: open needs linked to a published module."""
    module_ids = (
        Module.objects.published()
        .filter(learning_needs__status__in=OPEN_STATUSES, learning_needs__merged_into=None)
        .values_list("pk", flat=True)
        .distinct()
    )
    return sum(offer_needs_answered_by(module_id=pk, now=now) for pk in module_ids)


@transaction.atomic
def merge_learning_needs(*, duplicate: LearningNeed, into: LearningNeed, by) -> LearningNeed:
    """A curator folds a duplicate into another need: its faculties, partners and modules
    join, its submitter keeps following it (through the need it joined), both are told."""
    if duplicate.pk == into.pk:
        raise DemandError(_("A need cannot be merged into itself."))
    require_curator_of_need(by, duplicate)
    require_curator_of_need(by, into)
    first, second = sorted([duplicate.pk, into.pk])  # one lock order, whoever merges what
    locked = {
        n.pk: n for n in LearningNeed.objects.select_for_update().filter(pk__in=[first, second])
    }
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if into.merged_into_id:
        raise DemandError(_("That need was itself merged; merge into %(topic)s instead.")
                          % {"topic": into.merged_into.topic})  # fmt: skip
    if duplicate.merged_into_id:
        raise DemandError(_("This need was merged already."))
    into.faculties.add(*duplicate.faculties.all())
    into.partners.add(*duplicate.partners.all())
    into.modules.add(*duplicate.modules.all())
    into.themes.add(*duplicate.themes.all())
    LearningNeed.objects.filter(merged_into=duplicate).update(merged_into=into)
    LearningNeed.objects.filter(Q(pk=duplicate.pk) | Q(merged_into=into)).update(
        merged_into=into, status=into.status, decline_reason=into.decline_reason
    )
    for joined in into.merged_needs.all():
        joined.themes.set(into.themes.all())
    duplicate.merged_into = into
    _tell([duplicate], f"merged:{into.pk}")
    _tell([into], f"merged:{duplicate.pk}")
    log_action(actor=by, action="learning_need.merged", target=duplicate,
               organisation=duplicate.organisation_id,
               details={"into": into.pk, "topic": into.topic})  # fmt: skip
    return into


# --- Interest ----------------------------------------------------------------------------


def register_interest(*, module=None, theme=None, user=None, email: str = "", language: str):
    """Ask to be told when a run opens. Signed in: confirmed at once. By email: a link to
    confirm is sent (double opt-in), and nothing else is sent until it is used. Asking
    twice changes nothing (and sends the confirmation again only if still unconfirmed)."""
    if (module is None) == (theme is None):
        raise ValueError("Interest is in a module or in a theme.")
    signed_in = user is not None and user.is_authenticated
    email = (user.email if signed_in else email).strip().lower()
    subject = {"module": module} if module is not None else {"theme": theme}
    now = timezone.now()
    with transaction.atomic():
        interest = (
            Interest.objects.select_for_update().filter(email__iexact=email, **subject).first()
        )
        if interest is None:
            try:
                with transaction.atomic():
                    interest = Interest.objects.create(
                        email=email, user=user if signed_in else None, language=language,
                        confirmed_at=now if signed_in else None, **subject,
                    )  # fmt: skip
            except IntegrityError:  # asked at the same moment from another tab
                interest = Interest.objects.get(email__iexact=email, **subject)
        elif signed_in and interest.confirmed_at is None:
            interest.user, interest.confirmed_at = user, now
            interest.save(update_fields=["user", "confirmed_at"])
        if interest.confirmed_at:
            _mark_open_runs_as_known(interest)
            log_action(actor=user if signed_in else None, action="interest.registered",
                       target=interest, subject=interest.user_id,
                       details={"module": getattr(module, "title", None),
                                "theme": getattr(theme, "name", None)})  # fmt: skip
        else:
            Interest.objects.filter(pk=interest.pk).update(confirmation_sent_at=None)
            tasks.send_interest_confirmation.delay_on_commit(interest.pk)
    return interest


@transaction.atomic
def confirm_interest(*, token: str) -> Interest | None:
    """The link in the confirmation email: the interest counts from now. None if unknown."""
    interest = Interest.objects.select_for_update().filter(token=token).first()
    if interest is None:
        return None
    if interest.confirmed_at is None:
        interest.confirmed_at = timezone.now()
        interest.save(update_fields=["confirmed_at"])
        _mark_open_runs_as_known(interest)
        log_action(actor=None, action="interest.registered", target=interest,
                   subject=interest.user_id, details={"confirmed_by_email": True})  # fmt: skip
    return interest


def withdraw_interest(*, token: str) -> Interest | None:
    """The unsubscribe link (no login needed) or the signed-in "stop" button: the interest
    and what it would have sent go. Returns what was withdrawn (unsaved), None if unknown."""
    with transaction.atomic():
        interest = Interest.objects.select_for_update().filter(token=token).first()
        if interest is None:
            return None
        log_action(actor=None, action="interest.withdrawn", target=interest,
                   subject=interest.user_id,
                   details={"module": getattr(interest.module, "title", None),
                            "theme": getattr(interest.theme, "name", None)})  # fmt: skip
        interest.delete()
    return interest


def _runs_for(interest: Interest):
    runs = ModuleRun.objects.open_for_enrolment().filter(
        module__status=Module.Status.PUBLISHED, start_date__gte=timezone.localdate()
    )
    if interest.module_id:
        return runs.filter(module_id=interest.module_id)
    return runs.filter(module__themes=interest.theme_id)


def _mark_open_runs_as_known(interest: Interest) -> None:
    """Runs already open when someone asks are what they saw: they hear of later ones."""
    InterestNotice.objects.bulk_create(
        [InterestNotice(email=interest.email, run=run, interest=interest, already_open=True)
         for run in _runs_for(interest)],
        ignore_conflicts=True,
    )  # fmt: skip


def notify_interest_in_open_runs(*, today: date | None = None) -> int:
    """For every run open for enrolment (of a published module, not started yet), one email
    per interested address that has not heard of it: followers of the module first, then
    of its themes. Rows first (unique per address and run), emails by their own task; so
    running this twice, or a task retried, tells nobody twice. Returns notices queued."""
    today = today or timezone.localdate()
    runs = (
        ModuleRun.objects.open_for_enrolment(today)
        .filter(module__status=Module.Status.PUBLISHED, start_date__gte=today)
        .values_list("pk", "module_id")
    )
    queued = []
    for run_id, module_id in runs:
        interests = (
            Interest.objects.confirmed()
            .filter(Q(module_id=module_id) | Q(theme__modules=module_id))
            .exclude(email__in=InterestNotice.objects.filter(run_id=run_id).values("email"))
            .order_by("theme_id", "pk")  # a module's own followers first: their link names it
            .values_list("pk", "email")
        )
        seen = set()
        rows = []
        for interest_id, email in interests.iterator(chunk_size=2000):
            if email not in seen:
                seen.add(email)
                rows.append(InterestNotice(email=email, run_id=run_id, interest_id=interest_id))
        InterestNotice.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    unsent = InterestNotice.objects.filter(sent_at__isnull=True, already_open=False)
    for notice_id in unsent.values_list("pk", flat=True)[:5000]:
        queued.append(notice_id)
        tasks.send_interest_notice.delay_on_commit(notice_id)
    return len(queued)


# --- Module proposals --------------------------------------------------------------------

PROPOSAL_FIELDS = [
    "title", "summary", "description", "learning_outcomes", "target_audience", "format",
    "delivery_mix", "study_load_hours", "level", "language", "first_run_starts",
    "first_run_ends", "faculty",
]  # fmt: skip
PROPOSAL_LISTS = ["partners", "learning_needs", "lecturers"]


def _apply(proposal: ModuleProposal, fields: dict) -> None:
    for name in PROPOSAL_FIELDS:
        if name in fields:
            setattr(proposal, name, fields[name])


def _apply_lists(proposal: ModuleProposal, fields: dict) -> None:
    for name in PROPOSAL_LISTS:
        if name in fields:
            getattr(proposal, name).set(fields[name])


@transaction.atomic
def save_proposal(*, proposal: ModuleProposal | None = None, by, **fields) -> ModuleProposal:
    """Create or update a draft (or a proposal sent back for changes); only its proposer."""
    require_may_propose(by)
    if proposal is None:
        proposal = ModuleProposal(proposer=by)
    else:
        proposal = ModuleProposal.objects.select_for_update().get(pk=proposal.pk)
        require_proposer_of(by, proposal)
        if not proposal.is_editable:
            raise DemandError(_("A proposal under review or decided cannot be changed."))
    _apply(proposal, fields)
    proposal.save()
    _apply_lists(proposal, fields)
    return proposal


def submission_problems(proposal: ModuleProposal) -> dict[str, str]:
    """What a proposal needs before the portfolio holders can judge it, by field."""
    problems = {}
    if not proposal.summary.strip():
        problems["summary"] = _("Summarise the module in a sentence or two.")
    if not proposal.outcomes():
        problems["learning_outcomes"] = _("Give at least one learning outcome.")
    if not proposal.target_audience.strip():
        problems["target_audience"] = _("Say who the module is for.")
    if not proposal.study_load_hours:
        problems["study_load_hours"] = _("Give the study load in hours.")
    if not proposal.level:
        problems["level"] = _("Choose a level.")
    if not proposal.first_run_starts:
        problems["first_run_starts"] = _("When could the first run start?")
    elif proposal.first_run_starts <= timezone.localdate():
        problems["first_run_starts"] = _("The first run must start in the future.")
    if proposal.pk and not proposal.lecturers.exists():
        problems["lecturers"] = _("Name at least one lecturer.")
    return problems


@transaction.atomic
def submit_proposal(*, proposal: ModuleProposal, by, message: str = "") -> ModuleProposal:
    """Send a draft (or a changed proposal) to the faculty's portfolio holders, who are
    emailed; refused with what is missing, field by field."""
    proposal = ModuleProposal.objects.select_for_update().get(pk=proposal.pk)
    require_proposer_of(by, proposal)
    if not proposal.is_editable:
        raise DemandError(_("This proposal is already with the portfolio holders."))
    if problems := submission_problems(proposal):
        raise DemandError(_("Some parts are missing before it can be reviewed."), problems)
    proposal.status = ModuleProposal.Status.SUBMITTED
    proposal.submitted_at = timezone.now()
    proposal.save(update_fields=["status", "submitted_at", "updated_at"])
    _event(proposal, ProposalEvent.Kind.SUBMITTED, by=by, body=message, action="proposal.submitted")
    return proposal


def _event(proposal, kind, *, by, body: str, action: str) -> ProposalEvent:
    event = ProposalEvent.objects.create(proposal=proposal, author=by, kind=kind, body=body.strip())
    log_action(actor=by, action=action, target=proposal,
               details={"title": proposal.title, "faculty": proposal.faculty_id})  # fmt: skip
    tasks.send_proposal_event.delay_on_commit(event.pk)
    return event


@transaction.atomic
def comment_on_proposal(*, proposal: ModuleProposal, by, body: str) -> ProposalEvent:
    """Proposer and reviewers talk on the proposal; the other side is emailed."""
    if proposal.proposer_id != by.pk:
        require_reviewer_of(by, proposal)
    if not body.strip():
        raise DemandError(_("Write a comment first."), {"body": _("Write a comment first.")})
    return _event(proposal, ProposalEvent.Kind.COMMENT, by=by, body=body,
                  action="proposal.commented")  # fmt: skip


def _reviewed(proposal: ModuleProposal, by) -> ModuleProposal:
    require_reviewer_of(by, proposal)
    proposal = ModuleProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_under_review:
        raise DemandError(_("This proposal is not waiting for a review (any more)."))
    return proposal


@transaction.atomic
def request_changes(*, proposal: ModuleProposal, by, body: str) -> ModuleProposal:
    proposal = _reviewed(proposal, by)
    if not body.strip():
        raise DemandError(_("Say what should change."), {"body": _("Say what should change.")})
    proposal.status = ModuleProposal.Status.CHANGES_REQUESTED
    proposal.save(update_fields=["status", "updated_at"])
    _event(proposal, ProposalEvent.Kind.CHANGES_REQUESTED, by=by, body=body,
           action="proposal.changes_requested")  # fmt: skip
    return proposal


@transaction.atomic
def decline_proposal(*, proposal: ModuleProposal, by, body: str) -> ModuleProposal:
    proposal = _reviewed(proposal, by)
    if not body.strip():
        raise DemandError(
            _("Say why, for the proposer."), {"body": _("Say why, for the proposer.")}
        )
    proposal.status = ModuleProposal.Status.DECLINED
    proposal.save(update_fields=["status", "updated_at"])
    _event(proposal, ProposalEvent.Kind.DECLINED, by=by, body=body, action="proposal.declined")
    return proposal


@transaction.atomic
def approve_proposal(*, proposal: ModuleProposal, by, body: str = "", now=None) -> Module:
    """The faculty's portfolio holder says yes: a draft module with the proposal's content,
    a planned first run with the proposed lecturers teaching it, and the needs it answers
    linked and planned. The module is published later, through the usual checks."""
    proposal = _reviewed(proposal, by)
    now = now or timezone.now()
    module = Module.objects.create(
        title=proposal.title, slug=_unique_slug(proposal.title), faculty=proposal.faculty,
        summary=proposal.summary, description=proposal.description or proposal.summary,
        learning_outcomes=proposal.outcomes(), target_audience=proposal.target_audience,
        format=proposal.format, study_load_hours=proposal.study_load_hours,
        level=proposal.level, language=proposal.language, status=Module.Status.DRAFT,
    )  # fmt: skip
    module.partners.set(proposal.partners.all())
    module.themes.set(
        Theme.objects.filter(learning_needs__in=proposal.learning_needs.all()).distinct()
    )
    catalogue.refresh_search_index(module_ids=[module.pk])
    starts = proposal.first_run_starts
    run = ModuleRun.objects.create(
        module=module, code=catalogue.unique_run_code(module=module, start_date=starts),
        start_date=starts, end_date=proposal.first_run_ends or starts,
        status=ModuleRun.Status.PLANNED,
    )  # fmt: skip
    Teaching.objects.bulk_create(
        Teaching(run=run, lecturer=lecturer) for lecturer in proposal.lecturers.all()
    )
    proposal.status = ModuleProposal.Status.APPROVED
    proposal.module = module
    proposal.save(update_fields=["status", "module", "updated_at"])
    for need in proposal.learning_needs.filter(merged_into__isnull=True):
        need = _locked_need(need)
        need.modules.add(module)
        need.faculties.add(proposal.faculty)
        if need.status in (Status.NEW, Status.WITH_FACULTY):
            _set_status(need, Status.PLANNED, now=now)
            log_action(actor=by, action="learning_need.status_changed", target=need,
                       organisation=need.organisation_id,
                       details={"status": Status.PLANNED, "module": module.title})  # fmt: skip
    _event(proposal, ProposalEvent.Kind.APPROVED, by=by, body=body, action="proposal.approved")
    return module


def _unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "module"
    taken = set(Module.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


# --- Permissions -------------------------------------------------------------------------

_PORTFOLIO_HOLDER_PERMISSIONS = [
    "view_learningneed", "change_learningneed", "view_moduleproposal", "view_interest",
]  # fmt: skip


def grant_demand_permissions() -> None:
    """The curation groups' rights on demand, after every migrate (as catalogue's groups)."""
    from django.contrib.auth.models import Group, Permission

    from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS

    permissions = Permission.objects.filter(content_type__app_label="demand")
    holders, _created = Group.objects.get_or_create(name=PORTFOLIO_HOLDERS)
    holders.permissions.add(*permissions.filter(codename__in=_PORTFOLIO_HOLDER_PERMISSIONS))
    office, _created = Group.objects.get_or_create(name=ACADEMY_OFFICE)
    office.permissions.add(*permissions)
