"""The teaching record in Chromium: axe-clean and no sideways scroll at 390 px, for the
lecturer with a recognised year, and for the office recognising one through the page."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from catalogue.services import ACADEMY_OFFICE
from credentials import services
from credentials.models import TeachingRecognition
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory
from tests.credentials.factories import TeachingRecognitionFactory, ended_taught_run
from tests.e2e.helpers import fits_a_phone, log_in
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lecturer():
    user = UserFactory(email="lotte@example.org", first_name="Lotte", last_name="de Graaf",
                       is_staff=True)  # fmt: skip
    title = "Circulair bouwen: materialen, ketens en contracten voor opdrachtgevers"
    run = ended_taught_run(user, hours=14, module=ModuleFactory(title=title))
    for passed in [True, True, False]:
        enrolment = EnrolmentFactory(run=run, learner=UserFactory())
        services.record_result(enrolment=enrolment, passed=passed, grade="", by=user)
    ended_taught_run(user, start=date(2024, 10, 7))
    return user


@pytest.fixture
def office():
    user = UserFactory(email="office@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def test_the_lecturer_reads_the_record_and_the_recognition(page, lecturer, office, axe_violations):
    TeachingRecognitionFactory(lecturer=lecturer, year=2025, by=office)
    log_in(page, "lotte@example.org")

    page.goto("/teaching/record/?year=2025")
    expect(page.locator("h1")).to_have_text("Teaching record")
    expect(page.locator("main")).to_contain_text("2 of 3")
    expect(
        page.get_by_role("link", name="Statement for the annual appraisal (PDF)")
    ).to_be_visible()
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-record")

    page.get_by_role("link", name="The credential's public page").click()
    expect(page.locator("main")).to_contain_text("Teaching recognition")
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-recognition-verify")


def test_the_office_recognises_a_year_on_the_record_page(page, lecturer, office, axe_violations):
    log_in(page, "office@example.org")

    page.goto(f"/teaching/record/{lecturer.pk}/?year=2025")
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-record-office")
    page.get_by_role("button", name="Recognise teaching in 2025/26").click()

    expect(page.locator(".alert")).to_contain_text("The recognition is being issued")
    recognition = TeachingRecognition.objects.get(lecturer=lecturer, academic_year=2025)
    assert recognition.issued_by == office
