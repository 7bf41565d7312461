"""Fill an empty database with the Academy's demo; safe to run again."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from academy.models import Membership, Organisation, User

PORTFOLIO_HOLDERS_GROUP = "Portfolio holders"


class Command(BaseCommand):
    help = (
        "Create the demo academy: users for each role (admin, portfolio holder, employer, "
        "learner) and a demo employer. Running it again updates rather than duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for every demo user. Without it a random one is generated and shown.",
        )

    @transaction.atomic
    def handle(self, *args, password=None, **options):
        password = password or secrets.token_urlsafe(12)

        admin = self._user(
            "admin@example.org", password, "Anna", "de Vries", is_staff=True, is_superuser=True
        )
        portfolio = self._user("portfolio@example.org", password, "Pieter", "Jansen", is_staff=True)
        portfolio.groups.add(Group.objects.get_or_create(name=PORTFOLIO_HOLDERS_GROUP)[0])
        employer = self._user("employer@example.org", password, "Eva", "Bakker")
        learner = self._user("learner@example.org", password, "Lucas", "Visser")

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

        self.stdout.write(self.style.SUCCESS("Demo academy ready. Log in at /accounts/login/ as:"))
        for user, role in [
            (admin, "site admin"),
            (portfolio, "portfolio holder"),
            (employer, f"employer, admin of {organisation}"),
            (learner, "professional (learner)"),
        ]:
            self.stdout.write(f"  {user.email:<24} {role}")
        self.stdout.write(f"  password for all: {password}")

    def _user(self, email, password, first_name, last_name, **flags):
        user, _ = User.objects.update_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, **flags}
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user
