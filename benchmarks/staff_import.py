"""Importing a staff list of 5,000 rows on PostgreSQL: validation plus write.

Times the two steps an employer triggers: uploading (the whole file is parsed and validated
and a preview stored) and confirming (all valid rows become invitations in one
transaction). Sending the emails is the Celery task's work and is not included.

    .venv/bin/python benchmarks/staff_import.py [--rows 5000] [--repeat 3]
"""

import argparse
import csv
import io
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_benchmark")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.pop("CELERY_BROKER_URL", None)  # the email task is not part of the measurement


def staff_csv(rows: int, run: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["email", "voornaam", "achternaam", "functie"])
    for n in range(rows):
        email = f"medewerker{run}-{n}@bench.example.nl"
        writer.writerow([email, "Jan", f"Jansen {n}", "Adviseur"])
    return ("\ufeff" + out.getvalue()).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from academy import services
    from academy.models import Membership, Organisation, User

    # Sending is the worker's job, measured elsewhere; here the queued task is not run.
    services.send_invitations = SimpleNamespace(delay=lambda **_: None)
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    admin, _ = User.objects.get_or_create(email="bench-admin@bench.example.nl")
    timings = []
    for run in range(args.repeat):
        organisation = Organisation.objects.create(
            name=f"Benchmark {time.time_ns()}",
            chamber_of_commerce_number=f"{time.time_ns() % 10**8:08d}",
            billing_email="b@bench.example.nl", billing_address="x", billing_postal_code="1",
            billing_city="x",
        )  # fmt: skip
        Membership.objects.create(user=admin, organisation=organisation, role="admin")
        content = staff_csv(args.rows, run)
        started = time.perf_counter()
        staff_import = services.create_staff_import(
            organisation=organisation, uploaded_by=admin, filename="staff.csv", content=content
        )
        validated = time.perf_counter()
        invited = services.confirm_staff_import(staff_import=staff_import, by=admin)
        written = time.perf_counter()
        if invited != args.rows:
            sys.exit(f"only {invited} rows imported: {staff_import.problems[:3]}")
        timings.append((validated - started, written - validated, written - started))
        print(f"run {run + 1}: validate {timings[-1][0]:.2f} s, write {timings[-1][1]:.2f} s, "
              f"total {timings[-1][2]:.2f} s")  # fmt: skip
    totals = [t[2] for t in timings]
    median_validate = statistics.median(t[0] for t in timings)
    median_write = statistics.median(t[1] for t in timings)
    print(
        f"\n{args.rows} rows: median total {statistics.median(totals):.2f} s "
        f"(validate {median_validate:.2f} s, write {median_write:.2f} s) over {args.repeat} runs"
    )


if __name__ == "__main__":
    main()
