"""A learning need's way through the university: assigned by the office, triaged by the
faculty, linked to partners and modules, merged, offered or declined — each step checked on
who asks, logged, and told to the submitter once."""

import pytest
from django.core.exceptions import PermissionDenied

from academy.models import AuditEntry
from catalogue import services as catalogue
from catalogue.models import Module
from demand import emails, services
from demand.models import LearningNeed, NeedNotice
from demand.services import DemandError
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, PartnerFactory, ThemeFactory
from tests.demand.factories import LearningNeedFactory, office_user, portfolio_holder_of

pytestmark = pytest.mark.django_db
Status = LearningNeed.Status


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def faculty():
    return FacultyFactory(name="Technology, Policy and Management")


@pytest.fixture
def need(faculty, committed):
    learner = UserFactory(email="sanne@gemeente.example.nl")
    with committed():
        return services.submit_learning_need(
            submitted_by=learner, language="en", topic="Circular procurement",
            description="Our buyers must learn to tender circularly.", expected_learners=15,
            contact_name="Sanne de Boer", contact_email="sanne@gemeente.example.nl",
        )  # fmt: skip


def test_the_office_assigns_a_need_to_faculties_and_the_submitter_is_told_once(
    need, faculty, committed, mailoutbox
):
    other = FacultyFactory(name="Law")
    mailoutbox.clear()
    with committed():
        services.assign_learning_need(need=need, faculties=[faculty, other], by=office_user())

    need.refresh_from_db()
    assert need.status == Status.WITH_FACULTY and need.status_changed_at
    assert set(need.faculties.all()) == {faculty, other}
    [mail] = mailoutbox
    assert mail.to == ["sanne@gemeente.example.nl"]
    assert "With the faculty" in mail.body and "/me/learning-needs/" in mail.body
    entry = AuditEntry.objects.get(action="learning_need.assigned")
    assert entry.details["faculties"] == ["Technology, Policy and Management", "Law"]

    notice = NeedNotice.objects.get(need=need)
    assert emails.send_need_notice(notice_id=notice.pk) is False  # the task again: no mail
    assert len(mailoutbox) == 1


def test_only_the_office_assigns(need, faculty):
    with pytest.raises(PermissionDenied):
        services.assign_learning_need(need=need, faculties=[faculty],
                                      by=portfolio_holder_of(faculty))  # fmt: skip


def test_a_portfolio_holder_plans_then_declines_with_a_reason_the_submitter_reads(
    need, faculty, committed, mailoutbox
):
    holder = portfolio_holder_of(faculty)
    with committed():
        services.assign_learning_need(need=need, faculties=[faculty], by=office_user())
        services.change_learning_need_status(need=need, status=Status.PLANNED, by=holder)
    with pytest.raises(DemandError) as refusal:
        services.change_learning_need_status(need=need, status=Status.DECLINED, by=holder)
    assert "decline_reason" in refusal.value.problems
    mailoutbox.clear()

    with committed():
        services.change_learning_need_status(
            need=need, status=Status.DECLINED, by=holder,
            reason="A module on this starts at our partner Hogeschool Rotterdam.",
        )  # fmt: skip

    need.refresh_from_db()
    assert need.status == Status.DECLINED
    assert "Hogeschool Rotterdam" in mailoutbox[0].body
    assert AuditEntry.objects.filter(action="learning_need.status_changed").count() == 2


def test_a_portfolio_holder_of_another_faculty_cannot_touch_the_need(need, faculty):
    services.assign_learning_need(need=need, faculties=[faculty], by=office_user())
    stranger = portfolio_holder_of(FacultyFactory(name="Humanities"))
    with pytest.raises(PermissionDenied):
        services.change_learning_need_status(need=need, status=Status.PLANNED, by=stranger)
    with pytest.raises(PermissionDenied):
        services.link_learning_need(need=need, modules=[], by=stranger)


def test_transitions_that_make_no_sense_are_refused(need, faculty):
    holder = portfolio_holder_of(faculty)
    services.assign_learning_need(need=need, faculties=[faculty], by=office_user())
    with pytest.raises(DemandError, match="cannot become"):
        services.change_learning_need_status(need=need, status=Status.NEW, by=holder)
    with pytest.raises(DemandError, match="cannot become"):
        services.change_learning_need_status(need=need, status=Status.OFFERED, by=holder)
    services.change_learning_need_status(need=need, status=Status.PLANNED, by=holder)
    with pytest.raises(DemandError, match="published module"):
        services.change_learning_need_status(need=need, status=Status.OFFERED, by=holder)


def test_publishing_a_linked_module_offers_the_need_and_tells_the_submitter_once(
    need, faculty, committed, mailoutbox
):
    holder = portfolio_holder_of(faculty)
    module = ModuleFactory(faculty=faculty, title="Circular tendering", status=Module.Status.DRAFT,
                           no_run_reason="On request for groups")  # fmt: skip
    partner = PartnerFactory(name="Hogeschool Rotterdam")
    with committed():
        services.assign_learning_need(need=need, faculties=[faculty], by=office_user())
        services.link_learning_need(need=need, modules=[module], partners=[partner], by=holder)
    need.refresh_from_db()
    assert need.status == Status.WITH_FACULTY  # a draft answers nothing yet
    mailoutbox.clear()

    with committed():
        catalogue.publish_module(module=module, by=holder)

    need.refresh_from_db()
    assert need.status == Status.OFFERED
    assert list(need.partners.all()) == [partner]
    [mail] = mailoutbox
    assert mail.subject == "The module you asked for is open for enrolment: Circular tendering"
    assert f"/modules/{module.slug}/" in mail.body
    with committed():  # the beat sweep after the hook: nothing twice
        assert services.offer_answered_needs() == 0
        assert services.offer_needs_answered_by(module_id=module.pk) == 0
    assert len(mailoutbox) == 1


def test_merging_keeps_both_submitters_and_tells_both(need, faculty, committed, mailoutbox):
    holder = portfolio_holder_of(faculty)
    employer_admin = MembershipFactory(role="admin")
    with committed():
        duplicate = services.submit_learning_need(
            submitted_by=employer_admin.user, organisation=employer_admin.organisation,
            language="nl", topic="Circulair inkopen", description="Voor onze inkopers.",
            expected_learners=8, contact_name="Jan", contact_email="jan@bedrijf.example.nl",
        )  # fmt: skip
        for each in (need, duplicate):
            services.assign_learning_need(need=each, faculties=[faculty], by=office_user())
    mailoutbox.clear()

    with committed():
        services.merge_learning_needs(duplicate=duplicate, into=need, by=holder)
        services.change_learning_need_status(need=need, status=Status.PLANNED, by=holder)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == need and duplicate.status == Status.PLANNED
    assert duplicate.submitted_by == employer_admin.user  # still theirs to follow
    by_address = {}
    for mail in mailoutbox:
        by_address.setdefault(mail.to[0], []).append(mail.subject)
    assert len(by_address["jan@bedrijf.example.nl"]) == 2  # merged, then planned
    assert len(by_address["sanne@gemeente.example.nl"]) == 2
    with pytest.raises(DemandError):
        services.merge_learning_needs(duplicate=need, into=need, by=holder)
    with pytest.raises(DemandError, match="merged"):
        services.change_learning_need_status(need=duplicate, status=Status.DECLINED,
                                             reason="x", by=holder)  # fmt: skip


def test_only_an_employers_admin_submits_for_it():
    membership = MembershipFactory(role="staff")
    with pytest.raises(PermissionDenied):
        services.submit_learning_need(
            submitted_by=membership.user, organisation=membership.organisation, language="en",
            topic="x", description="y", expected_learners=2, contact_name="z",
            contact_email="z@example.org",
        )  # fmt: skip
    assert not LearningNeed.objects.exists()


def test_the_confirmation_is_sent_once_even_when_the_task_runs_twice(mailoutbox):
    need = LearningNeedFactory()
    assert emails.send_learning_need_confirmation(need_id=need.pk) is True
    assert emails.send_learning_need_confirmation(need_id=need.pk) is False
    assert len(mailoutbox) == 1


def test_themes_come_from_the_submitter_the_answering_modules_and_follow_a_merge(
    need, faculty, committed
):
    holder = portfolio_holder_of(faculty)
    procurement, circular = ThemeFactory(name="Procurement"), ThemeFactory(name="Circularity")
    health = ThemeFactory(name="Health")
    module = ModuleFactory(faculty=faculty, status=Module.Status.DRAFT, themes=[circular],
                           no_run_reason="On request")  # fmt: skip
    with committed():
        duplicate = services.submit_learning_need(
            language="nl", topic="Circulair inkopen", description="Voor onze inkopers.",
            expected_learners=8, contact_name="Jan", contact_email="jan@bedrijf.example.nl",
            themes=[health],
        )  # fmt: skip
        for each in (need, duplicate):
            services.assign_learning_need(need=each, faculties=[faculty], by=office_user())
        services.link_learning_need(need=need, themes=[procurement], modules=[module], by=holder)
        assert set(need.themes.all()) == {procurement, circular}  # given, and the module's

        services.merge_learning_needs(duplicate=duplicate, into=need, by=holder)
        assert set(need.themes.all()) == {procurement, circular, health}
        assert set(duplicate.themes.all()) == set(need.themes.all())  # counted where it joined

        services.link_learning_need(need=need, themes=[procurement], by=holder)
    assert set(duplicate.themes.all()) == {procurement, circular}  # follows the need it joined
