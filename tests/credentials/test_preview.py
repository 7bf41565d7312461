"""The PNG a shared credential link shows (og:image), drawn on the server."""

import io
import re

import pytest
from django.core.cache import cache
from PIL import Image

from credentials import preview, services
from tests.academy.factories import UserFactory
from tests.credentials.factories import CredentialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def credential():
    return CredentialFactory(
        enrolment__learner=UserFactory(first_name="Łukasz", last_name="Dvořák"),
        enrolment__run__module__title="Data ethics",
    )


def png(client, credential):
    response = client.get(f"/credentials/{credential.pk}.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    return response.content


def test_the_verify_page_links_a_png_preview_of_open_graph_size(client, credential):
    html = client.get(credential.get_absolute_url()).content.decode()
    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)

    assert image_url.endswith(f"/credentials/{credential.pk}.png")
    assert f'<meta name="twitter:image" content="{image_url}">' in html
    content = png(client, credential)
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(content))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert 'content="1200"' in html and 'content="630"' in html


def test_the_preview_is_drawn_once_per_state_and_shows_a_revocation(client, credential):
    valid = png(client, credential)
    assert png(client, credential) == valid  # from the cache
    assert cache.get(f"credentials:preview:{credential.pk}:valid") == valid

    office = UserFactory(is_staff=True, is_superuser=True)
    services.revoke_credential(credential=credential, reason="Fraud", by=office)
    credential.refresh_from_db()
    revoked = png(client, credential)

    assert revoked != valid and preview.state(credential) == "revoked"
    # the red "Revoked" label, at the foot of the text column
    pixel = Image.open(io.BytesIO(revoked)).convert("RGB").getpixel((500, 630 - 60))
    assert pixel == (0x9B, 0x1C, 0x1C)
    assert Image.open(io.BytesIO(valid)).convert("RGB").getpixel((500, 630 - 60)) == (255,) * 3


def test_an_unknown_credential_has_no_preview(client):
    assert client.get("/credentials/00000000-0000-4000-8000-000000000000.png").status_code == 404
