"""Reads about people and organisations; "administers an organisation" lives here once."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from academy.models import Organisation


def organisations_administered_by(user) -> QuerySet[Organisation]:
    return Organisation.objects.administered_by(user)


def administers(user, organisation) -> bool:
    """Whether `user` is an admin of this employer (its memberships, not a global flag)."""
    organisation_id = getattr(organisation, "pk", organisation)
    return organisations_administered_by(user).filter(pk=organisation_id).exists()


def require_admin_of(user, organisation, message: str = "") -> None:
    """The access helper a service calls when only the employer's admins may act."""
    if not administers(user, organisation):
        raise PermissionDenied(message or _("Only an admin of the employer may do this."))


def require_permission(user, permission: str, message: str) -> None:
    """For rules that follow a role rather than an object, such as the office's invoices."""
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied(message)
