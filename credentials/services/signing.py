"""The issuer's keys and signatures: the current key of each kind (made when first needed),
rotation, the published JWKS and verification methods, Data Integrity proofs (`sign`), and
the revocation status list: the place each credential takes in it, and the signed list.

Low-level key handling (generating keys, PEM and JWK conversion) is in `credentials.keys`.
"""

import secrets

from django.db import connection, transaction
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


def current_keys() -> dict[str, SigningKey]:
    """The current key of every kind, in one query; those missing are made."""
    keys_ = {}
    for key in SigningKey.objects.filter(retired_at__isnull=True):  # newest first
        keys_.setdefault(key.kind, key)
    for kind in SigningKey.Kind.values:
        if kind not in keys_:
            keys_[kind] = _new_key(kind)
    return keys_


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


def sign(document: dict, *, now, key: SigningKey | None = None) -> dict:
    """The document with a Data Integrity proof by `key`, the current Ed25519 key if none."""
    key = key or current_key(SigningKey.Kind.ED25519)
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


# The places a transaction looks at: the lowest free ones from a little below the top (where
# an issuer that crashed may have left one unused) to a little above it (where the issuers at
# work hold theirs). More than the workers that ever sign at once.
STATUS_WINDOW = 64
# PostgreSQL advisory locks are named by two integers: this one says "a status-list place".
_STATUS_LOCK_SPACE = 0x53544C  # "STL"


def open_status_list() -> None:
    """Make the status list's counter if it is not there yet. Issuers call this before their
    transaction: a counter made inside one would keep every other issuer waiting for it."""
    StatusCounter.objects.bulk_create([StatusCounter(name=STATUS_LIST)], ignore_conflicts=True)


def reserve_status_index() -> int:
    """A place in the status list for a credential this transaction is about to sign.

    Nobody waits for anybody while credentials are signed. On PostgreSQL each issuer holds
    its place with an advisory lock (taken without waiting, released when its transaction
    ends), so concurrent issuers take different places; the place becomes the credential's
    for good when its row commits (`Credential.status_index` is unique), and an issuer that
    fails or is killed before then leaves it free for the next one. On SQLite, where one
    writer at a time is all there is, the counter is simply locked and counted.

    Call `record_status_index` as the last write of the same transaction.
    """
    open_status_list()
    if connection.vendor != "postgresql":
        counter = StatusCounter.objects.select_for_update().get(name=STATUS_LIST)
        return _checked(counter.next_index)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH top AS (
                SELECT GREATEST(
                    (SELECT next_index FROM credentials_statuscounter WHERE name = %(list)s),
                    (SELECT COALESCE(MAX(status_index) + 1, 0) FROM credentials_credential)
                ) AS n
            )
            SELECT i FROM top, generate_series(GREATEST(top.n - %(window)s, 0),
                                               top.n + %(window)s) AS i
            WHERE NOT EXISTS (SELECT 1 FROM credentials_credential WHERE status_index = i)
            ORDER BY i
            """,
            {"list": STATUS_LIST, "window": STATUS_WINDOW},
        )
        candidates = [row[0] for row in cursor.fetchall()]
        for index in candidates:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [_STATUS_LOCK_SPACE, index])
            if not cursor.fetchone()[0]:
                continue  # another issuer is signing with it
            # Asked again now that it is ours: its holder may have committed just before.
            if not Credential.objects.filter(status_index=index).exists():
                return _checked(index)
    raise CredentialError(  # every place near the top is being signed with: a rare crowd
        "No free place in the status list right now; try again in a moment."
    )


def record_status_index(index: int) -> None:
    """Count the place as taken, as the last write of the transaction that took it: the
    counter's row is locked only from here to the commit (and not at all when a credential
    with a higher place committed first). The counter is the mark below which no place is
    handed out again, except those a failed issuer left unused near the top."""
    if connection.vendor != "postgresql":
        StatusCounter.objects.filter(name=STATUS_LIST).update(next_index=index + 1)
        return
    StatusCounter.objects.filter(name=STATUS_LIST, next_index__lte=index).update(
        next_index=index + 1
    )


def _checked(index: int) -> int:
    if index >= STATUS_LIST_SIZE:
        raise CredentialError("The status list is full; start a new one.")
    return index


def revoked_indexes() -> list[int]:
    return list(
        Credential.objects.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    )
