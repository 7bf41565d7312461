"""Helpers the HTTP benchmarks share: a scratch PostgreSQL database, gunicorn, and wrk."""

import os
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def run(command, env, **kwargs):
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, env=env, cwd=BASE_DIR, check=True, **kwargs)


def production_env(*, database_url: str, cache_url: str, **extra: str) -> dict:
    """Settings as in production (DEBUG off, collected static files, a shared cache) for a
    server, a worker or manage.py run by a benchmark."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "STATIC_ROOT": str(BASE_DIR / "var" / "benchmark-static"),
        "LOG_LEVEL": "WARNING",
        "CACHE_URL": cache_url,
        **extra,
    }


def recreate_database(database_url: str) -> None:
    """Drop and create the database the URL names (on the local server, as postgres)."""
    database = database_url.rsplit("/", 1)[1]
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", database],
                   check=True)  # fmt: skip
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)


@contextmanager
def gunicorn(env, *, port: int, workers: int, threads: int = 1):
    """Serve config.wsgi with gunicorn until the block ends; yields the base URL."""
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads), "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310 - local server
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk(
    url: str, *, connections: int, seconds: int, threads: int, script: Path | None = None
) -> dict:
    """Requests per second, latency percentiles (ms) and non-2xx/3xx responses of one wrk run;
    `script` is a Lua script that builds the requests (see wrk's SCRIPTING)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {
        f"p{percentile}": _milliseconds(value)
        for percentile, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, **latencies, "non_2xx": int(errors.group(1)) if errors else 0}


def _milliseconds(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


# --- In-process page benchmarks (Django's test Client, after django.setup()) -------------


class CacheCounter:
    """Counts what the page reads from the cache (a hit is a value found)."""

    def __init__(self):
        self.hits = self.misses = 0

    def install(self):
        from django.core.cache.backends.locmem import LocMemCache

        original_get, original_get_many = LocMemCache.get, LocMemCache.get_many
        counter = self

        def get(cache, key, default=None, version=None):
            value = original_get(cache, key, default, version)
            counter.hits += value is not default
            counter.misses += value is default
            return value

        def get_many(cache, keys, version=None):
            found = original_get_many(cache, keys, version)
            counter.hits += len(found)
            counter.misses += len(keys) - len(found)
            return found

        LocMemCache.get, LocMemCache.get_many = get, get_many

    @property
    def rate(self) -> str:
        total = self.hits + self.misses
        return f"{self.hits / total:.0%} of {total} reads" if total else "no cache reads"


def timed_get(client, path: str):
    """One GET through Django's whole stack: the response, its milliseconds, its queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    return response, elapsed, len(captured)


def print_timings(timings: dict, queries: dict) -> None:
    """A row per (request kind, reader): count, p50, p95, max (ms) and most queries seen."""
    print(f"{'request':<16} {'reader':<17} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'max ms':>8} {'queries':>8}")  # fmt: skip
    for key in sorted(timings):
        values = sorted(timings[key])
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"{key[0]:<16} {key[1]:<17} {len(values):>4} {statistics.median(values):>8.1f} "
              f"{p95:>8.1f} {values[-1]:>8.1f} {queries[key]:>8}")  # fmt: skip
