"""The catalogue's URL is anyone's to write: nonsense in a filter is ignored, never a 500."""

import pytest
from django.urls import reverse

from catalogue.forms import DESCRIPTION_MAX_LENGTH
from demand.models import LearningNeed
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    theme, partner = ThemeFactory(slug="data"), PartnerFactory(name="Hogeschool Noord")
    module = ModuleFactory(title="Data ethics", faculty=FacultyFactory(slug="science"),
                           themes=[theme], partners=[partner])  # fmt: skip
    ModuleRunFactory(module=module)
    return module


@pytest.mark.parametrize("parameter", ["faculty", "theme", "partner", "q", "format", "level"])
def test_a_nul_byte_in_a_filter_is_ignored(client, module, parameter):
    response = client.get(reverse("catalogue:catalogue"), {parameter: "science\x00"})

    assert response.status_code == 200
    assert "Data ethics" in response.content.decode()


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "٢٠٢٦-٠١", "2026-1"])
def test_a_month_outside_the_calendar_is_ignored(client, module, month):
    response = client.get(reverse("catalogue:catalogue"), {"starts": month})

    assert response.status_code == 200
    assert "Data ethics" in response.content.decode()


def test_valid_values_still_filter_next_to_nonsense(client, module):
    ModuleFactory(title="Medical law", faculty=FacultyFactory(slug="medicine"))
    start = module.runs.get().start_date

    response = client.get(reverse("catalogue:catalogue"), {
        "faculty": ["science", "x" * 5000, "sci\x00ence"], "starts": [f"{start:%Y-%m}", "9999-12"],
        "page": "9" * 40,
    })  # fmt: skip

    html = response.content.decode()
    assert response.status_code == 200
    assert "Data ethics" in html and "Medical law" not in html


def test_a_learning_need_description_has_a_limit_with_a_clear_message(client):
    data = {"topic": "Data literacy", "description": "We need this. " * 20_000,
            "expected_learners": 5, "contact_name": "Sanne",
            "contact_email": "s@example.nl"}  # fmt: skip

    response = client.post(reverse("learner:learning_need_create"), data)

    assert response.status_code == 200
    assert f"Keep it to {DESCRIPTION_MAX_LENGTH} characters" in response.content.decode()
    assert not LearningNeed.objects.exists()
    data["description"] = "We need this. " * 300
    client.post(reverse("learner:learning_need_create"), data)
    assert LearningNeed.objects.count() == 1
