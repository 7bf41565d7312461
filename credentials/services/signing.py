"""The issuer's keys and signatures: the current key of each kind (made when first needed),
rotation, the published JWKS and verification methods, Data Integrity proofs (`sign`), and
the revocation status list: the place each credential takes in it, and the signed list.

Low-level key handling (generating keys, PEM and JWK conversion) is in `credentials.keys`.
"""

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from credentials import documents, keys, proofs, status_list
from credentials.models import Credential, SigningKey, StatusCounter
from credentials.services.errors import CredentialError

STATUS_LIST = "1"
STATUS_LIST_SIZE = 131_072


def current_key(kind: str) -> SigningKey:
    """The key new credentials are signed with; the first one is made when first needed."""
    key = SigningKey.objects.filter(kind=kind, retired_at__isnull=True).first()
    return key or _new_key(kind)


def _new_key(kind: str) -> SigningKey:
    pem = keys.new_ed25519_pem() if kind == SigningKey.Kind.ED25519 else keys.new_rsa_pem()
    kid = f"{kind}-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    return SigningKey.objects.create(kind=kind, kid=kid, private_pem=pem)


@transaction.atomic
def rotate_keys() -> list[SigningKey]:
    """New keys for new credentials; the old ones stay published, so old credentials verify."""
    SigningKey.objects.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return [_new_key(kind) for kind in SigningKey.Kind.values]


def verification_method(key: SigningKey) -> str:
    return f"{documents.issuer_id()}#{key.kid}"


def public_ed25519_key(method_id: str):
    """The published Ed25519 key a proof names, or None when it is not ours."""
    prefix = documents.issuer_id() + "#"
    if not method_id.startswith(prefix):
        return None
    key = SigningKey.objects.filter(kind=SigningKey.Kind.ED25519, kid=method_id[len(prefix) :])
    key = key.first()
    return keys.ed25519_from_pem(key.private_pem).public_key() if key else None


def jwks() -> dict:
    return {"keys": [keys.rsa_public_jwk(key.private_pem, key.kid)
                     for key in SigningKey.objects.filter(kind=SigningKey.Kind.RSA)]}  # fmt: skip


# --- Signing and the status list ----------------------------------------------------------


def sign(document: dict, *, now) -> dict:
    """The document with a Data Integrity proof by the current Ed25519 key."""
    key = current_key(SigningKey.Kind.ED25519)
    return proofs.sign(document, private_key=keys.ed25519_from_pem(key.private_pem),
                       verification_method=verification_method(key), created=now)  # fmt: skip


def status_list_url() -> str:
    return documents.absolute(reverse("credentials:status_list", args=[STATUS_LIST]))


def signed_status_list(revoked: list[int], *, now=None) -> dict:
    """The Bitstring Status List credential in which each revoked credential's bit is set."""
    url, now = status_list_url(), (now or timezone.now()).replace(microsecond=0)
    return sign({
        "@context": [documents.VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": documents.issuer_id(),
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
            "encodedList": status_list.encode(revoked, size=STATUS_LIST_SIZE),
        },
    }, now=now)  # fmt: skip


def _next_status_index() -> int:
    StatusCounter.objects.bulk_create([StatusCounter(name=STATUS_LIST)], ignore_conflicts=True)
    counter = StatusCounter.objects.select_for_update().get(name=STATUS_LIST)
    if counter.next_index >= STATUS_LIST_SIZE:
        raise CredentialError("The status list is full; start a new one.")
    counter.next_index += 1
    counter.save(update_fields=["next_index"])
    return counter.next_index - 1


def revoked_indexes() -> list[int]:
    return list(
        Credential.objects.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    )
