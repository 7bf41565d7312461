"""Paging as the RIO mapper pages (pageSize=250, on until a page holds fewer), consumer
filtering, and a page of 250 in a constant number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.models import ModuleRun, Session
from ooapi.models import ModuleRegistration, RioRoute
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, SessionFactory
from tests.ooapi import schemas

pytestmark = pytest.mark.django_db

BASE = "/ooapi/v5"


def registered(route=RioRoute.COURSE, **fields):
    module = ModuleFactory(**fields)
    ModuleRegistration.objects.create(module=module, rio_route=route, eduxchange_listed=True)
    return module


def add_runs(module, count):
    start = timezone.localdate() + timedelta(days=10)
    ModuleRun.objects.bulk_create(
        ModuleRun(module=module, code=f"r{n}", start_date=start + timedelta(days=n),
                  end_date=start + timedelta(days=n + 30), status=ModuleRun.Status.OPEN)
        for n in range(count)
    )  # fmt: skip


def offerings_url(module, **query):
    params = "&".join(f"{key}={value}" for key, value in {"consumer": "rio", **query}.items())
    return f"{BASE}/courses/{module.ooapi_course_id}/offerings?{params}"


def test_exactly_250_offerings_leave_page_2_empty_with_200(client):
    module = registered()
    add_runs(module, 250)
    first = client.get(offerings_url(module, pageSize=250)).json()
    assert len(first["items"]) == 250 and first["hasNextPage"] is False
    second = client.get(offerings_url(module, pageSize=250, pageNumber=2))
    assert second.status_code == 200
    assert second.json()["items"] == []
    schemas.validate(second)


def test_page_size_250_is_honoured_and_the_rest_follows(client):
    module = registered()
    add_runs(module, 260)
    pages = [client.get(offerings_url(module, pageSize=250, pageNumber=n)).json()
             for n in (1, 2)]  # fmt: skip
    assert [len(p["items"]) for p in pages] == [250, 10]
    ids = [item["offeringId"] for page in pages for item in page["items"]]
    assert len(set(ids)) == 260
    assert pages[0]["hasNextPage"] and pages[1]["hasPreviousPage"]
    assert client.get(offerings_url(module)).json()["pageSize"] == 10  # the default


@pytest.mark.parametrize("runs", [3, 250])
def test_a_page_of_offerings_takes_three_queries(client, runs, django_assert_max_num_queries):
    module = registered()
    add_runs(module, runs)
    for run in ModuleRun.objects.filter(module=module)[:3]:
        SessionFactory(run=run, mode=Session.Mode.ONLINE)
    client.get(offerings_url(module))  # warm: content types, settings
    with django_assert_max_num_queries(3):  # the course, the count, the page
        response = client.get(offerings_url(module, pageSize=250))
    assert len(response.json()["items"]) == runs


@pytest.mark.parametrize("modules", [3, 120])
def test_a_page_of_courses_takes_two_queries(client, modules, django_assert_max_num_queries):
    for _ in range(modules):
        registered()
    with django_assert_max_num_queries(2):  # the count, the page
        response = client.get(f"{BASE}/courses?pageSize=250&consumer=rio")
    assert len(response.json()["items"]) == modules
    with django_assert_max_num_queries(2):
        client.get(f"{BASE}/education-specifications?pageSize=250")
    with django_assert_max_num_queries(2):
        client.get(f"{BASE}/programs?pageSize=250")


def test_consumer_rio_keeps_what_goes_to_rio_and_routes_decide_course_or_program(client):
    course = registered(RioRoute.COURSE)
    program = registered(RioRoute.PRIVATE_PROGRAM)
    plain = ModuleFactory()  # in the catalogue, not in RIO
    listed = [i["courseId"] for i in client.get(f"{BASE}/courses?pageSize=50").json()["items"]]
    assert set(listed) == {str(course.ooapi_course_id), str(plain.ooapi_course_id)}
    rio = client.get(f"{BASE}/courses?consumer=rio").json()["items"]
    assert [i["courseId"] for i in rio] == [str(course.ooapi_course_id)]
    [rio_program] = client.get(f"{BASE}/programs?consumer=rio").json()["items"]
    assert rio_program["programId"] == str(program.ooapi_program_id)
    specs = client.get(f"{BASE}/education-specifications?consumer=rio").json()["items"]
    assert {s["educationSpecificationType"] for s in specs} == {"course", "privateProgram"}
    plain_course = client.get(f"{BASE}/courses/{plain.ooapi_course_id}").json()
    assert plain_course["consumers"] == []
    # a private programme is a program, not a course
    assert client.get(f"{BASE}/courses/{program.ooapi_course_id}").status_code == 404


def test_offerings_say_how_they_meet_what_they_cost_and_whether_enrolment_is_open(client):
    module = registered(price="1000.00", vat_rate=21, asks_for_motivation=True)
    today = timezone.localdate()
    hybrid = ModuleRunFactory(module=module, code="hybrid", enrolment_opens=today,
                              enrolment_closes=today + timedelta(days=5))  # fmt: skip
    SessionFactory(run=hybrid, mode=Session.Mode.ONLINE)
    SessionFactory(run=hybrid, mode=Session.Mode.CAMPUS)
    closed = ModuleRunFactory(module=module, code="closed", status=ModuleRun.Status.CLOSED,
                              price_override="500.00")  # fmt: skip
    SessionFactory(run=closed, mode=Session.Mode.CAMPUS)
    ModuleRunFactory(module=module, code="gone", status=ModuleRun.Status.CANCELLED)
    items = {i["primaryCode"]["code"]: i for i in
             client.get(offerings_url(module)).json()["items"]}  # fmt: skip
    assert set(items) == {"hybrid", "closed"}  # a cancelled run is no cohort
    assert items["hybrid"]["modeOfDelivery"] == ["hybrid"]
    assert items["closed"]["modeOfDelivery"] == ["on campus"]
    assert items["hybrid"]["priceInformation"][0] == {
        "costType": "total costs", "amount": "1210.00", "amountWithoutVat": "1000.00",
        "vatAmount": "210.00", "currency": "EUR",
    }  # fmt: skip
    assert items["closed"]["priceInformation"][0]["amount"] == "605.00"
    [rio] = [c for c in items["hybrid"]["consumers"] if c["consumerKey"] == "rio"]
    assert rio == {"consumerKey": "rio", "registrationStatus": "open",
                   "requiredPermissionRegistration": "yes"}  # fmt: skip
    [rio] = [c for c in items["closed"]["consumers"] if c["consumerKey"] == "rio"]
    assert rio["registrationStatus"] == "closed"
    assert items["hybrid"]["enrollStartDate"] == today.isoformat()
    assert items["hybrid"]["maxNumberStudents"] == 20


def test_study_load_is_always_a_whole_number(client):
    halves = registered(ects="7.5", study_load_hours=None)
    hours = registered(ects="2.5", study_load_hours=70)
    whole = registered(ects="3.0")
    loads = {
        m: client.get(f"{BASE}/courses/{m.ooapi_course_id}").json()["studyLoad"]
        for m in (halves, hours, whole)
    }
    assert loads[halves] == {"studyLoadUnit": "hour", "value": 210}
    assert loads[hours] == {"studyLoadUnit": "hour", "value": 70}
    assert loads[whole] == {"studyLoadUnit": "ects", "value": 3}
    assert b'"value": 3}' in client.get(f"{BASE}/courses/{whole.ooapi_course_id}").content


def test_markup_never_reaches_rio(client):
    module = registered(
        title="Data &amp; <em>ethics</em>",
        description="<p>Learn&nbsp;this: a<b and R&D; then <script>x</script>more</p>",
    )
    body = client.get(f"{BASE}/courses/{module.ooapi_course_id}?consumer=rio").json()
    assert schemas.rio_rule_violations(body) == []
    assert body["name"][0]["value"] == "Data & ethics"
    assert "Learn this" in body["description"][0]["value"]


def test_ids_are_lower_case_and_never_change(client):
    module = registered()
    run = ModuleRunFactory(module=module)
    first = client.get(f"{BASE}/courses/{module.ooapi_course_id}").json()
    module.title = "Renamed"
    module.save()
    again = client.get(f"{BASE}/courses/{module.ooapi_course_id}").json()
    assert again["courseId"] == first["courseId"] == str(module.ooapi_course_id).lower()
    upper = str(run.ooapi_offering_id).upper()
    assert client.get(f"{BASE}/offerings/{upper}").json()["offeringId"] == str(
        run.ooapi_offering_id
    )


def test_a_course_lasts_as_long_as_its_first_run(client):
    module = registered()
    start = timezone.localdate() + timedelta(days=3)
    ModuleRunFactory(module=module, start_date=start, end_date=start + timedelta(days=13))
    ModuleRunFactory(module=module, start_date=start + timedelta(days=60),
                     end_date=start + timedelta(days=61))  # fmt: skip
    body = client.get(f"{BASE}/courses/{module.ooapi_course_id}").json()
    assert body["duration"] == "P14D"
    assert body["firstStartDate"] == start.isoformat()
