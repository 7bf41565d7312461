"""SURF's RIO mapper, spoken to as its API documents (API.md of SURFnet/eduhub-rio-mapper).

Every call starts a job in the mapper's queue for our institution and answers at once with
a token; `GET /status/{token}` tells how the job is doing. We authenticate with a bearer
token from SURFconext (OAuth2 client credentials), which the mapper introspects.

Failures come in two kinds. `MapperUnavailable` (a ConnectionError, so AcademyTask retries
it with backoff): the network, a timeout, a 5xx, a token endpoint that is down. `MapperRefused`:
the mapper or SURFconext said no to the request itself (a 4xx such as "Invalid UUID" or
refused credentials); trying again would get the same answer, so it is stored, not retried.
"""

import hashlib
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.core.cache import cache

JOB_TYPES = ("education-specifications", "courses", "programs")
ACTIONS = ("upsert", "delete")
FINAL_STATUSES = frozenset({"done", "error", "time-out"})


class MapperUnavailable(ConnectionError):
    """The mapper (or SURFconext) could not be reached or failed; try again later."""


class MapperRefused(Exception):
    """The mapper (or SURFconext) refused the request; the same request will be refused again."""


@dataclass(frozen=True)
class JobStatus:
    """One answer of `/status/{token}` (or the body the mapper POSTs to our X-Callback)."""

    status: str
    token: str = ""
    resource: str = ""
    attributes: dict = field(default_factory=dict)
    phase: str = ""
    message: str = ""

    @classmethod
    def from_json(cls, data) -> "JobStatus":
        if not isinstance(data, dict) or not isinstance(data.get("status"), str):
            raise MapperRefused("The mapper's status answer has no status.")
        attributes = data.get("attributes")
        return cls(
            status=data["status"],
            token=str(data.get("token") or ""),
            resource=str(data.get("resource") or ""),
            attributes=attributes if isinstance(attributes, dict) else {},
            phase=str(data.get("phase") or ""),
            message=str(data.get("message") or ""),
        )

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def opleidingseenheidcode(self) -> str:
        return str(self.attributes.get("opleidingseenheidcode") or "")

    @property
    def aangeboden_opleiding_code(self) -> str:
        # The status object writes it lower case (status.clj); API.md's example too.
        attributes = self.attributes
        return str(
            attributes.get("aangebodenopleidingcode")
            or attributes.get("aangebodenOpleidingCode")
            or ""
        )


def is_configured() -> bool:
    """RIO pushes are off unless the mapper's address and our credentials are all set."""
    return all(
        (
            settings.RIO_MAPPER_URL,
            settings.RIO_MAPPER_TOKEN_URL,
            settings.RIO_MAPPER_CLIENT_ID,
            settings.RIO_MAPPER_CLIENT_SECRET,
        )
    )


class MapperClient:
    def __init__(self, *, url: str, token_url: str, client_id: str, client_secret: str,
                 timeout: float = 10.0):  # fmt: skip
        self.url = url.rstrip("/")
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.timeout = timeout
        digest = hashlib.sha256(f"{token_url} {client_id}".encode()).hexdigest()[:16]
        self._token_cache_key = f"rio:access-token:{digest}"

    @classmethod
    def from_settings(cls) -> "MapperClient":
        return cls(
            url=settings.RIO_MAPPER_URL,
            token_url=settings.RIO_MAPPER_TOKEN_URL,
            client_id=settings.RIO_MAPPER_CLIENT_ID,
            client_secret=settings.RIO_MAPPER_CLIENT_SECRET,
            timeout=settings.RIO_MAPPER_TIMEOUT,
        )

    def submit(self, *, action: str, job_type: str, ooapi_id, callback_url: str = "") -> str:
        """Start a job (`POST /job/{action}/{type}/{id}`); returns its token."""
        if action not in ACTIONS or job_type not in JOB_TYPES:
            raise ValueError(f"Unknown mapper job {action} {job_type}")
        headers = {"X-Callback": callback_url} if callback_url else {}
        response = self._call("POST", f"/job/{action}/{job_type}/{str(ooapi_id).lower()}",
                              headers=headers)  # fmt: skip
        token = _json(response).get("token") if response.status_code == 200 else None
        if not isinstance(token, str) or not token:
            raise MapperRefused(_refusal(response))
        return token

    def status(self, token: str) -> JobStatus:
        """`GET /status/{token}`; a token the mapper does not know is status "unknown"."""
        response = self._call("GET", f"/status/{token}")
        if response.status_code == 404:
            return JobStatus(status="unknown", token=token)
        if response.status_code != 200:
            raise MapperRefused(_refusal(response))
        return JobStatus.from_json(_json(response))

    def _call(self, method: str, path: str, *, headers=None) -> requests.Response:
        for fresh_token in (False, True):
            response = self._send(method, path, headers=headers, fresh_token=fresh_token)
            # The mapper answers 403 to a token its introspection does not accept (an
            # expired one, say): fetch a new one once before calling it a refusal.
            if response.status_code not in (401, 403):
                return response
        raise MapperRefused(
            f"The RIO mapper refused our credentials (HTTP {response.status_code})."
        )

    def _send(self, method, path, *, headers, fresh_token) -> requests.Response:
        headers = {
            **(headers or {}),
            "Authorization": f"Bearer {self.access_token(fresh=fresh_token)}",
            "Accept": "application/json",
        }
        try:
            response = requests.request(
                method, self.url + path, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as error:
            raise MapperUnavailable(f"The RIO mapper could not be reached: {error}") from error
        if response.status_code >= 500:
            raise MapperUnavailable(
                f"The RIO mapper answered HTTP {response.status_code}; it will be tried again."
            )
        return response

    def access_token(self, *, fresh: bool = False) -> str:
        """A SURFconext bearer token (client credentials), kept until shortly before it expires."""
        if not fresh and (token := cache.get(self._token_cache_key)):
            return token
        try:
            response = requests.post(
                self.token_url,
                data={"grant_type": "client_credentials"},
                auth=(self.client_id, self.client_secret),
                headers={"Accept": "application/json"},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise MapperUnavailable(f"SURFconext could not be reached: {error}") from error
        if response.status_code >= 500:
            raise MapperUnavailable(f"SURFconext answered HTTP {response.status_code}.")
        body = _json(response)
        token = body.get("access_token")
        if response.status_code != 200 or not isinstance(token, str) or not token:
            reason = body.get("error_description") or body.get("error") or response.status_code
            raise MapperRefused(f"SURFconext gave no access token for the RIO mapper: {reason}.")
        lifetime = body.get("expires_in")
        lifetime = int(lifetime) if isinstance(lifetime, int | float) else 300
        cache.set(self._token_cache_key, token, max(lifetime - 60, 1))
        return token


def _json(response: requests.Response) -> dict:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _refusal(response: requests.Response) -> str:
    """The mapper's reason in words: its bodies are JSON or a short text ("Invalid UUID")."""
    body = _json(response)
    reason = body.get("message") or body.get("error") or body.get("status")
    if not reason:
        reason = response.text.strip()[:500] or f"HTTP {response.status_code}"
    return f"The RIO mapper refused the request: {reason}"
