"""The emails demand sends, each at most once however often its task runs (send_once), and
swept again by `send_unsent` when a task was lost."""

from django.urls import reverse
from django.utils import timezone

from academy.emails import overdue, send_each, send_once, templated_email
from demand.models import Interest, InterestNotice, LearningNeed, NeedNotice, ProposalEvent


def _link(name: str, *args) -> str:
    from django.conf import settings

    return settings.SITE_URL + reverse(name, args=args)


def send_learning_need_confirmation(*, need_id: int) -> bool:
    """Confirm a learning need to whoever submitted it; False when it was sent already."""
    return send_once(
        LearningNeed.objects.all(), pk=need_id, sent_field="confirmation_sent_at",
        message=lambda need: templated_email(
            "learning_need_confirmation",
            {"need": need, "follow_url": _follow_url(need)},
            to=need.contact_email, language=need.language,
        ),
    )  # fmt: skip


def _follow_url(need: LearningNeed) -> str:
    return _link("learner:learning_needs") if need.submitted_by_id else ""


def _need_notice(notice: NeedNotice):
    need = notice.need
    kind, _colon, value = notice.key.partition(":")
    context = {"need": need, "kind": kind, "follow_url": _follow_url(need)}
    if kind == "module":
        module = (
            need.modules.filter(pk=value).first() or need.answer.modules.filter(pk=value).first()
        )
        context["module"] = module
        context["module_url"] = _link("learner:module", module.slug) if module else ""
    elif kind == "merged":
        context["other"] = LearningNeed.objects.filter(pk=value).first()
    else:
        context["status"] = LearningNeed.Status(value).label
    return templated_email("learning_need_update", context, to=need.contact_email,
                           language=need.language)  # fmt: skip


def send_need_notice(*, notice_id: int) -> bool:
    return send_once(
        NeedNotice.objects.select_related("need__merged_into"), pk=notice_id,
        sent_field="sent_at", message=_need_notice,
    )  # fmt: skip


def send_interest_confirmation(*, interest_id: int) -> bool:
    return send_once(
        Interest.objects.filter(confirmed_at__isnull=True).select_related("module", "theme"),
        pk=interest_id, sent_field="confirmation_sent_at",
        message=lambda interest: templated_email(
            "interest_confirmation",
            {"interest": interest, "confirm_url": _link("learner:interest_confirm", interest.token),
             "stop_url": _link("learner:interest_stop", interest.token)},
            to=interest.email, language=interest.language,
        ),
    )  # fmt: skip


def _interest_notice(notice: InterestNotice):
    interest, run = notice.interest, notice.run
    return templated_email(
        "interest_run_open",
        {"interest": interest, "run": run, "module": run.module,
         "module_url": _link("learner:module", run.module.slug),
         "stop_url": _link("learner:interest_stop", interest.token)},
        to=notice.email, language=interest.language,
    )  # fmt: skip


def send_interest_notice(*, notice_id: int) -> bool:
    return send_once(
        InterestNotice.objects.filter(already_open=False, interest__confirmed_at__isnull=False)
        .select_related("interest__module", "interest__theme", "run__module"),
        pk=notice_id, sent_field="sent_at", message=_interest_notice,
    )  # fmt: skip


def recipients_of(event: ProposalEvent) -> list:
    """The other side: the proposer hears what reviewers do; the faculty's portfolio holders
    hear what the proposer does."""
    proposal = event.proposal
    if event.author_id != proposal.proposer_id:
        return [proposal.proposer] if proposal.proposer.is_active else []
    return list(
        proposal.faculty.portfolio_holders.filter(is_active=True).exclude(pk=event.author_id)
    )


def send_proposal_event(*, event_id: int) -> bool:
    """One message per recipient, all marked sent with the event (so all or, on retry, all
    again is impossible: the row is locked while they go)."""
    from django.core.mail import get_connection
    from django.db import transaction

    with transaction.atomic():
        event = (
            ProposalEvent.objects.select_for_update(of=("self",))
            .select_related("proposal__faculty", "proposal__proposer", "author")
            .filter(pk=event_id, notified_at__isnull=True)
            .first()
        )
        if event is None:
            return False
        url = _link("teaching:proposal", event.proposal_id)
        messages = [
            templated_email(
                "proposal_event",
                {
                    "event": event,
                    "proposal": event.proposal,
                    "url": url,
                    "to_proposer": person.pk == event.proposal.proposer_id,
                    "recipient": person,
                },
                to=person.email,
                language=person.preferred_language,
            )
            for person in recipients_of(event)
        ]
        with get_connection() as connection:
            connection.send_messages([m for m in messages if m.recipients()])
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
    return True


def send_unsent(*, now=None) -> int:
    """What the tasks above should have sent by now (see academy.emails.overdue)."""
    confirmations = overdue(LearningNeed.objects.filter(confirmation_sent_at__isnull=True),
                            since="created_at", now=now)  # fmt: skip
    notices = overdue(NeedNotice.objects.filter(sent_at__isnull=True), since="created_at", now=now)
    opt_ins = overdue(Interest.objects.filter(confirmed_at__isnull=True,
                                              confirmation_sent_at__isnull=True),
                      since="created_at", now=now)  # fmt: skip
    events = overdue(ProposalEvent.objects.filter(notified_at__isnull=True), since="created_at",
                     now=now)  # fmt: skip
    return (
        send_each(confirmations, lambda pk: send_learning_need_confirmation(need_id=pk))
        + send_each(notices, lambda pk: send_need_notice(notice_id=pk))
        + send_each(opt_ins, lambda pk: send_interest_confirmation(interest_id=pk))
        + send_each(events, lambda pk: send_proposal_event(event_id=pk))
    )
