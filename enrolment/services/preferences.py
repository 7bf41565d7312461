"""A professional's own settings: the themes they follow, whether each employer sees their
progress, the secret address of their calendar feed, and the name their invoices bear."""

from django.db import transaction
from django.utils.translation import gettext_lazy

from academy.audit import log_action
from academy.services import set_progress_sharing
from enrolment.models import CalendarFeed, new_feed_token

# The trail's code for a name given on the enrol form (registered in enrolment.apps).
AUDIT_ACTIONS = {"account.name_given": gettext_lazy("Gave their name on enrolling")}


def give_name(*, user, given_name: str, family_name: str) -> None:
    """The given and family name an account lacked, asked when its owner enrols: an invoice
    is made out to a person, not to an email address. Names already there stay."""
    names = {"first_name": " ".join(given_name.split()), "last_name": " ".join(family_name.split())}
    given = {field: name for field, name in names.items() if name and not getattr(user, field)}
    if given:  # a transaction (a savepoint inside the enrolment's) only for a name to keep
        _keep_names(user, given)


@transaction.atomic
def _keep_names(user, given: dict) -> None:
    for field, name in given.items():
        setattr(user, field, name)
    user.save(update_fields=list(given))
    log_action(actor=user, action="account.name_given", target=user, subject=user)


@transaction.atomic
def update_preferences(*, user, interests, sharing) -> None:
    """Interests (themes) and, per employer, whether the professional shares progress."""
    user.interests.set(interests)
    for membership, shares in sharing:
        if membership.user_id != user.pk:
            raise PermissionError("A person decides about sharing only for themselves.")
        if membership.shares_progress != shares:
            set_progress_sharing(membership=membership, shares=shares)


def calendar_feed_for(user) -> CalendarFeed:
    return CalendarFeed.objects.get_or_create(user=user)[0]


def renew_calendar_feed(user) -> CalendarFeed:
    """A new secret address; calendars subscribed to the old one stop updating."""
    feed = calendar_feed_for(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed
