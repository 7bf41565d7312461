"""The admin looks like the Academy's: its logo, name and colours on every admin page."""

import pytest

from tests.academy.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/catalogue/module/", "/admin/login/"])
def test_admin_pages_carry_the_academys_logo_name_and_stylesheet(client, url):
    if url != "/admin/login/":
        client.force_login(UserFactory(is_staff=True, is_superuser=True))

    html = client.get(url).content.decode()

    assert 'class="academy-logo"' in html and "/static/img/logo.svg" in html
    assert "Academy curation" in html and "Django administration" not in html
    assert "/static/css/admin.css" in html
