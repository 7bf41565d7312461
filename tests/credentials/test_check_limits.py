"""The public check page under attack: poison documents get a clear refusal within a second,
and each client gets a limited number of checks a minute.

Each poison document names the Academy's real published key and carries a well-formed
64-byte proofValue, so without the bounds it would reach canonicalization: the look-alike
blank nodes and lists kept a worker busy for minutes, the deep nesting gave a 500.
"""

import base64
import copy
import json
import time
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credentials import proofs, services
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory
from tests.credentials.samples import open_badge_credential
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
URL = "/credentials/check/"
SECOND = 1.0
TOO_INTRICATE = "too large or too intricate"
NOT_OURS = "not issued by the Academy"


@pytest.fixture
def credential():
    run = ModuleRunFactory(
        module=ModuleFactory(title="Data ethics", ects=3, level=6), taken_place=True
    )
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
    enrolment = EnrolmentFactory(run=run, learner=UserFactory(first_name="Noor"))
    result = services.record_result(enrolment=enrolment, passed=True, grade="7", by=lecturer)
    return services.issue_credential(result=result)


def timed_post(client, data, **extra):
    started = time.monotonic()
    response = client.post(URL, data, **extra)
    return response, time.monotonic() - started


def forged(credential, subject) -> dict:
    """The credential's own id, issuer, status entry and key, around another subject, with
    a proofValue of the right length: everything an attacker can copy from a real one."""
    document = copy.deepcopy(credential.document)
    document["credentialSubject"] = subject
    document["proof"]["proofValue"] = proofs.multibase_encode(bytes(range(64)))
    return document


def connected_blank_nodes(count: int) -> list[dict]:
    """Nodes that all point at each other: alike until every permutation is tried."""
    return [
        {"id": f"_:b{i}", "type": ["AchievementSubject"],
         "source": [{"id": f"_:b{j}"} for j in range(count) if j != i]}
        for i in range(count)
    ]  # fmt: skip


def look_alike_subjects(count: int) -> list[dict]:
    """No blank-node ids and no long list: nested objects that are all alike."""
    alike = {"type": ["IdentityObject"], "identityType": "name", "hashed": False,
             "identityHash": "x"}  # fmt: skip
    return [
        {"type": ["AchievementSubject"], "identifier": [dict(alike) for _ in range(count)]}
        for _ in range(count)
    ]


def literal_list(count: int) -> dict:
    return {"type": ["AchievementSubject"], "name": {"@list": ["x"] * count}}


def nested_subject(depth: int) -> dict:
    node = {"type": ["AchievementSubject"]}
    for _ in range(depth):
        node = {"type": ["AchievementSubject"], "source": node}
    return node


def context_bomb(document: dict, *, terms: int, nodes: int) -> dict:
    """A type-scoped context of many terms, processed again for every node of the type."""
    scoped = {f"t{i}": f"https://attacker.example/t{i}" for i in range(terms)}
    document["@context"] = [*document["@context"], {
        "Bomb": {"@id": "https://attacker.example/Bomb", "@context": scoped},
        "bombs": "https://attacker.example/bombs"}]  # fmt: skip
    document["credentialSubject"] = {
        "type": ["AchievementSubject"], "bombs": [{"type": "Bomb", "t0": str(i)}
                                                  for i in range(nodes)]}  # fmt: skip
    return document


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def assert_refused(response, elapsed, message):
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html, html
    assert "Genuine and unaltered" not in html
    assert elapsed < SECOND, f"took {elapsed:.2f} s"


@pytest.mark.parametrize("subject", [
    pytest.param(lambda: connected_blank_nodes(9), id="9-connected-blank-nodes"),
    pytest.param(lambda: look_alike_subjects(10), id="10x10-look-alike-nodes"),
    pytest.param(lambda: literal_list(150), id="list-of-150-equal-literals"),
])  # fmt: skip
def test_intricate_documents_posing_as_our_credential_are_refused_within_a_second(
    client, credential, subject
):
    """They pass every cheap check (our id, issuer, status entry and key), so the bounds
    on canonicalization itself are what stops them."""
    document = forged(credential, subject())

    response, elapsed = timed_post(client, {"text": json.dumps(document)})

    assert_refused(response, elapsed, TOO_INTRICATE)


def test_an_intricate_document_under_an_unknown_id_is_refused_before_any_work(client, credential):
    document = forged(credential, connected_blank_nodes(9))
    document["id"] = f"urn:uuid:{uuid.uuid4()}"

    response, elapsed = timed_post(client, {"text": json.dumps(document)})

    assert_refused(response, elapsed, NOT_OURS)
    assert "has issued no credential with this id" in response.content.decode()


def test_a_document_with_contexts_of_its_own_is_refused_before_expansion(client, credential):
    bomb = context_bomb(forged(credential, {}), terms=300, nodes=150)
    embedded = forged(credential, {"@context": {"x": "https://attacker.example/x"}, "x": "1"})

    for document in (bomb, embedded):
        response, elapsed = timed_post(client, {"text": json.dumps(document)})

        assert_refused(response, elapsed, NOT_OURS)
        assert "JSON-LD context is not the one" in response.content.decode()


def test_canonicalization_itself_is_bounded_in_steps_and_time():
    """Defence in depth for whatever reaches canonicalization: contexts processed once per
    node and look-alike blank nodes run out of budget instead of running for minutes."""
    document = open_badge_credential()
    for poison in (context_bomb(copy.deepcopy(document), terms=800, nodes=400),
                   {**document, "credentialSubject": look_alike_subjects(10)}):  # fmt: skip
        started = time.thread_time()  # the bound is on work: CPU time, not a busy clock
        with pytest.raises(proofs.CanonicalizationLimitError):
            proofs.canonicalize(poison)
        assert time.thread_time() - started < SECOND


def test_a_list_of_10000_literals_is_refused_within_a_second(client, credential):
    document = forged(credential, literal_list(10_000))
    text = json.dumps(document)
    assert len(text) < 64 * 1024  # under the size limit: the list itself is refused

    response, elapsed = timed_post(client, {"text": text})

    assert_refused(response, elapsed, "a list of 10000 items")


def test_json_nested_50000_deep_is_refused_within_a_second(client):
    text = '{"a": ' + "[" * 50_000 + "]" * 50_000 + "}"

    response, elapsed = timed_post(client, {"file": SimpleUploadedFile("deep.json", text.encode())})

    assert_refused(response, elapsed, "larger than 64 KB")


def test_json_nested_30000_deep_under_the_size_limit_is_refused_within_a_second(client):
    text = '{"a": ' + "[" * 30_000 + "]" * 30_000 + "}"
    assert len(text) < 64 * 1024

    response, elapsed = timed_post(client, {"text": text})

    assert_refused(response, elapsed, "nested more than 32 levels deep")


def test_json_ld_nested_900_deep_is_refused_within_a_second(client, credential):
    document = forged(credential, nested_subject(900))

    response, elapsed = timed_post(client, {"text": json.dumps(document)})

    assert_refused(response, elapsed, "nested more than 32 levels deep")


def test_brackets_inside_strings_do_not_count_as_nesting(client, credential):
    document = copy.deepcopy(credential.document)
    document["credentialSubject"]["name"] = '[[[[{{{{\\"' * 20

    html = client.post(URL, {"text": json.dumps(document)}).content.decode()

    assert "nested more than" not in html and "changed" in html


def test_a_jwt_with_a_deeply_nested_header_is_refused_within_a_second(client):
    token = ".".join([b64("[" * 20_000 + "]" * 20_000), b64("{}"), "c2ln"])

    response, elapsed = timed_post(client, {"text": token})

    assert_refused(response, elapsed, "nested more than 32 levels deep")


@pytest.mark.parametrize("field", ["verificationMethod", "id"])
def test_a_key_id_or_credential_id_ending_in_nul_is_refused_not_looked_up(
    client, credential, field
):
    document = copy.deepcopy(credential.document)
    if field == "id":
        document["id"] += "\x00"
    else:
        document["proof"]["verificationMethod"] += "\x00"

    response, elapsed = timed_post(client, {"text": json.dumps(document)})

    assert_refused(response, elapsed, NOT_OURS)


def test_an_oversized_paste_or_upload_is_refused_within_a_second(client, credential):
    document = copy.deepcopy(credential.document)
    document["credentialSubject"]["name"] = "x" * 70_000
    text = json.dumps(document)

    pasted, pasted_elapsed = timed_post(client, {"text": text})
    upload = SimpleUploadedFile("credential.json", text.encode())
    uploaded, uploaded_elapsed = timed_post(client, {"file": upload})

    assert_refused(pasted, pasted_elapsed, "longer than 65536 characters")
    assert_refused(uploaded, uploaded_elapsed, "larger than 64 KB")


def test_a_credential_of_another_issuer_is_refused_as_not_ours(client):
    other = proofs.sign(
        open_badge_credential(),
        private_key=Ed25519PrivateKey.generate(),
        verification_method="https://academy.example.org/issuers/1#key-1",
    )

    response, elapsed = timed_post(client, {"text": json.dumps(other)})

    assert_refused(response, elapsed, NOT_OURS)


def test_a_status_entry_that_is_not_the_credentials_own_is_refused(client, credential):
    document = copy.deepcopy(credential.document)
    index = credential.status_index + 1
    document["credentialStatus"]["statusListIndex"] = str(index)
    document["credentialStatus"]["id"] = document["credentialStatus"]["id"].split("#")[0] + (
        f"#{index}"
    )

    response, elapsed = timed_post(client, {"text": json.dumps(document)})

    assert_refused(response, elapsed, "status entry")


def test_a_genuine_credential_still_verifies_when_pasted_or_uploaded(client, credential):
    pasted, pasted_elapsed = timed_post(client, {"text": json.dumps(credential.document)})
    as_jwt, _jwt_elapsed = timed_post(client, {"text": credential.jwt})
    upload = SimpleUploadedFile("credential.json", json.dumps(credential.document).encode())
    uploaded, _upload_elapsed = timed_post(client, {"file": upload})

    for response in (pasted, as_jwt, uploaded):
        assert "Genuine and unaltered" in response.content.decode()
    assert pasted_elapsed < SECOND


def test_checks_are_limited_per_client_with_a_clear_message(client, credential):
    genuine = json.dumps(credential.document)
    answers = [client.post(URL, {"text": genuine}) for _ in range(20)]
    limited = client.post(URL, {"text": genuine})
    elsewhere = client.post(URL, {"text": genuine}, REMOTE_ADDR="192.0.2.7")

    assert all("Genuine and unaltered" in answer.content.decode() for answer in answers)
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Too many checks" in html and "wait a minute" in html
    assert "Genuine and unaltered" not in html
    assert "Genuine and unaltered" in elsewhere.content.decode()
    assert client.get(reverse("credentials:check")).status_code == 200  # reading is not limited
