"""Two academic years of demo history, so that the dashboard, the evaluations and the
teaching record have a shape: past runs of eight modules with their participants (some
paid by employers), attendance, results, real signed credentials, invoices (most paid),
evaluation invitations and anonymous answers — enough on most runs, too few on one — and
a run that ended last week whose evaluation is still open (the demo learner is invited).

Safe to run again: the history is made only when its first run does not exist yet."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from academy.demo import demo_user
from academy.models import Organisation, User
from catalogue.models import Module, ModuleRun, Session, Teaching
from credentials import services
from credentials.models import Credential
from enrolment import services as enrolment_services
from enrolment.models import Attendance, Enrolment, Invoice, Order
from evaluations.models import Answer, Invitation
from evaluations.services import open_for

RUN_PREFIX = "hist-"
PARTICIPANTS = 36
EMPLOYERS = [  # name, KvK number, address, postal code, city
    ("Gemeente Leiden", "50217143", "Stadhuisplein 1", "2311 EJ", "Leiden"),
    ("Hoogheemraadschap van Rijnland", "27376655", "Archimedesweg 1", "2333 CM", "Leiden"),
    ("Zorggroep Rivierenland", None, None, None, None),  # the demo employer (academy.demo)
]
COMMENTS = [
    "De praktijkopdracht sloot precies aan op mijn werk.",
    "The campus day was the best part: real cases and time to discuss them.",
    "Graag meer tijd voor de terugkomdag; de online week was wat vol.",
    "Clear structure, and the lecturer knew our sector.",
    "Te veel theorie in week twee, maar de rest was top.",
    "I would have liked the reading list earlier.",
]


@transaction.atomic
def seed_history(*, lecturer, learner, assessor, today=None) -> dict:
    today = today or timezone.localdate()
    if ModuleRun.objects.filter(code__startswith=RUN_PREFIX).exists():
        return _counts()
    rng = random.Random(2026)  # noqa: S311 - demo data, the same on every machine
    modules = _history_modules()
    people = _participants()
    employers = _employers()
    runs = []
    for index, module in enumerate(modules):
        for term in range(3):  # three past runs each, spread over two academic years
            months_ago = 22 - term * 8 - index % 4
            start = today.replace(day=1) - timedelta(days=30 * months_ago)
            runs.append(_past_run(module, start, lecturer=lecturer if index < 2 else None))
    recent = _past_run(modules[0], today - timedelta(days=40), lecturer=lecturer,
                       ends=today - timedelta(days=5))  # fmt: skip
    for number, run in enumerate([*runs, recent]):
        chosen = rng.sample(people, rng.randint(6, 10))
        if run is recent:
            chosen = [learner, *chosen[:7]]
        enrolments = _enrol(run, chosen, employers, rng)
        _attend(run, enrolments, assessor, rng)
        _assess(run, enrolments, assessor, rng, quality=modules.index(run.module))
        few = number == 4  # one run where too few answered to show its figures
        _evaluate(run, enrolments, rng, answered_share=0.3 if few else 0.75,
                  still_open=run is recent, quality=modules.index(run.module))  # fmt: skip
    for person in people:  # now, not in the tasks queued for after the commit
        services.award_pathways(learner=person)
    # Told long ago: the tasks queued for these find nothing left to send.
    Credential.objects.filter(notified_at__isnull=True).update(notified_at=timezone.now())
    return _counts()


def _counts() -> dict:
    return {
        "runs": ModuleRun.objects.filter(code__startswith=RUN_PREFIX).count(),
        "answers": Answer.objects.count(),
    }


def _history_modules() -> list[Module]:
    """Three modules that award a credential and five short ones that do not, across the
    faculties (each credential is really signed and rendered: that is what takes time)."""
    published = Module.objects.published().select_related("faculty").order_by("faculty__name",
                                                                              "title")  # fmt: skip
    awarding = [m for m in published if m.awards_microcredential][:3]
    short = [m for m in published if not m.awards_microcredential][:5]
    return [*awarding, *short]


def _participants() -> list[User]:
    people = []
    first = ["Anouk", "Bram", "Chantal", "Daan", "Eva", "Finn", "Gijs", "Hanna", "Iris"]
    last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]
    for number in range(PARTICIPANTS):
        people.append(demo_user(f"deelnemer{number + 1}@example.org", None,
                                first[number % len(first)], last[number % len(last)]))  # fmt: skip
    return people


def _employers() -> list[Organisation]:
    organisations = []
    for name, kvk, address, postcode, city in EMPLOYERS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None and address:
            organisation = Organisation.objects.create(
                name=name, chamber_of_commerce_number=kvk,
                billing_email=f"facturen@{name.split()[-1].lower()}.example.nl",
                billing_address=address, billing_postal_code=postcode, billing_city=city,
            )  # fmt: skip
        if organisation is not None:
            organisations.append(organisation)
    return organisations


def _past_run(module: Module, start, *, lecturer=None, ends=None) -> ModuleRun:
    end = ends or start + timedelta(weeks=6)
    run = ModuleRun.objects.create(
        module=module, code=f"{RUN_PREFIX}{start:%Y-%m}-{module.pk}", start_date=start,
        end_date=end, capacity=16, status=ModuleRun.Status.CLOSED,
    )  # fmt: skip
    zone = timezone.get_current_timezone()
    for day, mode in ((start, Session.Mode.CAMPUS), (end, Session.Mode.CAMPUS)):
        begins = timezone.make_aware(datetime.combine(day, time(13, 0)), zone)
        Session.objects.create(
            run=run, title="Campus day" if day == start else "Closing day", mode=mode,
            starts_at=begins, ends_at=begins + timedelta(hours=4), location="Rapenburg 70",
        )  # fmt: skip
    teacher = lecturer or _a_lecturer_of(module)
    if teacher is not None:
        Teaching.objects.create(run=run, lecturer=teacher, contact_hours=Decimal("12.0"))
    return run


def _a_lecturer_of(module: Module):
    teaching = Teaching.objects.filter(run__module=module).select_related("lecturer").first()
    return teaching.lecturer if teaching else None


def _enrol(run, people, employers, rng) -> list[Enrolment]:
    enrolments = []
    for person in people:
        by_employer = employers and rng.random() < 0.4
        enrolments.append(Enrolment.objects.create(
            run=run, learner=person, status=Enrolment.Status.COMPLETED,
            payer=Enrolment.Payer.EMPLOYER if by_employer else Enrolment.Payer.LEARNER,
            organisation=rng.choice(employers) if by_employer else None,
            confirmation_sent_at=timezone.now(),
        ))  # fmt: skip
    _invoice(run, enrolments, rng)
    return enrolments


def _invoice(run, enrolments, rng) -> None:
    """As the office did at the time: one order per learner, one per employer; invoiced at
    the run's start, most paid within a month."""
    issued = timezone.make_aware(datetime.combine(run.start_date, time(9, 0)))
    groups: dict = {}
    for enrolment in enrolments:
        groups.setdefault(enrolment.organisation_id or f"l{enrolment.pk}", []).append(enrolment)
    for group in groups.values():
        first = group[0]
        order = Order.objects.create(
            learner=None if first.organisation_id else first.learner,
            organisation=first.organisation, placed_by=first.learner,
        )  # fmt: skip
        Enrolment.objects.filter(pk__in=[e.pk for e in group]).update(order=order)
        invoice = enrolment_services.issue_invoice(order=order, now=issued)
        if invoice is not None:
            Invoice.objects.filter(pk=invoice.pk).update(sent_at=issued)
            if rng.random() < 0.85:
                enrolment_services.mark_invoice_paid(
                    invoice=invoice, paid_at=issued + timedelta(days=rng.randint(5, 30)),
                    reference="demo bank transfer",
                )  # fmt: skip


def _attend(run, enrolments, assessor, rng) -> None:
    Attendance.objects.bulk_create(
        Attendance(session=session, enrolment=enrolment, present=rng.random() < 0.88,
                   recorded_by=assessor)
        for session in run.sessions.all() for enrolment in enrolments
    )  # fmt: skip


def _assess(run, enrolments, assessor, rng, *, quality: int) -> None:
    for enrolment in enrolments:
        passed = rng.random() < (0.9 - quality * 0.03)
        result = services.record_result(
            enrolment=enrolment, passed=passed, by=assessor, assessed_on=run.end_date,
            grade=f"{rng.randint(6, 9)}.{rng.choice([0, 5])}" if passed else "",
        )  # fmt: skip
        if passed and run.module.awards_microcredential:
            services.issue_credential(
                result=result,
                now=timezone.make_aware(datetime.combine(run.end_date, time(17, 0))),
            )


def _evaluate(run, enrolments, rng, *, answered_share: float, still_open: bool, quality: int):
    last_end = run.sessions.order_by("-ends_at").first().ends_at
    invitations = Invitation.objects.bulk_create(
        Invitation(enrolment=enrolment, run=run, closes_at=last_end + open_for(),
                   sent_at=last_end + timedelta(hours=2))
        for enrolment in enrolments
    )  # fmt: skip
    answering = [
        invitation for invitation in invitations
        if invitation.enrolment.learner.email.startswith("deelnemer")  # the demo learner: open
        and rng.random() < answered_share
    ]  # fmt: skip
    if still_open:
        answering = answering[:3]
    base = 4.4 - quality * 0.15

    def score(centre=base, spread=0.8):
        return max(1, min(5, round(rng.gauss(centre, spread))))

    Answer.objects.bulk_create(
        Answer(
            run=run, submitted_on=(last_end + timedelta(days=rng.randint(1, 12))).date(),
            overall=score(), relevance=score(), lecturers=score(base + 0.2),
            blend=score(base - 0.3), workload=score(3.3, 0.7),
            recommend=max(0, min(10, round(rng.gauss(base * 2, 1.5)))),
            comments=rng.choice(COMMENTS) if rng.random() < 0.4 else "",
        )
        for _invitation in answering
    )  # fmt: skip
    Invitation.objects.filter(pk__in=[i.pk for i in answering]).update(answered=True)
