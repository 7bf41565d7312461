"""Distinct catalogue searches under gunicorn on PostgreSQL, beside /healthz, with the cache
hit rate seen; and single uncached catalogue requests in-process.

Seeds the demo plus --modules generated modules (default 10,000) into its own database,
then draws --urls distinct catalogue URLs from a realistic spread: no words (a fifth), one
word (half; a third of those only its first letters, as typed so far), two words; none, one
or two facets (format, level, language, theme, faculty, start month), now and then a price
bound, a sort or a later page. The words come from the catalogue's own vocabulary, plus
some misspellings and words it does not hold. wrk draws from those URLs at random, so
almost every request misses the cache; the hit rate of the results cache is printed (from
Redis's own counters: each request reads the catalogue version, always found, and one
results entry). The popular search is one URL repeated (the cache carries it).

    .venv/bin/python benchmarks/catalogue_search.py            # seed and measure
    .venv/bin/python benchmarks/catalogue_search.py --reuse    # keep the seeded database
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from _common import BASE_DIR, PYTHON, gunicorn, production_env, recreate_database, run, wrk

LUA = """
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(seed * 7919 + os.time())
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""

VOCABULARY = """
import json
from catalogue.models import Faculty, ModuleSearchText, Theme
words = {}
for text in ModuleSearchText.objects.values_list("title_words", "main_words"):
    for word in set(" ".join(text).split()):
        if len(word) >= 3 and not word.isdigit():
            words[word] = words.get(word, 0) + 1
print(json.dumps({
    "words": sorted(words.items(), key=lambda item: -item[1])[:600],
    "themes": list(Theme.objects.values_list("slug", flat=True)),
    "faculties": list(Faculty.objects.values_list("slug", flat=True)),
}))
"""

UNCACHED = """
import json, statistics, sys, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
paths = json.load(sys.stdin)
client = Client(HTTP_HOST="127.0.0.1")
for path in paths[:20]:
    client.get(path)  # warm up
timings, queries, found = [], [], 0
for path in paths:
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, (path, response.status_code)
    queries.append(len(captured))
    found += b'data-nothing-found' not in response.content
timings.sort()
print(json.dumps({
    "n": len(timings), "p50": statistics.median(timings),
    "p90": timings[int(len(timings) * 0.9)], "p99": timings[int(len(timings) * 0.99)],
    "queries_max": max(queries), "queries_median": statistics.median(queries),
    "found_something": found / len(paths),
}))
"""

MISSPELLINGS = ["pyhton", "datascience", "leiderschp", "managment", "sustainabilty", "gezondhied"]
UNKNOWN = ["quantumbiology", "beekeeping", "origami", "blockchain", "kitesurfen"]


def search_urls(vocabulary: dict, count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - a spread of searches, not secrets
    words = [word for word, _count in vocabulary["words"]]
    weights = [frequency for _word, frequency in vocabulary["words"]]
    facets = {
        "format": ["online", "campus", "blended"],
        "level": ["5", "6", "7", "8"],
        "language": ["nl", "en"],
        "theme": vocabulary["themes"],
        "faculty": vocabulary["faculties"],
        "starts": [f"2027-{month:02d}" for month in range(1, 13)],
    }
    urls = set()
    while len(urls) < count:
        query = []
        kind = rng.random()
        if kind < 0.2:
            pass
        elif kind < 0.7:
            word = rng.choices(words, weights)[0]
            if rng.random() < 0.33:
                word = word[: rng.randint(3, max(3, len(word) - 1))]
            query.append(("q", word))
        elif kind < 0.95:
            query.append(("q", " ".join(rng.choices(words, weights, k=2))))
        else:
            query.append(("q", rng.choice(MISSPELLINGS + UNKNOWN)))
        for name in rng.sample(list(facets), k=rng.choice([0, 0, 1, 1, 1, 2])):
            query.append((name, rng.choice(facets[name])))
        if rng.random() < 0.1:
            query.append(("price_max", rng.choice([500, 1000, 1500, 2500])))
        if rng.random() < 0.15:
            query.append(("sort", rng.choice(["start", "price", "ects"])))
        if rng.random() < 0.15:
            query.append(("page", rng.choice([2, 2, 3, 5])))
        urls.add("/modules/?" + urlencode(query) if query else "/modules/")
    return sorted(urls)


def redis_hits_and_misses() -> tuple[int, int]:
    """The Redis server's counters (all its databases: run nothing else on it meanwhile)."""
    output = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "info", "stats"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    hits = int(re.search(r"keyspace_hits:(\d+)", output).group(1))
    misses = int(re.search(r"keyspace_misses:(\d+)", output).group(1))
    return hits, misses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--urls", type=int, default=20_000, help="distinct catalogue URLs")
    parser.add_argument("--uncached", type=int, default=300, help="in-process requests")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCHMARK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/academy_bench_search"
        ),
    )
    parser.add_argument("--cache-url", default="rediscache://127.0.0.1:6379/3")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database")
    parser.add_argument("--output", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    env = production_env(database_url=args.database_url, cache_url=args.cache_url)
    env.pop("CELERY_BROKER_URL", None)  # /healthz then checks the database only
    if not args.reuse:
        recreate_database(args.database_url)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        started = time.perf_counter()
        run([PYTHON, "manage.py", "seed_demo", "--modules", str(args.modules)], env,
            stdout=subprocess.DEVNULL)  # fmt: skip
        print(f"seeded in {time.perf_counter() - started:.1f} s", flush=True)
        # What autovacuum would have done by the time visitors come: fresh statistics.
        database = args.database_url.rsplit("/", 1)[1]
        subprocess.run(["vacuumdb", "-h", "127.0.0.1", "-U", "postgres", "--analyze", "-q",
                        database], check=True)  # fmt: skip
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    vocabulary = json.loads(
        subprocess.run([PYTHON, "manage.py", "shell", "-c", VOCABULARY], env=env, cwd=BASE_DIR,
                       capture_output=True, text=True, check=True).stdout.splitlines()[-1]
    )  # fmt: skip
    urls = search_urls(vocabulary, args.urls)
    print(f"{len(urls)} distinct catalogue URLs, e.g. {urls[:: len(urls) // 5][:5]}", flush=True)

    uncached_env = production_env(database_url=args.database_url, cache_url="dummycache://")
    uncached_env.pop("CELERY_BROKER_URL", None)
    sample = random.Random(2).sample(  # noqa: S311 - a sample of URLs
        urls, min(args.uncached, len(urls))
    )
    uncached = json.loads(
        subprocess.run([PYTHON, "manage.py", "shell", "-c", UNCACHED], env=uncached_env,
                       cwd=BASE_DIR, input=json.dumps(sample), capture_output=True, text=True,
                       check=True).stdout.splitlines()[-1]
    )  # fmt: skip
    print("uncached, one at a time:", uncached, flush=True)

    run([PYTHON, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"],
        env)  # fmt: skip
    with (
        tempfile.TemporaryDirectory() as scratch,
        gunicorn(env, port=args.port, workers=args.workers, threads=args.threads) as base,
    ):
        paths = Path(scratch, "paths.txt")
        paths.write_text("\n".join(urls) + "\n")
        script = Path(scratch, "distinct.lua")
        script.write_text(LUA % {"paths": paths})
        popular = "/modules/?q=data&format=online&format=blended&level=6"
        for path in ("/healthz", popular, "/modules/"):  # every worker's connections and caches
            wrk(base + path, connections=args.workers * 2, seconds=2, threads=1)
        results = {"/healthz": wrk(base + "/healthz", connections=args.connections,
                                   seconds=args.seconds, threads=2)}  # fmt: skip
        print("/healthz", results["/healthz"], flush=True)
        before = redis_hits_and_misses()
        distinct = wrk(base + "/", connections=args.connections, seconds=args.seconds,
                       threads=2, script=script)  # fmt: skip
        after = redis_hits_and_misses()
        requests = round(distinct["rps"] * args.seconds)
        result_hits = max(0, after[0] - before[0] - requests)  # less the version, always found
        result_reads = result_hits + after[1] - before[1]
        distinct["cache_hit_rate"] = result_hits / result_reads if result_reads else 0
        results["distinct searches"] = distinct
        print("distinct searches", distinct, flush=True)
        results["popular search"] = wrk(base + popular, connections=args.connections,
                                        seconds=args.seconds, threads=2)  # fmt: skip
        print("popular search", results["popular search"], flush=True)

    healthz = results["/healthz"]["rps"]
    print(
        f"\n{args.modules} generated modules, {args.connections} connections, "
        f"{args.workers} gunicorn workers × {args.threads} threads, {args.seconds} s per URL, "
        f"{len(urls)} distinct URLs\n"
    )
    print("| requests | req/s | × /healthz | p50 ms | p90 ms | p99 ms | non-2xx | cache hits |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, figures in results.items():
        hits = f"{figures['cache_hit_rate']:.1%}" if "cache_hit_rate" in figures else ""
        print(
            f"| {name} | {figures['rps']:.0f} | {figures['rps'] / healthz:.3f} | "
            f"{figures.get('p50', 0):.1f} | {figures.get('p90', 0):.1f} | "
            f"{figures.get('p99', 0):.1f} | {figures['non_2xx']} | {hits} |"
        )
    print(
        f"\nuncached, one request at a time ({uncached['n']} distinct URLs, no cache): "
        f"p50 {uncached['p50']:.1f} ms, p90 {uncached['p90']:.1f} ms, p99 {uncached['p99']:.1f}"
        f" ms; queries median {uncached['queries_median']}, max {uncached['queries_max']}; "
        f"{uncached['found_something']:.0%} found something"
    )
    if args.output:
        args.output.write_text(json.dumps({"args": vars(args) | {"output": str(args.output)},
                                           "results": results, "uncached": uncached},
                                          indent=2, default=str))  # fmt: skip


if __name__ == "__main__":
    main()
