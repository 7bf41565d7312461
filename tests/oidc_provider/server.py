"""Start the test OpenID Connect provider (this package's Django project) in a second
process, and walk its pages with a real HTTP client as a person would."""

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "provider password"


@dataclass
class Client:
    provider_id: str  # as the portal names the provider: "surfconext", "eduid"
    client_id: str
    client_secret: str


@dataclass
class RunningProvider:
    issuer: str
    clients: list[Client]
    people: list[dict] = field(default_factory=list)

    def portal_apps(self) -> list[dict]:
        """The portal's SOCIALACCOUNT_PROVIDERS apps for this provider, shaped as
        config/settings.py builds them from the environment."""
        names = {"surfconext": "SURFconext", "eduid": "eduID"}
        return [
            {
                "provider_id": client.provider_id,
                "name": names.get(client.provider_id, client.provider_id),
                "client_id": client.client_id,
                "secret": client.client_secret,
                "settings": {
                    "server_url": self.issuer,
                    "scope": ["openid", "email", "profile"],
                    "oauth_pkce_enabled": True,
                },
            }
            for client in self.clients
        ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _rsa_private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@contextmanager
def oidc_provider(*, workdir: Path, portal_url: str, provider_ids, people):
    """A django-oauth-toolkit OIDC provider on a free port, with one confidential client
    per portal provider id (redirecting to the portal's allauth callback) and `people`
    (dicts: username, email, given_name, family_name, email_verified, affiliations)."""
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}/o"
    clients = [
        Client(provider_id, f"portal-{provider_id}", f"secret-of-{provider_id}-client")
        for provider_id in provider_ids
    ]
    config = {
        "clients": [
            {
                "name": f"Academy portal ({client.provider_id})",
                "client_id": client.client_id,
                "client_secret": client.client_secret,
                "redirect_uri": f"{portal_url}/accounts/oidc/{client.provider_id}/login/callback/",
            }
            for client in clients
        ],
        "people": [{"password": PASSWORD, **person} for person in people],
    }
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DATABASE": str(workdir / "provider.sqlite3"),
        "OIDC_PROVIDER_RSA_KEY": _rsa_private_key_pem(),
        "OIDC_PROVIDER_CONFIG": json.dumps(config),
        "PYTHONUNBUFFERED": "1",
    }
    log = (workdir / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "serve_oidc_provider", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_serving(process, f"{issuer}/.well-known/openid-configuration", workdir)
        yield RunningProvider(issuer=issuer, clients=clients, people=people)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_serving(process, url: str, workdir: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "The test OpenID Connect provider stopped:\n"
                + (workdir / "provider.log").read_text()
            )
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"The test OpenID Connect provider did not answer at {url}")


def submit(session: requests.Session, response: requests.Response, *, action_contains="",
           fields=None, button=None) -> requests.Response:  # fmt: skip
    """Submit a form of the page as a browser would: its hidden and filled-in fields,
    `fields` typed in, and the named submit `button` pressed; redirects followed."""
    document = lxml.html.fromstring(response.text, base_url=response.url)
    forms = [form for form in document.forms if action_contains in (form.action or "")]
    assert forms, f"no form with action containing {action_contains!r} at {response.url}"
    form = forms[0]
    data = {
        element.name: element.value or ""
        for element in form.inputs
        if element.name and getattr(element, "type", "") not in ("submit", "button", "checkbox")
    }
    data.update(fields or {})
    if button:
        [pressed] = [element for element in form.inputs if getattr(element, "name", None) == button]
        data[button] = pressed.value or ""
    url = form.action or response.url
    return session.request(form.method, url, data=data, timeout=30)


def log_in_with(session: requests.Session, *, portal_url: str, provider_id: str,
                username: str, password: str = PASSWORD) -> requests.Response:  # fmt: skip
    """The portal's login page → the provider's button → the provider's login form →
    its consent page → back to the portal's callback; returns the portal's last answer."""
    login_page = session.get(f"{portal_url}/accounts/login/", timeout=30)
    at_provider = submit(session, login_page, action_contains=f"/accounts/oidc/{provider_id}/")
    assert "/accounts/login/" in at_provider.url, at_provider.url
    consent = submit(session, at_provider, fields={"username": username, "password": password})
    assert "/o/authorize/" in consent.url, consent.url
    answer = submit(session, consent, button="allow")
    assert answer.url.startswith(portal_url), answer.url
    return answer
