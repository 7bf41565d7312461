"""Set up the provider's database from OIDC_PROVIDER_CONFIG (JSON: its clients and
people) and serve it: `python manage.py serve_oidc_provider 127.0.0.1:PORT` with
DJANGO_SETTINGS_MODULE=tests.oidc_provider.settings."""

import json
import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application

from tests.oidc_provider.models import Person


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("address")

    def handle(self, *args, address, **options):
        config = json.loads(os.environ["OIDC_PROVIDER_CONFIG"])
        call_command("migrate", run_syncdb=True, verbosity=0)
        for client in config["clients"]:
            Application.objects.create(
                name=client["name"],
                client_id=client["client_id"],
                client_secret=client["client_secret"],
                client_type=Application.CLIENT_CONFIDENTIAL,
                authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
                redirect_uris=client["redirect_uri"],
                algorithm=Application.RS256_ALGORITHM,
                skip_authorization=False,
            )
        for person in config["people"]:
            user = get_user_model().objects.create_user(
                username=person["username"],
                password=person["password"],
                email=person["email"],
                first_name=person.get("given_name", ""),
                last_name=person.get("family_name", ""),
            )
            Person.objects.create(
                user=user,
                email_verified=person.get("email_verified", True),
                affiliations=" ".join(person.get("affiliations", [])),
            )
        call_command("runserver", address, use_reloader=False, use_threading=True)
