"""gunicorn's settings for the portal, the one file the image (Dockerfile) and compose use.

`gunicorn -c config/gunicorn.conf.py config.wsgi`; a flag on the command line overrides a
value here (the tests bind a free port with --bind). The environment tunes it per host:

- GUNICORN_BIND (0.0.0.0:8000), WEB_CONCURRENCY (worker processes, 3), GUNICORN_THREADS (1);
  with threads, DATABASE_POOL=true lets them share a few connections per process.
- GUNICORN_TIMEOUT (30 s): a worker silent for longer is killed and replaced.
- FORWARDED_ALLOW_IPS (127.0.0.1,::1): the proxies whose X-Forwarded-Proto gunicorn
  believes; a proxy in another container has another address, name it there.

Graceful restart: `kill -HUP <master>` (or `docker compose kill -s HUP web`) starts new
workers with the new code and lets the old ones finish their requests within
graceful_timeout; SIGTERM (docker stop) does the same before exiting.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A page that takes longer than this is a fault to fix, not to wait for.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On HUP, SIGTERM or a recycled worker, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Recycle each worker after about this many requests (spread, so they do not restart
# together): a slow leak never grows into an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# Behind a proxy that keeps connections open to us.
keepalive = 5
# The code is loaded in each worker after the fork, so HUP picks up a new release and no
# database connection or pool is shared between processes.
preload_app = False

# The root filesystem is read-only in the container: worker heartbeats go to memory (a
# tmpfs of the container's own, where gunicorn creates unlinked files only it holds).
_SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = _SHARED_MEMORY if os.path.isdir(_SHARED_MEMORY) else None

# gunicorn believes X-Forwarded-Proto (for its own idea of the scheme) only from these
# addresses. Django's SECURE_PROXY_SSL_HEADER reads the header from whoever sent it, so
# gunicorn must be reachable only through the proxy, which overwrites the header; the
# client's address for rate limits is TRUSTED_PROXY_COUNT's business (config/settings.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# No control socket (gunicorn 25+ puts one under $HOME, which is read-only or absent in the
# container, and which two servers on one host would share): signals do what it would.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The request id (academy/request_ids.py) on every access line, beside the JSON log lines.
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s'
)


def child_exit(server, worker):
    """A worker gone (recycled, killed): its request metrics leave the shared directory's
    live figures (prometheus_client's multiprocess mode, PROMETHEUS_MULTIPROC_DIR)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
