"""Pages and files with personal data are never stored by a browser or proxy."""

import pytest
from django.urls import reverse

from academy.models import Membership
from credentials.models import Credential
from enrolment.models import Cohort, Invoice
from tests.demo.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.read_only_demo,
              pytest.mark.usefixtures("demo_academy")]  # fmt: skip


def log_in(client, email):
    client.logout()
    assert client.login(email=email, password=PASSWORD)


def personal_pages() -> dict[str, list[str]]:
    """Who sees which pages and files with personal data in the demo academy."""
    learner_invoice = Invoice.objects.filter(order__learner__email="learner@example.org").first()
    organisation = Membership.objects.get(user__email="employer@example.org").organisation
    cohort = Cohort.objects.filter(organisation=organisation).first()
    employer_invoice = cohort.order.invoices.first()
    credential = Credential.objects.filter(learner__email="learner@example.org").first()
    employer = f"/employer/{organisation.pk}"
    return {
        "learner@example.org": [
            "/me/",
            "/me/profile/",
            "/me/data/",
            "/me/data/export.json",
            f"/me/invoices/{learner_invoice.pk}.pdf",
            f"/credentials/{credential.pk}.pdf",
            "/accounts/email/",
        ],
        "employer@example.org": [
            f"{employer}/",
            f"{employer}/staff.csv",
            f"{employer}/cohorts/",
            f"{employer}/cohorts/{cohort.pk}/",
            f"{employer}/invoices/{employer_invoice.pk}.pdf",
        ],
        "admin@example.org": [
            "/admin/",
            reverse("admin:academy_user_changelist"),
            reverse("admin:enrolment_enrolment_changelist"),
        ],
    }


def test_pages_and_files_with_personal_data_are_never_stored(client):
    stored = []
    for email, paths in personal_pages().items():
        log_in(client, email)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            cache_control = {
                part.strip() for part in response.get("Cache-Control", "").lower().split(",")
            }
            if not {"private", "no-store"} <= cache_control:
                stored.append(f"{path}: {response.get('Cache-Control')}")

    assert stored == []
