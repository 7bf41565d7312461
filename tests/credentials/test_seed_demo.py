from io import StringIO

import pytest
from django.core.management import call_command

from credentials import verification
from credentials.models import Credential

pytestmark = pytest.mark.django_db


def test_demo_learner_holds_real_credentials_one_revoked_and_a_pathway():
    call_command("seed_demo", "--password", "a-long-demo-password", stdout=StringIO())
    call_command("seed_demo", "--password", "a-long-demo-password", stdout=StringIO())

    held = Credential.objects.filter(learner__email="learner@example.org")
    assert held.count() >= 3
    assert held.filter(revoked_at__isnull=False).count() == 1
    pathway = held.get(achievement__pathway__isnull=False)
    assert verification.check_document(pathway.document).state == "valid"
    revoked = held.get(revoked_at__isnull=False)
    assert verification.check_document(revoked.document).state == "revoked"
