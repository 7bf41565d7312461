"""Only an employer's admins act for it: invite, import staff, remove members."""

import pytest
from django.core.exceptions import PermissionDenied

from academy import services
from academy.models import Invitation, Membership
from academy.queries import administers
from tests.academy.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_staff_member_cannot_invite_or_remove_colleagues():
    staff = MembershipFactory()
    colleague = MembershipFactory(organisation=staff.organisation)

    with pytest.raises(PermissionDenied):
        services.invite(organisation=staff.organisation, emails=["new@example.org"],
                        invited_by=staff.user)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.remove_member(membership=colleague, by=staff.user)

    assert not Invitation.objects.exists()
    assert Membership.objects.filter(pk=colleague.pk).exists()


def test_administers_is_about_this_employer_only():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    elsewhere = MembershipFactory(user=admin.user)

    assert administers(admin.user, admin.organisation)
    assert not administers(admin.user, elsewhere.organisation)
