"""Enrolling throughput under gunicorn on PostgreSQL, measured beside /healthz.

Seeds the demo into its own database, adds --learners learners with a logged-in session
each and a set of open runs with room for everyone, serves the site with gunicorn as in
production (DEBUG off, collected static files, persistent database connections, the
Redis cache, tasks queued on a Redis broker that no worker reads), and POSTs the enrol
form with wrk at --connections concurrent connections. Every request is a different
(learner, run) pair, so every answer should be a real enrolment (302 to /me/); the
enrolments in the database are counted after each measurement. Three cases: spread over
--runs runs, all into one run (every enrolment waits for the previous one's row lock),
and into a full run (every POST joins the waiting list). Reported as requests per second
and as a ratio of /healthz on the same server in the same run, measured just before and
after each case. Since that /healthz also connects to the broker, a second server with the
same settings but no broker serves the database-only /healthz (as catalogue_throughput.py
measures it) beside it, as a stricter base.

    .venv/bin/python benchmarks/enrol_throughput.py            # full run
    .venv/bin/python benchmarks/enrol_throughput.py --reuse    # keep the seeded database
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _common import BASE_DIR, PYTHON, gunicorn, production_env, recreate_database, run, wrk

LEARNER_DOMAIN = "enrol-bench.example.nl"
RUN_PREFIX = "bench-enrol-"
WARM_UP_RUNS = 8
HEALTHZ = "/healthz"
HEALTHZ_WITHOUT_BROKER = "/healthz, server without a broker"
# One hash for every learner: hashing 20,000 passwords would take minutes and prove nothing.
LEARNER_PASSWORD = secrets.token_urlsafe(16)
# The CSRF secret every request carries, as cookie and as form field (Django accepts any
# 32 characters of its alphabet; a browser gets one from the form page instead).
CSRF_TOKEN = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))

LUA = string.Template("""\
-- Written by benchmarks/enrol_throughput.py. Request i (counted over all threads) is
-- learner i enrolling into run i % #paths: a different learner every request, so no
-- (learner, run) pair repeats until the learners run out.
local sessions_file = "$sessions"
local result_file = "$result"
local paths = {$paths}
local nthreads = $threads
local token = "$token"
local body = "csrfmiddlewaretoken=" .. token ..
   "&payer=learner&motivation=&accept_terms=on&terms_version=1"  -- the seeded terms

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   sessions = {}
   for line in io.lines(sessions_file) do
      sessions[#sessions + 1] = line
   end
   sent, enrolled, form_errors, other, reused = 0, 0, 0, 0, 0
end

function request()
   local i = id + sent * nthreads
   sent = sent + 1
   local learner = i % #sessions
   if i >= #sessions then
      reused = reused + 1
   end
   return wrk.format("POST", paths[i % #paths + 1], {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "sessionid=" .. sessions[learner + 1] .. "; csrftoken=" .. token,
   }, body)
end

function response(status, headers, body)
   if status == 302 and headers["Location"] == "/me/" then
      enrolled = enrolled + 1
   elseif status == 200 then
      form_errors = form_errors + 1
   else
      other = other + 1
      last_other = status .. " " .. (headers["Location"] or "")
   end
end

function done(summary, latency, requests)
   local totals = {sent = 0, enrolled = 0, form_errors = 0, other = 0, reused = 0}
   local example = ""
   for _, thread in ipairs(threads) do
      for name, total in pairs(totals) do
         totals[name] = total + thread:get(name)
      end
      example = thread:get("last_other") or example
   end
   local out = assert(io.open(result_file, "w"))
   out:write(string.format(
      '{"sent": %d, "redirects_to_me": %d, "form_errors": %d, "other": %d, ' ..
      '"other_example": "%s", "reused_learners": %d, "timeouts": %d, "socket_errors": %d}',
      totals.sent, totals.enrolled, totals.form_errors, totals.other, example, totals.reused,
      summary.errors.timeout,
      summary.errors.connect + summary.errors.read + summary.errors.write))
   out:close()
end
""")


def prepare(*, learners: int, spread: int, directory: Path) -> dict:
    """Learners with sessions (keys written to a file) and fresh runs; returns enrol paths."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from academy.models import User
    from catalogue.models import Module, ModuleRun
    from enrolment.models import Enrolment, Order

    # Whatever an earlier run (--reuse) enrolled goes, so that every pair is new again.
    Enrolment.objects.filter(run__code__startswith=RUN_PREFIX).delete()
    Order.objects.filter(learner__email__endswith="@" + LEARNER_DOMAIN).delete()
    ModuleRun.objects.filter(code__startswith=RUN_PREFIX).delete()  # and its waiting list

    existing = User.objects.filter(email__endswith="@" + LEARNER_DOMAIN).count()
    if existing < learners:
        password = make_password(LEARNER_PASSWORD)
        User.objects.bulk_create(
            (User(email=f"learner-{n}@{LEARNER_DOMAIN}", password=password,
                  first_name="Bench", last_name=f"Learner {n}")
             for n in range(existing, learners)),
            batch_size=5_000,
        )  # fmt: skip
    people = list(User.objects.filter(email__endswith="@" + LEARNER_DOMAIN).order_by("pk"))
    people = people[:learners]

    # A logged-in session per learner, as django.contrib.auth.login() would store it.
    Session.objects.all().delete()  # this database is the benchmark's own
    store, expires = SessionStore(), timezone.now() + timedelta(days=1)
    backend = "django.contrib.auth.backends.ModelBackend"
    keys = [get_random_string(32, string.ascii_lowercase + string.digits) for _ in people]
    Session.objects.bulk_create(
        (Session(session_key=key, expire_date=expires, session_data=store.encode({
            "_auth_user_id": str(user.pk), "_auth_user_backend": backend,
            "_auth_user_hash": user.get_session_auth_hash()}))
         for key, user in zip(keys, people, strict=True)),
        batch_size=5_000,
    )  # fmt: skip
    sessions_file = directory / "sessions.txt"
    sessions_file.write_text("\n".join(keys) + "\n")

    modules = list(Module.objects.published().order_by("pk"))
    today = timezone.localdate()
    runs_made = 0

    def runs(case: str, count: int, *, capacity=1_000_000, status=ModuleRun.Status.OPEN):
        nonlocal runs_made
        made = []
        for n in range(count):
            module = modules[runs_made % len(modules)]
            runs_made += 1
            made.append(ModuleRun.objects.create(
                module=module, code=f"{RUN_PREFIX}{case}-{n}", capacity=capacity, status=status,
                start_date=today + timedelta(days=60), end_date=today + timedelta(days=90),
            ))  # fmt: skip
        return made

    cases = {
        "warm-up": runs("warm-up", WARM_UP_RUNS),
        "spread": runs("spread", spread),
        "one run": runs("one", 1),
        "full run": runs("full", 1, capacity=0),
    }
    return {
        "sessions_file": sessions_file,
        "learners": len(people),
        "runs": {case: [run.pk for run in made] for case, made in cases.items()},
        "paths": {
            case: [f"/modules/{run.module.slug}/{run.code}/enrol/" for run in made]
            for case, made in cases.items()
        },
    }


def lua_script(directory: Path, case: str, *, paths, threads: int, sessions_file: Path) -> Path:
    result = directory / f"{case.replace(' ', '-')}.json"
    result.unlink(missing_ok=True)
    script = directory / f"{case.replace(' ', '-')}.lua"
    script.write_text(LUA.substitute(
        sessions=sessions_file, result=result, threads=threads, token=CSRF_TOKEN,
        paths=", ".join(f'"{path}"' for path in paths),
    ))  # fmt: skip
    return script


def created(run_ids) -> dict:
    from enrolment.models import Enrolment, Order, WaitingListEntry

    return {
        "enrolments": Enrolment.objects.filter(run_id__in=run_ids).count(),
        "waiting": WaitingListEntry.objects.filter(run_id__in=run_ids).count(),
        "orders": Order.objects.filter(enrolments__run_id__in=run_ids).distinct().count(),
    }


def settled(run_ids) -> dict:
    """What the case created, once the requests still in flight when wrk stopped are done."""
    from django.db import connection

    counts = None
    for _ in range(20):
        time.sleep(1)
        counts, previous = created(run_ids), counts
        if counts == previous:
            break
    connection.close()
    return counts


def queued_tasks(broker) -> int:
    """Messages waiting in the broker's Redis database (kombu keeps each queue as a list)."""
    return sum(broker.llen(key) for key in broker.scan_iter() if broker.type(key) == b"list")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--learners", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=64, help="runs the spread case enrols into")
    parser.add_argument("--port", type=int, default=8766, help="and the next one, too")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCHMARK_ENROL_DATABASE_URL",
            "postgres://postgres@127.0.0.1:5432/academy_bench_enrol",
        ),
    )
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument("--cache-url", default="rediscache://127.0.0.1:6379/4")
    parser.add_argument(
        "--broker-url",
        default="redis://127.0.0.1:6379/5",
        help="where tasks are queued (no worker runs; this Redis database is emptied)",
    )
    parser.add_argument("--output", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    env = production_env(
        database_url=args.database_url,
        cache_url=args.cache_url,
        # As in production: the confirmation email and the invoice are queued for a worker,
        # not made in the request. None runs, so the tasks wait in Redis until purged.
        CELERY_BROKER_URL=args.broker_url,
        EMAIL_URL="dummymail://",
    )
    env.pop("CELERY_RESULT_BACKEND", None)
    if not args.reuse:
        recreate_database(args.database_url)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)  # also new migrations
    if not args.reuse:
        run([PYTHON, "manage.py", "seed_demo", "--password", secrets.token_urlsafe(12)], env,
            stdout=subprocess.DEVNULL)  # fmt: skip
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)

    # This process prepares and counts with the same settings (and SECRET_KEY) as the server.
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    import redis
    from django.core.cache import cache
    from django.db import connection

    cache.clear()
    broker = redis.Redis.from_url(args.broker_url)
    broker.flushdb()
    directory = Path(tempfile.mkdtemp(prefix="enrol-bench-"))
    started = time.perf_counter()
    setup = prepare(learners=args.learners, spread=args.runs, directory=directory)
    connection.close()
    print(f"{setup['learners']} learners with sessions and {sum(map(len, setup['runs'].values()))}"
          f" runs ready in {time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip

    cases = {
        f"enrol, spread over {args.runs} runs": "spread",
        "enrol, all into one run": "one run",
        "enrol, full run (waiting list)": "full run",
    }
    healthz_runs = {HEALTHZ: [], HEALTHZ_WITHOUT_BROKER: []}
    results = {}
    # /healthz with a broker configured also opens a connection to it, which costs more than
    # the rest of the request; a second server with the same settings but no broker serves
    # the database-only /healthz (as catalogue_throughput.py measures it) as a stricter base.
    without_broker = {name: value for name, value in env.items() if name != "CELERY_BROKER_URL"}
    try:
        with (
            gunicorn(env, port=args.port, workers=args.workers) as base,
            gunicorn(without_broker, port=args.port + 1, workers=args.workers) as reference,
        ):
            servers = {HEALTHZ: base, HEALTHZ_WITHOUT_BROKER: reference}
            # Warm up every worker's database connection, templates and broker connection.
            for server in servers.values():
                wrk(f"{server}/healthz", connections=args.workers * 2, seconds=2, threads=1)
            warm_up = lua_script(directory, "warm-up", paths=setup["paths"]["warm-up"],
                                 threads=1, sessions_file=setup["sessions_file"])  # fmt: skip
            wrk(base, connections=args.workers * 2, seconds=2, threads=1, script=warm_up)

            def measure_healthz():
                for name, server in servers.items():
                    figures = wrk(f"{server}/healthz", connections=args.connections,
                                  seconds=args.seconds, threads=2)  # fmt: skip
                    healthz_runs[name].append(figures)
                    print(name, figures, flush=True)

            # /healthz before and after every case: each case is compared with the mean of
            # the two measured around it, so a burst of other load on the machine shows.
            measure_healthz()
            for name, case in cases.items():
                script = lua_script(directory, case, paths=setup["paths"][case], threads=2,
                                    sessions_file=setup["sessions_file"])  # fmt: skip
                before = queued_tasks(broker)
                figures = wrk(base, connections=args.connections, seconds=args.seconds,
                              threads=2, script=script)  # fmt: skip
                figures |= json.loads(script.with_suffix(".json").read_text())
                figures |= settled(setup["runs"][case])
                figures["tasks_queued"] = queued_tasks(broker) - before
                print(name, figures, flush=True)
                measure_healthz()
                for base_name, key in [(HEALTHZ, "healthz"), (HEALTHZ_WITHOUT_BROKER, "db_only")]:
                    around = [run["rps"] for run in healthz_runs[base_name][-2:]]
                    figures[f"{key}_rps_around"] = around
                    figures[f"x_{key}"] = figures["rps"] / statistics.mean(around)
                results[name] = figures
    finally:
        broker.flushdb()  # the queued confirmation emails and invoices are never sent
        shutil.rmtree(directory, ignore_errors=True)

    print(
        f"\n{setup['learners']} learners, {args.connections} connections, {args.workers} gunicorn "
        f"workers, {args.seconds} s per measurement; each case against the mean of the /healthz "
        "measured just before and after it\n"
    )
    print("| request | req/s | × /healthz | × /healthz without broker | p50 ms | p90 ms | p99 ms "
          "| 302 → /me/ | other answers | rows created |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    mean_db_only = statistics.mean(run["rps"] for run in healthz_runs[HEALTHZ_WITHOUT_BROKER])
    for name, runs in healthz_runs.items():
        rates = [run["rps"] for run in runs]
        mean = statistics.mean(rates)
        p50, p90, p99 = (statistics.median(run.get(p, 0) for run in runs)
                         for p in ("p50", "p90", "p99"))  # fmt: skip
        print(
            f"| {name} (mean of {len(runs)}: {min(rates):.0f}–{max(rates):.0f}) | {mean:.0f} | "
            f"{'1.00' if name == HEALTHZ else '–'} | {mean / mean_db_only:.2f} | "
            f"{p50:.1f} | {p90:.1f} | {p99:.1f} | | | |"
        )
    for name, figures in results.items():
        answers = figures["form_errors"] + figures["other"] + figures["timeouts"]
        kind = "on the waiting list" if figures["waiting"] else "enrolments"
        rows = figures["waiting"] or figures["enrolments"]
        print(
            f"| {name} | {figures['rps']:.0f} | {figures['x_healthz']:.2f} | "
            f"{figures['x_db_only']:.2f} | {figures.get('p50', 0):.1f} | "
            f"{figures.get('p90', 0):.1f} | {figures.get('p99', 0):.1f} | "
            f"{figures['redirects_to_me']:,} | {answers} | {rows:,} {kind} |"
        )
        if figures["reused_learners"]:
            print(f"warning: {name} ran out of learners ({figures['reused_learners']} requests "
                  "repeated a pair); raise --learners")  # fmt: skip
    if args.output:
        args.output.write_text(json.dumps({"args": vars(args) | {"output": str(args.output)},
                                           "healthz": healthz_runs, "results": results},
                                          indent=2, default=str))  # fmt: skip


if __name__ == "__main__":
    main()
