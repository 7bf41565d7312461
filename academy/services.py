"""Business rules about people: organisations, memberships, invitations and staff imports."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy import spreadsheets, tasks
from academy.audit import log_action
from academy.errors import DomainError
from academy.models import (
    INVITATION_VALIDITY,
    Invitation,
    Membership,
    Organisation,
    StaffImport,
    User,
)
from academy.queries import require_admin_of

MAX_IMPORT_ROWS = 20_000
COLUMN_NAMES = {
    "email": {"email", "e-mail", "emailadres", "e-mailadres", "email address"},
    "given_name": {"given name", "given_name", "first name", "firstname", "voornaam"},
    "family_name": {"family name", "family_name", "last name", "lastname", "achternaam"},
    "job_title": {"job title", "job_title", "function", "functie"},
}
REQUIRED_COLUMNS = ("email", "given_name", "family_name")
COLUMN_LABELS = {  # how a problem names its column to the person who made the file
    "email": gettext_lazy("email"), "given_name": gettext_lazy("given name"),
    "family_name": gettext_lazy("family name"), "job_title": gettext_lazy("job title"),
}  # fmt: skip


class MembershipError(DomainError):
    """A rule about organisations and their members was broken; the message says which."""


# The trail's codes for what an organisation's admins change (registered in academy.apps).
AUDIT_ACTIONS = {
    "organisation.updated": gettext_lazy("Organisation details changed"),
    "membership.role_changed": gettext_lazy("Member's role changed"),
    "account.university_staff_recognised": gettext_lazy(
        "Recognised as university staff by the institutional login"
    ),
}
ORGANISATION_SETTINGS = (
    "name", "chamber_of_commerce_number", "billing_email", "billing_address",
    "billing_postal_code", "billing_city", "billing_country", "purchase_order_reference",
)  # fmt: skip


# --- Organisations and members ------------------------------------------------------------


@transaction.atomic
def register_organisation(*, user: User, **fields) -> Organisation:
    """Register an employer; the person who registers it becomes its first admin."""
    organisation = Organisation.objects.create(**fields)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, by: User, **fields) -> Organisation:
    """An admin corrects the organisation's name, KvK number or billing details; the trail
    keeps which fields changed, from what to what. Invoices already issued keep theirs."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    require_admin_of(by, organisation, _("Only an admin of the employer changes its details."))
    unknown = set(fields) - set(ORGANISATION_SETTINGS)
    if unknown:
        raise ValueError(f"Not an organisation setting: {', '.join(sorted(unknown))}")
    changed = {
        name: {"from": getattr(organisation, name), "to": value}
        for name, value in fields.items()
        if getattr(organisation, name) != value
    }
    if not changed:
        return organisation
    for name, change in changed.items():
        setattr(organisation, name, change["to"])
    organisation.full_clean()
    organisation.save(update_fields=list(changed))
    log_action(actor=by, action="organisation.updated", target=organisation,
               organisation=organisation, details=changed)  # fmt: skip
    return organisation


@transaction.atomic
def change_role(*, membership: Membership, role: str, by: User) -> Membership:
    """Make a member an admin, or an admin a member of staff again (never the last admin)."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    require_admin_of(
        by, organisation, _("Only an admin of the employer changes who its admins are.")
    )
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    if role not in Membership.Role.values:
        raise MembershipError(_("There is no such role."))
    if membership.role == role:
        return membership
    if membership.is_admin and organisation.memberships.filter(role="admin").count() == 1:
        raise MembershipError(
            _("%(name)s is the only admin of %(organisation)s; make someone else admin first.")
            % {"name": membership.user, "organisation": organisation}
        )
    log_action(actor=by, action="membership.role_changed", target=membership,
               organisation=organisation, subject=membership.user,
               details={"from": membership.role, "to": role})  # fmt: skip
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def set_progress_sharing(*, membership: Membership, shares: bool) -> Membership:
    membership.shares_progress = shares
    membership.save(update_fields=["shares_progress"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: User) -> None:
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    require_admin_of(by, organisation, _("Only an admin of the employer removes its members."))
    if membership.is_admin and organisation.memberships.filter(role="admin").count() == 1:
        raise MembershipError(
            _("%(name)s is the only admin of %(organisation)s; make someone else admin first.")
            % {"name": membership.user, "organisation": organisation}
        )
    log_action(actor=by, action="membership.removed", target=membership,
               organisation=organisation, subject=membership.user,
               details={"role": membership.role})  # fmt: skip
    membership.delete()


# --- Invitations --------------------------------------------------------------------------


def _normalised_email(email: str) -> str:
    return email.strip().lower()


def invitation_problem(*, organisation: Organisation, email: str) -> str | None:
    """Why this address cannot be invited now, or None."""
    if organisation.memberships.filter(user__email__iexact=email).exists():
        return _("%(email)s is already a member.") % {"email": email}
    if organisation.invitations.open().filter(email__iexact=email).exists():
        return _("%(email)s has already been invited.") % {"email": email}
    return None


@transaction.atomic
def invite(
    *,
    organisation: Organisation,
    emails: list[str],
    invited_by: User,
    role: str = Membership.Role.STAFF,
) -> list[Invitation]:
    """Invite one or many addresses, all or nothing; the emails go out after commit."""
    require_admin_of(invited_by, organisation, _("Only an admin of the employer invites staff."))
    emails = list(dict.fromkeys(_normalised_email(e) for e in emails if e.strip()))
    problems = [p for e in emails if (p := invitation_problem(organisation=organisation, email=e))]
    if problems:
        raise MembershipError(" ".join(problems))
    invitations = Invitation.objects.bulk_create(
        Invitation(organisation=organisation, email=email, role=role, invited_by=invited_by)
        for email in emails
    )
    ids = [invitation.pk for invitation in invitations]
    tasks.send_invitations.delay_on_commit(invitation_ids=ids)
    return invitations


@transaction.atomic
def resend_invitation(*, invitation: Invitation) -> Invitation:
    """A fresh link and expiry date; the old link stops working."""
    if invitation.is_accepted or invitation.is_withdrawn:
        raise MembershipError(_("This invitation can no longer be sent."))
    invitation.token = Invitation._meta.get_field("token").default()
    invitation.expires_at = timezone.now() + INVITATION_VALIDITY
    invitation.sent_at = None
    invitation.save(update_fields=["token", "expires_at", "sent_at"])
    tasks.send_invitations.delay_on_commit(invitation_ids=[invitation.pk])
    return invitation


def withdraw_invitation(*, invitation: Invitation) -> Invitation:
    if invitation.is_accepted:
        raise MembershipError(_("This invitation has already been accepted."))
    invitation.withdrawn_at = invitation.withdrawn_at or timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    return invitation


def why_invitation_is_unusable(*, invitation: Invitation, user: User | None) -> str | None:
    if invitation.is_withdrawn:
        return _("This invitation has been withdrawn by %(organisation)s.") % {
            "organisation": invitation.organisation
        }
    if invitation.is_accepted:
        return _("This invitation has already been used.")
    if invitation.is_expired:
        return _(
            "This invitation expired on %(date)s. Ask %(organisation)s to send you a new one."
        ) % {
            "date": timezone.localtime(invitation.expires_at).strftime("%d-%m-%Y"),
            "organisation": invitation.organisation,
        }
    if user is not None and user.is_authenticated and user.email.lower() != invitation.email:
        return _(
            "This invitation is for %(invited)s, but you are logged in as %(current)s. "
            "Log out and log in (or sign up) as %(invited)s to accept it."
        ) % {"invited": invitation.email, "current": user.email}
    return None


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if problem := why_invitation_is_unusable(invitation=invitation, user=user):
        raise MembershipError(problem)
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    updates = {"first_name": invitation.given_name, "last_name": invitation.family_name,
               "job_title": invitation.job_title}  # fmt: skip
    changed = [name for name, value in updates.items() if value and not getattr(user, name)]
    for name in changed:
        setattr(user, name, updates[name])
    if changed:
        user.save(update_fields=changed)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def invitations_waiting_for(user: User):
    """Pending invitations addressed to any of the user's confirmed email addresses."""
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return (
        Invitation.objects.pending()
        .filter(email__in=verified)
        .exclude(organisation__memberships__user=user)
        .select_related("organisation")
    )


# --- Staff imports ------------------------------------------------------------------------


@dataclass
class ParsedStaffList:
    rows: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    row_count: int = 0


def parse_staff_list(*, organisation: Organisation, content: bytes) -> ParsedStaffList:
    """Validate a whole CSV; every problem is named by its row (as in Excel) and column."""
    parsed = ParsedStaffList()
    table = spreadsheets.read_table(
        content,
        column_names=COLUMN_NAMES,
        required=REQUIRED_COLUMNS,
        max_rows=MAX_IMPORT_ROWS,
        header_hint=_(
            "The first row must name the columns: email, given name, family name "
            "(and optionally job title)."
        ),
    )
    parsed.problems, parsed.row_count = table.problems, len(table.rows)
    if table.problems:
        return parsed

    members = {e.lower() for e in organisation.members.values_list("email", flat=True)}
    invited = {e.lower() for e in organisation.invitations.open().values_list("email", flat=True)}
    first_rows = table.first_rows("email")
    for number, cells in table.rows:
        email = cells["email"].lower()
        row_problems = []
        email_problem = _email_problem(email, cells["email"], number, first_rows, members, invited)
        if email_problem:
            row_problems.append(spreadsheets.problem(number, "email", email_problem))
        for column in ("given_name", "family_name"):
            if not cells[column]:
                row_problems.append(spreadsheets.problem(number, column, _("This cell is empty.")))
            elif len(cells[column]) > 150:
                row_problems.append(
                    spreadsheets.problem(number, column, _("At most 150 characters."))
                )
        if len(cells.get("job_title", "")) > 120:
            row_problems.append(
                spreadsheets.problem(number, "job_title", _("At most 120 characters."))
            )
        if row_problems:
            parsed.problems.extend(row_problems)
        else:
            parsed.rows.append({"row": number, "email": email, "given_name": cells["given_name"],
                                "family_name": cells["family_name"],
                                "job_title": cells.get("job_title", "")})  # fmt: skip
    return parsed


def _email_problem(email, as_written, row, first_rows, members, invited) -> str | None:
    if problem := spreadsheets.invalid_email(as_written) or spreadsheets.repeated(
        email, row, first_rows
    ):
        return problem
    if email in members:
        return _("%(email)s is already a member.") % {"email": email}
    if email in invited:
        return _("%(email)s has already been invited.") % {"email": email}
    return None


def create_staff_import(
    *, organisation: Organisation, uploaded_by: User, filename: str, content: bytes
) -> StaffImport:
    parsed = parse_staff_list(organisation=organisation, content=content)
    return StaffImport.objects.create(
        organisation=organisation,
        uploaded_by=uploaded_by,
        filename=filename[:255],
        rows=parsed.rows,
        problems=parsed.problems,
        row_count=parsed.row_count,
    )


@transaction.atomic
def confirm_staff_import(*, staff_import: StaffImport, by: User) -> int:
    """Invite every valid row in one transaction; returns how many were invited."""
    staff_import = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
    require_admin_of(
        by, staff_import.organisation_id, _("Only an admin of the employer imports staff.")
    )
    if staff_import.status == StaffImport.Status.IMPORTED:
        raise MembershipError(_("This file has already been imported."))
    organisation = staff_import.organisation
    # Someone may have joined or been invited since the preview: skip them now.
    taken = {e.lower() for e in organisation.members.values_list("email", flat=True)}
    taken |= {e.lower() for e in organisation.invitations.open().values_list("email", flat=True)}
    expires_at = timezone.now() + INVITATION_VALIDITY
    invitations = [
        Invitation(
            organisation=organisation, email=row["email"], given_name=row["given_name"],
            family_name=row["family_name"], job_title=row["job_title"], invited_by=by,
            staff_import=staff_import, expires_at=expires_at,
        )
        for row in staff_import.rows
        if row["email"] not in taken
    ]  # fmt: skip
    Invitation.objects.bulk_create(invitations, batch_size=2000)
    staff_import.status = StaffImport.Status.IMPORTED
    staff_import.imported_at = timezone.now()
    staff_import.save(update_fields=["status", "imported_at"])
    tasks.send_invitations.delay_on_commit(staff_import_id=staff_import.pk)
    return len(invitations)


def expire_old_previews(*, older_than: timedelta = timedelta(days=7)) -> int:
    """Previews nobody confirmed hold personal data for nothing; drop them after a week."""
    cutoff = timezone.now() - older_than
    deleted, _details = StaffImport.objects.filter(
        status=StaffImport.Status.PREVIEWED, created_at__lt=cutoff
    ).delete()
    return deleted


def affiliations_in(claims: dict) -> set[str]:
    """The affiliations an OpenID Connect provider asserts, as SURFconext releases them:
    `eduperson_affiliation` (a list, or one value) and `eduperson_scoped_affiliation`
    (`employee@university.nl`, counted without its scope), in lower case."""
    values = []
    for claim in ("eduperson_affiliation", "eduperson_scoped_affiliation"):
        value = claims.get(claim) or []
        values.extend([value] if isinstance(value, str) else value)
    return {str(value).partition("@")[0].strip().lower() for value in values} - {""}


@transaction.atomic
def recognise_university_staff(*, user: User, provider: str, affiliations: set[str]) -> bool:
    """A login from a provider in OIDC_STAFF_PROVIDERS (SURFconext) that asserts a staff
    affiliation puts the person in OIDC_STAFF_GROUP (Lecturers: may be named on runs and
    see their teaching), once, and says so in the audit trail. It never grants `is_staff`
    or `is_superuser`: admin rights stay something the office gives by hand. Losing the
    affiliation later takes nothing away, as the group may also have been given by hand.
    """
    if provider not in settings.OIDC_STAFF_PROVIDERS:
        return False
    staff_affiliations = {value.lower() for value in settings.OIDC_STAFF_AFFILIATIONS}
    matching = sorted(affiliations & staff_affiliations)
    if not matching or not user.is_active:
        return False
    group, _created = Group.objects.get_or_create(name=settings.OIDC_STAFF_GROUP)
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    log_action(actor=user, action="account.university_staff_recognised", target=user,
               subject=user, details={"provider": provider, "affiliation": ", ".join(matching),
                                      "group": group.name})  # fmt: skip
    return True
