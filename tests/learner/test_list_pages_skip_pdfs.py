"""Pages that list invoices or credentials never load their stored PDFs: those are tens of
kilobytes each and only the download reads one."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enrolment import services
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory
from tests.credentials.factories import CredentialFactory, ResultFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def selected_pdfs(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in queries if q["sql"].startswith("SELECT") and '"pdf"' in q["sql"]]


@pytest.fixture
def run():
    return ModuleRunFactory(module=ModuleFactory(price=Decimal("950.00")), capacity=10)


@pytest.fixture
def learner(run, django_capture_on_commit_callbacks):
    learner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):  # the invoice is built after commit
        enrolment = services.enrol(run=run, learner=learner)
    CredentialFactory(result=ResultFactory(enrolment=enrolment))
    assert enrolment.order.invoices.exists() and learner.credentials.exists()
    return learner


def test_my_learning_lists_invoices_and_credentials_without_their_pdfs(client, learner):
    client.force_login(learner)

    assert selected_pdfs(client, reverse("learner:my_learning")) == []


def test_the_employers_cohort_pages_list_invoices_without_their_pdfs(
    client, run, django_capture_on_commit_callbacks
):
    admin = MembershipFactory(role="admin", organisation=OrganisationFactory()).user
    organisation = admin.memberships.get().organisation
    staff = [MembershipFactory(organisation=organisation).user for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        cohort = services.create_cohort(
            organisation=organisation, run=run, learners=staff, by=admin, name="Team",
            purchase_order_reference="PO-1",
        )  # fmt: skip
    assert cohort.order.invoices.exists()
    client.force_login(admin)

    assert selected_pdfs(client, reverse("employer:cohorts", args=[organisation.pk])) == []
    assert (
        selected_pdfs(client, reverse("employer:cohort", args=[organisation.pk, cohort.pk])) == []
    )


def test_the_result_grid_shows_credentials_without_their_pdfs(client, run):
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
    for _ in range(2):
        CredentialFactory(result=ResultFactory(enrolment=EnrolmentFactory(run=run)))
    client.force_login(lecturer)

    assert selected_pdfs(client, reverse("teaching:run_results", args=[run.pk])) == []


def test_the_invoice_and_credential_changelists_leave_the_pdfs_out(client, learner):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert selected_pdfs(client, reverse("admin:enrolment_invoice_changelist")) == []
    assert selected_pdfs(client, reverse("admin:credentials_credential_changelist")) == []


def test_the_order_page_and_the_result_changelist_leave_the_pdfs_out(client, learner):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    order = learner.orders.get()

    assert selected_pdfs(client, reverse("admin:enrolment_order_change", args=[order.pk])) == []
    assert selected_pdfs(client, reverse("admin:credentials_result_changelist")) == []


def test_the_download_still_reads_the_pdf(client, learner):
    client.force_login(learner)
    invoice = learner.orders.get().invoices.get()

    response = client.get(reverse("learner:invoice_pdf", args=[invoice.pk]))

    assert response.content.startswith(b"%PDF")
