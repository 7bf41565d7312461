"""Demo people: a user for each role and a demo employer. Used by `manage.py seed_demo`."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.utils import timezone

from academy.models import Invitation, Membership, Organisation, User


@dataclass
class DemoPeople:
    admin: User
    portfolio_holder: User
    employer: User
    learner: User
    organisation: Organisation
    lecturer: User


def seed_people(*, password: str) -> DemoPeople:
    admin = demo_user(
        "admin@example.org", password, "Anna", "de Vries", is_staff=True, is_superuser=True
    )
    portfolio_holder = demo_user(
        "portfolio@example.org", password, "Pieter", "Jansen", is_staff=True
    )
    employer = demo_user("employer@example.org", password, "Eva", "Bakker")
    learner = demo_user("learner@example.org", password, "Lucas", "Visser")
    # University staff who teaches professionals, not a portfolio holder: proposes modules.
    lecturer = demo_user("lecturer@example.org", password, "Lotte", "de Graaf", is_staff=True)

    organisation, _ = Organisation.objects.update_or_create(
        chamber_of_commerce_number="12345678",
        defaults={
            "name": "Zorggroep Rivierenland",
            "billing_email": "finance@zorggroep.example.org",
            "billing_address": "Stationsplein 1",
            "billing_postal_code": "4001 AA",
            "billing_city": "Tiel",
        },
    )
    Membership.objects.update_or_create(
        user=employer, organisation=organisation, defaults={"role": Membership.Role.ADMIN}
    )
    Membership.objects.update_or_create(
        user=learner,
        organisation=organisation,
        defaults={"role": Membership.Role.STAFF, "shares_progress": True},
    )
    second_admin = demo_user(
        "hr@zorggroep.example.org", None, "Karin", "Smit", job_title="HR-adviseur"
    )
    Membership.objects.update_or_create(
        user=second_admin, organisation=organisation, defaults={"role": Membership.Role.ADMIN}
    )
    for number, (first, last, job, shares) in enumerate(DEMO_STAFF, start=1):
        colleague = demo_user(f"medewerker{number}@zorggroep.example.org", None, first, last,
                              job_title=job)  # fmt: skip
        Membership.objects.update_or_create(
            user=colleague, organisation=organisation,
            defaults={"role": Membership.Role.STAFF, "shares_progress": shares},
        )  # fmt: skip
    for email, first, last in DEMO_INVITEES:
        if not organisation.invitations.open().filter(email=email).exists():
            Invitation.objects.create(
                organisation=organisation, email=email, given_name=first, family_name=last,
                invited_by=employer, sent_at=timezone.now(),
            )  # fmt: skip
    return DemoPeople(admin, portfolio_holder, employer, learner, organisation, lecturer)


DEMO_STAFF = [
    ("Fatima", "El Idrissi", "Wijkverpleegkundige", True),
    ("Jeroen", "van Leeuwen", "Teamleider thuiszorg", True),
    ("Sanne", "Koster", "Praktijkopleider", False),
    ("Mehmet", "Demir", "Verzorgende IG", False),
]
DEMO_INVITEES = [
    ("r.dijkstra@zorggroep.example.org", "Roos", "Dijkstra"),
    ("t.meijer@zorggroep.example.org", "Tim", "Meijer"),
]


def demo_user(email, password, first_name, last_name, **fields) -> User:
    """A user with a confirmed email address; the password is (re)set when one is given."""
    user, _ = User.objects.update_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **fields}
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
