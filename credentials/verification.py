"""Checking a credential the way an outside verifier would: the proof against the published
key, then the status list, then the validity dates. The database is not trusted for the
signature; it only supplies the date and reason of a revocation.

Anyone may submit a document to check, so the work is bounded before it starts: a submission
is at most MAX_SUBMITTED_CHARS long, its JSON nesting is measured without parsing (and
without recursion) before it is parsed, and the parsed values are counted. Then the cheap
questions come first: is this one of *our* credentials (an id the Academy issued, our issuer,
our status list at that credential's index, a key id that can be ours)? Only then is the
document canonicalized, and canonicalization has bounds of its own (credentials.proofs).
"""

import base64
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from credentials import documents, proofs, services, vc_jwt
from credentials.models import Credential

# An Academy credential is about 6 KB as JSON and 7 KB as a VC-JWT; 28 levels deep at most,
# with a few hundred values. These limits leave room for a long pathway credential.
MAX_SUBMITTED_CHARS = 64 * 1024
MAX_DEPTH = 32
MAX_VALUES = 2_000  # every object, key, list and scalar
MAX_LIST_ITEMS = 200
# What services.new_signing_key writes ("ed25519-20250101-1a2b3c4d"), as SigningKey.kid.
KEY_ID = re.compile(r"[A-Za-z0-9._~-]{1,64}", re.ASCII)
URN_UUID = re.compile(r"urn:uuid:([0-9a-fA-F-]{36})", re.ASCII)
_JSON_STRUCTURE = re.compile(r'[\[\]{}"\\]')


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
    credential, problem = _our_credential(document)
    if problem:
        return Check("invalid", problem)
    proof = proofs.verify(document, public_key_resolver=services.public_ed25519_key)
    if not proof.ok:
        return Check("invalid", _proof_reason(proof), document)
    return _status_and_dates(document, credential=credential, now=now)


def check_jwt(token: str, *, now=None) -> Check:
    token = token.strip()
    if problem := _jwt_shape_problem(token):
        return Check("invalid", problem)
    result = vc_jwt.verify_vc_jwt(token, jwks=services.jwks())
    if not result.ok:
        return Check("invalid", result.reason)
    return _status_and_dates(result.credential, now=now)


def check_submitted(text: str) -> Check:
    """A pasted or uploaded credential: JSON-LD with an embedded proof, or a VC-JWT."""
    text = text.strip()
    if not text:
        return Check("invalid", _("Paste a credential or choose a file."))
    if len(text) > MAX_SUBMITTED_CHARS:
        return Check("invalid", _too_large())
    if not text.startswith("{"):
        return check_jwt(text)
    document, problem = parse_bounded_json(text)
    if problem:
        return Check("invalid", problem)
    return check_document(document)


def parse_bounded_json(text: str) -> tuple[object, str]:
    """The JSON value in `text`, or a reason why it is not parsed: too large, too deep,
    too many values, or not JSON."""
    if len(text) > MAX_SUBMITTED_CHARS:
        return None, _too_large()
    if _nesting_depth(text) > MAX_DEPTH:
        return None, _too_deep()
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:  # not reached after the depth scan; never a 500 all the same
        return None, _too_deep()
    except ValueError:  # JSONDecodeError, NaN, an integer of more than 4,300 digits
        return None, _("This is not valid JSON.")
    if problem := _size_problem(value):
        return None, problem
    return value, ""


def _nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in `text`, read without parsing it: brackets
    inside strings do not count. Linear in the length; a loop, never recursion."""
    depth = deepest = 0
    in_string = False
    escaped = -1  # the position of the character a backslash escapes
    for match in _JSON_STRUCTURE.finditer(text):
        char, position = match.group(), match.start()
        if in_string:
            if position == escaped:
                continue
            if char == "\\":
                escaped = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _size_problem(value) -> str:
    count, pending = 0, [value]
    while pending:
        item = pending.pop()
        count += 1
        if isinstance(item, dict):
            count += len(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            if len(item) > MAX_LIST_ITEMS:
                return _(
                    "This document has a list of %(count)d items; the Academy's credentials "
                    "have no list longer than %(max)d."
                ) % {"count": len(item), "max": MAX_LIST_ITEMS}
            pending.extend(item)
        if count > MAX_VALUES:
            return _(
                "This document has more than %(max)d values; the Academy's credentials have "
                "far fewer."
            ) % {"max": MAX_VALUES}
    return ""


def _too_large() -> str:
    return _("This is larger than %(size)d KB; the Academy's credentials are much smaller.") % {
        "size": MAX_SUBMITTED_CHARS // 1024
    }


def _too_deep() -> str:
    return _(
        "This document is nested more than %(max)d levels deep; the Academy's credentials are not."
    ) % {"max": MAX_DEPTH}


def _jwt_shape_problem(token: str) -> str:
    """A VC-JWT is three base64url parts; the first two (header and claims) are JSON that
    the JWT library parses, so they are held to the same bounds before it does."""
    parts = token.split(".")
    if len(parts) != 3:
        return _("This is neither a credential in JSON nor a JWT.")
    for part in parts[:2]:
        try:
            decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8")
        except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
            return _("This is neither a credential in JSON nor a JWT.")
        _value, problem = parse_bounded_json(decoded)
        if problem:
            return problem
    return ""


# --- Is it one of ours? -------------------------------------------------------------------


def _not_ours(detail: str) -> str:
    return _("This credential was not issued by the Academy: %(detail)s") % {"detail": detail}


def _our_credential(document: dict) -> tuple[Credential | None, str]:
    """The credential the document claims to be, when it can be one of ours; else a reason.

    Checked before any canonicalization, and only well-formed values are looked up.
    """
    document_id = document.get("id")
    match = URN_UUID.fullmatch(document_id) if isinstance(document_id, str) else None
    try:
        credential_id = uuid.UUID(match[1]) if match else None
    except ValueError:
        credential_id = None
    if credential_id is None:
        return None, _not_ours(_("its id is not one the Academy gives its credentials."))
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != documents.issuer_id():
        return None, _not_ours(_("it names another issuer."))
    credential = (
        Credential.objects.filter(pk=credential_id)
        .only("status_index", "revoked_at", "revocation_reason", "document")
        .first()
    )
    if credential is None:
        return None, _not_ours(_("the Academy has issued no credential with this id."))
    # The JSON-LD contexts are where expansion spends its time (a type-scoped context is
    # processed again for every node of its type), so only the credential's own are used.
    if document.get("@context") != credential.document.get("@context") or _embeds_context(document):
        return None, _not_ours(_("its JSON-LD context is not the one the Academy wrote."))
    url = services.status_list_url()
    status = document.get("credentialStatus")
    if not (
        isinstance(status, dict)
        and status.get("statusListCredential") == url
        and status.get("statusListIndex") == str(credential.status_index)
        and status.get("id") == f"{url}#{credential.status_index}"
    ):
        return None, _not_ours(_("its status entry is not the one the Academy published."))
    if not _names_our_key(document.get("proof")):
        return None, _not_ours(_("its proof names no signing key the Academy publishes."))
    return credential, ""


def _embeds_context(document: dict) -> bool:
    """Whether an @context appears anywhere but at the top (ours never do)."""
    pending = [value for key, value in document.items() if key != "@context"]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if "@context" in item:
                return True
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _names_our_key(proof) -> bool:
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict) or not isinstance(proof.get("verificationMethod"), str):
        return False
    prefix = documents.issuer_id() + "#"
    method = proof["verificationMethod"]
    return method.startswith(prefix) and KEY_ID.fullmatch(method[len(prefix) :]) is not None


def _proof_reason(proof: proofs.VerificationResult) -> str:
    if proof.exceeded_limits:
        return _(
            "This document is too large or too intricate to be one of the Academy's "
            "credentials, so it was not checked."
        )
    if proof.reason == proofs.SIGNATURE_MISMATCH:
        return _(
            "The signature does not match: the credential was changed or signed with another key."
        )
    if proof.reason == "unknown verification method":
        return _("The credential names a signing key the Academy does not publish.")
    return _("The credential's proof cannot be checked: %(reason)s.") % {"reason": proof.reason}


# --- Status and dates ---------------------------------------------------------------------


def _status_and_dates(document: dict, *, credential: Credential | None = None, now=None) -> Check:
    now = now or timezone.now()
    status = document.get("credentialStatus") or {}
    if status.get("statusListCredential") != services.status_list_url():
        return Check("invalid", _("This credential was not issued by the Academy."), document)
    index = str(status.get("statusListIndex", ""))
    if credential is None and index.isascii() and index.isdigit() and len(index) <= 9:
        # The bit the status list publishes for this index, read at its source in one query.
        credential = (
            Credential.objects.filter(status_index=int(index))
            .only("revoked_at", "revocation_reason")
            .first()
        )
    if credential is not None and credential.revoked_at is not None:
        return Check("revoked", _("The Academy has revoked this credential."), document,
                     revoked_at=credential.revoked_at,
                     revocation_reason=credential.revocation_reason)  # fmt: skip
    valid_until = document.get("validUntil")
    if valid_until and datetime.fromisoformat(valid_until.replace("Z", "+00:00")) < now:
        return Check("expired", _("This credential has expired."), document)
    return Check("valid", _("Genuine and unaltered, signed by the Academy."), document)
