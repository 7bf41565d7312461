"""Deleting a module with runs, committed for real: SQLite checks foreign keys at commit.

Apart from test_search.py, whose every test asserts the migrations' seeded synonyms first:
a transactional test empties the database after itself."""

import pytest

from catalogue.models import ModuleSearch, ModuleSearchText
from catalogue.queries import CatalogueFilters, catalogue
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory


@pytest.mark.django_db(transaction=True)
def test_deleting_a_module_with_runs_leaves_no_search_rows_behind():
    run = ModuleRunFactory(module=ModuleFactory(title="Soon gone"))
    ModuleRunFactory(module=run.module)

    run.module.delete()

    assert not ModuleSearch.objects.exists()
    assert not ModuleSearchText.objects.exists()
    assert catalogue(CatalogueFilters(q="soon")).modules.count() == 0
