"""Embedded Data Integrity proofs for Open Badges 3.0 credentials (cryptosuite eddsa-rdfc-2022).

Follows W3C "Data Integrity EdDSA Cryptosuites v1.0", section 3.3: the credential and the
proof options are each canonicalized with RDFC-1.0 (URDNA2015) and hashed with SHA-256, and
Ed25519 signs proof-options hash + credential hash. The signature is stored as a base58btc
multibase `proofValue`; the public key is published as a Multikey (`public_key_multibase`).

JSON-LD is processed offline. `document_loader` serves only the contexts vendored in
`credentials/contexts/`. PyLD 3.3 has no "safe mode" (jsonld.js's option that turns
silently dropped data into errors), so `canonicalize` adds one: a property the @context does
not define, or a type or id that is not an absolute IRI, raises `InvalidCredentialError`
instead of being left out of the signed data without a word.

Canonicalization is bounded, because a verifier canonicalizes what strangers send it: RDFC-1.0
is exponential in the worst case (blank nodes that look alike are told apart by trying every
permutation), so a 2 KB document can keep a worker busy for minutes. `canonicalize` refuses
explicit blank-node ids (which is how such graphs are written; our credentials never use
them), caps the quads and blank nodes, and runs URDNA2015 on a step and time budget.
"""

import copy
import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from cachetools import LRUCache  # pyld's own dependency
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pyld import canon, jsonld
from pyld.context_resolver import ContextResolver
from pyld.identifier_issuer import IdentifierIssuer

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"

SIGNATURE_MISMATCH = (
    "signature does not match: the credential was changed or signed with another key"
)

_CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
_CONTEXT_FILES = {
    VC_V2_CONTEXT: "credentials-v2.jsonld",
    OB_V3_CONTEXT: "ob-v3p0-context-3.0.3.json",
}
# Our own cache of processed contexts: pyld's default cache is shared by every loader in the
# process, so a context fetched elsewhere could be used here without passing our loader.
# One per thread, as an LRUCache is not safe to change from two threads at once.
_per_thread = threading.local()

_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+\-.]*|_):\S*$")
_BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB_MULTICODEC = b"\xed\x01"
# A 64-byte signature is 88 base58 characters at most; refuse anything much longer
# before the quadratic base58 decoding.
_MAX_MULTIBASE_LENGTH = 128

# Bounds on canonicalization. An Academy credential has about 90 quads and 10 blank nodes and
# takes fewer than 10 steps (a step: one Hash N-Degree Quads call, one related-node hash, or
# one look-up while trying a permutation); 10,000 steps take about 0.1 s of CPU time.
MAX_QUADS = 2_000
MAX_BLANK_NODES = 200
MAX_CANONICALIZATION_STEPS = 10_000
MAX_CANONICALIZATION_SECONDS = 0.5
# Hash N-Degree Quads recurses along chains of look-alike blank nodes (an @list of equal
# values is one); this keeps it far from Python's recursion limit.
MAX_RECURSION = 40


class InvalidCredentialError(ValueError):
    """The document cannot be canonicalized without losing or inventing data."""


class UnknownContextError(InvalidCredentialError):
    """A JSON-LD context that is not vendored; we never fetch one from the network."""


class CanonicalizationLimitError(InvalidCredentialError):
    """The document is too large or too intricate to canonicalize within our bounds."""


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    reason: str
    credential: dict | None = None
    exceeded_limits: bool = False  # too large or intricate to canonicalize within our bounds


# --- JSON-LD ------------------------------------------------------------------------------


def document_loader(url: str, options: dict | None = None) -> dict:
    """Serve a vendored JSON-LD context by URL (pyld's documentLoader contract)."""
    if url not in _CONTEXT_FILES:
        known = ", ".join(sorted(_CONTEXT_FILES))
        raise UnknownContextError(
            f"The JSON-LD context {url} is not available offline; only {known} are."
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_load_context(url)),
        # "static" lets pyld cache the processed context (in _resolved_contexts()).
        "tag": "static",
    }


@cache
def _load_context(url: str) -> dict:
    return json.loads((_CONTEXTS_DIR / _CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def _resolved_contexts() -> LRUCache:
    if not hasattr(_per_thread, "contexts"):
        _per_thread.contexts = LRUCache(maxsize=64)
    return _per_thread.contexts


def canonicalize(document: dict, *, seconds: float | None = MAX_CANONICALIZATION_SECONDS) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD document.

    Raises InvalidCredentialError when part of the document would not reach the N-Quads,
    CanonicalizationLimitError when the document is beyond the bounds above. `seconds=None`
    drops the time bound (the step bound stays): for the issuer's own documents, which a
    busy machine must still sign however slowly.
    """
    budget = _Budget(seconds)
    processor = _SafeProcessor(on_property_dropped=_refuse_dropped_property)
    options = {
        # PyLD resolves relative IRIs against http://example.org/base/ when the base is ""
        # (its default for a dict); None keeps them relative, so the check below sees them.
        "base": None,
        "documentLoader": document_loader,
        "contextResolver": _BudgetedContextResolver(
            _resolved_contexts(), document_loader, budget=budget
        ),
        "produceGeneralizedRdf": False,
    }
    try:
        dataset = processor.to_rdf(document, options)
        return _BoundedURDNA2015(budget).main(dataset, {"format": "application/n-quads"})
    except jsonld.JsonLdError as error:
        raise _explain(error) from error
    except RecursionError as error:
        raise CanonicalizationLimitError("The document is nested too deeply.") from error


class _SafeProcessor(jsonld.JsonLdProcessor):
    """Expands once (to_rdf expands first), and refuses what RDF conversion would drop."""

    def expand(self, input_, options):
        expanded = super().expand(input_, options)
        _refuse_relative_iris(expanded)
        return expanded


def _refuse_dropped_property(iri: str | None) -> None:
    raise InvalidCredentialError(
        f"The property {iri!r} is not defined by the document's @context, "
        "so it would be left out of the signature."
    )


def _refuse_relative_iris(expanded) -> None:
    """Find the ids and types that RDF conversion would silently drop (not absolute IRIs)."""
    if isinstance(expanded, list):
        for item in expanded:
            _refuse_relative_iris(item)
        return
    if not isinstance(expanded, dict):
        return
    for key, value in expanded.items():
        if key == "@id":
            _require_absolute_iri(value, what="id")
        elif key == "@type":
            for type_ in value if isinstance(value, list) else [value]:
                _require_absolute_iri(type_, what="type")
        elif key != "@value":  # a @value (even a @json one) is data, not IRIs
            _refuse_relative_iris(value)


def _require_absolute_iri(value, *, what: str) -> None:
    if isinstance(value, str) and value.startswith("_:"):
        raise CanonicalizationLimitError(
            f"The {what} {value!r} is a blank-node identifier; credentials are not written "
            "with those."
        )
    if isinstance(value, str) and (value.startswith("@") or _ABSOLUTE_IRI.match(value)):
        return
    raise InvalidCredentialError(
        f"The {what} {value!r} is neither defined by the document's @context nor an absolute "
        "IRI, so it would be left out of the signature."
    )


def _explain(error: jsonld.JsonLdError) -> InvalidCredentialError:
    """Turn pyld's nested errors into the one a person can act on."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, InvalidCredentialError):
            return cause
        cause = cause.__cause__
    return InvalidCredentialError(f"The document is not valid JSON-LD: {_innermost_message(error)}")


def _innermost_message(error: BaseException) -> str:
    message = str(error.args[0]) if error.args else str(error)
    while error.__cause__ is not None:
        error = error.__cause__
        message = str(error.args[0]) if error.args else message
    return message


class _Budget:
    """Steps and seconds left for one canonicalization: expansion spends a step on every
    context it processes (type-scoped contexts are processed again for every node of that
    type), URDNA2015 on its look-ups."""

    def __init__(self, seconds: float | None = MAX_CANONICALIZATION_SECONDS):
        self.steps = MAX_CANONICALIZATION_STEPS
        # CPU time of this thread, not the wall clock: the bound is on the work a document
        # asks for, not on how long a busy machine keeps the checker waiting for a core.
        self.deadline = time.thread_time() + seconds if seconds is not None else float("inf")

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0 or time.thread_time() > self.deadline:
            raise CanonicalizationLimitError(
                "The document is too intricate to check within the verifier's bounds."
            )


class _BudgetedContextResolver(ContextResolver):
    def __init__(self, shared_cache, document_loader, *, budget: _Budget):
        super().__init__(shared_cache, document_loader)
        self.budget = budget

    def resolve(self, active_ctx, context, base, cycles=None):
        self.budget.spend()
        return super().resolve(active_ctx, context, base, cycles)


class _CountingIssuer(IdentifierIssuer):
    """The canonical issuer, asked once per blank node tried in every permutation."""

    def __init__(self, prefix: str, budget: _Budget):
        super().__init__(prefix)
        self.budget = budget

    def has_id(self, old):
        self.budget.spend()
        return super().has_id(old)


class _BoundedURDNA2015(canon.URDNA2015):
    """PyLD's URDNA2015 with its inputs capped and its work counted against a budget."""

    def __init__(self, budget: _Budget):
        super().__init__()
        self.budget = budget
        self.canonical_issuer = _CountingIssuer("_:c14n", self.budget)
        self.depth = 0

    def main(self, dataset, options):
        quads = [quad for triples in dataset.values() for quad in triples]
        blank_nodes = {
            component["value"]
            for quad in quads
            for key, component in quad.items()
            if key != "predicate" and component["type"] == "blank node"
        } | {name for name in dataset if name.startswith("_:")}
        if len(quads) > MAX_QUADS or len(blank_nodes) > MAX_BLANK_NODES:
            raise CanonicalizationLimitError(
                f"The document has {len(quads)} statements and {len(blank_nodes)} unnamed "
                f"nodes; at most {MAX_QUADS} and {MAX_BLANK_NODES} are checked."
            )
        return super().main(dataset, options)

    def hash_n_degree_quads(self, id_, issuer):
        self.budget.spend()
        if self.depth >= MAX_RECURSION:
            raise CanonicalizationLimitError(
                "The document is too intricate to check (a long chain of look-alike nodes)."
            )
        self.depth += 1
        try:
            return super().hash_n_degree_quads(id_, issuer)
        finally:
            self.depth -= 1

    def hash_related_blank_node(self, related, quad, issuer, position):
        self.budget.spend()
        return super().hash_related_blank_node(related, quad, issuer, position)


# --- Signing and verifying ----------------------------------------------------------------


def sign(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime | None = None,
) -> dict:
    """Return a copy of `document` with an embedded eddsa-rdfc-2022 `proof`."""
    if "proof" in document:
        raise InvalidCredentialError("The document already has a proof.")
    if "@context" not in document:
        raise InvalidCredentialError("The document has no @context.")
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": _xsd_datetime(created or datetime.now(UTC)),
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    signature = private_key.sign(_hash_data(document, proof, seconds=None))
    return {
        **copy.deepcopy(document),
        "proof": {**proof, "proofValue": multibase_encode(signature)},
    }


def verify(
    document: dict,
    *,
    public_key_resolver: Callable[[str], Ed25519PublicKey | None],
) -> VerificationResult:
    """Check the embedded proof. `public_key_resolver` returns None for a key it doesn't know."""
    proof = document.get("proof")
    if not proof:
        return VerificationResult(False, "no proof")
    if "@context" not in document:
        return VerificationResult(False, "the credential has no @context")
    if isinstance(proof, list):
        if len(proof) != 1:
            return VerificationResult(
                False, "more than one proof; only a single proof is supported"
            )
        proof = proof[0]
    problem = _proof_problem(proof)
    if problem:
        return VerificationResult(False, problem)

    public_key = public_key_resolver(proof["verificationMethod"])
    if public_key is None:
        return VerificationResult(False, "unknown verification method")
    if not isinstance(public_key, Ed25519PublicKey):
        return VerificationResult(False, "the verification method is not an Ed25519 key")
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
    except ValueError:
        signature = b""
    if len(signature) != 64:  # an Ed25519 signature
        return VerificationResult(False, "malformed proofValue")

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    proof_options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in proof_options:
        # Spec 3.3.2: a proof that carries its own @context signed the document with that one.
        proof_context = proof_options.pop("@context")
        if not _starts_with(document.get("@context"), proof_context):
            return VerificationResult(False, "the proof's @context does not match the document's")
        unsecured["@context"] = proof_context
    try:
        public_key.verify(signature, _hash_data(unsecured, proof_options))
    except CanonicalizationLimitError as error:
        return VerificationResult(
            False, f"the credential cannot be checked: {error}", exceeded_limits=True
        )
    except InvalidCredentialError as error:
        return VerificationResult(False, f"the credential cannot be checked: {error}")
    except InvalidSignature:
        return VerificationResult(False, SIGNATURE_MISMATCH)
    return VerificationResult(True, "the signature is valid", credential=document)


def _proof_problem(proof) -> str | None:
    if not isinstance(proof, dict):
        return "malformed proof"
    if proof.get("type") != PROOF_TYPE:
        return f"unsupported proof type {proof.get('type')!r}"
    if proof.get("cryptosuite") != CRYPTOSUITE:
        return f"unsupported cryptosuite {proof.get('cryptosuite')!r}"
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        return f"unexpected proof purpose {proof.get('proofPurpose')!r}"
    if not isinstance(proof.get("verificationMethod"), str):
        return "the proof names no verification method"
    return None


def _hash_data(
    unsecured: dict, proof_options: dict, *, seconds: float | None = MAX_CANONICALIZATION_SECONDS
) -> bytes:
    # The proof configuration carries the document's @context (spec 3.3.5) and its hash
    # comes first (spec 3.3.4).
    proof_config = {**proof_options, "@context": unsecured["@context"]}
    return _sha256(canonicalize(proof_config, seconds=seconds)) + _sha256(
        canonicalize(unsecured, seconds=seconds)
    )


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _starts_with(context, prefix) -> bool:
    as_list = context if isinstance(context, list) else [context]
    prefix_list = prefix if isinstance(prefix, list) else [prefix]
    return as_list[: len(prefix_list)] == prefix_list


def _xsd_datetime(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("created must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Multibase and Multikey ---------------------------------------------------------------


def multibase_encode(data: bytes) -> str:
    """Multibase base58btc: 'z' followed by base58 (Bitcoin alphabet)."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_BASE58_ALPHABET[remainder])
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "z" + "1" * leading_zeros + "".join(reversed(digits))


def multibase_decode(value: str) -> bytes:
    """Inverse of multibase_encode; raises ValueError for anything else."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ValueError("not a base58btc multibase value (it must start with 'z')")
    text = value[1:]
    if len(text) > _MAX_MULTIBASE_LENGTH:
        raise ValueError("multibase value too long")
    number = 0
    for char in text:
        digit = _BASE58_ALPHABET.find(char)
        if digit < 0:
            raise ValueError(f"{char!r} is not a base58 character")
        number = number * 58 + digit
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """The Multikey `publicKeyMultibase` of an Ed25519 key ('z6Mk...')."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return multibase_encode(_ED25519_PUB_MULTICODEC + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    data = multibase_decode(value)
    if len(data) != 34 or not data.startswith(_ED25519_PUB_MULTICODEC):
        raise ValueError("not an Ed25519 Multikey (expected 0xed01 followed by 32 bytes)")
    return Ed25519PublicKey.from_public_bytes(data[2:])
