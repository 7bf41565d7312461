"""Issuing credentials on a real Celery worker: signed JSON-LD, VC-JWT and PDF for each.

Creates its own PostgreSQL database with --count passed results in one run, starts one
Celery worker (prefork, --concurrency processes) on Redis, queues one issue task per result
(as the "Issue credentials" button does) and times until every credential exists.

    .venv/bin/python benchmarks/credential_issuing.py                 # 1,000 credentials
    .venv/bin/python benchmarks/credential_issuing.py --concurrency 1
"""

import argparse
import json
import os
import subprocess
import sys
import time

import psycopg
from _common import BASE_DIR, PYTHON, production_env, recreate_database, run

SETUP = """
from academy.models import User
from catalogue.models import ModuleRun
from credentials.models import Result
from enrolment.models import Enrolment
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory
from credentials import services

count = {count}
module = ModuleFactory(title="Responsible AI for policy makers", ects=4, level=6,
                       study_load_hours=112, learning_outcomes=["Assess risks", "Write policy"])
run = ModuleRunFactory(module=module, capacity=count)
lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
learners = User.objects.bulk_create(
    User(email=f"learner{{n}}@example.org", first_name="Learner", last_name=str(n))
    for n in range(count))
enrolments = Enrolment.objects.bulk_create(Enrolment(run=run, learner=l) for l in learners)
Result.objects.bulk_create(Result(enrolment=e, passed=True, grade="8", assessed_on=run.end_date,
                                  assessor=lecturer, recorded_by=lecturer) for e in enrolments)
services.current_key("ed25519"); services.current_key("rsa")
print(run.pk, lecturer.pk)
"""

ISSUE = """
from academy.models import User
from catalogue.models import ModuleRun
from credentials import services
print(services.issue_run_credentials(run=ModuleRun.objects.get(pk={run}),
                                     by=User.objects.get(pk={lecturer})))
"""


def manage(env, *args, **kwargs):
    return run([PYTHON, "manage.py", *args], env, **kwargs)


def shell(env, code: str) -> str:
    output = manage(env, "shell", "-c", code, capture_output=True, text=True).stdout
    return output.strip().splitlines()[-1]


def credentials_issued(database_url: str) -> int:
    # Straight from PostgreSQL: polling through Django would compete with the worker for CPU.
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT count(*) FROM credentials_credential").fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count())
    parser.add_argument(
        "--queues",
        default="certificates",
        help="what the worker consumes: certificates (as compose's worker-certificates; the "
        "learners' emails wait for their own worker), or '' for every queue",
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/academy_bench_credentials"
    )
    parser.add_argument("--broker-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--output")
    parser.add_argument(
        "--give-up-after",
        type=float,
        default=60,
        help="seconds without a new credential before reporting what exists",
    )
    args = parser.parse_args()  # fmt: skip

    env = production_env(
        database_url=args.database_url, cache_url="locmemcache://",
        CELERY_BROKER_URL=args.broker_url, CELERY_RESULT_BACKEND="",
        EMAIL_URL="dummymail://", PYTHONPATH=str(BASE_DIR),
    )  # fmt: skip
    recreate_database(args.database_url)
    subprocess.run(["redis-cli", "-n", args.broker_url.rsplit("/", 1)[1], "flushdb"], check=False)
    manage(env, "migrate", "--noinput", "-v0")
    run_id, lecturer_id = shell(env, SETUP.format(count=args.count)).split()[-2:]

    worker = subprocess.Popen(
        [PYTHON, "-m", "celery", "-A", "config", "worker", "--loglevel=warning",
         f"--concurrency={args.concurrency}", "--without-gossip", "--without-mingle",
         *(["-Q", args.queues] if args.queues else [])],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    try:
        time.sleep(5)  # the worker's processes start and import Django
        started = time.perf_counter()
        shell(env, ISSUE.format(run=run_id, lecturer=lecturer_id))
        issued, last_progress = 0, started
        while issued < args.count:
            time.sleep(0.5)
            now, before = time.perf_counter(), issued
            issued = credentials_issued(args.database_url)
            if issued > before:
                last_progress = now
            elif now - last_progress > args.give_up_after:
                break  # some tasks failed (the worker's log says why): report what was issued
        seconds = last_progress - started
    finally:
        worker.terminate()
        worker.wait(timeout=60)

    report = {
        "credentials": issued,
        "missing": args.count - issued,
        "seconds": round(seconds, 1),
        "per_second": round(issued / seconds, 1),
        "concurrency": args.concurrency,
        "queues": args.queues or "all",
    }
    print(json.dumps(report, indent=2))
    if args.output:
        with open(args.output, "w") as out:
            json.dump(report, out, indent=2)


if __name__ == "__main__":
    sys.exit(main())
