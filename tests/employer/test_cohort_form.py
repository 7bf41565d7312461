"""The cohort form: runs and staff found by search (without script too), a confirmation with
the price before anything is reserved, and a page whose queries do not grow with the lists."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from academy.models import Membership
from enrolment import services
from enrolment.models import Cohort, Enrolment
from tests.academy.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Zorggroep Noord", billing_email="crediteuren@noord.example",
                               purchase_order_reference="PO-1")  # fmt: skip


@pytest.fixture
def admin(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def staff(organisation):
    return [
        MembershipFactory(organisation=organisation, user__first_name=first,
                          user__last_name="Jansen", user__job_title=title).user
        for first, title in (("Anouk", "Wijkverpleegkundige"), ("Bram", "Teamleider"),
                             ("Chaima", "Wijkverpleegkundige"))
    ]  # fmt: skip


@pytest.fixture
def run():
    return ModuleRunFactory(module__title="Regie in de wijk", module__price=Decimal("995.00"),
                            module__vat_rate=21, capacity=10, location="Nijmegen")  # fmt: skip


def url(organisation):
    return reverse("employer:cohort_new", args=[organisation.pk])


def test_runs_show_dates_format_price_and_seats_left(client, organisation, admin, run):
    client.force_login(admin)

    html = client.get(url(organisation)).content.decode()

    assert 'type="radio" name="run"' in html and "Regie in de wijk" in html
    assert "Blended" in html and "Nijmegen" in html
    assert "€995.00" in html and "€1,203.95 incl. VAT" in html
    assert "10 seats left" in html


def test_search_narrows_the_runs_and_keeps_the_chosen_one(client, organisation, admin, run, staff):
    other = ModuleRunFactory(module__title="Data in de zorg")
    client.force_login(admin)

    found = client.get(url(organisation), {"q": "regie"})
    kept = client.post(url(organisation), {"action": "search", "q": "regie", "run": other.pk,
                                           "members": [staff[0].pk]})  # fmt: skip

    assert "Regie in de wijk" in found.content.decode()
    assert "Data in de zorg" not in found.content.decode()
    assert "1 of 2 runs shown" in found.content.decode()
    html = kept.content.decode()
    assert "Data in de zorg" in html and f'value="{other.pk}" id="run-{other.pk}" checked' in html
    assert f'value="{staff[0].pk}" id="member-{staff[0].pk}" checked' in html
    assert not Enrolment.objects.exists()


def test_staff_search_and_select_everyone_shown_work_without_script(
    client, organisation, admin, run, staff
):
    client.force_login(admin)

    searched = client.get(url(organisation), {"staff_q": "wijkverpleegkundige"})
    selected = client.post(url(organisation), {"action": "all", "staff_q": "wijkverpleegkundige",
                                               "run": run.pk})  # fmt: skip
    cleared = client.post(url(organisation), {"action": "none", "run": run.pk,
                                              "members": [s.pk for s in staff]})  # fmt: skip

    html = searched.content.decode()
    assert "Anouk Jansen" in html and "Chaima Jansen" in html and "Bram Jansen" not in html
    ticked = selected.context["form"]["members"].value()
    assert sorted(ticked) == sorted([str(staff[0].pk), str(staff[2].pk)])
    assert cleared.context["form"]["members"].value() == []
    assert not Enrolment.objects.exists()


def test_first_post_shows_seats_price_vat_and_total_and_reserves_nothing(
    client, organisation, admin, run, staff
):
    client.force_login(admin)

    response = client.post(url(organisation), {"run": run.pk, "members": [s.pk for s in staff],
                                               "name": "Wijkteam"})  # fmt: skip

    html = response.content.decode()
    assert "Check and confirm" in html
    assert "3 seats × €995.00" in html and "€2,985.00" in html
    assert "VAT 21%" in html and "€626.85" in html
    assert "Total including VAT" in html and "€3,611.85" in html
    assert "emailed to crediteuren@noord.example" in html and "purchase order PO-1" in html
    assert "Each of your staff gets an email confirming their seat" in html
    assert not Enrolment.objects.exists() and not Cohort.objects.exists()


def test_confirmed_post_reserves_and_the_invoice_totals_what_was_shown(
    client, organisation, admin, run, staff, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(admin)
    choice = {"run": run.pk, "members": [s.pk for s in staff], "name": "Wijkteam",
              "purchase_order_reference": "PO-7"}  # fmt: skip
    shown = client.post(url(organisation), choice).context["quote"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(organisation), {**choice, "confirm": "yes"}, follow=True)

    cohort = Cohort.objects.get()
    assert cohort.name == "Wijkteam" and cohort.enrolments.count() == 3
    assert "3 seats are reserved in Regie in de wijk" in response.content.decode()
    invoice = cohort.order.invoices.get()
    assert (invoice.subtotal, invoice.vat_amount, invoice.total) == (
        shown.subtotal,
        shown.vat,
        shown.total,
    )
    assert invoice.purchase_order_reference == "PO-7"
    assert {m.to[0] for m in mailoutbox} >= {s.email for s in staff} | {"crediteuren@noord.example"}


def test_change_on_the_confirmation_keeps_the_choice(client, organisation, admin, run, staff):
    client.force_login(admin)

    response = client.get(url(organisation), {"run": run.pk, "members": [staff[1].pk],
                                              "name": "Wijkteam"})  # fmt: skip

    form = response.context["form"]
    assert form["run"].value() == str(run.pk) and form["members"].value() == [str(staff[1].pk)]
    assert form["name"].value() == "Wijkteam"
    assert not Enrolment.objects.exists()


def test_a_csv_list_is_confirmed_by_the_people_it_names(client, organisation, admin, run, staff):
    client.force_login(admin)
    upload = SimpleUploadedFile("team.csv", f"email\n{staff[0].email}\n{staff[1].email}\n".encode())

    response = client.post(url(organisation), {"run": run.pk, "staff_list": upload})

    html = response.content.decode()
    assert "2 seats × €995.00" in html
    assert f'name="members" value="{staff[0].pk}"' in html
    assert f'name="members" value="{staff[1].pk}"' in html
    assert not Enrolment.objects.exists()


def test_seats_gone_by_the_confirmation_reserve_nothing(client, organisation, admin, staff):
    run = ModuleRunFactory(capacity=2)
    client.force_login(admin)
    choice = {"run": run.pk, "members": [staff[0].pk, staff[1].pk]}
    assert client.post(url(organisation), choice).context["quote"].seats == 2
    outsider = MembershipFactory().user
    services.enrol(run=run, learner=outsider)

    response = client.post(url(organisation), {**choice, "confirm": "yes"})

    assert "Only 1 seat is left in this run, and you asked for 2" in response.content.decode()
    assert not Enrolment.objects.filter(cohort__isnull=False).exists()


def test_another_organisations_admin_gets_404(client, organisation, run, staff):
    client.force_login(MembershipFactory(role=Membership.Role.ADMIN).user)

    response = client.post(url(organisation), {"run": run.pk, "members": [staff[0].pk],
                                               "confirm": "yes"})  # fmt: skip

    assert response.status_code == 404 and not Enrolment.objects.exists()


def test_form_and_confirmation_queries_do_not_grow_with_runs_or_staff(
    client, organisation, admin, django_assert_max_num_queries
):
    runs = [ModuleRunFactory(capacity=40) for _ in range(30)]
    staff = [MembershipFactory(organisation=organisation).user for _ in range(30)]
    client.force_login(admin)

    with django_assert_max_num_queries(7):
        page = client.get(url(organisation))
    with django_assert_max_num_queries(14):
        confirmation = client.post(
            url(organisation), {"run": runs[0].pk, "members": [s.pk for s in staff]}
        )

    assert page.content.decode().count('name="run"') == 30
    assert page.content.decode().count('name="members"') == 31  # and the admin
    assert confirmation.context["quote"].seats == 30
