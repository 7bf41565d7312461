import copy
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

from credentials import keys, proofs
from tests.credentials.samples import VERIFICATION_METHOD, open_badge_credential

SCHEMA = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
CONTEXTS = Path(proofs.__file__).parent / "contexts"


@pytest.fixture(scope="module")
def issuer_key() -> Ed25519PrivateKey:
    return keys.ed25519_from_pem(keys.new_ed25519_pem())


@pytest.fixture
def signed(issuer_key) -> dict:
    return proofs.sign(
        open_badge_credential(), private_key=issuer_key, verification_method=VERIFICATION_METHOD
    )


def resolver_for(private_key):
    keys_by_method = {VERIFICATION_METHOD: private_key.public_key()}
    return keys_by_method.get


def test_signed_credential_verifies_with_the_issuers_key(signed, issuer_key):
    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert result.ok, result.reason
    assert result.credential == signed


def test_proof_has_the_eddsa_rdfc_2022_shape(signed):
    proof = signed["proof"]

    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == VERIFICATION_METHOD
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", proof["created"])
    assert proof["proofValue"].startswith("z")
    assert len(proofs.multibase_decode(proof["proofValue"])) == 64
    assert "@context" not in proof


def test_signing_returns_a_copy_and_leaves_the_credential_alone(issuer_key):
    credential = open_badge_credential()

    proofs.sign(credential, private_key=issuer_key, verification_method=VERIFICATION_METHOD)

    assert credential == open_badge_credential()


def test_created_is_written_in_utc_to_the_second(issuer_key):
    amsterdam_summer = timezone(timedelta(hours=2))
    created = datetime(2025, 6, 30, 14, 5, 9, 123456, tzinfo=amsterdam_summer)

    signed = proofs.sign(
        open_badge_credential(),
        private_key=issuer_key,
        verification_method=VERIFICATION_METHOD,
        created=created,
    )

    assert signed["proof"]["created"] == "2025-06-30T12:05:09Z"


def test_naive_created_is_refused(issuer_key):
    with pytest.raises(ValueError, match="timezone"):
        proofs.sign(
            open_badge_credential(),
            private_key=issuer_key,
            verification_method=VERIFICATION_METHOD,
            created=datetime(2025, 6, 30, 12, 0),  # noqa: DTZ001 - the point of the test
        )


def test_signed_credential_matches_the_open_badges_schema(signed):
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft201909Validator.check_schema(schema)

    errors = list(jsonschema.Draft201909Validator(schema).iter_errors(signed))

    assert errors == []


# --- Tampering ----------------------------------------------------------------------------


def test_changed_achievement_name_is_detected(signed, issuer_key):
    signed["credentialSubject"]["achievement"]["name"] = "Advanced Data Science"

    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert not result.ok
    assert result.reason == proofs.SIGNATURE_MISMATCH


def test_changed_recipient_name_is_detected(signed, issuer_key):
    signed["credentialSubject"]["identifier"][1]["identityHash"] = "Someone Else"

    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert not result.ok
    assert result.reason == proofs.SIGNATURE_MISMATCH


def test_credential_signed_with_another_key_is_detected(issuer_key):
    forged = proofs.sign(
        open_badge_credential(),
        private_key=Ed25519PrivateKey.generate(),
        verification_method=VERIFICATION_METHOD,
    )

    result = proofs.verify(forged, public_key_resolver=resolver_for(issuer_key))

    assert not result.ok
    assert result.reason == proofs.SIGNATURE_MISMATCH


def test_term_added_after_signing_cannot_be_checked(signed, issuer_key):
    signed["credentialSubject"]["grade"] = "10"

    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert not result.ok
    assert "cannot be checked" in result.reason
    assert "'grade'" in result.reason


def test_unknown_verification_method(signed):
    result = proofs.verify(signed, public_key_resolver=lambda method: None)

    assert result == proofs.VerificationResult(False, "unknown verification method")


def test_credential_without_proof():
    result = proofs.verify(open_badge_credential(), public_key_resolver=lambda method: None)

    assert result == proofs.VerificationResult(False, "no proof")


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("cryptosuite", "ecdsa-rdfc-2019", "unsupported cryptosuite 'ecdsa-rdfc-2019'"),
        ("type", "Ed25519Signature2020", "unsupported proof type 'Ed25519Signature2020'"),
        ("proofPurpose", "authentication", "unexpected proof purpose 'authentication'"),
        ("proofValue", "uAAAA", "malformed proofValue"),
        ("proofValue", "z2NEpo7TZRRrLZSi2U", "malformed proofValue"),
    ],
)
def test_proofs_of_another_kind_are_refused(signed, issuer_key, field, value, reason):
    signed["proof"][field] = value

    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert result == proofs.VerificationResult(False, reason)


# --- Data the contexts do not define ------------------------------------------------------


def with_ects(credential):
    credential["credentialSubject"]["achievement"]["ECTS"] = 3.0


def with_undefined_type(credential):
    credential["type"].append("MicroCredentialNL")


def with_relative_subject_id(credential):
    credential["credentialSubject"]["id"] = "learners/42"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (with_ects, "property 'ECTS'"),
        (with_undefined_type, "type 'MicroCredentialNL'"),
        (with_relative_subject_id, "id 'learners/42'"),
    ],
)
def test_data_the_contexts_do_not_define_is_refused_not_silently_dropped(issuer_key, change, named):
    credential = open_badge_credential()
    change(credential)

    with pytest.raises(proofs.InvalidCredentialError, match=named) as error:
        proofs.sign(credential, private_key=issuer_key, verification_method=VERIFICATION_METHOD)
    assert "left out of the signature" in str(error.value)


def test_a_context_that_is_not_vendored_is_refused(issuer_key):
    credential = open_badge_credential()
    credential["@context"].append("https://example.org/contexts/extra.json")

    with pytest.raises(proofs.UnknownContextError, match="not available offline"):
        proofs.sign(credential, private_key=issuer_key, verification_method=VERIFICATION_METHOD)


def test_loader_serves_the_vendored_contexts():
    open_badges = proofs.document_loader(proofs.OB_V3_CONTEXT)
    credentials_v2 = proofs.document_loader(proofs.VC_V2_CONTEXT)

    assert open_badges["documentUrl"] == proofs.OB_V3_CONTEXT
    assert "OpenBadgeCredential" in open_badges["document"]["@context"]
    assert "DataIntegrityProof" in credentials_v2["document"]["@context"]


@pytest.mark.parametrize(
    "url",
    [
        "https://w3id.org/security/data-integrity/v2",
        "https://example.org/evil-context.json",
        "file:///etc/passwd",
    ],
)
def test_loader_refuses_other_urls(url):
    with pytest.raises(proofs.UnknownContextError, match=re.escape(url)):
        proofs.document_loader(url, {})


@pytest.mark.parametrize(
    ("filename", "sha256"),
    [
        (
            "credentials-v2.jsonld",
            "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
        ),
        (
            "ob-v3p0-context-3.0.3.json",
            "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
        ),
    ],
)
def test_vendored_contexts_are_the_published_files(filename, sha256):
    assert hashlib.sha256((CONTEXTS / filename).read_bytes()).hexdigest() == sha256


# --- Known answer: W3C vc-di-eddsa test vector --------------------------------------------
# w3c/vc-di-eddsa, TestVectors/keyPair.json and TestVectors/eddsa-rdfc-2022/. The vector's
# second context, https://www.w3.org/ns/credentials/examples/v2, is exactly
# {"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}; it is given
# inline here because the loader serves only our own contexts. Inline or by URL, the
# N-Quads (and so the signature) are the same.

VECTOR_SECRET_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
VECTOR_PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
VECTOR_METHOD = f"https://vc.example/issuers/5678#{VECTOR_PUBLIC_KEY}"
VECTOR_PROOF_VALUE = (
    "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9"
)
VECTOR_PROOF_CANONICAL = (
    '_:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"'
    "^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
    "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/security#DataIntegrityProof> .\n"
    '_:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"'
    "^^<https://w3id.org/security#cryptosuiteString> .\n"
    "_:c14n0 <https://w3id.org/security#proofPurpose> "
    "<https://w3id.org/security#assertionMethod> .\n"
    "_:c14n0 <https://w3id.org/security#verificationMethod> "
    f"<{VECTOR_METHOD}> .\n"
)


def vector_credential() -> dict:
    return {
        "@context": [
            proofs.VC_V2_CONTEXT,
            {"@vocab": "https://www.w3.org/ns/credentials/examples#"},
        ],
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "description": "A minimum viable example of an Alumni Credential.",
        "issuer": "https://vc.example/issuers/5678",
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:abcdefgh",
            "alumniOf": "The School of Examples",
        },
    }


def vector_key() -> Ed25519PrivateKey:
    secret = proofs.multibase_decode(VECTOR_SECRET_KEY)
    assert secret[:2] == b"\x80\x26"  # multicodec ed25519-priv
    return Ed25519PrivateKey.from_private_bytes(secret[2:])


def test_signature_matches_the_w3c_test_vector():
    key = vector_key()

    signed = proofs.sign(
        vector_credential(),
        private_key=key,
        verification_method=VECTOR_METHOD,
        created=datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC),
    )

    assert proofs.public_key_multibase(key.public_key()) == VECTOR_PUBLIC_KEY
    proof_config = {key: value for key, value in signed["proof"].items() if key != "proofValue"}
    proof_config["@context"] = signed["@context"]
    assert proofs.canonicalize(proof_config) == VECTOR_PROOF_CANONICAL
    assert signed["proof"]["proofValue"] == VECTOR_PROOF_VALUE


def test_the_w3c_signed_vector_verifies():
    signed = vector_credential()
    signed["proof"] = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": VECTOR_METHOD,
        "proofPurpose": "assertionMethod",
        "proofValue": VECTOR_PROOF_VALUE,
    }
    public_key = proofs.public_key_from_multibase(VECTOR_PUBLIC_KEY)

    result = proofs.verify(signed, public_key_resolver={VECTOR_METHOD: public_key}.get)

    assert result.ok, result.reason


# --- Multikey and multibase ---------------------------------------------------------------


def test_multikey_round_trip(issuer_key):
    public_key = issuer_key.public_key()

    multikey = proofs.public_key_multibase(public_key)

    assert multikey.startswith("z6Mk")
    assert proofs.public_key_from_multibase(multikey) == public_key


@pytest.mark.parametrize(
    "value",
    [
        "",
        "u7QGwDY2Tjn93PVFWWq02piP1NE9_XRlg-c8-jhJiDqKBDw",  # base64url, not base58btc
        VECTOR_SECRET_KEY,  # a private key's multicodec
        "z0OIl",  # not base58
    ],
)
def test_multikey_refuses_other_values(value):
    with pytest.raises(ValueError):
        proofs.public_key_from_multibase(value)


def test_multibase_is_base58btc_and_keeps_leading_zero_bytes():
    data = b"\0\0Hello World!"

    assert proofs.multibase_encode(data) == "z112NEpo7TZRRrLZSi2U"
    assert proofs.multibase_decode("z112NEpo7TZRRrLZSi2U") == data


def test_ed25519_pem_refuses_an_rsa_key():
    with pytest.raises(ValueError, match="not hold an Ed25519"):
        keys.ed25519_from_pem(keys.new_rsa_pem())


def test_verification_does_not_change_the_credential(signed, issuer_key):
    before = copy.deepcopy(signed)

    proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert signed == before


def test_contexts_other_code_cached_in_pyld_are_not_used():
    url = "https://example.org/contexts/cached-elsewhere.json"

    def another_loader(requested, options=None):
        document = {"@context": {"grade": "https://example.org/vocab#grade"}}
        return {"contextUrl": None, "documentUrl": requested, "document": document, "tag": "static"}

    jsonld.expand({"@context": url, "grade": "8"}, {"documentLoader": another_loader})

    with pytest.raises(proofs.UnknownContextError, match=re.escape(url)):
        proofs.canonicalize({"@context": url, "grade": "8"})


def test_a_proof_carrying_the_documents_context_verifies(signed, issuer_key):
    signed["proof"]["@context"] = signed["@context"]

    assert proofs.verify(signed, public_key_resolver=resolver_for(issuer_key)).ok


def test_a_proof_carrying_another_context_fails(signed, issuer_key):
    signed["proof"]["@context"] = [proofs.OB_V3_CONTEXT]

    result = proofs.verify(signed, public_key_resolver=resolver_for(issuer_key))

    assert result.reason == "the proof's @context does not match the document's"
