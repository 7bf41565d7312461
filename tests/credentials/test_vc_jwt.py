import base64
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from credentials import keys, proofs, vc_jwt
from tests.credentials.samples import ISSUER_ID, VERIFICATION_METHOD, open_badge_credential

KID = "academy-2025-1"
PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi"}


@pytest.fixture(scope="module")
def rsa_pem() -> str:
    return keys.new_rsa_pem()


@pytest.fixture(scope="module")
def jwks(rsa_pem) -> dict:
    return {"keys": [keys.rsa_public_jwk(rsa_pem, KID)]}


def segment(token: str, index: int) -> dict:
    part = token.split(".")[index]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def reseal_payload(token: str, claims: dict) -> str:
    """The token with other claims but the original signature: a tampered token."""
    header, _, signature = token.split(".")
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{payload}.{signature}"


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_signed_token_verifies_against_the_jwks(rsa_pem, jwks):
    credential = open_badge_credential()
    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)

    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert result.ok, result.reason
    assert result.credential == credential


def test_token_header_and_claims_follow_open_badges_vc_jwt(rsa_pem):
    credential = open_badge_credential()
    before = int(time.time())

    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)

    assert segment(token, 0) == {"alg": "RS256", "typ": "JWT", "kid": KID}
    claims = segment(token, 1)
    assert claims["iss"] == ISSUER_ID
    assert claims["jti"] == credential["id"]
    assert claims["nbf"] == int(datetime(2025, 6, 30, 12, 0, tzinfo=UTC).timestamp())
    assert claims["sub"] == credential["credentialSubject"]["identifier"][0]["identityHash"]
    assert before <= claims["iat"] <= int(time.time())
    assert "exp" not in claims
    assert claims["vc"] == credential


def test_subject_id_is_the_sub_claim_when_there_is_one(rsa_pem):
    credential = open_badge_credential()
    credential["credentialSubject"]["id"] = "did:example:sanne"

    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)

    assert segment(token, 1)["sub"] == "did:example:sanne"


def test_embedded_proof_is_left_out_of_the_vc_claim(rsa_pem):
    credential = proofs.sign(
        open_badge_credential(),
        private_key=Ed25519PrivateKey.generate(),
        verification_method=VERIFICATION_METHOD,
    )

    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)

    assert "proof" not in segment(token, 1)["vc"]


def test_a_joserfc_key_signs_too(rsa_pem, jwks):
    token = vc_jwt.sign_vc_jwt(
        open_badge_credential(), private_key=RSAKey.import_key(rsa_pem), kid=KID
    )

    assert vc_jwt.verify_vc_jwt(token, jwks=jwks).ok


def test_valid_until_becomes_exp_and_is_enforced(rsa_pem, jwks):
    credential = open_badge_credential()
    credential["validFrom"] = iso(datetime.now(UTC) - timedelta(days=30))
    yesterday = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    credential["validUntil"] = iso(yesterday)

    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)
    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert segment(token, 1)["exp"] == int(yesterday.timestamp())
    assert not result.ok
    assert result.reason == "the credential has expired (validUntil has passed)"


def test_credential_valid_from_the_future_is_not_valid_yet(rsa_pem, jwks):
    credential = open_badge_credential()
    credential["validFrom"] = iso(datetime.now(UTC) + timedelta(days=7))

    token = vc_jwt.sign_vc_jwt(credential, private_key=keys.rsa_from_pem(rsa_pem), kid=KID)
    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert not result.ok
    assert result.reason == "the credential is not valid yet (validFrom is in the future)"


def test_tampered_payload_fails(rsa_pem, jwks):
    token = vc_jwt.sign_vc_jwt(
        open_badge_credential(), private_key=keys.rsa_from_pem(rsa_pem), kid=KID
    )
    claims = segment(token, 1)
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Advanced Data Science"

    result = vc_jwt.verify_vc_jwt(reseal_payload(token, claims), jwks=jwks)

    assert not result.ok
    assert result.reason == vc_jwt.SIGNATURE_MISMATCH


def test_token_signed_with_another_key_under_our_kid_fails(jwks):
    impostor = keys.rsa_from_pem(keys.new_rsa_pem())
    token = vc_jwt.sign_vc_jwt(open_badge_credential(), private_key=impostor, kid=KID)

    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert not result.ok
    assert result.reason == vc_jwt.SIGNATURE_MISMATCH


def test_unknown_kid_fails(rsa_pem, jwks):
    token = vc_jwt.sign_vc_jwt(
        open_badge_credential(), private_key=keys.rsa_from_pem(rsa_pem), kid="retired-2019"
    )

    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert result == proofs.VerificationResult(False, "unknown key id 'retired-2019'")


def test_other_algorithms_are_refused(jwks):
    shared_secret = OctKey.import_key("a-shared-secret-that-is-long-enough-for-hs256")
    token = jwt.encode({"alg": "HS256", "kid": KID}, {"vc": open_badge_credential()}, shared_secret)

    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert result == proofs.VerificationResult(False, "unsupported algorithm 'HS256'")


def test_claims_that_disagree_with_the_credential_fail(rsa_pem, jwks):
    credential = open_badge_credential()
    claims = {
        "vc": credential,
        "iss": "https://impostor.example.org/",
        "jti": credential["id"],
        "nbf": int(datetime(2025, 6, 30, 12, 0, tzinfo=UTC).timestamp()),
        "sub": credential["credentialSubject"]["identifier"][0]["identityHash"],
    }
    token = jwt.encode({"alg": "RS256", "kid": KID}, claims, RSAKey.import_key(rsa_pem))

    result = vc_jwt.verify_vc_jwt(token, jwks=jwks)

    assert result == proofs.VerificationResult(
        False, "the JWT claims iss do not match the credential"
    )


def test_garbage_is_not_a_token(jwks):
    assert vc_jwt.verify_vc_jwt("not.a.jwt", jwks=jwks).reason == "not a compact JWT"


# --- Keys and the JWKS --------------------------------------------------------------------


def test_jwks_entry_is_the_public_key_with_kid_use_and_alg(jwks):
    (jwk,) = jwks["keys"]

    assert jwk["kid"] == KID
    assert jwk["kty"] == "RSA"
    assert jwk["use"] == "sig"
    assert jwk["alg"] == "RS256"
    assert {"n", "e"} <= set(jwk)
    assert not PRIVATE_MEMBERS & set(jwk)


def test_rsa_pem_round_trip(rsa_pem):
    assert keys.private_key_pem(keys.rsa_from_pem(rsa_pem)) == rsa_pem


def test_rsa_keys_are_at_least_2048_bits():
    with pytest.raises(ValueError, match="2048"):
        keys.new_rsa_pem(bits=1024)


def test_rsa_pem_refuses_an_ed25519_key():
    with pytest.raises(ValueError, match="not hold an RSA"):
        keys.rsa_from_pem(keys.new_ed25519_pem())
