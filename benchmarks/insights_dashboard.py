"""The insights dashboard (/insights/ and its CSV tables) over 100,000 enrolments, 20,000
credentials and 50,000 evaluation answers on PostgreSQL, uncached, as the office, an
ambassador and the portfolio holders see it.

Builds (once, with bulk inserts) the demo plus generated modules, then runs over two
academic years (two or three per module, capacities of 16 to 60), 100,000 enrolments
(a third paid by one of 300 employers, cohort orders per employer and run; the rest one
order each), an invoice per order with 3 % credited and 70 % paid, a session with
attendance for every ended run, results for its participants, 20,000 credentials (with
placeholder documents: nothing is signed), 50,000 evaluation answers, teaching, waiting
lists and 3,000 learning needs. Then it requests the page (and now and then a CSV) with a
random spread of filters — faculty, theme and period (this academic year, the last one, a
range of months) — through Django's full stack, one request at a time, and prints p50/p95/max
per reader, queries per request and the cache hit rate it saw.

    .venv/bin/python benchmarks/insights_dashboard.py [--reuse] [--requests 300]
"""

import argparse
import os
import random
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
DATABASE = "academy_insights_bench"
os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DATABASE}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["EMAIL_URL"] = "dummymail://"
os.environ["CACHE_URL"] = "locmemcache://"
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("SITE_URL", "http://testserver")
os.environ["DJANGO_HTTPS"] = "false"
os.environ["LOG_LEVEL"] = "WARNING"
os.environ.setdefault("STATIC_ROOT", str(BASE_DIR / "var" / "benchmark-static"))
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.pop("CELERY_BROKER_URL", None)

ENROLMENTS, CREDENTIALS, ANSWERS, EXTRA_MODULES = 100_000, 20_000, 50_000, 1_200
LEARNERS, EMPLOYERS, NEEDS = 25_000, 300, 3_000
sys.path.insert(0, str(BASE_DIR / "benchmarks"))
from _common import CacheCounter, print_timings, timed_get  # noqa: E402


def ensure_database() -> None:
    exists = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc",
         f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"],  # noqa: S608 - a constant
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if exists != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)


def build(rng: random.Random, this_year: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from academy.models import Organisation, User
    from catalogue.models import Module, ModuleRun, Session, Teaching
    from credentials.models import Achievement, Credential, Result
    from demand.models import LearningNeed
    from enrolment.models import Attendance, Enrolment, Invoice, Order, WaitingListEntry
    from evaluations.models import Answer

    call_command("seed_demo", "--password", "benchmark-pass", "--modules", str(EXTRA_MODULES))
    faculties = list(
        Module.objects.values_list("faculty", flat=True).distinct().order_by("faculty")
    )
    modules = list(Module.objects.values_list("pk", "faculty"))
    learners = User.objects.bulk_create(
        (User(email=f"learner-{n}@insights.bench.example.nl", first_name="Bench",
              last_name=f"Learner {n}") for n in range(LEARNERS)),
        batch_size=5_000,
    )  # fmt: skip
    employers = Organisation.objects.bulk_create(
        Organisation(
            name=f"Employer {n}",
            billing_email=f"billing-{n}@bench.example.nl",
            chamber_of_commerce_number=f"{70000000 + n:08d}",
        )
        for n in range(EMPLOYERS)
    )
    lecturers = User.objects.bulk_create(
        User(email=f"lecturer-{n}@insights.bench.example.nl", is_staff=True) for n in range(400)
    )

    # Runs over two academic years (the last one and this one).
    first_day = date(this_year - 1, 9, 1)
    runs = []
    for number, (module_id, _faculty) in enumerate(modules):
        for edition in range(rng.choice([2, 2, 3])):
            start = first_day + timedelta(days=rng.randint(0, 729))
            runs.append(ModuleRun(
                module_id=module_id, code=f"bench-{number}-{edition}", start_date=start,
                end_date=start + timedelta(weeks=rng.randint(4, 12)),
                capacity=rng.choice([16, 20, 30, 40, 50, 60]), status=ModuleRun.Status.OPEN,
                price_override=Decimal(rng.choice([495, 895, 1250, 1850])),
            ))  # fmt: skip
    runs = ModuleRun.objects.bulk_create(runs, batch_size=5_000)
    today = timezone.localdate()

    # Enrolments, with their orders: employer seats in one cohort order per employer and run.
    per_run = ENROLMENTS * 2.0 / len(runs)  # more asked than fits: capacity cuts some
    plan = []  # (run, learner, employer or None)
    for run in runs:
        seats = min(run.capacity, max(1, int(rng.gauss(per_run, per_run / 3))))
        for learner in rng.sample(learners, seats):
            plan.append((run, learner, rng.choice(employers) if rng.random() < 0.33 else None))
    plan = plan[:ENROLMENTS]
    orders, order_of = [], {}
    for index, (run, learner, employer) in enumerate(plan):
        key = (run.pk, employer.pk) if employer else ("own", index)
        if key not in order_of:
            order_of[key] = len(orders)
            orders.append(Order(organisation=employer, learner=None if employer else learner))
        plan[index] = (run, learner, employer, order_of[key])
    orders = Order.objects.bulk_create(orders, batch_size=5_000)
    statuses = [Enrolment.Status.CONFIRMED] * 18 + [Enrolment.Status.CANCELLED,
                                                    Enrolment.Status.AWAITING_APPROVAL]  # fmt: skip
    enrolments = Enrolment.objects.bulk_create(
        (Enrolment(run=run, learner=learner, organisation=employer, order=orders[order],
                   payer="employer" if employer else "learner", status=rng.choice(statuses))
         for run, learner, employer, order in plan),
        batch_size=5_000,
    )  # fmt: skip
    with connection.cursor() as cursor:  # enrolled in the two months before the run starts
        cursor.execute(
            "UPDATE enrolment_enrolment e SET created_at = r.start_date - "
            "(floor(random() * 60) || ' days')::interval - interval '10 hours' "
            "FROM catalogue_modulerun r WHERE e.run_id = r.id"
        )

    # An invoice per order (3 % credited, 70 % paid).
    run_of_order, seats_of_order = {}, Counter()
    for run, _learner, _employer, order in plan:
        run_of_order.setdefault(order, run)
        seats_of_order[order] += 1
    invoices, sequence = [], 500_000  # after the demo's own
    for index, order in enumerate(orders):
        run = run_of_order[index]
        seats = seats_of_order[index]
        issued = timezone.make_aware(
            timezone.datetime.combine(run.start_date - timedelta(days=rng.randint(0, 50)),
                                      timezone.datetime.min.time())
        ) + timedelta(hours=11)  # fmt: skip
        sequence += 1
        total = run.price * seats
        invoices.append(Invoice(
            order=order, kind=Invoice.Kind.INVOICE, year=issued.year, sequence=sequence,
            number=f"B{sequence:09d}", issued_at=issued, subtotal=total, vat_amount=0,
            total=total, pdf=b"",
            paid_at=issued + timedelta(days=14) if rng.random() < 0.7 else None,
        ))  # fmt: skip
    invoices = Invoice.objects.bulk_create(invoices, batch_size=5_000)
    notes = []
    for invoice in invoices:
        if rng.random() < 0.03:
            sequence += 1
            notes.append(Invoice(
                order_id=invoice.order_id, kind=Invoice.Kind.CREDIT_NOTE, corrects=invoice,
                year=invoice.year, sequence=sequence, number=f"B{sequence:09d}",
                issued_at=invoice.issued_at + timedelta(days=10), subtotal=-invoice.total,
                vat_amount=0, total=-invoice.total, pdf=b"",
            ))  # fmt: skip
    Invoice.objects.bulk_create(notes, batch_size=5_000)

    # Ended runs: a session with attendance, results, credentials, answers.
    ended = {run.pk: run for run in runs if run.end_date < today}
    sessions = Session.objects.bulk_create(
        Session(run=run, title="Meeting", mode=Session.Mode.CAMPUS, location="Utrecht",
                starts_at=timezone.make_aware(timezone.datetime.combine(
                    run.start_date, timezone.datetime.min.time())) + timedelta(hours=13),
                ends_at=timezone.make_aware(timezone.datetime.combine(
                    run.start_date, timezone.datetime.min.time())) + timedelta(hours=16))
        for run in ended.values()
    )  # fmt: skip
    session_of = {session.run_id: session for session in sessions}
    participants = [e for e in enrolments if e.run_id in ended
                    and e.status == Enrolment.Status.CONFIRMED]  # fmt: skip
    Attendance.objects.bulk_create(
        (Attendance(session=session_of[e.run_id], enrolment=e, present=rng.random() < 0.88)
         for e in participants),
        batch_size=5_000,
    )  # fmt: skip
    results = Result.objects.bulk_create(
        (Result(enrolment=e, passed=rng.random() < 0.82,
                assessed_on=ended[e.run_id].end_date) for e in participants),
        batch_size=5_000,
    )  # fmt: skip
    module_of_run = {run.pk: run.module_id for run in runs}
    achievements = {a.module_id: a for a in Achievement.objects.filter(module__isnull=False)}
    missing = {m for m, _f in modules} - set(achievements)
    for achievement in Achievement.objects.bulk_create(Achievement(module_id=m) for m in missing):
        achievements[achievement.module_id] = achievement
    passed = [r for r in results if r.passed][:CREDENTIALS]
    start_index = 10_000_000
    Credential.objects.bulk_create(
        (Credential(
            id=uuid.uuid4(), achievement=achievements[module_of_run[r.enrolment.run_id]],
            result=r, learner_id=r.enrolment.learner_id, recipient_name="Bench Learner",
            title="Bench credential", language="nl", status_index=start_index + n,
            issued_at=timezone.make_aware(timezone.datetime.combine(
                r.assessed_on, timezone.datetime.min.time())) + timedelta(days=3, hours=9),
            document={"placeholder": True}, jwt="placeholder", pdf=b"",
            revoked_at=timezone.now() - timedelta(days=rng.randint(1, 300))
            if rng.random() < 0.02 else None,
        ) for n, r in enumerate(passed)),
        batch_size=2_000,
    )  # fmt: skip
    ended_runs = list(ended.values())
    Answer.objects.bulk_create(
        (Answer(run=run, submitted_on=run.end_date + timedelta(days=rng.randint(1, 14)),
                overall=rng.randint(2, 5), relevance=rng.randint(2, 5),
                lecturers=rng.randint(3, 5), blend=rng.randint(2, 5), workload=rng.randint(1, 5),
                recommend=rng.randint(4, 10))
         for run in (rng.choice(ended_runs) for _ in range(ANSWERS))),
        batch_size=5_000,
    )  # fmt: skip
    Teaching.objects.bulk_create(
        (Teaching(run=run, lecturer=lecturer, contact_hours=Decimal(rng.choice([6, 12, 18, 24])))
         for run in runs for lecturer in rng.sample(lecturers, rng.choice([1, 1, 2]))),
        batch_size=5_000,
    )  # fmt: skip
    full = [run for run in runs if run.start_date > today][:600]
    WaitingListEntry.objects.bulk_create(
        (WaitingListEntry(run=run, learner=learner) for run in full
         for learner in rng.sample(learners, rng.randint(1, 6))),
        batch_size=5_000, ignore_conflicts=True,
    )  # fmt: skip
    statuses = ["new", "with_faculty", "planned", "offered", "declined"]
    needs = LearningNeed.objects.bulk_create(
        LearningNeed(topic=f"Need {n}", description="What people should learn.",
                     expected_learners=rng.randint(1, 60), contact_name="Bench",
                     contact_email=f"need-{n}@bench.example.nl", status=rng.choice(statuses))
        for n in range(NEEDS)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE demand_learningneed SET created_at = now() - "
            "(floor(random() * 700) || ' days')::interval WHERE topic LIKE 'Need %%'"
        )
    Faculties = LearningNeed.faculties.through
    Faculties.objects.bulk_create(
        Faculties(learningneed_id=need.pk, faculty_id=rng.choice(faculties)) for need in needs
    )


def readers():
    """The office, an ambassador and one portfolio holder per faculty."""
    from django.contrib.auth.models import Group

    from academy.models import User
    from catalogue.models import Faculty
    from catalogue.services import ACADEMY_OFFICE, AMBASSADORS, PORTFOLIO_HOLDERS

    def person(email, group):
        user, _ = User.objects.get_or_create(email=email, defaults={"is_staff": True})
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        return user

    people = [
        ("office", person("office@insights.bench.example.nl", ACADEMY_OFFICE)),
        ("ambassador", person("ambassador@insights.bench.example.nl", AMBASSADORS)),
    ]
    for faculty in Faculty.objects.order_by("pk"):
        holder = person(f"holder-{faculty.slug}@insights.bench.example.nl", PORTFOLIO_HOLDERS)
        faculty.portfolio_holders.add(holder)
        people.append(("portfolio holder", holder))
    return people


def paths(rng, label, person, faculties, themes, this_year):
    """A realistic request: mostly the page, sometimes narrowed, now and then a CSV."""
    from catalogue.queries import faculties_curated_by

    own = (
        list(faculties_curated_by(person).values_list("pk", flat=True))
        if label == "portfolio holder" else faculties
    )  # fmt: skip
    params = []
    if rng.random() < 0.5:
        params.append(f"faculty={rng.choice(own)}")
    if rng.random() < 0.35:
        params.append(f"theme={rng.choice(themes)}")
    period = rng.random()
    if period < 0.2:
        params.append(f"year={this_year - 1}")
    elif period < 0.4:
        first = rng.randint(1, 12)
        params.append(f"start={this_year - 1}-{first:02d}&end={this_year}-{first:02d}")
    table = rng.choice(["", "", "", "", "", "", "modules.csv", "faculties.csv"])
    return f"/insights/{table}" + ("?" + "&".join(params) if params else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the data from an earlier run")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    ensure_database()
    if not args.reuse:  # bulk inserts need an empty database (--reuse keeps a built one)
        from _common import recreate_database

        recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from catalogue.models import Faculty, Theme
    from credentials.models import Credential
    from enrolment.models import Enrolment, Invoice
    from evaluations.models import Answer
    from insights.dashboard import academic_year_of, today

    rng = random.Random(args.seed)  # noqa: S311 - a reproducible spread, not a secret
    this_year = academic_year_of(today())
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    if not args.reuse or not Enrolment.objects.filter(run__code__startswith="bench-").exists():
        started = time.perf_counter()
        build(rng, this_year)
        print(f"built in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}; enrolments {Enrolment.objects.count():,}, "
          f"invoices {Invoice.objects.count():,}, credentials {Credential.objects.count():,}, "
          f"evaluation answers {Answer.objects.count():,}")  # fmt: skip

    faculties = list(Faculty.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    clients = []
    for label, person in readers():
        client = Client()
        client.force_login(person)
        clients.append((label, person, client))
    counter = CacheCounter()
    counter.install()
    for _label, _person, client in clients[:3]:  # warm-up: imports, template loading
        client.get("/insights/")

    timings, queries = defaultdict(list), Counter()
    for _ in range(args.requests):
        label, person, client = rng.choice(clients)
        path = paths(rng, label, person, faculties, themes, this_year)
        response, elapsed, query_count = timed_get(client, path)
        if response.status_code != 200:
            raise SystemExit(f"{label} {path}: {response.status_code}")
        kind = "page" if ".csv" not in path else path.split("?")[0].rsplit("/", 1)[1]
        timings[(kind, label)].append(elapsed)
        queries[(kind, label)] = max(queries[(kind, label)], query_count)

    print(f"\n{args.requests} requests over {len(clients)} readers; cache: {counter.rate}\n")
    print_timings(timings, queries)


if __name__ == "__main__":
    main()
