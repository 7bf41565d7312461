"""Dates follow the page's language: day-month-year in English, lower-case months in Dutch,
and the admin shows and reads dates day-month-year."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from academy.formats import local_date_format
from catalogue.models import ModuleRun
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    ModuleFactory,
    ModuleRunFactory,
    SessionFactory,
    local_datetime,
)

DAY = date(2027, 12, 17)  # a Friday


@pytest.mark.parametrize(
    ("language", "short", "long", "weekday", "month"),
    [
        ("en", "17 Dec 2027", "17 December 2027", "Fri 17 Dec 2027", "Dec 2027"),
        ("nl", "17 dec 2027", "17 december 2027", "vr 17 dec 2027", "dec 2027"),
    ],
)
def test_named_formats_write_the_languages_dates(language, short, long, weekday, month):
    template = Template(
        '{{ day|date:"SHORT_DATE_FORMAT" }}|{{ day }}|{{ day|local_date:"WEEKDAY_DATE_FORMAT" }}'
    )
    with translation.override(language):
        assert template.render(Context({"day": DAY})) == f"{short}|{long}|{weekday}"
        assert local_date_format(DAY, "SHORT_YEAR_MONTH_FORMAT") == month


@pytest.mark.django_db
def test_a_dutch_module_page_writes_its_months_in_lower_case(client):
    module = ModuleFactory(slug="smart-grids")
    run = ModuleRunFactory(module=module, start_date=DAY, end_date=date(2028, 2, 10))
    SessionFactory(
        run=run, starts_at=local_datetime(2027, 12, 17, 13, 30),
        ends_at=local_datetime(2027, 12, 17, 17, 0),
    )  # fmt: skip

    client.cookies["django_language"] = "nl"
    dutch = client.get("/modules/smart-grids/").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get("/modules/smart-grids/").content.decode()

    assert "17 december 2027" in dutch and "vr 17 dec 2027" in dutch
    assert "17 Dec" not in dutch and "December" not in dutch and "Dec." not in dutch
    assert "17 December 2027" in english and "Fri 17 Dec 2027" in english


@pytest.mark.django_db
def test_the_admin_shows_and_reads_dates_day_month_year(client):
    run = ModuleRunFactory(code="winter", start_date=DAY, end_date=date(2028, 2, 10))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    changelist = client.get("/admin/catalogue/modulerun/").content.decode()
    form = client.get(f"/admin/catalogue/modulerun/{run.pk}/change/").content.decode()

    assert "17 December 2027" in changelist and "Dec. 17, 2027" not in changelist
    assert 'value="17-12-2027"' in form
    with translation.override("en"):
        field = ModuleRun._meta.get_field("start_date").formfield()
        assert field.clean("18-12-2027") == date(2027, 12, 18)
        assert field.clean("2027-12-18") == date(2027, 12, 18)  # ISO still understood
