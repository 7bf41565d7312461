"""Faculties and themes have a Dutch name that Dutch pages show, and an English one."""

import importlib
import json
import re

import pytest
from django.apps import apps
from django.utils import translation

from catalogue.models import Faculty, Theme
from catalogue.queries import CatalogueFilters, catalogue
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    science = FacultyFactory(name="Faculty of Science", name_nl="Faculteit Bètawetenschappen")
    themes = [
        ThemeFactory(name="Sustainability & energy", name_nl="Duurzaamheid & energie"),
        ThemeFactory(name="Data & AI", name_nl=""),  # no Dutch name: English everywhere
    ]
    module = ModuleFactory(title="Smart grids", slug="smart-grids", faculty=science, themes=themes)
    ModuleRunFactory(module=module)
    return module


def get(client, url, language):
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def course_json_ld(html: str) -> dict:
    found = re.search(r"<script type=\"application/ld\+json\"[^>]*>(.*?)</script>", html, re.S)
    return json.loads(found.group(1))


def test_the_catalogue_shows_dutch_names_on_dutch_pages_and_english_ones_on_english_pages(
    client, module
):
    dutch = get(client, "/modules/", "nl")
    english = get(client, "/modules/", "en")

    assert "Faculteit Bètawetenschappen" in dutch and "Duurzaamheid &amp; energie" in dutch
    assert "Faculty of Science" not in dutch and "Sustainability &amp; energy" not in dutch
    assert "Data &amp; AI" in dutch  # falls back to the English name
    assert "Faculty of Science" in english and "Sustainability &amp; energy" in english
    assert "Faculteit Bètawetenschappen" not in english


def test_the_module_page_and_its_json_ld_name_the_faculty_and_themes_in_the_pages_language(
    client, module
):
    dutch = get(client, "/modules/smart-grids/", "nl")
    english = get(client, "/modules/smart-grids/", "en")

    assert "Faculteit Bètawetenschappen" in dutch and "Faculty of Science" not in dutch
    assert course_json_ld(dutch)["provider"]["name"] == "Academy · Faculteit Bètawetenschappen"
    assert sorted(course_json_ld(dutch)["about"]) == ["Data & AI", "Duurzaamheid & energie"]
    assert sorted(course_json_ld(english)["about"]) == ["Data & AI", "Sustainability & energy"]
    assert "Faculty of Science" in english


def test_facets_are_labelled_and_sorted_by_the_name_people_read(module):
    ThemeFactory(name="Zoology", name_nl="Aardrijkskunde")
    ModuleFactory(themes=Theme.objects.filter(name="Zoology"))

    with translation.override("nl"):
        labels = [option.label for option in catalogue(CatalogueFilters()).facets["theme"]]
    assert labels == ["Aardrijkskunde", "Data & AI", "Duurzaamheid & energie"]
    with translation.override("en"):
        labels = [option.label for option in catalogue(CatalogueFilters()).facets["theme"]]
    assert labels == ["Data & AI", "Sustainability & energy", "Zoology"]


def test_searching_by_a_themes_dutch_name_finds_its_modules(module):
    ModuleFactory(title="Contract law")

    found = catalogue(CatalogueFilters(q="duurzaamheid"))

    assert [m.title for m in found.modules] == ["Smart grids"]


def test_the_theme_page_is_titled_in_dutch(client, module):
    dutch = get(client, "/themes/" + module.themes.get(name_nl__startswith="Duur").slug + "/", "nl")

    assert "<h1>Duurzaamheid &amp; energie</h1>" in dutch


@pytest.mark.parametrize("model", ["faculty", "theme"])
def test_the_admin_edits_both_names(client, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    html = client.get(f"/admin/catalogue/{model}/add/").content.decode()

    assert 'name="name"' in html and 'name="name_nl"' in html
    assert "Name in English" in html and "Name in Dutch" in html


def test_the_migration_gives_the_demos_faculties_and_themes_dutch_names_it_lacks():
    FacultyFactory(slug="medicine", name="Faculty of Medicine")
    ThemeFactory(slug="health-care", name="Health & care", name_nl="Zorg (eigen naam)")
    migration = importlib.import_module("catalogue.migrations.0010_faculty_theme_dutch_names")

    migration.fill_dutch_names(apps, None)

    assert Faculty.objects.get(slug="medicine").name_nl == "Faculteit Geneeskunde"
    assert Theme.objects.get(slug="health-care").name_nl == "Zorg (eigen naam)"  # kept
