"""While RIO is off (the default), the hooks on the catalogue ask the database nothing."""

import pytest

from catalogue.models import Session
from tests.catalogue.factories import ModuleRunFactory, SessionFactory


@pytest.mark.django_db
def test_saving_runs_and_sessions_costs_no_query_while_rio_is_off(django_assert_num_queries):
    run = ModuleRunFactory()
    session = SessionFactory(run=run)

    with django_assert_num_queries(1):
        Session.objects.get(pk=session.pk).title  # noqa: B018 (the one query: the read)
    session.title = "Another title"
    with django_assert_num_queries(1):
        session.save()
