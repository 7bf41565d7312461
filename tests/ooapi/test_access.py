"""Public, or with an API key, or with an OAuth2 client-credentials token (introspected by
a small server started here, answering as RFC 7662 says); limited per client."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ooapi import text
from tests.ooapi import schemas

pytestmark = pytest.mark.django_db

URL = "/ooapi/v5/courses"


@pytest.fixture
def private(settings):
    settings.OOAPI_PUBLIC = False
    settings.OOAPI_API_KEYS = {"surf-gateway": "s3cret-key-for-the-gateway"}


def test_public_by_default(client):
    assert client.get(URL).status_code == 200


def test_private_endpoint_asks_for_credentials(client, private):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    schemas.validate(response)
    assert client.get(URL, HTTP_X_API_KEY="wrong").status_code == 401
    assert client.get(URL, HTTP_X_API_KEY="s3cret-key-for-the-gateway").status_code == 200


def test_the_api_key_header_is_configurable(client, private, settings):
    settings.OOAPI_API_KEY_HEADER = "Authorization-Key"
    assert client.get(URL, HTTP_AUTHORIZATION_KEY="s3cret-key-for-the-gateway").status_code == 200


class Introspection(BaseHTTPRequestHandler):
    active = {"good-token": "surf-eduhub"}

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        token = parse_qs(self.rfile.read(length).decode())["token"][0]
        authorised = self.headers.get("Authorization", "").startswith("Basic ")
        client_id = self.active.get(token) if authorised else None
        body = {"active": True, "client_id": client_id} if client_id else {"active": False}
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        type(self).calls += 1

    calls = 0

    def log_message(self, *args):
        pass


@pytest.fixture
def introspection(settings):
    server = HTTPServer(("127.0.0.1", 0), Introspection)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.OOAPI_OAUTH2_INTROSPECTION_URL = f"http://127.0.0.1:{server.server_port}/introspect"
    settings.OOAPI_OAUTH2_CLIENT_ID = "academy"
    settings.OOAPI_OAUTH2_CLIENT_SECRET = "resource-server-secret"
    Introspection.calls = 0
    yield server
    server.shutdown()
    server.server_close()


def test_an_oauth2_bearer_token_is_introspected_once_and_cached(client, private, introspection):
    good = {"HTTP_AUTHORIZATION": "Bearer good-token"}
    assert client.get(URL, **good).status_code == 200
    assert client.get(URL, **good).status_code == 200
    assert Introspection.calls == 1
    assert client.get(URL, HTTP_AUTHORIZATION="Bearer expired").status_code == 401


def test_each_client_is_rate_limited(client, private, settings):
    settings.OOAPI_RATE_LIMIT = "3/m"
    key = {"HTTP_X_API_KEY": "s3cret-key-for-the-gateway"}
    assert [client.get(URL, **key).status_code for _ in range(4)] == [200, 200, 200, 429]
    settings.OOAPI_PUBLIC = True
    assert client.get(URL).status_code == 200  # the anonymous callers count apart


def test_only_get(client):
    for method in (client.post, client.put, client.delete, client.patch):
        response = method(URL)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


@hypothesis_settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&;#abc /\n\xa0pé")) | st.characters(),
               max_size=80))  # fmt: skip
def test_plain_text_never_looks_like_markup_to_the_mapper(value):
    assert not schemas.MARKUP.search(text.plain_text(value))
