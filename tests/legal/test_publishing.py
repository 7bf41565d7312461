"""Publishing a new version: numbered, dated, audited, and only by the academy office."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from academy.models import AuditEntry
from legal import services
from legal.models import LegalDocument
from legal.queries import current_terms
from tests.academy.factories import UserFactory
from tests.legal.factories import office_user, publish

pytestmark = pytest.mark.django_db


def test_publishing_adds_the_next_version_and_records_who_did_it():
    office = office_user(first_name="Anouk", last_name="de Vries")

    document = publish("terms", body_en="New terms.", body_nl="Nieuwe voorwaarden.", by=office)

    assert (document.version, document.published_by) == (2, office)
    assert current_terms() == document
    assert LegalDocument.objects.get(kind="terms", version=1).body_en.startswith("These terms")
    entry = AuditEntry.objects.get(action="legal.published")
    assert entry.actor == office and entry.target_id == str(document.pk)
    assert entry.details == {
        "title": "Terms of enrolment, version 2", "from": timezone.localdate().isoformat(),
    }  # fmt: skip
    assert entry.description == "Terms or statement published"


def test_only_the_office_publishes():
    with pytest.raises(PermissionDenied):
        publish("privacy", by=UserFactory(is_staff=True))
    assert LegalDocument.objects.filter(kind="privacy").count() == 1


def test_a_new_version_cannot_take_effect_in_the_past_or_before_the_previous_one():
    today = timezone.localdate()
    with pytest.raises(services.LegalDocumentError, match="cannot take effect in the past"):
        publish("cookies", effective_from=today - timedelta(days=1))
    publish("cookies", effective_from=today + timedelta(days=10))

    with pytest.raises(services.LegalDocumentError, match="Version 2 takes effect on"):
        publish("cookies", effective_from=today + timedelta(days=5))


def test_an_english_text_is_required():
    with pytest.raises(services.LegalDocumentError, match="The English text is required"):
        publish("terms", body_en="   ")


def test_shipped_first_versions_are_created_once():
    assert services.ensure_first_versions() == 0  # the migrate already created them
    LegalDocument.objects.filter(kind="accessibility").delete()

    assert services.ensure_first_versions() == 1
    assert LegalDocument.objects.filter(kind="accessibility", version=1).count() == 1
    assert LegalDocument.objects.count() == 4


def test_two_versions_of_one_kind_cannot_share_a_number():
    from django.db import IntegrityError, transaction

    first = LegalDocument.objects.get(kind="terms", version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalDocument.objects.create(kind="terms", version=1, effective_from=first.effective_from,
                                     body_en="Copy")  # fmt: skip
