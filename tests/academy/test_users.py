import pytest
from django.db import IntegrityError
from django.urls import reverse

from academy.models import User
from tests.academy.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_user_logs_in_with_email_and_password(client):
    user = UserFactory(email="lotte@example.com")

    response = client.post(
        reverse("account_login"), {"login": "lotte@example.com", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert response.wsgi_request.user == user
    assert client.get(reverse("home")).context["user"] == user


def test_email_login_ignores_capitals(client):
    user = UserFactory(email="lotte@example.com")

    client.post(
        reverse("account_login"), {"login": "Lotte@Example.COM", "password": DEFAULT_PASSWORD}
    )

    assert client.get(reverse("home")).context["user"] == user


def test_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="lotte@example.com")

    response = client.post(
        reverse("account_login"), {"login": "lotte@example.com", "password": "not it"}
    )

    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert "not correct" in response.content.decode()


def test_user_has_no_username_and_is_shown_by_name():
    user = User.objects.create_user(
        "  Sanne@Example.com ", "pw", first_name="Sanne", last_name="Smit"
    )

    assert user.email == "sanne@example.com"
    assert not hasattr(user, "username") or user.username is None
    assert str(user) == "Sanne Smit"
    assert User.objects.get_by_natural_key("SANNE@example.com") == user


def test_same_email_with_other_capitals_is_refused_by_the_database():
    UserFactory(email="sanne@example.com")

    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(email="SANNE@example.com")])


def test_superuser_is_staff_and_superuser():
    admin = User.objects.create_superuser("boss@example.com", "pw")

    assert admin.is_staff and admin.is_superuser


def test_login_page_renders_in_the_site_frame(client):
    response = client.get(reverse("account_login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#main"' in html
    assert "Lifelong development at the university" in html
    assert 'class="btn btn-primary' in html
    assert 'class="textinput form-control"' in html or "form-control" in html
