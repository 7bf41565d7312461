"""Issuing, stacking and revoking signed credentials.

Issuing happens in one transaction: the signed JSON-LD, the VC-JWT, the PDF and the row
appear together or not at all, so a worker killed mid-task leaves nothing behind, and the
result's row lock plus its one-to-one credential make a repeated task return what exists.
What one issuer locks is its own: the result (or the learner, for a pathway) and its place
in the status list (`signing.reserve_status_index`); no lock that every issuer needs is held
while it signs and draws, so issuers work side by side.
"""

import secrets
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.audit import log_action
from academy.emails import SWEEP_AFTER, SWEEP_BATCH
from academy.models import User
from academy.queries import require_permission
from catalogue.models import Module, ModuleRun
from catalogue.queries import require_curator_of_faculty, require_teaches_or_curates
from credentials import documents, keys, tasks, vc_jwt
from credentials.models import Achievement, Credential, Pathway, Result, SigningKey
from credentials.services.errors import CredentialError
from credentials.services.signing import (
    current_keys,
    open_status_list,
    record_status_index,
    reserve_status_index,
    sign,
    status_list_url,
)

# What makes someone the academy office (see catalogue.queries.curates_everything).
OFFICE_PERMISSION = "catalogue.curate_all_faculties"


def _issue(*, achievement, achievement_document, learner, result=None, grade="", now=None,
           subject=None, certificate=None, signing_keys=None):  # fmt: skip
    """`subject`: more facts about the recipient, signed with the rest; `certificate`:
    renders the public PDF (the microcredential certificate by default); `signing_keys`: the
    current keys (`signing.current_keys`), read once more if not given."""
    from credentials.certificate import render_certificate

    now = (now or timezone.now()).replace(microsecond=0)
    credential_id = uuid.uuid4()
    name = learner.get_full_name() or learner.email
    status_index = reserve_status_index()
    document = documents.credential_document(
        credential_id=credential_id, achievement=achievement_document, name=name,
        identifiers=documents.recipient_identifiers(name=name, email=learner.email,
                                                    salt=secrets.token_hex(8)),
        issued_at=now, grade=grade, status_index=status_index, status_list_url=status_list_url(),
    )  # fmt: skip
    document["credentialSubject"].update(subject or {})
    signing_keys = signing_keys or current_keys()
    rsa = signing_keys[SigningKey.Kind.RSA]
    credential = Credential(
        id=credential_id, achievement=achievement, result=result, learner=learner,
        recipient_name=name, title=achievement_document["name"], issued_at=now,
        language=learner.preferred_language, status_index=status_index,
        document=sign(document, now=now, key=signing_keys[SigningKey.Kind.ED25519]),
        jwt=vc_jwt.sign_vc_jwt(document, private_key=keys.rsa_signing_key(rsa.private_pem),
                               kid=rsa.kid),
    )  # fmt: skip
    credential.pdf = (certificate or render_certificate)(credential)
    credential.save(force_insert=True)
    log_action(
        actor=None,
        action="credential.issued",
        target=credential,
        subject=learner,
        organisation=result.enrolment.organisation_id if result else None,
        details={"title": credential.title, "result": result.pk if result else None},
    )
    record_status_index(status_index)  # the last write: the counter is locked until commit
    _notify(credential)
    return credential


def _notify(credential: Credential) -> None:
    tasks.notify_learner.delay_on_commit(str(credential.pk))


def issue_credential(*, result: Result, now=None) -> Credential | None:
    """The result's credential: issued once, however often this runs.

    What every credential of the module shares, its achievement, the current keys and the
    status list, is made (if it is missing) before the result is locked, in a commit of its
    own: otherwise the first credentials would each wait for the first one's transaction."""
    open_status_list()
    achievement = Achievement.objects.filter(module__runs__enrolments__result=result.pk).first()
    if achievement is None:
        module = Module.objects.filter(runs__enrolments__result=result.pk).get()
        if module.awards_microcredential:
            achievement, _created = Achievement.objects.get_or_create(module=module)
    return _issue_once(result=result, achievement=achievement, signing_keys=current_keys(),
                       now=now)  # fmt: skip


@transaction.atomic
def _issue_once(*, result, achievement, signing_keys, now):
    result = (
        Result.objects.select_for_update(of=("self",))
        .select_related("enrolment__learner", "enrolment__run__module")
        .get(pk=result.pk)
    )
    existing = Credential.objects.filter(result=result).first()
    module = result.enrolment.run.module
    if existing or not result.passed or not module.awards_microcredential:
        return existing
    if achievement is None:  # the module began to award a microcredential just now
        achievement, _created = Achievement.objects.get_or_create(module=module)
    return _issue(
        achievement=achievement,
        achievement_document=documents.module_achievement(achievement, module),
        learner=result.enrolment.learner, result=result, grade=result.grade, now=now,
        signing_keys=signing_keys,
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
    # Made in a commit of its own, as a module's achievement is (see issue_credential).
    achievement, _created = Achievement.objects.get_or_create(pathway=pathway)
    signing_keys = current_keys()
    open_status_list()
    try:
        with transaction.atomic():
            User.objects.select_for_update().get(pk=learner.pk)  # one award at a time per person
            if Credential.objects.filter(achievement=achievement, learner=learner).exists():
                return None
            return _issue(
                achievement=achievement, learner=learner, now=now, signing_keys=signing_keys,
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
    elif Achievement.objects.filter(pk=credential.achievement_id,
                                    teaching_year__isnull=False).exists():  # fmt: skip
        # A lecturer's recognition: the office issues it, and only the office revokes it.
        require_permission(by, OFFICE_PERMISSION, _(
            "Only the academy office revokes a lecturer's teaching recognition."))  # fmt: skip
    else:
        faculty_id = (
            Pathway.objects.filter(achievement__pk=credential.achievement_id)
            .values_list("faculty_id", flat=True)
            .first()
        )
        require_curator_of_faculty(by, faculty_id, message)
