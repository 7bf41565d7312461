from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from academy.models import Invitation
from tests.academy.factories import (
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", ["1234567", "123456789", "1234567a", "12 34 56 78"])
def test_chamber_of_commerce_number_must_be_eight_digits(number):
    organisation = OrganisationFactory.build(chamber_of_commerce_number=number)

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()

    assert "chamber_of_commerce_number" in error.value.message_dict
    assert "exactly 8 digits" in error.value.message_dict["chamber_of_commerce_number"][0]


def test_database_refuses_a_chamber_of_commerce_number_that_is_not_eight_digits():
    with pytest.raises(IntegrityError):
        OrganisationFactory(chamber_of_commerce_number="1234567")


def test_a_person_is_member_of_an_organisation_once():
    membership = MembershipFactory()

    with pytest.raises(IntegrityError):
        MembershipFactory(user=membership.user, organisation=membership.organisation)


def test_members_do_not_share_progress_unless_they_choose_to():
    membership = MembershipFactory()

    assert membership.shares_progress is False
    assert not membership.is_admin
    assert list(membership.organisation.members.all()) == [membership.user]
    assert list(membership.user.organisations.all()) == [membership.organisation]


def test_invitation_token_is_long_random_and_unique():
    invitations = InvitationFactory.create_batch(20)

    tokens = {invitation.token for invitation in invitations}
    assert len(tokens) == 20
    assert all(len(token) >= 40 for token in tokens)


def test_invitation_expires_after_two_weeks_by_default():
    invitation = InvitationFactory()

    assert invitation.expires_at - invitation.created_at == pytest.approx(
        timedelta(days=14), abs=timedelta(seconds=5)
    )
    assert not invitation.is_expired


def test_pending_invitations_exclude_accepted_and_expired_ones():
    organisation = OrganisationFactory()
    pending = InvitationFactory(organisation=organisation)
    InvitationFactory(organisation=organisation, expires_at=timezone.now() - timedelta(minutes=1))
    InvitationFactory(
        organisation=organisation, accepted_at=timezone.now(), accepted_by=UserFactory()
    )

    assert list(Invitation.objects.pending()) == [pending]


def test_only_one_open_invitation_per_email_and_organisation():
    invitation = InvitationFactory(email="new.colleague@example.com")

    with pytest.raises(IntegrityError):
        InvitationFactory(organisation=invitation.organisation, email="New.Colleague@example.com")


def test_an_accepted_invitation_does_not_block_a_new_one():
    invitation = InvitationFactory(accepted_at=timezone.now())

    again = InvitationFactory(organisation=invitation.organisation, email=invitation.email)

    assert again.pk != invitation.pk
