"""The office publishes in the admin; a published version cannot be edited or deleted."""

import pytest
from django.utils import timezone

from academy.models import AuditEntry
from legal.models import LegalDocument
from tests.legal.factories import office_user

pytestmark = pytest.mark.django_db

ADD = "/admin/legal/legaldocument/add/"


@pytest.fixture
def office(client):
    user = office_user()
    client.force_login(user)
    return user


def test_adding_a_version_in_the_admin_publishes_it_through_the_service(client, office):
    response = client.post(ADD, {
        "kind": "privacy", "effective_from": timezone.localdate().isoformat(),
        "body_en": "## Who\nWe are the Academy.", "body_nl": "", "changes_en": "New contact",
        "changes_nl": "",
    })  # fmt: skip

    assert response.status_code == 302
    document = LegalDocument.objects.get(kind="privacy", version=2)
    assert document.published_by == office and document.changes_en == "New contact"
    assert AuditEntry.objects.filter(action="legal.published", actor=office).count() == 1


def test_a_date_in_the_past_is_refused_at_the_field(client, office):
    response = client.post(ADD, {
        "kind": "terms", "effective_from": "2000-01-01", "body_en": "Old.",
    })  # fmt: skip

    assert "cannot take effect in the past" in str(response.context["adminform"].form.errors)
    assert not LegalDocument.objects.filter(kind="terms", version=2).exists()


def test_a_published_version_is_read_only(client, office):
    document = LegalDocument.objects.get(kind="terms", version=1)
    url = f"/admin/legal/legaldocument/{document.pk}/change/"

    page = client.get(url).content.decode()
    response = client.post(url, {"kind": "terms", "body_en": "Rewritten history."})

    assert 'name="body_en"' not in page  # shown, not editable
    assert "Start a new version from this one" in page
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.body_en.startswith("These terms apply")
    assert client.post(f"/admin/legal/legaldocument/{document.pk}/delete/").status_code == 403


def test_a_new_version_starts_from_the_text_of_the_one_it_replaces(client, office):
    document = LegalDocument.objects.get(kind="cookies", version=1)

    form = client.get(f"{ADD}?from={document.pk}").context["adminform"].form

    assert form.initial["kind"] == "cookies"
    assert form.initial["body_en"] == document.body_en
    assert form.initial["effective_from"] == timezone.localdate()


def test_html_typed_in_the_admin_shows_escaped_in_its_preview(client, office):
    client.post(ADD, {
        "kind": "cookies", "effective_from": timezone.localdate().isoformat(),
        "body_en": "<script>alert(1)</script>",
    })  # fmt: skip
    document = LegalDocument.objects.get(kind="cookies", version=2)

    page = client.get(f"/admin/legal/legaldocument/{document.pk}/change/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
