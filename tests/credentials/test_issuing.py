"""Results become signed credentials: once, stacked into pathways, revocable, verifiable."""

import itertools
import json
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
from django.core.exceptions import PermissionDenied

from catalogue.models import Format
from credentials import proofs, services, verification
from credentials.models import Credential
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory
from tests.credentials.factories import PathwayFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent / "schemas"


def schema(path: str) -> dict:
    return json.loads((SCHEMAS / path).read_text())


@pytest.fixture
def module():
    return ModuleFactory(
        title="Responsible AI for policy makers", ects=4, study_load_hours=112, level=6,
        format=Format.BLENDED, learning_outcomes=["Assess an AI system's risks",
                                                  "Write a proportionate policy"],
        quality_assurance="NVAO-accredited programme; exam committee of the faculty",
        entry_requirements="A bachelor's degree or equivalent experience",
    )  # fmt: skip


@pytest.fixture
def lecturer(module):
    run = ModuleRunFactory(module=module, taken_place=True)
    return TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer


def passed_result(module, lecturer, learner=None, grade="8.5"):
    run = module.runs.first()
    learner = learner or UserFactory(first_name="Zoë", last_name="Dvořák")
    enrolment = EnrolmentFactory(run=run, learner=learner)
    return services.record_result(enrolment=enrolment, passed=True, grade=grade, by=lecturer)


def test_a_passed_result_issues_a_signed_credential_with_the_eu_elements(module, lecturer):
    credential = services.issue_credential(result=passed_result(module, lecturer))

    document = credential.document
    achievement = document["credentialSubject"]["achievement"]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["credentialSubject"]["name"] == "Zoë Dvořák"
    assert achievement["name"] == "Responsible AI for policy makers"
    assert achievement["ECTS"] == 4 and achievement["timeInvestment"] == 112
    alignments = {a["targetType"] for a in achievement["alignment"]}
    assert alignments == {"ext:EQF", "ext:QualityAssurance"}
    assert achievement["participationType"] == "onsite or blended"
    assert "Assess an AI system's risks" in achievement["criteria"]["narrative"]
    assert document["issuer"]["address"]["addressCountry"]
    assert document["credentialSubject"]["result"][0]["value"] == "8.5"
    assert bytes(credential.pdf).startswith(b"%PDF") and credential.jwt.count(".") == 2
    assert verification.check_document(document).state == "valid"


def test_issued_json_validates_against_ob3_and_the_edubadges_microcredential_schemas(
    module, lecturer
):
    document = services.issue_credential(result=passed_result(module, lecturer)).document

    for path in [
        "ob_v3p0_achievementcredential_schema.json",
        "microcredential.json",
        "microcredential_ects.json",
    ]:
        jsonschema.Draft201909Validator(schema(path)).validate(document)


def test_later_module_edits_never_change_what_was_certified(module, lecturer):
    credential = services.issue_credential(result=passed_result(module, lecturer))
    module.title = "Renamed"
    module.save()

    credential.refresh_from_db()
    assert credential.document["credentialSubject"]["achievement"]["name"] == (
        "Responsible AI for policy makers"
    )
    assert verification.check_document(credential.document).state == "valid"


def test_issuing_twice_gives_the_same_credential(module, lecturer):
    result = passed_result(module, lecturer)

    first = services.issue_credential(result=result)
    second = services.issue_credential(result=result)

    assert first == second and Credential.objects.count() == 1


def test_a_busy_machine_still_signs_its_credentials(module, lecturer, monkeypatch):
    """The time bound on canonicalizing is for documents strangers send the check page; a
    worker short of CPU still signs our own (under load, one in a few hundred was refused)."""
    clock = itertools.count(step=0.25)  # every look at the clock: a quarter second later
    monkeypatch.setattr(proofs, "time", SimpleNamespace(thread_time=lambda: next(clock)))

    credential = services.issue_credential(result=passed_result(module, lecturer))

    assert credential.document["proof"]["proofValue"]
    assert proofs.verify(
        credential.document, public_key_resolver=services.public_ed25519_key
    ).exceeded_limits  # a stranger's document would still be cut off
    monkeypatch.undo()
    assert verification.check_document(credential.document).is_valid


def test_failed_results_issue_nothing_and_only_teachers_record(module, lecturer):
    enrolment = EnrolmentFactory(run=module.runs.first(), learner=UserFactory())
    with pytest.raises(PermissionDenied):
        services.record_result(enrolment=enrolment, passed=True, by=UserFactory())
    result = services.record_result(enrolment=enrolment, passed=False, by=lecturer)

    assert services.issue_credential(result=result) is None


def test_a_result_with_a_credential_cannot_be_changed(module, lecturer):
    result = passed_result(module, lecturer)
    services.issue_credential(result=result)

    with pytest.raises(services.CredentialError, match="revoke it"):
        services.record_result(enrolment=result.enrolment, passed=False, by=lecturer)


def test_revocation_shows_in_the_status_list_and_the_check(module, lecturer):
    from credentials import status_list

    credential = services.issue_credential(result=passed_result(module, lecturer))
    services.revoke_credential(credential=credential, reason="Assessment fraud", by=lecturer)

    check = verification.check_document(credential.document)
    assert check.state == "revoked" and check.revocation_reason == "Assessment fraud"
    listed = services.signed_status_list(services.revoked_indexes())
    assert status_list.is_set(listed["credentialSubject"]["encodedList"], credential.status_index)


def test_holding_every_module_of_a_pathway_stacks_into_its_credential(module, lecturer):
    second = ModuleFactory(title="AI procurement", ects=3)
    ModuleRunFactory(module=second, taken_place=True)
    TeachingFactory(run=second.runs.first(), lecturer=lecturer)
    pathway = PathwayFactory(name="AI governance", description="Both modules",
                                     faculty=module.faculty)  # fmt: skip
    pathway.modules.set([module, second])
    learner = UserFactory()

    services.issue_credential(result=passed_result(module, lecturer, learner))
    assert services.award_pathways(learner=learner) == []
    services.issue_credential(result=passed_result(second, lecturer, learner))
    [stacked] = services.award_pathways(learner=learner)

    assert stacked.title == "AI governance" and stacked.document["credentialSubject"][
        "achievement"]["ECTS"] == 7  # fmt: skip
    assert services.award_pathways(learner=learner) == []
    assert verification.check_document(stacked.document).is_valid


def test_tampering_is_caught(module, lecturer):
    document = services.issue_credential(result=passed_result(module, lecturer)).document
    changed_name = json.loads(json.dumps(document))
    changed_name["credentialSubject"]["name"] = "Someone Else"
    changed_outcome = json.loads(json.dumps(document))
    changed_outcome["credentialSubject"]["achievement"]["criteria"]["narrative"] = "Anything"

    assert verification.check_document(changed_name).state == "invalid"
    assert verification.check_document(changed_outcome).state == "invalid"


def test_rotating_keys_keeps_old_credentials_verifiable(module, lecturer):
    old = services.issue_credential(result=passed_result(module, lecturer))
    services.rotate_keys()
    new = services.issue_credential(result=passed_result(module, lecturer))

    assert old.document["proof"]["verificationMethod"] != new.document["proof"][
        "verificationMethod"]  # fmt: skip
    assert verification.check_document(old.document).is_valid
    assert verification.check_jwt(old.jwt).is_valid and verification.check_jwt(new.jwt).is_valid


def test_rotate_signing_keys_command_publishes_both_old_and_new(client, module, lecturer):
    from io import StringIO

    from django.core.management import call_command

    old = services.issue_credential(result=passed_result(module, lecturer))
    out = StringIO()
    call_command("rotate_signing_keys", stdout=out)

    profile = client.get("/issuer").json()
    assert "New Ed25519" in out.getvalue() and len(profile["verificationMethod"]) == 2
    assert old.document["proof"]["verificationMethod"] in profile["assertionMethod"]
    assert len(client.get("/.well-known/jwks.json").json()["keys"]) == 2


@pytest.mark.parametrize(
    ("supervision", "checked"),
    [("unsupervised with no identity verification", False),
     ("supervised with no identity verification", False),
     ("supervised online", True),
     ("onsite with identity verification", True)],
)  # fmt: skip
def test_identity_checked_follows_the_supervision_type(module, lecturer, supervision, checked):
    module.supervision_type = supervision
    module.save()

    document = services.issue_credential(result=passed_result(module, lecturer)).document

    assert document["credentialSubject"]["achievement"]["identityChecked"] is checked
