"""Recording results and issuing, stacking and revoking signed credentials.

Issuing happens in one transaction: the signed JSON-LD, the VC-JWT, the PDF and the row
appear together or not at all, so a worker killed mid-task leaves nothing behind, and the
result's row lock plus its one-to-one credential make a repeated task return what exists.
"""

import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from academy import spreadsheets
from academy.audit import log_action
from academy.emails import SWEEP_AFTER, SWEEP_BATCH
from academy.errors import DomainError
from academy.models import User
from catalogue.models import ModuleRun
from catalogue.queries import (
    require_curator_of_faculty,
    require_teaches_or_curates,
    teaches_or_curates,  # noqa: F401  (pages ask services.teaches_or_curates)
)
from credentials import documents, keys, proofs, status_list, tasks, vc_jwt
from credentials.models import (
    Achievement,
    Credential,
    Pathway,
    Result,
    SigningKey,
    StatusCounter,
)
from enrolment.models import Enrolment

STATUS_LIST = "1"
STATUS_LIST_SIZE = 131_072
MAX_RESULT_ROWS = 5_000
PASSED_WORDS = {"yes", "ja", "y", "j", "1", "true", "passed", "geslaagd", "pass", "voldaan"}
FAILED_WORDS = {"no", "nee", "n", "0", "false", "failed", "niet geslaagd", "fail", "niet voldaan"}
RESULT_COLUMNS = {
    "email": {"email", "e-mail", "emailadres", "e-mailadres", "email address"},
    "passed": {"passed", "geslaagd", "result", "resultaat", "voldaan"},
    "grade": {"grade", "cijfer", "score"},
}


class CredentialError(DomainError):
    """A rule about results or credentials was broken; the message says which."""


# --- Keys ---------------------------------------------------------------------------------


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


# --- Results ------------------------------------------------------------------------------


def record_result(
    *, enrolment: Enrolment, passed: bool, by, grade: str = "", assessed_on: date | None = None,
    assessor=None,
) -> Result:  # fmt: skip
    require_teaches_or_curates(
        by, enrolment.run, _("Only the run's lecturers and curators record results.")
    )
    if enrolment.status not in Enrolment.SEAT_HOLDING:
        raise CredentialError(_("This enrolment was cancelled."))
    if problem := grade_problem(grade):  # whichever screen it came from: it will be signed
        raise CredentialError(problem)
    grade = normalised_grade(grade)
    with transaction.atomic():
        existing = Result.objects.select_for_update().filter(enrolment=enrolment).first()
        if existing and existing.is_locked_by_credential:
            raise CredentialError(
                _("A credential was issued for this result; revoke it before changing it.")
            )
        result, created = Result.objects.update_or_create(
            enrolment=enrolment,
            defaults={"passed": passed, "grade": grade, "recorded_by": by,
                      "assessed_on": assessed_on or timezone.localdate(),
                      "assessor": assessor or by},
        )  # fmt: skip
        log_action(
            actor=by, action="result.recorded", target=result, subject=enrolment.learner_id,
            organisation=enrolment.organisation_id,
            details={"run": enrolment.run.code, "module": enrolment.run.module.title,
                     "passed": passed, "grade": grade, "changed": not created},
        )  # fmt: skip
        if passed:
            _issue_when_committed(result)
    return result


def _issue_when_committed(result: Result) -> None:
    tasks.issue_credential.delay_on_commit(result.pk)


@dataclass
class ParsedResults:
    rows: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)


def parse_results(*, run: ModuleRun, content: bytes) -> ParsedResults:
    """Check a whole CSV of results (email, passed, grade) against the run's participants."""
    parsed = ParsedResults()
    table = spreadsheets.read_table(
        content, column_names=RESULT_COLUMNS, required=("email", "passed"),
        max_rows=MAX_RESULT_ROWS,
        header_hint=_("The first row must name the columns: email, passed (and optionally grade)."),
    )  # fmt: skip
    parsed.problems = table.problems
    enrolled = {e.learner.email.lower(): e for e in
                run.enrolments.holding_a_seat().select_related("learner")}  # fmt: skip
    first_rows = table.first_rows("email")
    for number, cells in table.rows:
        email = cells["email"].lower()
        problems = _result_row_problems(number, cells, email, enrolled, first_rows)
        if problems:
            parsed.problems.extend(problems)
        else:
            parsed.rows.append({"row": number, "enrolment": enrolled[email],
                                "passed": cells["passed"].strip().lower() in PASSED_WORDS,
                                "grade": normalised_grade(cells.get("grade", ""))})  # fmt: skip
    return parsed


# A Dutch grade, 1 to 10 (documents._result_description): ASCII digits, one '.' or ','.
GRADE = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?", re.ASCII)
GRADE_DECIMALS = 2  # "7.25" at most; Result.grade then holds at most "10.00"


def normalised_grade(value: str) -> str:
    """A valid grade as it is stored and signed: '.' for decimals, no leading zeros.

    Raises ValueError for what `grade_problem` refuses; an empty value stays empty.
    """
    text = value.strip()
    if not text:
        return ""
    match = GRADE.fullmatch(text)
    if match is None or len(match[2] or "") > GRADE_DECIMALS:
        raise ValueError(value)
    whole, decimals = match[1].lstrip("0") or "0", match[2]
    return f"{whole}.{decimals}" if decimals else whole


def grade_problem(value: str) -> str | None:
    try:
        grade = normalised_grade(value)
    except ValueError:
        return _(
            "“%(value)s” is not a grade; write a number from 1 to 10 with at most two "
            "decimals, such as 8, 7.5 or 6,75."
        ) % {"value": spreadsheets.shortened(value.strip(), 20)}
    if grade and not 1 <= Decimal(grade) <= 10:
        return _("A grade is a number from 1 to 10, such as 8, 7.5 or 6,75.")
    return None


def _result_row_problems(number, cells, email, enrolled, first_rows) -> list[dict]:
    messages = {}
    if repeat := spreadsheets.repeated(email, number, first_rows):
        messages["email"] = repeat
    elif email not in enrolled:
        messages["email"] = _("%(value)s is not a participant of this run.") % {
            "value": cells["email"]}  # fmt: skip
    if cells["passed"].strip().lower() not in PASSED_WORDS | FAILED_WORDS:
        messages["passed"] = _("Write yes or no (ja of nee), not “%(value)s”.") % {
            "value": cells["passed"]}  # fmt: skip
    if message := grade_problem(cells.get("grade", "")):
        messages["grade"] = message
    return [spreadsheets.problem(number, column, text) for column, text in messages.items()]


@transaction.atomic
def record_results(*, run: ModuleRun, rows: list[dict], by) -> int:
    """All rows or none: one refused row (say, an issued credential) undoes the others."""
    for row in rows:
        record_result(enrolment=row["enrolment"], passed=row["passed"], grade=row["grade"], by=by)
    return len(rows)


# --- Issuing ------------------------------------------------------------------------------


def status_list_url() -> str:
    return documents.absolute(reverse("credentials:status_list", args=[STATUS_LIST]))


def sign(document: dict, *, now) -> dict:
    """The document with a Data Integrity proof by the current Ed25519 key."""
    key = current_key(SigningKey.Kind.ED25519)
    return proofs.sign(document, private_key=keys.ed25519_from_pem(key.private_pem),
                       verification_method=verification_method(key), created=now)  # fmt: skip


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


def _issue(*, achievement, achievement_document, learner, result=None, grade="", now=None):
    from credentials.certificate import render_certificate

    now = (now or timezone.now()).replace(microsecond=0)
    credential_id = uuid.uuid4()
    name = learner.get_full_name() or learner.email
    status_index = _next_status_index()
    document = documents.credential_document(
        credential_id=credential_id, achievement=achievement_document, name=name,
        identifiers=documents.recipient_identifiers(name=name, email=learner.email,
                                                    salt=secrets.token_hex(8)),
        issued_at=now, grade=grade, status_index=status_index, status_list_url=status_list_url(),
    )  # fmt: skip
    rsa = current_key(SigningKey.Kind.RSA)
    credential = Credential(
        id=credential_id, achievement=achievement, result=result, learner=learner,
        recipient_name=name, title=achievement_document["name"], issued_at=now,
        language=learner.preferred_language, status_index=status_index,
        document=sign(document, now=now),
        jwt=vc_jwt.sign_vc_jwt(document, private_key=keys.rsa_signing_key(rsa.private_pem),
                               kid=rsa.kid),
    )  # fmt: skip
    credential.pdf = render_certificate(credential)
    credential.save(force_insert=True)
    log_action(
        actor=None,
        action="credential.issued",
        target=credential,
        subject=learner,
        organisation=result.enrolment.organisation_id if result else None,
        details={"title": credential.title, "result": result.pk if result else None},
    )
    _notify(credential)
    return credential


def _notify(credential: Credential) -> None:
    tasks.notify_learner.delay_on_commit(str(credential.pk))


@transaction.atomic
def issue_credential(*, result: Result, now=None) -> Credential | None:
    """The result's credential: issued once, however often this runs."""
    result = (
        Result.objects.select_for_update(of=("self",))
        .select_related("enrolment__learner", "enrolment__run__module")
        .get(pk=result.pk)
    )
    existing = Credential.objects.filter(result=result).first()
    module = result.enrolment.run.module
    if existing or not result.passed or not module.awards_microcredential:
        return existing
    achievement, _created = Achievement.objects.get_or_create(module=module)
    return _issue(
        achievement=achievement,
        achievement_document=documents.module_achievement(achievement, module),
        learner=result.enrolment.learner, result=result, grade=result.grade, now=now,
    )  # fmt: skip


def award_pathways(*, learner, now=None) -> list[Credential]:
    """Pathway credentials the learner now holds every module credential for, once each."""
    held = set(
        Credential.objects.valid().filter(learner=learner, result__isnull=False)
        .values_list("achievement__module_id", flat=True)
    )  # fmt: skip
    awarded = []
    for pathway in (
        Pathway.objects.filter(modules__in=held).distinct().prefetch_related("modules__achievement")
    ):
        modules = list(pathway.modules.all())
        if modules and {m.pk for m in modules} <= held:
            credential = _award_pathway(pathway=pathway, modules=modules, learner=learner, now=now)
            if credential:
                awarded.append(credential)
    return awarded


def _award_pathway(*, pathway, modules, learner, now):
    try:
        with transaction.atomic():
            User.objects.select_for_update().get(pk=learner.pk)  # one award at a time per person
            achievement, _created = Achievement.objects.get_or_create(pathway=pathway)
            if Credential.objects.filter(achievement=achievement, learner=learner).exists():
                return None
            return _issue(
                achievement=achievement, learner=learner, now=now,
                achievement_document=documents.pathway_achievement(achievement, pathway, modules),
            )  # fmt: skip
    except IntegrityError:
        return None  # awarded by a concurrent task


def issue_run_credentials(*, run: ModuleRun, by) -> int:
    """Queue a credential for every passed result of the run that has none; returns how many."""
    return queue_credentials(results=Result.objects.filter(enrolment__run=run), by=by)


def queue_credentials(*, results, by) -> int:
    """Queue a credential for each passed result among these that has none, once the caller's
    transaction commits; `by` must teach or curate every run they belong to."""
    pending = list(
        results.filter(passed=True, credential__isnull=True).select_related("enrolment__run")
    )
    for run in {result.enrolment.run_id: result.enrolment.run for result in pending}.values():
        require_teaches_or_curates(
            by, run, _("Only the run's lecturers and curators issue credentials.")
        )
    for result in pending:
        tasks.issue_credential.delay_on_commit(result.pk)
    return len(pending)


def queue_missing_credentials(*, now=None) -> int:
    """The net under issuing: passed results still without their credential a while after
    they were recorded (the task went down with a worker, or never reached the broker) are
    queued again. Issuing is idempotent, so a task that was only late does no harm."""
    now = now or timezone.now()
    missing = Result.objects.filter(
        passed=True, credential__isnull=True, recorded_at__lte=now - SWEEP_AFTER,
        enrolment__run__module__awards_microcredential=True,
    ).order_by("recorded_at", "pk").values_list("pk", flat=True)  # fmt: skip
    ids = list(missing[:SWEEP_BATCH])
    for pk in ids:
        tasks.issue_credential.delay_on_commit(pk)
    return len(ids)


def issuing_progress(run: ModuleRun) -> dict:
    passed = Result.objects.filter(enrolment__run=run, passed=True)
    return {"passed": passed.count(), "issued": passed.filter(credential__isnull=False).count()}


# --- Revoking -----------------------------------------------------------------------------


@transaction.atomic
def revoke_credential(*, credential: Credential, reason: str, by, now=None) -> Credential:
    """Revoke, with the reason the verify page shows; by whoever may record the result it
    certifies (its run's lecturers and curators), or a pathway's faculty curators."""
    _require_may_revoke(by, credential)
    if not reason.strip():
        raise CredentialError(_("Say why the credential is revoked; the verify page shows it."))
    credential = Credential.objects.select_for_update(of=("self",)).get(pk=credential.pk)
    if credential.revoked_at:
        raise CredentialError(_("This credential is already revoked."))
    credential.revoked_at = now or timezone.now()
    credential.revocation_reason = reason.strip()
    credential.revoked_by = by
    credential.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    log_action(
        actor=by,
        action="credential.revoked",
        target=credential,
        subject=credential.learner_id,
        details={"title": credential.title, "reason": credential.revocation_reason},
    )
    return credential


def _require_may_revoke(by, credential: Credential) -> None:
    message = _("Only the lecturers and curators of what it certifies revoke a credential.")
    if credential.result_id is not None:
        run = ModuleRun.objects.get(enrolments__result__pk=credential.result_id)
        require_teaches_or_curates(by, run, message)
    else:
        faculty_id = (
            Pathway.objects.filter(achievement__pk=credential.achievement_id)
            .values_list("faculty_id", flat=True)
            .first()
        )
        require_curator_of_faculty(by, faculty_id, message)


def revoked_indexes() -> list[int]:
    return list(
        Credential.objects.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    )
