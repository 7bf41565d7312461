"""Everything the portal holds about a person: export it, or erase what need not be kept.

Each app registers what it holds (in its AppConfig.ready), so this module knows no app
above it. Erasing keeps what the university must keep; see README "Personal data".
"""

from collections.abc import Callable
from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from academy import audit
from academy.models import Invitation, User

_exporters: list[tuple[str, Callable[[User], Any]]] = []
_erasers: list[Callable[[User], None]] = []


def register(section: str, *, export: Callable[[User], Any], erase=None) -> None:
    _exporters.append((section, export))
    if erase is not None:
        _erasers.append(erase)


def export_personal_data(user: User) -> dict:
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "job_title": user.job_title,
            "sector": user.sector,
            "highest_education_level": user.education_level,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ],
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "shares_progress_with_employer": m.shares_progress,
                "member_since": m.created_at.isoformat(),
            }
            for m in user.memberships.select_related("organisation")
        ],
        "institutional_logins": [  # SURFconext, eduID: what the provider last said
            {
                "provider": account.provider,
                "uid": account.uid,
                "linked_at": account.date_joined.isoformat(),
                "last_login": account.last_login.isoformat(),
                "claims": account.extra_data,
            }
            for account in SocialAccount.objects.filter(user=user)
        ],
        "invitations_received": [
            {
                "organisation": i.organisation.name,
                "email": i.email,
                "sent_at": i.created_at.isoformat(),
                "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation"
            )
        ],
    }
    for section, export in _exporters:
        data[section] = export(user)
    with transaction.atomic():
        audit.log_action(actor=user, action="personal_data.exported", target=user, subject=user)
        data["audit_trail"] = audit.export_entries(user)
    return data


@transaction.atomic
def erase_personal_data(user: User) -> None:
    """Remove personal data and close the account; the row stays for what must be kept."""
    for erase in reversed(_erasers):  # the apps that came last depend on those before
        erase(user)
    audit.forget_actor(user)  # after the apps', whose last changes were logged as the user's
    Invitation.objects.filter(email__iexact=user.email).delete()
    user.memberships.all().delete()
    EmailAddress.objects.filter(user=user).delete()
    # The provider's claims name the person, and the link would log them into the closed
    # account; a later institutional login starts a new account instead.
    SocialAccount.objects.filter(user=user).delete()
    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            # through the engine: with cached_db (CACHE_URL set) the copy in Redis goes too
            session_store().delete(session.session_key)
    user.email = f"deleted-user-{user.pk}@deleted.invalid"
    user.first_name = user.last_name = user.job_title = ""
    user.sector = user.education_level = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    audit.log_action(actor=None, action="account.deleted", target=user, subject=user)
