"""Every response of the endpoint on the demo academy validates against the OOAPI v5
specification; consumer=rio responses also keep the RIO mapper's rules and the RIO consumer
schemas, consumer=eduxchange ones SURF's eduXchange profile and consumer schema."""

import pytest

from tests.ooapi import schemas

pytestmark = pytest.mark.django_db

BASE = "/ooapi/v5"


def get(client, url, profile=None):
    response = client.get(BASE + url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    schemas.validate(response, profile=profile)
    return response.json()


def check_rio_object(body, consumer_name):
    assert schemas.rio_rule_violations(body) == [], body.get("name")
    rio = [block for block in body["consumers"] if block["consumerKey"] == "rio"]
    assert len(rio) == 1
    schemas.check_consumer(rio[0], "RIO", consumer_name)


def all_pages(client, url, profile=None):
    items, number = [], 1
    while True:
        separator = "&" if "?" in url else "?"
        page = get(client, f"{url}{separator}pageSize=250&pageNumber={number}", profile)
        items.extend(page["items"])
        if len(page["items"]) < 250:  # as the mapper pages, ignoring hasNextPage
            return items
        number += 1


def test_service_document_and_organizations(client, demo_registered):
    get(client, "/")
    organizations = get(client, "/organizations")["items"]
    root = get(client, "/organizations?organizationType=root")["items"]
    assert [o["organizationType"] for o in root] == ["root"]
    for organization in organizations:
        one = get(client, f"/organizations/{organization['organizationId']}")
        assert one == organization
    assert {o["parent"] for o in organizations if o["organizationType"] == "faculty"} == {
        root[0]["organizationId"]
    }


def test_every_rio_response_validates_and_keeps_the_mappers_rules(client, demo_registered):
    """As the mapper and SURF's RIO validator profile spider the endpoint."""
    seen = {"courses": 0, "programs": 0, "offerings": 0, "specifications": 0}
    specifications = all_pages(client, "/education-specifications?consumer=rio")
    for item in specifications:
        spec = get(client, f"/education-specifications/{item['educationSpecificationId']}"
                           "?returnTimelineOverrides=true")  # fmt: skip
        assert spec["timelineOverrides"] == []
        check_rio_object(spec, "EducationSpecification")
        seen["specifications"] += 1
    for kind, key, consumer_name in (("courses", "courseId", "Course"),
                                     ("programs", "programId", "Program")):  # fmt: skip
        for item in all_pages(client, f"/{kind}?consumer=rio"):
            check_rio_object(item, consumer_name)
            one = get(client, f"/{kind}/{item[key]}?returnTimelineOverrides=true")
            assert one["timelineOverrides"] == []
            check_rio_object(one, consumer_name)
            spec = get(client, f"/education-specifications/{one['educationSpecification']}"
                               "?returnTimelineOverrides=true")  # fmt: skip
            expected = "course" if kind == "courses" else "privateProgram"
            assert spec["educationSpecificationType"] == expected
            for offering in all_pages(client, f"/{kind}/{item[key]}/offerings?consumer=rio"):
                check_rio_object(offering, "Offering")
                assert get(client, f"/offerings/{offering['offeringId']}") == offering
                seen["offerings"] += 1
            seen[kind] += 1
    assert all(seen.values()), seen


def test_collections_without_a_consumer_validate_too(client, demo_registered):
    courses = all_pages(client, "/courses")
    assert courses
    for course in courses[:12]:
        get(client, f"/courses/{course['courseId']}")
        get(client, f"/courses/{course['courseId']}/offerings?since=2000-01-01")
    all_pages(client, "/programs")
    all_pages(client, "/education-specifications")
    # a page of every size, and a page beyond the end
    for size in (10, 20, 50, 100, 250):
        assert len(get(client, f"/courses?pageSize={size}")["items"]) <= size
    beyond = get(client, "/courses?pageNumber=999")
    assert beyond["items"] == [] and beyond["hasNextPage"] is False


def test_eduxchange_responses_validate_against_surfs_eduxchange_profile(client, demo_registered):
    profile = schemas.eduxchange_profile()
    get(client, "/organizations?organizationType=root&consumer=eduxchange", profile)
    courses = all_pages(client, "/courses?consumer=eduxchange", profile)
    assert courses
    for course in courses:
        one = get(client, f"/courses/{course['courseId']}?consumer=eduxchange", profile)
        [block] = one["consumers"]
        schemas.check_consumer(block, "EDUXCHANGE", "Course")
        [alliance] = block["alliances"]
        assert alliance["targetGroup"] == "forProfessionals"
        assert alliance.get("microcredential") in (None, "standalone", "stackable")
        for offering in all_pages(
            client, f"/courses/{course['courseId']}/offerings?consumer=eduxchange", profile
        ):
            get(client, f"/offerings/{offering['offeringId']}?consumer=eduxchange", profile)


def test_errors_are_ooapi_problems(client, demo_registered):
    cases = [
        ("/courses/00000000-0000-4000-8000-000000000000", 404),
        ("/courses/not-a-uuid", 400),
        ("/courses?pageSize=7", 400),
        ("/courses?pageNumber=0", 400),
        ("/offerings/00000000-0000-4000-8000-000000000000", 404),
        ("/programs/00000000-0000-4000-8000-000000000000/offerings", 404),
    ]
    for url, status in cases:
        response = client.get(BASE + url)
        assert response.status_code == status, url
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == str(status)
        schemas.validate(response)
    assert client.post(BASE + "/courses").status_code == 405


MAPPER_KEYS = {
    "course-30010000-0000-0000-0000-000000000000.json": (
        "courses?consumer=rio", "courseId",
        ["courseId", "primaryCode", "name", "abbreviation", "studyLoad", "modeOfDelivery",
         "firstStartDate", "description", "teachingLanguage", "fieldsOfStudy",
         "learningOutcomes", "level", "link", "educationSpecification", "organization",
         "consumers", "validFrom"],
    ),
    "program-20020000-0000-0000-0000-000000000000.json": (
        "programs?consumer=rio", "programId",
        ["programId", "primaryCode", "programType", "name", "abbreviation", "description",
         "teachingLanguage", "studyLoad", "modeOfStudy", "modeOfDelivery", "firstStartDate",
         "learningOutcomes", "link", "educationSpecification", "organization", "consumers",
         "validFrom"],
    ),
    "education-specification-10030000-0000-0000-0000-000000000000.json": (
        "education-specifications?consumer=rio", "educationSpecificationId",
        ["educationSpecificationId", "primaryCode", "educationSpecificationType", "name",
         "abbreviation", "description", "formalDocument", "level", "sector",
         "levelOfQualification", "studyLoad", "learningOutcomes", "link", "organization",
         "consumers", "validFrom"],
    ),
}  # fmt: skip


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


@pytest.mark.parametrize("fixture", sorted(MAPPER_KEYS))
def test_demo_objects_are_shaped_like_the_mappers_examples(client, demo_registered, fixture):
    example = schemas.mapper_fixture(fixture)
    url, _key, keys = MAPPER_KEYS[fixture]
    items = [i for i in get(client, f"/{url}&pageSize=250")["items"] if set(keys) <= set(i)]
    assert items, f"no demo object carries every key of {fixture}"
    ours = items[0]
    for name in keys:
        if name == "consumers":
            continue
        assert _shape(ours[name]) == _shape(example[name]), name
    their_rio = next(c for c in example["consumers"] if c["consumerKey"] == "rio")
    our_rio = next(c for c in ours["consumers"] if c["consumerKey"] == "rio")
    for name, value in their_rio.items():
        if name in our_rio:
            assert type(our_rio[name]) is type(value), name


def test_demo_offerings_are_shaped_like_the_mappers_accepted_offerings(client, demo_registered):
    example = schemas.mapper_fixture("course-offerings-30010000-0000-0000-0000-000000000000.json")
    their = example["items"][0]
    course = get(client, "/courses?consumer=rio&pageSize=250")["items"]
    offerings = []
    for item in course:
        offerings += get(client, f"/courses/{item['courseId']}/offerings?consumer=rio")["items"]
    assert offerings
    ours = offerings[0]
    for name in ("offeringId", "primaryCode", "offeringType", "name", "description",
                 "teachingLanguage", "modeOfDelivery", "maxNumberStudents", "resultExpected",
                 "startDate", "endDate", "enrollStartDate", "priceInformation"):  # fmt: skip
        assert name in ours, name
        if name in their:
            assert type(ours[name]) is type(their[name]) or (
                name == "maxNumberStudents" and isinstance(ours[name], int)
            ), name
    their_rio = next(c for c in their["consumers"] if c["consumerKey"] == "rio")
    our_rio = next(c for c in ours["consumers"] if c["consumerKey"] == "rio")
    assert set(their_rio) >= set(our_rio) - {"explanationRequiredPermission"}
    assert {type(v) for v in our_rio.values()} == {str}
