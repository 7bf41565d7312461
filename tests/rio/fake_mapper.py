"""A small HTTP server that answers as SURF's RIO mapper documents its API (API.md and
src-v5/.../endpoints/api.clj and status.clj of SURFnet/eduhub-rio-mapper, commit 451f8d16),
with a SURFconext-like token endpoint for the client credentials.

- `POST /oauth2/token` (grant_type=client_credentials, HTTP Basic client id and secret):
  `{"access_token", "token_type": "Bearer", "expires_in"}`; wrong credentials get 401
  `{"error": "invalid_client"}`.
- Job and status routes need `Authorization: Bearer <a token we issued>`, else 403 with
  an empty body (the mapper's wrap-authentication / access-control answer).
- `POST /job/{upsert|delete}/{education-specifications|programs|courses}/{id}`: 200
  `{"token": "<uuid>"}`; an id that is no UUID: 400 "Invalid UUID"; an X-Callback that is no
  http(s) URL: 400 "Malformed callback url"; another type or action: 404.
- `GET /status/{token}`: 200 `{"status", "token", "action", "resource", "created-at", ...}`,
  `pending` first, `in-progress` next, then the job's outcome: `done` with `attributes`
  (`opleidingseenheidcode` for an education specification, `aangebodenopleidingcode` for
  a course or programme upsert, none for a delete) or `error` with `phase` and `message`;
  `finished-at` once final. An unknown token: 404 `{"status": "unknown"}`.
- With X-Callback, the final status is POSTed there as JSON, once the job finishes.

Tests script it: `fail_next(n, status=503)` answers the next n job or status requests with
an error; `outcome[(type, id)] = {"status": "error", "phase": ..., "message": ...}` makes
that object's jobs fail; `hold = True` keeps new jobs pending until `finish(token)`.
"""

import base64
import json
import re
import threading
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import requests

CLIENT_ID = "academy-rio-client"
CLIENT_SECRET = "s3cret-of-the-academy"
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
TYPES = ("courses", "education-specifications", "programs")


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class FakeMapper:
    def __init__(self):
        self.lock = threading.Lock()
        self.jobs: dict[str, dict] = {}  # token -> job
        self.requests: list[tuple[str, str]] = []  # (method, path) of job and status calls
        self.tokens_issued: list[str] = []
        self.outcome: dict[tuple[str, str], dict] = {}
        self.failures: list[int] = []
        self.polls_before_done = 2  # pending, in-progress, then the outcome
        self.hold = False
        self.code_counter = 1000
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/oauth2/token"

    def start(self) -> "FakeMapper":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what tests look at and script --------------------------------------------------

    def fail_next(self, count: int = 1, *, status: int = 503) -> None:
        with self.lock:
            self.failures.extend([status] * count)

    def job_posts(self) -> list[str]:
        return [path for method, path in self.requests if method == "POST"]

    def finish(self, token: str) -> dict:
        """Let a held job reach its outcome now, and POST it to its callback if it has one."""
        with self.lock:
            job = self.jobs[token]
            job["polls"] = self.polls_before_done
            job["held"] = False
            status = self._status_of(job)
        if job["callback"]:
            requests.post(job["callback"], json=status, timeout=10)
        return status

    # --- the mapper's answers ------------------------------------------------------------

    def _status_of(self, job: dict) -> dict:
        status = {
            "token": job["token"],
            "action": job["action"],
            "created-at": job["created-at"],
            "started-at": None,
            "resource": f"{job['type']}/{job['id']}",
        }
        if job["held"] or job["polls"] < self.polls_before_done:
            status["status"] = "pending" if job["polls"] == 0 else "in-progress"
            if job["polls"]:
                status["started-at"] = job["created-at"]
            return status
        status["started-at"] = job["created-at"]
        status["finished-at"] = job.setdefault("finished-at", _now())
        outcome = self.outcome.get((job["type"], job["id"]))
        if outcome and outcome.get("status") in ("error", "time-out"):
            status.update(
                status=outcome["status"], phase=outcome.get("phase", "fetching-ooapi"),
                message=outcome.get("message", ""),
            )  # fmt: skip
            return status
        status["status"] = "done"
        if job["action"] == "upsert":
            if job["type"] == "education-specifications":
                status["attributes"] = {"opleidingseenheidcode": job["code"]}
            else:
                status["attributes"] = {"aangebodenopleidingcode": job["id"]}
        return status

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, code: int, body=None):
                data = b"" if body is None else (
                    body.encode() if isinstance(body, str) else json.dumps(body).encode()
                )  # fmt: skip
                self.send_response(code)
                kind = "application/json" if not isinstance(body, str) else "text/plain"
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                header = self.headers.get("Authorization", "")
                match = re.fullmatch(r"Bearer (\S+)", header)
                return bool(match) and match.group(1) in fake.tokens_issued

            def do_POST(self):
                path = urlparse(self.path).path
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                if path == "/oauth2/token":
                    return self._token(body)
                with fake.lock:
                    fake.requests.append(("POST", path))
                    failure = fake.failures.pop(0) if fake.failures else None
                if failure:
                    return self._answer(failure, {"error": "Service Unavailable"})
                if not self._authorised():
                    return self._answer(403)
                match = re.fullmatch(r"/job/(\w[\w-]*)/([\w-]+)/([^/]+)", path)
                if not match or match[1] not in ("upsert", "delete") or match[2] not in TYPES:
                    return self._answer(404)
                action, kind, ooapi_id = match.groups()
                if not UUID_PATTERN.match(ooapi_id):
                    return self._answer(400, "Invalid UUID")
                callback = self.headers.get("X-Callback")
                if callback is not None and not re.match(r"^https?://\S+$", callback):
                    return self._answer(400, "Malformed callback url")
                token = str(uuid.uuid4())
                with fake.lock:
                    fake.code_counter += 1
                    fake.jobs[token] = {
                        "token": token, "action": action, "type": kind, "id": ooapi_id,
                        "created-at": _now(), "polls": 0, "held": fake.hold,
                        "callback": callback, "code": f"{fake.code_counter}O4321",
                    }  # fmt: skip
                return self._answer(200, {"token": token})

            def _token(self, body: str):
                form = parse_qs(body)
                expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {expected}":
                    return self._answer(401, {"error": "invalid_client"})
                if form.get("grant_type") != ["client_credentials"]:
                    return self._answer(400, {"error": "unsupported_grant_type"})
                token = uuid.uuid4().hex
                with fake.lock:
                    fake.tokens_issued.append(token)
                return self._answer(
                    200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
                )

            def do_GET(self):
                path = urlparse(self.path).path
                with fake.lock:
                    fake.requests.append(("GET", path))
                    failure = fake.failures.pop(0) if fake.failures else None
                if failure:
                    return self._answer(failure, {"error": "Service Unavailable"})
                if path == "/health":
                    return self._answer(200, {"health": True})
                if not self._authorised():
                    return self._answer(403)
                match = re.fullmatch(r"/status/([^/]+)", path)
                if not match:
                    return self._answer(404)
                if not UUID_PATTERN.match(match[1]):
                    return self._answer(400, "Invalid UUID")
                with fake.lock:
                    job = fake.jobs.get(match[1])
                    if job is None:
                        return self._answer(404, {"status": "unknown"})
                    status = fake._status_of(job)
                    if not job["held"]:
                        job["polls"] += 1
                return self._answer(200, status)

        return Handler
