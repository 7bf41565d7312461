"""Triage in the admin goes through the services: the office assigns, the faculty's
portfolio holders move a need on and merge duplicates; each sees only what is theirs."""

import pytest

from demand.models import LearningNeed, NeedNotice
from tests.catalogue.factories import FacultyFactory, ModuleFactory
from tests.demand.factories import LearningNeedFactory, office_user, portfolio_holder_of

pytestmark = pytest.mark.django_db
Status = LearningNeed.Status


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


def change_form(need, **changes):
    data = {
        "topic": need.topic, "description": need.description,
        "expected_learners": need.expected_learners, "preferred_format": "",
        "preferred_period": "", "budget_indication": "", "contact_name": need.contact_name,
        "contact_email": need.contact_email, "contact_phone": "", "organisation_name": "",
        "faculties": [f.pk for f in need.faculties.all()], "status": need.status,
        "decline_reason": "", "modules": [], "partners": [], "triage_notes": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_office_assigns_in_the_admin_and_the_submitter_is_told(
    client, science, django_capture_on_commit_callbacks, mailoutbox
):
    need = LearningNeedFactory()
    client.force_login(office_user())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/demand/learningneed/{need.pk}/change/",
                               change_form(need, faculties=[science.pk]))  # fmt: skip

    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == Status.WITH_FACULTY and list(need.faculties.all()) == [science]
    assert NeedNotice.objects.get(need=need).sent_at is not None
    assert len(mailoutbox) == 1


def test_a_portfolio_holder_sees_only_needs_assigned_to_their_faculty(client, science):
    law = FacultyFactory(name="Law", slug="law")
    ours = LearningNeedFactory(topic="Lab safety")
    ours.faculties.add(science)
    LearningNeedFactory(topic="Tenders").faculties.add(law)
    LearningNeedFactory(topic="Unassigned")
    client.force_login(portfolio_holder_of(science))

    needs = client.get("/admin/demand/learningneed/").context["cl"].queryset
    assert [n.topic for n in needs] == ["Lab safety"]
    other = LearningNeed.objects.get(topic="Tenders")
    assert client.get(f"/admin/demand/learningneed/{other.pk}/change/").status_code == 302


def test_declining_without_a_reason_is_refused_at_the_field(client, science):
    need = LearningNeedFactory(status=Status.WITH_FACULTY)
    need.faculties.add(science)
    client.force_login(portfolio_holder_of(science))

    response = client.post(f"/admin/demand/learningneed/{need.pk}/change/",
                           change_form(need, status=Status.DECLINED))  # fmt: skip

    assert "Say why, for the person who asked." in response.content.decode()
    need.refresh_from_db()
    assert need.status == Status.WITH_FACULTY


def test_a_portfolio_holder_cannot_rewrite_what_the_requester_wrote_or_reassign(client, science):
    need = LearningNeedFactory(status=Status.WITH_FACULTY, topic="Original topic")
    need.faculties.add(science)
    client.force_login(portfolio_holder_of(science))

    rewritten = change_form(need, topic="Rewritten", faculties=[], status=Status.PLANNED)
    client.post(f"/admin/demand/learningneed/{need.pk}/change/", rewritten)

    need.refresh_from_db()
    assert need.topic == "Original topic" and list(need.faculties.all()) == [science]
    assert need.status == Status.PLANNED


def test_an_impossible_step_comes_back_as_a_message_and_nothing_changes(client, science):
    need = LearningNeedFactory(status=Status.WITH_FACULTY)
    need.faculties.add(science)
    client.force_login(portfolio_holder_of(science))

    response = client.post(f"/admin/demand/learningneed/{need.pk}/change/",
                           change_form(need, status=Status.OFFERED,
                                       triage_notes="lost"), follow=True)  # fmt: skip

    assert "A need that is with the faculty cannot become offered." in response.content.decode()
    need.refresh_from_db()
    assert need.status == Status.WITH_FACULTY and need.triage_notes == ""


def test_duplicates_are_merged_with_the_admin_action(
    client, science, django_capture_on_commit_callbacks, mailoutbox
):
    first, second = LearningNeedFactory(topic="Circular procurement"), LearningNeedFactory()
    for need in (first, second):
        need.faculties.add(science)
    client.force_login(portfolio_holder_of(science))
    ids = [first.pk, second.pk]

    chooser = client.post("/admin/demand/learningneed/",
                          {"action": "merge", "_selected_action": ids})  # fmt: skip
    assert "Keep this need" in chooser.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/demand/learningneed/",
                    {"action": "merge", "_selected_action": ids, "into": first.pk})  # fmt: skip

    second.refresh_from_db()
    assert second.merged_into == first
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [first.contact_email, second.contact_email]
    )


def test_linking_a_published_module_offers_the_need(
    client, science, django_capture_on_commit_callbacks
):
    module = ModuleFactory(faculty=science)
    need = LearningNeedFactory(status=Status.PLANNED)
    need.faculties.add(science)
    client.force_login(portfolio_holder_of(science))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/demand/learningneed/{need.pk}/change/",
                    change_form(need, modules=[module.pk]))  # fmt: skip

    need.refresh_from_db()
    assert need.status == Status.OFFERED and list(need.modules.all()) == [module]
