"""Searches that find nothing are demand the offer does not meet: counted per term and week,
anonymously, also when the empty page comes from the cache."""

import pytest

from catalogue.models import SearchMiss
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory

pytestmark = pytest.mark.django_db


def test_a_search_that_finds_nothing_is_counted_per_term_and_week(client):
    ModuleFactory(title="Data ethics")
    client.force_login(UserFactory())
    for q in ("Quantum  Farming", "quantum farming", "quantum farming"):
        client.get("/modules/", {"q": q})
    client.get("/modules/", {"q": "data"})  # found something: not a miss
    client.get("/modules/", {"q": "quantum farming", "format": "online"})  # narrowed by a facet

    [miss] = SearchMiss.objects.all()
    assert (miss.term, miss.count) == ("quantum farming", 3)
    assert miss.week.weekday() == 0
    field_names = {f.name for f in SearchMiss._meta.get_fields()}
    assert field_names == {"id", "term", "week", "count"}  # nothing about who searched
