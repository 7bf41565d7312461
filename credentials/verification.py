"""Checking a credential the way an outside verifier would: the proof against the published
key, then the status list, then the validity dates. The database is not trusted for the
signature; it only supplies the date and reason of a revocation."""

import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from credentials import proofs, services, vc_jwt
from credentials.models import Credential


@dataclass
class Check:
    state: str  # valid, revoked, expired or invalid
    reason: str = ""
    document: dict | None = None
    revoked_at: datetime | None = None
    revocation_reason: str = ""

    @property
    def is_valid(self) -> bool:
        return self.state == "valid"


def check_document(document: dict, *, now=None) -> Check:
    if not isinstance(document, dict):
        return Check("invalid", _("This is not a credential."))
    proof = proofs.verify(document, public_key_resolver=services.public_ed25519_key)
    if not proof.ok:
        return Check("invalid", proof.reason, document)
    return _status_and_dates(document, now=now)


def check_jwt(token: str, *, now=None) -> Check:
    result = vc_jwt.verify_vc_jwt(token.strip(), jwks=services.jwks())
    if not result.ok:
        return Check("invalid", result.reason)
    return _status_and_dates(result.credential, now=now)


def check_submitted(text: str) -> Check:
    """A pasted or uploaded credential: JSON-LD with an embedded proof, or a VC-JWT."""
    text = text.strip()
    if not text:
        return Check("invalid", _("Paste a credential or choose a file."))
    if text.startswith("{"):
        try:
            return check_document(json.loads(text))
        except json.JSONDecodeError:
            return Check("invalid", _("This is not valid JSON."))
    return check_jwt(text)


def _status_and_dates(document: dict, *, now=None) -> Check:
    now = now or timezone.now()
    status = document.get("credentialStatus") or {}
    if status.get("statusListCredential") != services.status_list_url():
        return Check("invalid", _("This credential was not issued by the Academy."), document)
    # The bit the status list publishes for this index, read at its source in one query.
    revoked = (
        Credential.objects.filter(
            status_index=int(status.get("statusListIndex", -1)), revoked_at__isnull=False
        )
        .only("revoked_at", "revocation_reason")
        .first()
    )
    if revoked:
        return Check("revoked", _("The Academy has revoked this credential."), document,
                     revoked_at=revoked.revoked_at,
                     revocation_reason=revoked.revocation_reason)  # fmt: skip
    valid_until = document.get("validUntil")
    if valid_until and datetime.fromisoformat(valid_until.replace("Z", "+00:00")) < now:
        return Check("expired", _("This credential has expired."), document)
    return Check("valid", _("Genuine and unaltered, signed by the Academy."), document)
