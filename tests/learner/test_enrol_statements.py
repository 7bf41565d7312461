"""What one enrolment costs the database: the enrol POST reads the session, the person, the
run and what the form needs, then locks the run, counts its seats and the learner's place
in one statement, and writes the order, the enrolment and the audit entry. Nothing is read
twice, and there is no savepoint inside the enrolment's transaction."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from academy.models import AuditEntry
from enrolment.models import Enrolment, WaitingListEntry
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db

# The terms shown on the page (version 1, in effect since the first migrate).
ENROL = {"payer": "learner", "motivation": "", "accept_terms": "on", "terms_version": 1}

# Session, person, run with its module, terms in effect, memberships; the run's lock; seats
# and the learner's place; order, enrolment, audit entry. In a test the enrolment's
# transaction is a savepoint inside the test's (two statements), where a server has its
# COMMIT (one).
STATEMENTS_PER_ENROLMENT = 12


@pytest.fixture
def enrol_url():
    run = ModuleRunFactory(module__slug="data-ethics", code="2027-03", capacity=1)
    return run, f"/modules/{run.module.slug}/{run.code}/enrol/"


@pytest.fixture(autouse=True)
def content_types_known():
    """A server looks the audit trail's content types up once per process, not per request."""
    ContentType.objects.get_for_models(Enrolment, WaitingListEntry)


def sql(queries) -> list[str]:
    return [query["sql"] for query in queries]


def test_an_enrolment_takes_a_pinned_few_statements(
    client, enrol_url, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    run, url = enrol_url
    learner = UserFactory()
    client.force_login(learner)

    with django_capture_on_commit_callbacks() as queued:  # noqa: SIM117 - counted inside
        with django_assert_max_num_queries(STATEMENTS_PER_ENROLMENT) as statements:
            response = client.post(url, ENROL)

    assert response.status_code == 302 and response["Location"] == "/me/"
    enrolment = Enrolment.objects.get(run=run, learner=learner)
    assert enrolment.order.learner == learner  # the order was made with it, not added later
    assert AuditEntry.objects.filter(action="enrolment.enrolled", actor=learner).count() == 1
    assert len(queued) == 3  # the catalogue's version, the invoice, the confirmation
    if connection.features.has_select_for_update:
        locks = [s for s in sql(statements) if "FOR UPDATE" in s]
        assert len(locks) == 1 and '"catalogue_modulerun"' in locks[0]
    assert sum(s.startswith("SAVEPOINT") for s in sql(statements)) == 1  # the test's only
    assert not any('FROM "catalogue_module" ' in s for s in sql(statements))  # read with the run


def test_joining_the_waiting_list_takes_no_more(client, enrol_url, django_assert_max_num_queries):
    run, url = enrol_url
    EnrolmentFactory(run=run)  # the only seat
    client.force_login(UserFactory())

    # no order; its place in the queue is read for the message
    with django_assert_max_num_queries(STATEMENTS_PER_ENROLMENT):
        response = client.post(url, ENROL)

    assert response.status_code == 302
    assert WaitingListEntry.objects.filter(run=run).count() == 1


def test_a_second_post_by_someone_enrolled_is_refused_under_the_lock_and_says_so(client, enrol_url):
    run, url = enrol_url
    learner = UserFactory()
    client.force_login(learner)
    assert client.post(url, ENROL, follow=True).status_code == 200  # on My learning

    html = client.post(url, ENROL).content.decode()

    assert html.count("You are enrolled") == 1 and "already enrolled" not in html
    assert Enrolment.objects.filter(run=run, learner=learner).count() == 1
