"""Open Badges 3.0 credentials as VC-JWTs (OB 3.0 section 8.2), signed with RS256.

The JWT claims are the credential in `vc` plus the registered claims derived from it:
`iss` (issuer id), `sub` (subject id), `jti` (credential id), `nbf` (validFrom), `exp`
(validUntil, when there is one) and `iat` (when the token was signed). The header names the
key by `kid`, so a verifier picks it from the issuer's JWKS (/.well-known/jwks.json).
"""

import time
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jws, jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    JoseError,
)
from joserfc.jwk import RSAKey

from credentials.keys import JWT_ALGORITHM, private_key_pem
from credentials.proofs import VerificationResult

CLOCK_SKEW_SECONDS = 60

SIGNATURE_MISMATCH = "signature does not match: the token was changed or signed with another key"


def sign_vc_jwt(credential: dict, *, private_key: RSAKey | rsa.RSAPrivateKey, kid: str) -> str:
    """A compact JWS (header alg RS256, typ JWT, kid) of the credential without its proof."""
    vc = {key: value for key, value in credential.items() if key != "proof"}
    claims = {**_registered_claims(vc), "iat": int(time.time()), "vc": vc}
    header = {"alg": JWT_ALGORITHM, "typ": "JWT", "kid": kid}
    return jwt.encode(header, claims, _rsa_key(private_key), algorithms=[JWT_ALGORITHM])


def verify_vc_jwt(token: str, *, jwks: dict) -> VerificationResult:
    """Check signature, algorithm and validity period; `result.credential` is the `vc` claim."""
    try:
        header = jws.extract_compact(token.encode("ascii")).headers()
    except (JoseError, ValueError):
        return VerificationResult(False, "not a compact JWT")
    if header.get("alg") != JWT_ALGORITHM:
        return VerificationResult(False, f"unsupported algorithm {header.get('alg')!r}")
    key = _key_by_kid(jwks, header.get("kid"))
    if key is None:
        return VerificationResult(False, f"unknown key id {header.get('kid')!r}")

    try:
        claims = jwt.decode(token, key, algorithms=[JWT_ALGORITHM]).claims
    except BadSignatureError:
        return VerificationResult(False, SIGNATURE_MISMATCH)
    except JoseError:
        return VerificationResult(False, "not a compact JWT")
    problem = _validity_problem(claims) or _credential_problem(claims)
    if problem:
        return VerificationResult(False, problem)
    return VerificationResult(True, "the signature is valid", credential=claims["vc"])


def _registered_claims(vc: dict) -> dict:
    for required in ("id", "issuer", "validFrom", "credentialSubject"):
        if required not in vc:
            raise ValueError(f"A credential needs {required!r} to be encoded as a VC-JWT.")
    claims = {
        "iss": _issuer_id(vc["issuer"]),
        "jti": vc["id"],
        "nbf": _numeric_date(vc["validFrom"]),
    }
    subject = _subject_id(vc["credentialSubject"])
    if subject:
        claims["sub"] = subject
    if "validUntil" in vc:
        claims["exp"] = _numeric_date(vc["validUntil"])
    return claims


def _issuer_id(issuer) -> str:
    return issuer["id"] if isinstance(issuer, dict) else issuer


def _subject_id(subject) -> str | None:
    """The subject's id or, for a subject known only by identifiers, the first identityHash."""
    if not isinstance(subject, dict):
        return None
    if subject.get("id"):
        return subject["id"]
    identifiers = subject.get("identifier") or []
    if isinstance(identifiers, dict):
        identifiers = [identifiers]
    return next((each["identityHash"] for each in identifiers if "identityHash" in each), None)


def _numeric_date(value: str) -> int:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone.")
    return int(moment.timestamp())


def _rsa_key(private_key: RSAKey | rsa.RSAPrivateKey) -> RSAKey:
    if isinstance(private_key, RSAKey):
        return private_key
    if isinstance(private_key, rsa.RSAPrivateKey):
        return RSAKey.import_key(private_key_pem(private_key))
    raise TypeError("private_key must be an RSA key (joserfc RSAKey or cryptography).")


def _key_by_kid(jwks: dict, kid) -> RSAKey | None:
    if not kid:
        return None
    for jwk in jwks.get("keys", []):
        if jwk.get("kid") == kid and jwk.get("kty") == "RSA":
            try:
                return RSAKey.import_key(jwk)
            except (JoseError, ValueError):
                return None
    return None


def _validity_problem(claims: dict) -> str | None:
    try:
        jwt.JWTClaimsRegistry(leeway=CLOCK_SKEW_SECONDS).validate(claims)
    except ExpiredTokenError:
        return "the credential has expired (validUntil has passed)"
    except InvalidClaimError as error:
        if error.claim == "nbf":
            return "the credential is not valid yet (validFrom is in the future)"
        return f"invalid {error.claim!r} claim"
    except JoseError:
        return "invalid claims"
    return None


def _credential_problem(claims: dict) -> str | None:
    """The `vc` claim must be there and agree with the registered claims around it."""
    vc = claims.get("vc")
    if not isinstance(vc, dict):
        return "the token carries no credential (vc claim)"
    try:
        expected = _registered_claims(vc)
    except (ValueError, KeyError, TypeError):
        return "the credential in the token is incomplete"
    mismatched = sorted(name for name, value in expected.items() if claims.get(name) != value)
    if mismatched:
        return f"the JWT claims {', '.join(mismatched)} do not match the credential"
    return None
