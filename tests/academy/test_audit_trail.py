"""The audit trail: every change made on someone's behalf says who, what, when and details."""

import pytest

from academy import personal_data
from academy import services as academy_services
from academy.models import AuditEntry, Membership
from catalogue import services as catalogue_services
from catalogue.models import Module
from credentials import services as credential_services
from enrolment import services
from enrolment.models import Enrolment, Invoice
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory

pytestmark = pytest.mark.django_db


def entries(action):
    return list(AuditEntry.objects.filter(action=action).select_related("actor", "subject"))


def the_entry(action):
    (entry,) = entries(action)
    return entry


@pytest.fixture
def run():
    return ModuleRunFactory(code="2027-03", module__title="Leading change", capacity=2)


@pytest.fixture
def office():
    return UserFactory(is_staff=True, is_superuser=True, email="office@example.org")


@pytest.fixture
def employer():
    organisation = OrganisationFactory(name="Zorggroep Rivierenland")
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    return organisation, admin


def staff_of(organisation, first_name="Ann"):
    return MembershipFactory(organisation=organisation, user__first_name=first_name,
                             user__last_name="Smit").user  # fmt: skip


def test_enrolling_records_the_learner_the_run_and_who_pays(run):
    learner = UserFactory()

    enrolment = services.enrol(run=run, learner=learner)

    entry = the_entry("enrolment.enrolled")
    assert entry.actor == learner and entry.subject == learner and entry.target == enrolment
    assert entry.details["run"] == "2027-03" and entry.details["module"] == "Leading change"
    assert entry.details["payer"] == Enrolment.Payer.LEARNER
    assert entry.description == "Enrolled"


def test_a_full_run_records_the_place_on_the_waiting_list():
    run = ModuleRunFactory(capacity=1)
    services.enrol(run=run, learner=UserFactory())
    second = UserFactory()

    entry_on_list = services.enrol(run=run, learner=second)

    entry = the_entry("enrolment.waitlisted")
    assert entry.actor == second and entry.target == entry_on_list


def test_cancelling_records_who_cancelled_the_learner_or_the_office(run, office):
    own, by_office = UserFactory(), UserFactory()
    services.cancel_enrolment(enrolment=services.enrol(run=run, learner=own), by=own)
    services.cancel_enrolment(enrolment=services.enrol(run=run, learner=by_office), by=office)

    cancelled = {e.subject: e for e in entries("enrolment.cancelled")}
    assert cancelled[own].actor == own and cancelled[own].details["by_learner"] is True
    assert cancelled[by_office].actor == office
    assert cancelled[by_office].details["by_learner"] is False


def test_the_employer_admin_who_approves_or_declines_is_recorded(run, employer):
    organisation, admin = employer
    approved, declined = staff_of(organisation), staff_of(organisation)
    first = services.enrol(run=run, learner=approved, payer="employer", organisation=organisation)
    second = services.enrol(run=run, learner=declined, payer="employer", organisation=organisation)

    services.approve_enrolment(enrolment=first, approve=True, by=admin)
    services.approve_enrolment(enrolment=second, approve=False, by=admin)

    yes, no = the_entry("enrolment.approved"), the_entry("enrolment.declined")
    assert (yes.actor, yes.subject, yes.organisation) == (admin, approved, organisation)
    assert (no.actor, no.subject, no.organisation) == (admin, declined, organisation)
    assert the_entry("enrolment.cancelled").actor == admin  # declining frees the seat


def test_a_cohort_reservation_records_each_seat_as_enrolled_by_the_employer(run, employer):
    organisation, admin = employer
    staff = [staff_of(organisation), staff_of(organisation)]

    cohort = services.create_cohort(organisation=organisation, run=run, learners=staff, by=admin)

    enrolled = entries("enrolment.enrolled")
    assert {e.subject for e in enrolled} == set(staff)
    assert {(e.actor, e.organisation, e.details["cohort"]) for e in enrolled} == {
        (admin, organisation, cohort.pk)
    }


def test_swaps_by_the_employer_and_by_the_office_name_the_colleague(run, employer, office):
    organisation, admin = employer
    leaving, joining = staff_of(organisation), staff_of(organisation, "Bo")
    cohort = services.create_cohort(organisation=organisation, run=run, learners=[leaving],
                                    by=admin)  # fmt: skip
    first = cohort.enrolments.get()

    second = services.swap_cohort_member(enrolment=first, replacement=joining, by=admin)
    services.give_seat_to_colleague(enrolment=second, replacement=leaving, by=office)

    swap, given = the_entry("enrolment.swapped"), the_entry("enrolment.given_to_colleague")
    assert (swap.actor, swap.subject, swap.target) == (admin, leaving, first)
    assert swap.details["replacement"] == {"id": joining.pk, "name": "Bo Smit"}
    assert swap.details["new_enrolment"] == second.pk
    assert (given.actor, given.subject, given.organisation) == (office, joining, organisation)
    assert given.details["replacement"]["id"] == leaving.pk


def test_a_move_records_both_runs(run, office):
    other = ModuleRunFactory(module=run.module, code="2027-09")
    enrolment = services.enrol(run=run, learner=UserFactory())

    moved = services.move_enrolment(enrolment=enrolment, run=other, by=office)

    entry = the_entry("enrolment.moved")
    assert entry.actor == office and entry.target == enrolment
    assert (entry.details["run"], entry.details["to_run"]) == ("2027-03", "2027-09")
    assert entry.details["new_enrolment"] == moved.pk


def test_publishing_records_who_published(office):
    module = ModuleFactory(status=Module.Status.DRAFT, no_run_reason="On request")

    catalogue_services.publish_module(module=module, by=office)
    catalogue_services.publish_module(module=module, by=office)  # already public: no new entry

    entry = the_entry("module.published")
    assert entry.actor == office and entry.target == module
    assert entry.details["title"] == module.title


def test_results_credentials_and_revocation_are_recorded(django_capture_on_commit_callbacks):
    run = ModuleRunFactory(module__title="Leading change", taken_place=True)
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
    learner = UserFactory()
    enrolment = Enrolment.objects.create(run=run, learner=learner)

    with django_capture_on_commit_callbacks(execute=True):  # the credential is issued after
        result = credential_services.record_result(enrolment=enrolment, passed=True, grade="8",
                                                   by=lecturer)  # fmt: skip
    credential = result.credential
    credential_services.revoke_credential(credential=credential, reason="Exam fraud", by=lecturer)

    recorded = the_entry("result.recorded")
    assert (recorded.actor, recorded.subject, recorded.target) == (lecturer, learner, result)
    assert recorded.details["passed"] is True and recorded.details["grade"] == "8"
    issued = the_entry("credential.issued")
    assert issued.actor is None and issued.subject == learner and issued.target == credential
    revoked = the_entry("credential.revoked")
    assert revoked.actor == lecturer and revoked.details["reason"] == "Exam fraud"


def test_invoices_credit_notes_and_payment_are_recorded(
    run, office, django_capture_on_commit_callbacks
):
    learner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):  # invoices are issued after commit
        enrolment = services.enrol(run=run, learner=learner)
    invoice = Invoice.objects.get(order__enrolments=enrolment)
    services.mark_invoice_paid(invoice=invoice, reference="bank 42", by=office)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_enrolment(enrolment=enrolment, by=office)

    issued = the_entry("invoice.issued")
    assert issued.target == invoice and issued.subject == learner
    assert issued.details["number"] == invoice.number
    credit = the_entry("invoice.credit_note_issued")
    assert credit.details["corrects"] == invoice.number
    assert credit.details["reason"] == services.CREDITED_FOR_CANCELLATION
    paid = the_entry("invoice.paid")
    assert paid.actor == office and paid.details["reference"] == "bank 42"


def test_removing_a_member_records_the_admin_and_the_member(employer):
    organisation, admin = employer
    member = staff_of(organisation)

    academy_services.remove_member(membership=member.memberships.get(), by=admin)

    entry = the_entry("membership.removed")
    assert (entry.actor, entry.subject, entry.organisation) == (admin, member, organisation)


def test_the_export_holds_what_was_logged_by_or_about_the_person(run, employer):
    organisation, admin = employer
    learner = staff_of(organisation)
    enrolment = services.enrol(run=run, learner=learner, payer="employer",
                               organisation=organisation)  # fmt: skip
    services.approve_enrolment(enrolment=enrolment, approve=True, by=admin)
    stranger = UserFactory()
    services.enrol(run=run, learner=stranger)

    trail = personal_data.export_personal_data(learner)["audit_trail"]

    actions = {(e["action"], e["by_you"], e["about_you"]) for e in trail}
    assert ("enrolment.enrolled", True, True) in actions
    assert ("enrolment.approved", False, True) in actions
    assert ("personal_data.exported", True, True) in actions  # exporting is logged too
    assert all(e["description"] for e in trail)
    assert the_entry("personal_data.exported").actor == learner
    assert not [e for e in trail if e["details"].get("payer") == "learner"]  # not the stranger's


def test_the_export_leaves_out_the_names_of_other_people(run, employer):
    organisation, admin = employer
    leaving, joining = staff_of(organisation), staff_of(organisation, "Bo")
    cohort = services.create_cohort(organisation=organisation, run=run, learners=[leaving],
                                    by=admin)  # fmt: skip
    services.swap_cohort_member(enrolment=cohort.enrolments.get(), replacement=joining, by=admin)

    trail = personal_data.export_personal_data(leaving)["audit_trail"]

    (swap,) = [e for e in trail if e["action"] == "enrolment.swapped"]
    assert swap["details"]["replacement"] == {"id": joining.pk, "name": ""}


def test_deleting_an_account_keeps_the_actions_but_not_who_acted_nor_their_name(run, employer):
    organisation, admin = employer
    leaving, joining = staff_of(organisation), staff_of(organisation, "Bo")
    cohort = services.create_cohort(organisation=organisation, run=run, learners=[leaving],
                                    by=admin)  # fmt: skip
    services.swap_cohort_member(enrolment=cohort.enrolments.get(), replacement=joining, by=admin)
    services.enrol(run=ModuleRunFactory(), learner=joining)
    actions_before = sorted(AuditEntry.objects.values_list("action", flat=True))

    personal_data.erase_personal_data(joining)

    assert not AuditEntry.objects.filter(actor=joining).exists()
    assert the_entry("enrolment.swapped").details["replacement"] == {"id": None, "name": ""}
    assert "Bo" not in str(list(AuditEntry.objects.values_list("details", flat=True)))
    actions_after = sorted(AuditEntry.objects.values_list("action", flat=True))
    assert set(actions_before) <= set(actions_after)  # nothing was deleted
    deleted = the_entry("account.deleted")
    assert deleted.actor is None and deleted.subject_id == joining.pk
    assert the_entry("enrolment.swapped").actor == admin  # others stay named


def test_an_unknown_action_code_is_refused():
    from academy.audit import log_action

    with pytest.raises(ValueError, match="Unknown audit action"):
        log_action(actor=None, action="enrolment.teleported", target=UserFactory())
