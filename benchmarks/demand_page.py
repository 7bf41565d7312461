"""The demand overview (/insights/demand/ and its CSV tables) over 10,000 learning needs and
100,000 interest rows on PostgreSQL, uncached, as the office and portfolio holders see it.

Builds (once, with bulk inserts) the demo plus generated modules, then 10,000 needs spread
over every faculty, status and theme (submitted over two years, 3 % merged, most in one to
three themes and answered by one or two modules), 100,000 confirmed and unconfirmed
interest rows in modules and themes, 5,000 waiting-list entries and a year of zero-result
searches. Then it requests the page and its CSV tables in a random order drawn from every reader
(the office and each faculty's portfolio holder), through Django's full stack (middleware,
session, template rendering), one request at a time, and prints p50/p95/max per kind,
queries per request and the cache hit rate it saw.

    .venv/bin/python benchmarks/demand_page.py [--reuse] [--requests 400]
"""

import argparse
import os
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "benchmarks"))
from _common import CacheCounter, print_timings, timed_get  # noqa: E402

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_demand_bench")
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

NEEDS, INTERESTS, WAITING, EXTRA_MODULES = 10_000, 100_000, 5_000, 2_000
PATHS = ["/insights/demand/"] * 4 + [
    "/insights/demand/themes.csv",
    "/insights/demand/faculties.csv",
    "/insights/demand/searches.csv",
]


def build(rng: random.Random) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from academy.models import User
    from catalogue.models import Faculty, Module, ModuleRun, SearchMiss, Theme
    from demand.models import Interest, LearningNeed
    from enrolment.models import WaitingListEntry

    call_command("seed_demo", "--password", "benchmark-pass", "--modules", str(EXTRA_MODULES))
    faculties = list(Faculty.objects.all())
    themes = list(Theme.objects.all())
    modules = list(Module.objects.values_list("pk", flat=True))
    statuses = ["new"] * 3 + ["with_faculty"] * 3 + ["planned"] * 2 + ["offered", "declined"]
    now = timezone.now()
    needs = LearningNeed.objects.bulk_create(
        (LearningNeed(topic=f"Need {n}", description="What people should learn.",
                      expected_learners=rng.randint(1, 60), contact_name="Bench",
                      contact_email=f"need-{n}@bench.example.nl", status=rng.choice(statuses))
         for n in range(NEEDS)),
        batch_size=2_000,
    )  # fmt: skip
    # Submitted over the last two years (auto_now_add ignores a value given on insert).
    for chunk in range(0, NEEDS, 2_000):
        batch = needs[chunk : chunk + 2_000]
        for need in batch:
            need.created_at = now - timedelta(days=rng.randint(0, 730))
        LearningNeed.objects.bulk_update(batch, ["created_at"])
    Faculties = LearningNeed.faculties.through
    Modules = LearningNeed.modules.through
    Faculties.objects.bulk_create(
        (Faculties(learningneed_id=need.pk, faculty_id=faculty.pk) for need in needs
         for faculty in rng.sample(faculties, rng.choice([1, 1, 1, 2]))),
        batch_size=5_000,
    )  # fmt: skip
    Modules.objects.bulk_create(
        (Modules(learningneed_id=need.pk, module_id=module) for need in needs
         if rng.random() < 0.7 for module in rng.sample(modules, rng.choice([1, 1, 2]))),
        batch_size=5_000,
    )  # fmt: skip
    Themes = LearningNeed.themes.through
    Themes.objects.bulk_create(
        (Themes(learningneed_id=need.pk, theme_id=theme.pk) for need in needs
         if rng.random() < 0.9 for theme in rng.sample(themes, rng.choice([1, 1, 2, 3]))),
        batch_size=5_000,
    )  # fmt: skip
    merged = [need for need in needs[100:] if rng.random() < 0.03]
    for need in merged:
        need.merged_into = needs[rng.randrange(100)]
    LearningNeed.objects.bulk_update(merged, ["merged_into"], batch_size=2_000)

    def interest(n):
        confirmed = now - timedelta(days=rng.randint(0, 400)) if rng.random() < 0.85 else None
        if n % 3 == 0:
            return Interest(email=f"i{n}@bench.example.nl", theme=themes[n % len(themes)],
                            confirmed_at=confirmed)  # fmt: skip
        return Interest(email=f"i{n}@bench.example.nl", module_id=modules[n % len(modules)],
                        confirmed_at=confirmed)  # fmt: skip

    Interest.objects.bulk_create((interest(n) for n in range(INTERESTS)), batch_size=5_000)
    runs = list(ModuleRun.objects.values_list("pk", flat=True))
    learners = User.objects.bulk_create(
        User(email=f"waiting-{n}@bench.example.nl") for n in range(WAITING)
    )
    WaitingListEntry.objects.bulk_create(
        (WaitingListEntry(run_id=runs[n % len(runs)], learner=learner)
         for n, learner in enumerate(learners)),
        batch_size=5_000,
    )  # fmt: skip
    week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    SearchMiss.objects.bulk_create(
        SearchMiss(term=f"missing term {n}", week=week - timedelta(weeks=weeks),
                   count=rng.randint(1, 9))
        for n in range(500) for weeks in range(0, 52, rng.randint(1, 6))
    )  # fmt: skip


def readers():
    """The office and one portfolio holder per faculty (made if the demo has none)."""
    from django.contrib.auth.models import Group

    from academy.models import User
    from catalogue.models import Faculty
    from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS

    office, _ = User.objects.get_or_create(email="office@bench.example.nl",
                                           defaults={"is_staff": True})  # fmt: skip
    office.groups.add(Group.objects.get_or_create(name=ACADEMY_OFFICE)[0])
    people = [("office", office)]
    holders = Group.objects.get_or_create(name=PORTFOLIO_HOLDERS)[0]
    for faculty in Faculty.objects.order_by("pk"):
        holder, _ = User.objects.get_or_create(email=f"holder-{faculty.slug}@bench.example.nl",
                                               defaults={"is_staff": True})  # fmt: skip
        holder.groups.add(holders)
        faculty.portfolio_holders.add(holder)
        people.append((f"holder of {faculty.slug}", holder))
    return people


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the data from an earlier run")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from demand.models import Interest, LearningNeed

    rng = random.Random(args.seed)  # noqa: S311 - a reproducible spread, not a secret
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    if not args.reuse or LearningNeed.objects.count() < NEEDS:
        started = time.perf_counter()
        build(rng)
        print(f"built in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}; learning needs {LearningNeed.objects.count():,}, "
          f"interest rows {Interest.objects.count():,}")  # fmt: skip

    clients = []
    for label, person in readers():
        client = Client()
        client.force_login(person)
        clients.append((label, client))
    counter = CacheCounter()
    counter.install()
    for _label, client in clients[:3]:  # warm-up: imports, template loading
        client.get(PATHS[0])

    timings, queries = defaultdict(list), Counter()
    for _ in range(args.requests):
        label, client = rng.choice(clients)
        path = rng.choice(PATHS)
        response, elapsed, query_count = timed_get(client, path)
        if response.status_code != 200:
            raise SystemExit(f"{label} {path}: {response.status_code}")
        kind = "page" if path.endswith("/") else path.rsplit("/", 1)[1]
        reader = "office" if label == "office" else "portfolio holder"
        timings[(kind, reader)].append(elapsed)
        queries[(kind, reader)] = max(queries[(kind, reader)], query_count)

    print(f"\n{args.requests} requests over {len(clients)} readers; cache: {counter.rate}\n")
    print_timings(timings, queries)


if __name__ == "__main__":
    main()
