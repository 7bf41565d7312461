"""300 generated modules (seed_demo --modules, as the benchmarks use) on top of the demo:
every collection page validates and keeps RIO's rules; so do the offerings of a sample.
benchmarks/ooapi_validate.py runs the same over 10,000."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Module
from tests.ooapi import schemas
from tests.ooapi.conftest import register_modules

pytestmark = pytest.mark.django_db

BASE = "/ooapi/v5"


def test_300_generated_modules_validate_page_by_page(client, demo_registered):
    call_command("seed_demo", "--modules", "300", stdout=StringIO())
    register_modules(Module.objects.filter(slug__startswith="generated-").order_by("pk"))
    checked = 0
    for kind in ("courses", "programs", "education-specifications"):
        for consumer in ("", "&consumer=rio", "&consumer=eduxchange"):
            number = 1
            while True:
                response = client.get(f"{BASE}/{kind}?pageSize=250&pageNumber={number}{consumer}")
                assert response.status_code == 200
                profile = schemas.eduxchange_profile() if "eduxchange" in consumer else None
                if kind != "education-specifications" or not profile:
                    schemas.validate(response, profile=profile)
                items = response.json()["items"]
                for item in items:
                    if consumer == "&consumer=rio":
                        assert schemas.rio_rule_violations(item) == []
                checked += len(items)
                if len(items) < 250:
                    break
                number += 1
    courses = client.get(f"{BASE}/courses?pageSize=250&consumer=rio").json()["items"]
    for course in courses[::7]:
        response = client.get(f"{BASE}/courses/{course['courseId']}/offerings?pageSize=250"
                              "&consumer=rio")  # fmt: skip
        schemas.validate(response)
        for offering in response.json()["items"]:
            assert schemas.rio_rule_violations(offering) == []
    assert checked > 300
