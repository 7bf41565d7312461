"""The reminder scan over 100,000 enrolments and 20,000 sessions on PostgreSQL.

Builds (once, with bulk inserts) 5,000 runs with four sessions each and 20 enrolments per
run, spread over the coming year, then times `send_due_reminders` as beat runs it: a first
scan that finds and sends what is due (emails go to Django's dummy backend), and a second
scan a moment later that finds everything already sent.

    .venv/bin/python benchmarks/reminder_scan.py [--reuse]
"""

import argparse
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_benchmark")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["EMAIL_URL"] = "dummymail://"
os.environ.pop("CELERY_BROKER_URL", None)

RUNS, SESSIONS_PER_RUN, ENROLMENTS_PER_RUN = 5_000, 4, 20


def build(now):
    from academy.models import User
    from catalogue.models import Faculty, Module, ModuleRun, Session
    from enrolment.models import Enrolment

    faculty, _ = Faculty.objects.get_or_create(slug="bench", defaults={"name": "Benchmark"})
    modules = Module.objects.bulk_create(
        Module(title=f"Reminder bench {n}", slug=f"reminder-bench-{n}", faculty=faculty,
               summary="s", description="d", status="published")
        for n in range(RUNS // 10)
    )  # fmt: skip
    today = now.date()
    runs = ModuleRun.objects.bulk_create(
        ModuleRun(module=modules[n % len(modules)], code=f"bench-{n}",
                  start_date=today + timedelta(days=n % 365),
                  end_date=today + timedelta(days=n % 365 + 30), capacity=25, status="open")
        for n in range(RUNS)
    )  # fmt: skip
    Session.objects.bulk_create(
        Session(run=run, title=f"Session {k}", mode="online" if k % 2 else "campus",
                starts_at=now + timedelta(days=n % 365 + 7 * k, hours=n % 24),
                ends_at=now + timedelta(days=n % 365 + 7 * k, hours=n % 24 + 2),
                location="Domplein 29", online_url="https://meet.example.org/b")
        for n, run in enumerate(runs) for k in range(SESSIONS_PER_RUN)
    )  # fmt: skip
    learners = User.objects.bulk_create(
        User(email=f"reminder-bench-{n}@bench.example.nl") for n in range(2_000)
    )
    Enrolment.objects.bulk_create(
        (Enrolment(run=run, learner=learners[(n * 7 + k) % len(learners)])
         for n, run in enumerate(runs) for k in range(ENROLMENTS_PER_RUN)),
        batch_size=5_000,
    )  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the data from an earlier run")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from enrolment.models import Enrolment, Reminder
    from enrolment.reminders import send_due_reminders

    call_command("migrate", verbosity=0)
    now = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
    now += timedelta(hours=9)
    if not args.reuse or not Enrolment.objects.filter(run__code="bench-0").exists():
        started = time.perf_counter()
        build(now)
        print(f"built in {time.perf_counter() - started:.1f} s")
    Reminder.objects.filter(recipient__email__startswith="reminder-bench-").delete()
    from catalogue.models import Session

    print(f"database: {connection.vendor}; enrolments {Enrolment.objects.count():,}, "
          f"sessions {Session.objects.count():,}")  # fmt: skip
    for label in ("first scan (sends)", "second scan (nothing left)"):
        started = time.perf_counter()
        sent = send_due_reminders(now=now)
        print(f"{label}: {time.perf_counter() - started:.2f} s, {sent} reminders sent")


if __name__ == "__main__":
    main()
