"""Production static files: collected, hashed and compressed by whitenoise."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_collectstatic_hashes_and_compresses_and_pages_use_the_hashed_names(
    settings, tmp_path, client
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)

    html = client.get("/").content.decode()

    css = re.search(r'/static/(css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "site.css is linked by its hashed name"
    assert (tmp_path / css.group(1)).exists()
    assert (tmp_path / (css.group(1) + ".gz")).exists()
    assert re.search(r"/static/vendor/htmx/htmx\.min\.[0-9a-f]{12}\.js", html)
