"""The demo's demand: learning needs in every status (some from the demo employer, some
answered by modules), interest in modules and themes, searches that found nothing, and
module proposals by the demo lecturer in each state, one approved into a draft module.
Safe to run again: rows are found by their topic or title, never made twice."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from catalogue.models import Faculty, Module, ModuleRun, Partner, SearchMiss, Teaching, Theme
from catalogue.services import LECTURERS
from demand import services
from demand.models import (
    Interest,
    InterestNotice,
    LearningNeed,
    ModuleProposal,
    NeedNotice,
    ProposalEvent,
)

Status = LearningNeed.Status

NEEDS = [
    # topic, language, status, from the employer?, expected learners, what answers it
    ("Omgaan met agressie in de wijkzorg", "nl", Status.NEW, True, 24, None),
    ("Data literacy for policy advisers", "en", Status.NEW, False, 12, None),
    ("Leiderschap in zelforganiserende zorgteams", "nl", Status.WITH_FACULTY, True, 8, None),
    ("Circular procurement for municipalities", "en", Status.WITH_FACULTY, False, 30, None),
    ("AI-assisted triage in primary care", "en", Status.PLANNED, True, 15, "proposal"),
    ("Responsible use of generative AI at work", "en", Status.OFFERED, False, 40, 0),
    ("Blockchain for notaries", "en", Status.DECLINED, False, 5, None),
]
NEED_THEMES = {  # as the submitters chose them; one is left for the office to place
    "Omgaan met agressie in de wijkzorg": ["health-care", "wellbeing-work"],
    "Data literacy for policy advisers": ["data-ai", "law-governance"],
    "Data-geletterdheid voor beleidsmedewerkers": ["data-ai"],
    "Circular procurement for municipalities": ["sustainability-energy", "law-governance"],
    "AI-assisted triage in primary care": ["data-ai", "health-care"],
    "Responsible use of generative AI at work": ["data-ai"],
}
DECLINE_REASON = (
    "Too few people asked for this to start a module now. Our partner Hogeschool Utrecht "
    "offers a short course on it; we have passed your request on to them."
)
MISSED_SEARCHES = [("verpleegkundig rekenen", 14), ("quantum", 9), ("dementie", 7),
                   ("excel gevorderd", 6), ("pyhton", 4), ("stikstof", 3)]  # fmt: skip


@transaction.atomic
def seed_demand(*, lecturer, learner, employer, organisation, portfolio_holder, office,
                curated_faculty: Faculty, today=None) -> dict:  # fmt: skip
    today = today or timezone.localdate()
    lecturer.groups.add(Group.objects.get(name=LECTURERS))
    _let_lecturer_teach(lecturer, curated_faculty)
    modules = list(Module.objects.published().filter(faculty=curated_faculty).order_by("title"))
    proposals = _seed_proposals(lecturer, portfolio_holder, curated_faculty, today)
    approved_module = proposals[ModuleProposal.Status.APPROVED].module
    needs = _seed_needs(
        employer=employer, organisation=organisation, learner=learner, office=office,
        faculty=curated_faculty, modules=modules, planned_module=approved_module,
        proposal=proposals[ModuleProposal.Status.SUBMITTED],
    )  # fmt: skip
    interest = _seed_interest(learner, modules)
    for term, count in MISSED_SEARCHES:
        for weeks_ago in range(3):
            week = today - timedelta(days=today.weekday(), weeks=weeks_ago)
            searches = max(count - 2 * weeks_ago, 1)
            SearchMiss.objects.update_or_create(term=term, week=week, defaults={"count": searches})
    # The demo's history happened before anyone could be emailed about it.
    now = timezone.now()
    LearningNeed.objects.filter(confirmation_sent_at__isnull=True).update(confirmation_sent_at=now)
    NeedNotice.objects.filter(sent_at__isnull=True).update(sent_at=now)
    ProposalEvent.objects.filter(notified_at__isnull=True).update(notified_at=now)
    InterestNotice.objects.filter(sent_at__isnull=True).update(sent_at=now)
    Interest.objects.filter(confirmation_sent_at__isnull=True).update(confirmation_sent_at=now)
    return {"needs": needs, "interest": interest, "proposals": len(proposals)}


def _let_lecturer_teach(lecturer, faculty) -> None:
    runs = ModuleRun.objects.filter(module__faculty=faculty).order_by("start_date")[:2]
    for run in runs:
        Teaching.objects.get_or_create(run=run, lecturer=lecturer,
                                       defaults={"contact_hours": 12})  # fmt: skip


def _seed_proposals(lecturer, holder, faculty, today) -> dict:
    partner = Partner.objects.order_by("name").first()
    starts = today + timedelta(days=120)
    base = {
        "faculty": faculty, "format": "blended", "level": 6, "language": "en",
        "study_load_hours": 56, "first_run_starts": starts,
        "first_run_ends": starts + timedelta(weeks=8), "lecturers": [lecturer],
        "partners": [partner] if partner else [],
        "target_audience": "Professionals who want to apply it in their own organisation.",
        "delivery_mix": "Six weeks online with two days on campus.",
    }  # fmt: skip
    specs = [
        (ModuleProposal.Status.DRAFT, "Ethics of algorithms in public services",
         "Judge when an algorithm may decide about citizens."),
        (ModuleProposal.Status.SUBMITTED, "Evidence-based practice for nurses",
         "Find, weigh and apply research in daily care."),
        (ModuleProposal.Status.CHANGES_REQUESTED, "Negotiation for project leaders",
         "Prepare, conduct and close negotiations."),
        (ModuleProposal.Status.DECLINED, "History of the Dutch water boards",
         "How water boards came to govern the Netherlands."),
        (ModuleProposal.Status.APPROVED, "AI-assisted triage in primary care",
         "Use and question triage algorithms in general practice."),
    ]  # fmt: skip
    made = {}
    for status, title, summary in specs:
        proposal = ModuleProposal.objects.filter(title=title, proposer=lecturer).first()
        if proposal is None:
            proposal = services.save_proposal(
                by=lecturer, title=title, summary=summary,
                learning_outcomes="Explain the main ideas\nApply them to a case from your work",
                **base,
            )  # fmt: skip
            if status != ModuleProposal.Status.DRAFT:
                services.submit_proposal(
                    proposal=proposal, by=lecturer, message="I taught this to students for years."
                )
            if status == ModuleProposal.Status.CHANGES_REQUESTED:
                services.request_changes(
                    proposal=proposal, by=holder, body="Add an assignment from their own work."
                )
            elif status == ModuleProposal.Status.DECLINED:
                services.decline_proposal(
                    proposal=proposal, by=holder, body="Outside what professionals ask us for."
                )
            elif status == ModuleProposal.Status.APPROVED:
                services.approve_proposal(
                    proposal=proposal, by=holder, body="A good answer to what GPs asked for."
                )
            proposal.refresh_from_db()
        made[status] = proposal
    return made


def _seed_needs(*, employer, organisation, learner, office, faculty, modules, planned_module,
                proposal) -> int:  # fmt: skip
    for topic, language, status, from_employer, learners, answer in NEEDS:
        if LearningNeed.objects.filter(topic=topic).exists():
            continue
        by = employer if from_employer else learner if status == Status.OFFERED else None
        if by is not None:
            contact = (by.get_full_name(), by.email)
        else:
            contact = ("Sanne de Boer", "sanne@gemeente.example.nl")
        need = services.submit_learning_need(
            submitted_by=by, organisation=organisation if from_employer else None,
            language=language, topic=topic,
            description="Wij zoeken scholing voor onze medewerkers die dit dagelijks tegenkomen."
            if from_employer else "We need our people to be able to do this well in their work.",
            expected_learners=learners, contact_name=contact[0], contact_email=contact[1],
            preferred_period="Voorjaar 2027" if from_employer else "Spring 2027",
            themes=Theme.objects.filter(slug__in=NEED_THEMES.get(topic, [])),
        )  # fmt: skip
        if status == Status.NEW:
            continue
        services.assign_learning_need(need=need, faculties=[faculty], by=office)
        if answer == "proposal":
            proposal.learning_needs.add(need)
            services.link_learning_need(need=need, modules=[planned_module], by=office)
            services.change_learning_need_status(need=need, status=Status.PLANNED, by=office)
        elif isinstance(answer, int) and modules:
            services.link_learning_need(need=need, modules=[modules[answer]], by=office)
        elif status == Status.DECLINED:
            services.change_learning_need_status(need=need, status=Status.DECLINED, by=office,
                                                 reason=DECLINE_REASON)  # fmt: skip
    duplicate_topic = "Data-geletterdheid voor beleidsmedewerkers"
    if not LearningNeed.objects.filter(topic=duplicate_topic).exists():
        into = LearningNeed.objects.get(topic="Data literacy for policy advisers")
        duplicate = services.submit_learning_need(
            language="nl", topic=duplicate_topic, expected_learners=6,
            description="Onze beleidsmedewerkers moeten data-analyses kunnen lezen en bevragen.",
            contact_name="Joost Mulder", contact_email="joost@waterschap.example.nl",
            themes=Theme.objects.filter(slug__in=NEED_THEMES[duplicate_topic]),
        )  # fmt: skip
        services.merge_learning_needs(duplicate=duplicate, into=into, by=office)
    _spread_over_the_year([topic for topic, *_ in NEEDS] + [duplicate_topic])
    return LearningNeed.objects.count()


def _spread_over_the_year(topics: list[str]) -> None:
    """Submitted over the past months rather than all today, as the overview's charts expect
    (only needs seeded just now move; a rerun leaves older ones alone)."""
    now = timezone.now()
    for age, topic in enumerate(reversed(topics)):
        LearningNeed.objects.filter(topic=topic, created_at__gte=now - timedelta(hours=1)).update(
            created_at=now - timedelta(days=38 * age + 2)
        )


def _seed_interest(learner, modules) -> int:
    themes = list(Theme.objects.order_by("name"))
    if themes:
        services.register_interest(theme=themes[0], user=learner, language="en")
    for number, email in enumerate(["m.bos@example.nl", "a.smit@example.nl", "j.kok@example.nl"]):
        subject = {"theme": themes[number % len(themes)]} if themes and number % 2 else (
            {"module": modules[number % len(modules)]} if modules else None
        )  # fmt: skip
        if subject and not Interest.objects.filter(email=email, **subject).exists():
            interest = services.register_interest(email=email, language="nl", **subject)
            if number != 2:  # the last one never used the link: it stays unconfirmed
                services.confirm_interest(token=interest.token)
    return Interest.objects.count()
