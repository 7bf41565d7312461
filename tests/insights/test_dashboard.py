"""The dashboard at /insights/: per faculty, module and month the enrolments, fill rates,
waiting lists, attendance, results, credentials, revenue, evaluations, needs, partners,
employers and teaching, for the office and ambassadors (every faculty) and portfolio
holders (their own); filters that never leak another faculty; CSV; a constant number of
queries; charts that draw in Dutch."""

import csv
import io
import re
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.services import AMBASSADORS
from enrolment.models import Enrolment, Invoice
from evaluations.models import Answer
from insights.dashboard import Period, academic_year_of
from tests.academy.factories import OrganisationFactory, UserFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    SessionFactory,
    TeachingFactory,
    ThemeFactory,
)
from tests.credentials.factories import CredentialFactory, ResultFactory
from tests.demand.factories import (
    LearningNeedFactory,
    in_group,
    lecturer,
    office_user,
    portfolio_holder_of,
)
from tests.enrolment.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    OrderFactory,
    WaitingListEntryFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 3)  # the dashboard's today, whatever the clock says
YEAR = academic_year_of(TODAY)
START = date(YEAR, 9, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("insights.dashboard.today", lambda: TODAY)


def moment(day: date):
    return timezone.make_aware(datetime.combine(day, time(10)))


def enrol(run, *, employer=None, on=START, status=Enrolment.Status.CONFIRMED):
    enrolment = EnrolmentFactory(
        run=run, status=status, payer="employer" if employer else "learner",
        organisation=employer,
    )  # fmt: skip
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=moment(on))
    return enrolment


def invoice(enrolment, total, *, kind="invoice", paid=False, on=START, corrects=None):
    order = enrolment.order or OrderFactory(learner=enrolment.learner)
    Enrolment.objects.filter(pk=enrolment.pk).update(order=order)
    enrolment.order = order
    number = Invoice.objects.count() + 1
    return Invoice.objects.create(
        order=order, kind=kind, corrects=corrects, year=on.year, sequence=number,
        number=f"{on.year}-{number:06d}", issued_at=moment(on), subtotal=Decimal(total),
        vat_amount=Decimal(0), total=Decimal(total), pdf=b"",
        paid_at=moment(on) if paid else None,
    )  # fmt: skip


def answers(run, count, *, overall=4, recommend=9):
    Answer.objects.bulk_create(
        Answer(run=run, submitted_on=TODAY, overall=overall, relevance=4, lecturers=4, blend=4,
               workload=3, recommend=recommend)
        for _ in range(count)
    )  # fmt: skip


@pytest.fixture
def world():
    science = FacultyFactory(name="Faculty of Science", slug="science")
    law = FacultyFactory(name="Faculty of Law", slug="law")
    data = ThemeFactory(name="Data & AI", slug="data-ai")
    health = ThemeFactory(name="Health & care", slug="health-care")
    partner = PartnerFactory(name="Hogeschool Utrecht")
    ai = ModuleFactory(title="AI at work", faculty=science, themes=[data])
    ai.partners.add(partner)
    care = ModuleFactory(title="Care robotics", faculty=science, themes=[health])
    privacy = ModuleFactory(title="Privacy law", faculty=law, themes=[data])

    def run(module, code, capacity, start, end):
        return ModuleRunFactory(module=module, code=code, capacity=capacity, start_date=start,
                                end_date=end)  # fmt: skip

    run_ai = run(ai, "ai-1", 10, date(YEAR, 10, 1), date(YEAR, 11, 1))  # ended
    run_care = run(care, "care-1", 4, date(YEAR + 1, 1, 12), date(YEAR + 1, 2, 20))  # ahead
    run_privacy = run(privacy, "privacy-1", 5, date(YEAR, 9, 20), date(YEAR, 10, 30))  # ended
    old_run = run(ai, "ai-0", 10, date(YEAR - 1, 10, 1), date(YEAR - 1, 11, 1))

    zorg = OrganisationFactory(name="Zorggroep Rivierenland")
    bouw = OrganisationFactory(name="Bouwbedrijf De Vries")
    ai_seats = [enrol(run_ai) for _ in range(4)]
    ai_seats += [enrol(run_ai, employer=zorg), enrol(run_ai, employer=bouw)]
    enrol(run_ai, status=Enrolment.Status.CANCELLED)  # not counted
    for _ in range(4):
        enrol(run_care, employer=zorg)
    for _ in range(2):
        WaitingListEntryFactory(run=run_care)
    privacy_seats = [enrol(run_privacy), enrol(run_privacy)]
    enrol(old_run, on=date(YEAR - 1, 9, 15))  # last academic year

    session = SessionFactory(run=run_ai)
    for number, enrolment in enumerate(ai_seats):
        AttendanceFactory(enrolment=enrolment, session=session, present=number != 0)
    results = [ResultFactory(enrolment=e, passed=n < 4) for n, e in enumerate(ai_seats[:5])]
    issued = [CredentialFactory(result=r) for r in results[:2]]
    type(issued[0]).objects.filter(pk=issued[0].pk).update(revoked_at=moment(TODAY))
    type(issued[0]).objects.filter(pk__in=[c.pk for c in issued]).update(
        issued_at=moment(START.replace(month=11, day=10))
    )

    invoice(ai_seats[0], "1000.00", paid=True)
    first = invoice(ai_seats[1], "1000.00")
    invoice(ai_seats[1], "-1000.00", kind="credit_note", corrects=first)
    invoice(privacy_seats[0], "500.00", paid=True)

    TeachingFactory(run=run_ai, contact_hours=Decimal("10.5"))
    TeachingFactory(run=run_ai, contact_hours=Decimal("4"))
    TeachingFactory(run=run_privacy, contact_hours=Decimal("6"))

    answers(run_ai, 5, overall=4, recommend=9)
    answers(run_privacy, 2)

    for status in ("new", "planned"):
        need = LearningNeedFactory(status=status, expected_learners=10)
        need.faculties.add(science)
    LearningNeedFactory(status="new", expected_learners=3).faculties.add(law)
    return {"science": science, "law": law, "data": data, "health": health, "ai": ai,
            "run_ai": run_ai, "run_care": run_care}  # fmt: skip


def ambassador():
    return in_group(UserFactory(is_staff=True), AMBASSADORS)


def faculty_rows(response):
    return {row.name: row for row in response.context["board"].faculties}


def test_the_office_sees_every_faculty_with_the_right_numbers(client, world):
    client.force_login(office_user())
    response = client.get("/insights/")
    assert response.status_code == 200
    total = response.context["total"]
    assert (total.enrolments, total.individual, total.employer_paid) == (12, 6, 6)
    assert (total.runs, total.seats, total.capacity) == (3, 12, 19)
    assert total.waiting == 2
    assert (total.present, total.recorded) == (5, 6)
    assert (total.participants_of_ended, total.assessed, total.passed) == (8, 5, 4)
    assert (total.issued, total.revoked) == (2, 1)
    assert (total.invoiced, total.credited, total.paid) == (Decimal(2500), Decimal(-1000),
                                                            Decimal(1500))  # fmt: skip
    assert total.revenue == Decimal(1500)
    assert (total.employers, total.lecturers, total.contact_hours) == (2, 3, Decimal("20.5"))

    science = faculty_rows(response)["Faculty of Science"].figures
    assert (science.enrolments, science.runs, science.seats, science.capacity) == (10, 2, 10, 14)
    assert science.fill_rate == pytest.approx(10 / 14)
    assert science.attendance == pytest.approx(5 / 6)
    assert (science.completion_rate, science.pass_rate) == (pytest.approx(5 / 6), 0.8)
    assert (science.employers, science.lecturers, science.partners) == (2, 2, 0)
    law = faculty_rows(response)["Faculty of Law"]
    assert (law.figures.enrolments, law.figures.revenue, law.figures.paid) == (
        2, Decimal(500), Decimal(500))  # fmt: skip
    assert not law.scores.shown and law.scores.answered == 2

    board = response.context["board"]
    modules = {row.name: row for row in board.modules}
    assert modules["AI at work"].scores.shown and modules["AI at work"].scores.overall == 4
    assert modules["AI at work"].figures.partners == 1
    assert board.partners == [{"pk": board.partners[0]["pk"], "name": "Hogeschool Utrecht",
                               "modules": 1}]  # fmt: skip
    assert [(e["organisation__name"], e["enrolments"]) for e in board.employers] == [
        ("Zorggroep Rivierenland", 5), ("Bouwbedrijf De Vries", 1)]  # fmt: skip
    needs = {row["status"]: row["needs"] for row in board.needs}
    assert (needs["new"], needs["planned"], needs["declined"]) == (2, 1, 0)
    assert [(y.year, y.enrolments) for y in board.years] == [(YEAR - 1, 1), (YEAR, 12)]
    september = next(m for m in board.months if m.month == START)
    assert (september.enrolments, september.revenue) == (12, Decimal(1500))
    assert response.context["scores"]["answered"] == 5  # only the faculty shown counts

    page = response.content.decode()
    assert "too few answers (2)" in page
    science_pk = world["science"].pk
    assert f"run__module__faculty__id__exact={science_pk}" in page
    assert f"order__enrolments__run__module__faculty__id__exact={science_pk}" in page


def test_every_figure_link_opens_a_filtered_admin_list(client, world):
    """Each admin accepts the parameters the dashboard links with (an unknown filter makes
    the admin redirect with ?e=1)."""
    client.force_login(office_user())
    page = client.get("/insights/").content.decode()
    links = set(re.findall(r'href="(/admin/[^"]+\?[^"]+)"', page))
    assert len(links) > 15
    themed = client.get(f"/insights/?theme={world['data'].pk}").content.decode()
    links |= set(re.findall(r'href="(/admin/[^"]+\?[^"]+)"', themed))
    assert any("themes__id__exact" in link for link in links)
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link


def test_filters_narrow_by_faculty_theme_and_period(client, world):
    client.force_login(office_user())
    science = client.get(f"/insights/?faculty={world['science'].pk}").context
    assert [r.name for r in science["board"].faculties] == ["Faculty of Science"]
    assert science["total"].enrolments == 10
    health = client.get(f"/insights/?theme={world['health'].pk}").context["total"]
    assert (health.enrolments, health.seats, health.waiting, health.revenue) == (4, 4, 2, 0)
    last_year = client.get(f"/insights/?year={YEAR - 1}").context
    assert last_year["total"].enrolments == 1 and last_year["period"].start == date(YEAR - 1, 9, 1)
    months = client.get(f"/insights/?start={YEAR}-09&end={YEAR}-09").context
    assert months["period"] == Period(START, date(YEAR, 10, 1), months["period"].label)
    assert months["total"].enrolments == 12 and months["total"].runs == 1  # privacy-1


def test_a_cohorts_invoice_counts_once_and_a_swapped_seat_adds_nothing(client, world):
    """A cohort's order holds many seats; a seat given to a colleague keeps its invoice."""
    employer = OrganisationFactory()
    run = ModuleRunFactory(module=world["ai"], start_date=date(YEAR, 10, 5))
    cohort = CohortFactory(run=run, organisation=employer)
    order = OrderFactory(learner=None, organisation=employer, cohort=cohort)
    seats = [enrol(run, employer=employer) for _ in range(3)]
    Enrolment.objects.filter(pk__in=[e.pk for e in seats]).update(order=order, cohort=cohort)
    invoice(seats[0], "3000.00")
    single = enrol(run)
    invoice(single, "900.00")
    colleague = enrol(run)
    Enrolment.objects.filter(pk=colleague.pk).update(order=single.order, takes_seat_of=single)
    client.force_login(office_user())
    science = faculty_rows(client.get("/insights/"))["Faculty of Science"].figures
    # the world's two invoices, the cohort's once (not per seat), the single seat's once
    assert science.invoiced == Decimal(2000 + 3000 + 900)


def test_the_academic_year_table_covers_five_years(client, world):
    old = ModuleRunFactory(module=world["ai"], start_date=date(YEAR - 6, 10, 1))
    enrol(old, on=date(YEAR - 6, 9, 20))
    enrol(old, on=date(YEAR - 4, 9, 20))  # the fifth year back counts
    client.force_login(office_user())
    years = client.get("/insights/").context["board"].years
    assert [(y.year, y.enrolments) for y in years] == [(YEAR - 4, 1), (YEAR - 1, 1), (YEAR, 12)]
    asked = f"/insights/?start={YEAR - 6}-09&end={YEAR - 5}-08"  # a period further back
    years = client.get(asked).context["board"].years
    assert years[0].year == YEAR - 6


def test_nonsense_periods_fall_back_to_the_academic_year(client, world):
    client.force_login(office_user())
    for query in ("start=9999-12", "start=2026-13", "end=soon", "year=1900", "year=abc"):
        response = client.get(f"/insights/?{query}")
        assert response.status_code == 200, query
        assert response.context["period"].start == START, query
    response = client.get("/insights/?start=0001-01&end=2026-02")  # the month that makes sense
    assert response.context["period"].start == date(2026, 2, 1)
    assert "Give a month between 2000 and 2100." in response.content.decode()


def test_an_academic_year_runs_from_september_to_august():
    assert academic_year_of(date(2026, 8, 31)) == 2025
    assert academic_year_of(date(2026, 9, 1)) == 2026
    period = Period.academic_year(2025)
    assert (period.start, period.end, period.label) == (date(2025, 9, 1), date(2026, 9, 1),
                                                        "2025–2026")  # fmt: skip
    assert len(period.months) == 12


def test_an_ambassador_reads_every_faculty_but_changes_nothing(client, world):
    person = ambassador()
    client.force_login(person)
    response = client.get("/insights/")
    assert response.status_code == 200
    assert set(faculty_rows(response)) == {"Faculty of Science", "Faculty of Law"}
    assert person.has_perm("enrolment.view_enrolment")
    assert not any(p.startswith(("add_", "change_", "delete_"))
                   for p in person.get_all_permissions() for p in [p.split(".", 1)[1]])  # fmt: skip


def test_a_portfolio_holder_sees_only_their_faculty_even_by_url(client, world):
    client.force_login(portfolio_holder_of(world["law"]))
    response = client.get("/insights/")
    assert list(faculty_rows(response)) == ["Faculty of Law"]
    assert response.context["total"].enrolments == 2
    assert "Faculty of Science" not in response.content.decode()
    assert "AI at work" not in response.content.decode()
    assert client.get(f"/insights/?faculty={world['science'].pk}").status_code == 404
    assert client.get(f"/insights/modules.csv?faculty={world['science'].pk}").status_code == 404
    assert client.get("/insights/?faculty=nonsense").status_code == 404
    # a theme narrows within their own faculty, never beyond it
    data = client.get(f"/insights/?theme={world['data'].pk}").context["total"]
    assert data.enrolments == 2


def test_others_may_not(client, world):
    response = client.get("/insights/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for person in (UserFactory(), lecturer(), UserFactory(is_staff=True)):
        client.force_login(person)
        assert client.get("/insights/").status_code == 403
        assert client.get("/insights/faculties.csv").status_code == 403


def test_every_table_downloads_as_csv(client, world):
    client.force_login(office_user())
    for table in ("faculties", "modules", "runs", "months", "years", "needs", "partners",
                  "employers"):  # fmt: skip
        response = client.get(f"/insights/{table}.csv?faculty={world['science'].pk}")
        assert response.status_code == 200, table
        assert response["Content-Type"].startswith("text/csv")
        assert f"insights-{table}-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(
        client.get("/insights/faculties.csv").content.decode().lstrip("\ufeff"))))  # fmt: skip
    assert rows[0][:2] == ["faculty", "enrolments"]
    assert rows[1][:4] == ["Faculty of Science", "10", "4", "6"]
    modules = client.get("/insights/modules.csv").content.decode()
    assert "AI at work,Faculty of Science,6," in modules
    assert "too few" not in modules
    assert client.get("/insights/secrets.csv").status_code == 404


def test_the_page_runs_a_constant_number_of_queries(client, world, django_assert_max_num_queries):
    holder = portfolio_holder_of(world["science"])
    client.force_login(holder)
    with django_assert_max_num_queries(HOLDER_QUERIES) as holders:
        client.get("/insights/")
    client.force_login(office_user())
    with django_assert_max_num_queries(QUERIES) as small:
        client.get("/insights/")
    narrowed = f"/insights/?theme={world['data'].pk}&start={YEAR}-09&end={YEAR + 1}-02"
    with django_assert_max_num_queries(QUERIES + 1) as filtered:  # revenue by month, scoped
        client.get(narrowed)
    more = FacultyFactory(name="Faculty of Humanities")
    zorg = OrganisationFactory()
    for number in range(12):
        module = ModuleFactory(faculty=more, themes=[world["data"]])
        module.partners.add(PartnerFactory())
        run = ModuleRunFactory(module=module, start_date=START.replace(day=2 + number))
        for _ in range(3):
            enrolment = enrol(run, employer=zorg if number % 2 else None)
            invoice(enrolment, "250.00", paid=number % 3 == 0)
        WaitingListEntryFactory(run=run)
        TeachingFactory(run=run)
        answers(run, 5)
    with django_assert_max_num_queries(len(small)):
        client.get("/insights/")
    with django_assert_max_num_queries(len(filtered)):
        client.get(narrowed)
    more.portfolio_holders.add(holder)
    client.force_login(holder)
    with django_assert_max_num_queries(len(holders)):
        client.get("/insights/")


QUERIES = 28  # session, user, 2 for permissions, 24 for the figures
# and for a portfolio holder: whether an ambassador, whether they curate, revenue by month
# through the modules of their faculties (cohort orders and single seats)
HOLDER_QUERIES = 32


def test_the_charts_draw_in_dutch_too(client, world):
    client.force_login(office_user())
    client.cookies["django_language"] = "nl"
    page = client.get("/insights/").content.decode()
    assert 'lang="nl"' in page
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(svgs) == 4
    numbers = re.findall(r'(?<![\w-])(?:x|y|width|height|x1|x2|y1|y2)="([^"]+)"', "".join(svgs))
    assert numbers and all("," not in value for value in numbers)
    assert all(value.replace(".", "", 1).lstrip("-").isdigit() for value in numbers
               if not value.startswith("url("))  # fmt: skip


def test_those_who_read_it_find_it_from_the_admin_the_teaching_page_and_demand(client, world):
    client.force_login(portfolio_holder_of(world["law"]))
    assert 'href="/insights/"' in client.get("/teaching/").content.decode()
    assert 'href="/insights/"' in client.get("/insights/demand/").content.decode()
    client.force_login(office_user())
    assert 'href="/insights/"' in client.get("/admin/").content.decode()
    client.force_login(lecturer())
    assert 'href="/insights/"' not in client.get("/teaching/").content.decode()
