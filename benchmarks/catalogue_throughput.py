"""Catalogue throughput under gunicorn on PostgreSQL, measured beside /healthz.

Seeds a catalogue of --modules generated modules (default 10,000) into its own database,
serves it with gunicorn as in production (DEBUG off, collected static files), and drives
each URL with wrk at --connections concurrent connections. Reports requests per second and
latency percentiles, and each page's throughput as a ratio of /healthz on the same server
in the same run, so that the figure holds on a noisy machine.

    .venv/bin/python benchmarks/catalogue_throughput.py            # full run
    .venv/bin/python benchmarks/catalogue_throughput.py --reuse    # skip seeding
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _common import BASE_DIR, PYTHON, gunicorn, production_env, recreate_database, run, wrk

SIXTH_PUBLISHED_SLUG = (
    "from catalogue.models import Module; "
    "print(Module.objects.published().order_by('pk').values_list('slug', flat=True)[5])"
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCHMARK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_benchmark"
        ),
    )
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument(
        "--cache-url",
        default="rediscache://127.0.0.1:6379/3",
        help="the cache the workers share; dummycache:// measures every request uncached",
    )
    parser.add_argument("--output", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    env = production_env(database_url=args.database_url, cache_url=args.cache_url)
    env.pop("CELERY_BROKER_URL", None)  # seeding sends no mail; keep tasks in-process
    if not args.reuse:
        recreate_database(args.database_url)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        started = time.perf_counter()
        run([PYTHON, "manage.py", "seed_demo", "--modules", str(args.modules)], env,
            stdout=subprocess.DEVNULL)  # fmt: skip
        print(f"seeded in {time.perf_counter() - started:.1f} s", flush=True)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"],
        env)  # fmt: skip

    with gunicorn(env, port=args.port, workers=args.workers) as base:
        slug = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", SIXTH_PUBLISHED_SLUG],
            env=env, cwd=BASE_DIR, capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        targets = {
            "/healthz": "/healthz",
            "/modules/": "/modules/",
            "/modules/?q=data + 2 facets": "/modules/?q=data&format=online&format=blended&level=6",
            "module page": f"/modules/{slug}/",
        }
        for path in targets.values():  # warm up every worker's connection and caches
            wrk(base + path, connections=args.workers * 2, seconds=2, threads=1)
        results = {}
        for name, path in targets.items():
            results[name] = wrk(
                base + path, connections=args.connections, seconds=args.seconds, threads=2
            )
            print(name, results[name], flush=True)

    healthz = results["/healthz"]["rps"]
    print(
        f"\n{args.modules} generated modules, {args.connections} connections, "
        f"{args.workers} gunicorn workers, {args.seconds} s per URL, cache {args.cache_url}\n"
    )
    print("| URL | req/s | × /healthz | p50 ms | p90 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, figures in results.items():
        print(
            f"| {name} | {figures['rps']:.0f} | {figures['rps'] / healthz:.2f} | "
            f"{figures.get('p50', 0):.1f} | {figures.get('p90', 0):.1f} | "
            f"{figures.get('p99', 0):.1f} | {figures['non_2xx']} |"
        )
    if args.output:
        args.output.write_text(json.dumps({"args": vars(args) | {"output": str(args.output)},
                                           "results": results}, indent=2, default=str))  # fmt: skip


if __name__ == "__main__":
    main()
