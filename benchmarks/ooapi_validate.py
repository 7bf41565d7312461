"""Validate the OOAPI v5 endpoint over the demo plus 10,000 generated modules.

Seeds its own database (PostgreSQL by default, as CI and production run), registers the
modules for RIO and eduXchange as tests/ooapi does (a third as courses, a third as private
programmes, half listed on eduXchange), then fetches, in-process, every page of every
collection (pageSize=250) for no consumer, consumer=rio and consumer=eduxchange, and the
offerings of every RIO course and program as the mapper asks for them. Each response is
validated with openapi-core against the OOAPI v5 specification (consumer=eduxchange:
SURF's eduXchange profile) and each consumer=rio object against NOTES.md's RIO rules and
the RIO consumer schemas. Prints counts, failures and times.

    .venv/bin/python benchmarks/ooapi_validate.py [--modules 10000] [--reuse]
        [--database-url postgres://postgres@127.0.0.1:5432/academy_bench_ooapi]
"""

import argparse
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/academy_bench_ooapi"
    )
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    args = parser.parse_args()

    if not args.reuse and args.database_url.startswith("postgres"):
        from benchmarks._common import recreate_database

        recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("OOAPI_EDUCATION_OFFERER_CODE", "110A133")
    os.environ.setdefault("OOAPI_EDUCATION_LOCATION_CODE", "123X456")
    os.environ.setdefault("OOAPI_RATE_LIMIT_ANONYMOUS", "1000000/m")
    os.environ.setdefault("SITE_URL", "https://academy.example.org")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from catalogue.models import Module, ModuleRun
    from ooapi.models import ModuleRegistration
    from tests.ooapi import schemas
    from tests.ooapi.conftest import register_modules

    settings.ALLOWED_HOSTS = ["testserver"]
    if not args.reuse:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("seed_demo", "--modules", str(args.modules), stdout=StringIO())
        ModuleRegistration.objects.all().delete()
        register_modules(Module.objects.published().order_by("pk"))
        print(f"seeded and registered in {time.perf_counter() - started:.1f} s")
    print(
        f"{Module.objects.published().count()} published modules, "
        f"{ModuleRun.objects.count()} runs, {ModuleRegistration.objects.count()} registrations"
    )

    client = Client()
    timings, failures, counts = [], [], {"responses": 0, "objects": 0, "rio_objects": 0}
    validating = 0.0

    def fetch(url, profile=None):
        nonlocal validating
        began = time.perf_counter()
        response = client.get("/ooapi/v5" + url)
        timings.append(time.perf_counter() - began)
        counts["responses"] += 1
        began = time.perf_counter()
        try:
            if response.status_code != 200:
                raise ValueError(f"status {response.status_code}")
            schemas.validate(response, profile=profile)
        except Exception as error:  # reported, not raised
            failures.append(f"{url}: {str(error)[:300]}")
        validating += time.perf_counter() - began
        return response.json()

    def pages(url, profile=None):
        number = 1
        while True:
            separator = "&" if "?" in url else "?"
            items = fetch(f"{url}{separator}pageSize=250&pageNumber={number}", profile)["items"]
            yield from items
            if len(items) < 250:
                return
            number += 1

    def rio_check(item, consumer_name):
        nonlocal validating
        began = time.perf_counter()
        counts["rio_objects"] += 1
        problems = schemas.rio_rule_violations(item)
        try:
            [block] = [c for c in item["consumers"] if c["consumerKey"] == "rio"]
            schemas.check_consumer(block, "RIO", consumer_name)
        except Exception as error:
            problems.append(str(error)[:200])
        if problems:
            failures.append(f"{item.get('name')}: {problems}")
        validating += time.perf_counter() - began

    started = time.perf_counter()
    fetch("/")
    list(pages("/organizations"))
    eduxchange = schemas.eduxchange_profile()
    for kind in ("courses", "programs", "education-specifications"):
        counts["objects"] += sum(1 for _ in pages(f"/{kind}"))
        if kind != "education-specifications":  # the profile has no such path
            counts["objects"] += sum(1 for _ in pages(f"/{kind}?consumer=eduxchange", eduxchange))
    for item in pages("/education-specifications?consumer=rio"):
        rio_check(item, "EducationSpecification")
    for kind, key, name in (
        ("courses", "courseId", "Course"),
        ("programs", "programId", "Program"),
    ):
        for item in pages(f"/{kind}?consumer=rio"):
            rio_check(item, name)
            for offering in pages(f"/{kind}/{item[key]}/offerings?consumer=rio"):
                rio_check(offering, "Offering")
    elapsed = time.perf_counter() - started

    timings.sort()
    print(f"{counts['responses']} responses, {counts['objects']} collection objects, "
          f"{counts['rio_objects']} consumer=rio objects checked against RIO's rules")  # fmt: skip
    print(f"total {elapsed:.1f} s, of which validating {validating:.1f} s")
    print(f"response time: median {statistics.median(timings) * 1000:.1f} ms, "
          f"p90 {timings[int(len(timings) * 0.9)] * 1000:.1f} ms, "
          f"max {timings[-1] * 1000:.1f} ms")  # fmt: skip
    print(f"{len(failures)} failures")
    for failure in failures[:20]:
        print("  ", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
