"""Fill an empty database with the Academy's demo; safe to run again.

It lives in the app at the top of the dependency chain so that it may seed every app.
"""

import secrets

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from academy.demo import seed_people
from catalogue.demo import seed_bulk_modules, seed_catalogue
from catalogue.services import PORTFOLIO_HOLDERS
from credentials.demo import seed_credentials
from credentials.demo_history import seed_history
from credentials.demo_recognition import seed_recognition
from demand.demo import seed_demand
from enrolment.demo import seed_enrolments


class Command(BaseCommand):
    help = (
        "Create the demo academy: users for each role (admin, portfolio holder, employer, "
        "learner), a demo employer and a realistic catalogue. Running it again updates rather "
        "than duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for every demo user. Without it a random one is generated and shown.",
        )
        parser.add_argument(
            "--modules",
            type=int,
            default=0,
            help="Also bulk-create this many extra published modules (for benchmarks).",
        )

    def handle(self, *args, password=None, modules=0, **options):
        if modules < 0:
            raise CommandError("--modules must be zero or more.")
        password = password or secrets.token_urlsafe(12)
        with transaction.atomic():
            people = seed_people(password=password)
            people.portfolio_holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
            catalogue = seed_catalogue(portfolio_holder=people.portfolio_holder)
            colleagues = [m.user for m in people.organisation.memberships.select_related("user")]
            enrolments = seed_enrolments(
                learner=people.learner, colleagues=colleagues, employer=people.employer,
                organisation=people.organisation,
            )  # fmt: skip
            credentials = seed_credentials(learner=people.learner, assessor=people.admin)
            demand = seed_demand(
                lecturer=people.lecturer, learner=people.learner, employer=people.employer,
                organisation=people.organisation, portfolio_holder=people.portfolio_holder,
                office=people.admin, curated_faculty=catalogue.curated_faculty,
            )  # fmt: skip
            history = seed_history(lecturer=people.lecturer, learner=people.learner,
                                   assessor=people.admin)  # fmt: skip
        recognition = seed_recognition(lecturer=people.lecturer, office=people.admin)
        if modules:
            created = seed_bulk_modules(count=modules)
            self.stdout.write(f"Added {created} generated modules for benchmarking.")

        self.stdout.write(
            f"Catalogue: {catalogue.faculties} faculties, {catalogue.themes} themes, "
            f"{catalogue.modules} modules ({catalogue.runs} runs, {catalogue.sessions} sessions)."
        )
        self.stdout.write(
            f"Enrolment: {enrolments['enrolments']} enrolments, "
            f"{enrolments['waiting']} on waiting lists, {enrolments['cohorts']} employer "
            f"cohort(s), {enrolments['invoices']} invoices."
        )
        self.stdout.write(f"Credentials: {credentials['credentials']} signed credentials.")
        if recognition:
            self.stdout.write(f"Teaching recognition: {recognition}.")
        self.stdout.write(
            f"Demand: {demand['needs']} learning needs, {demand['interest']} interest "
            f"subscriptions, {demand['proposals']} module proposals."
        )
        self.stdout.write(
            f"History: {history['runs']} past runs over two academic years, "
            f"{history['answers']} evaluation answers."
        )
        self.stdout.write(self.style.SUCCESS("Demo academy ready. Log in at /accounts/login/ as:"))
        for user, role in [
            (people.admin, "site admin"),
            (people.portfolio_holder, f"portfolio holder of {catalogue.curated_faculty}"),
            (people.employer, f"employer, admin of {people.organisation}"),
            (people.learner, "professional (learner)"),
            (people.lecturer, "lecturer (teaches runs, proposes modules)"),
        ]:
            self.stdout.write(f"  {user.email:<24} {role}")
        self.stdout.write(f"  password for all: {password}")
