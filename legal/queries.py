"""Reads for the documents' pages and for whoever needs the version now in effect."""

from dataclasses import dataclass
from itertools import pairwise

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from legal.models import LegalDocument


def current_document(kind: str, *, on=None) -> LegalDocument | None:
    """The version in effect today (the latest whose date has come), if any was published."""
    return LegalDocument.objects.of_kind(kind).in_effect(on).first()


def current_terms() -> LegalDocument | None:
    return current_document(LegalDocument.Kind.TERMS)


@dataclass
class DocumentPage:
    document: LegalDocument | None  # the version asked for, or the current one
    current: LegalDocument | None
    upcoming: LegalDocument | None  # published, its date still to come
    versions: list[LegalDocument]  # every version, newest first

    @property
    def state(self) -> str:
        """What the version shown is: "current", "upcoming" or "earlier" (or "none")."""
        if self.document is None:
            return "none"
        if self.document == self.current:
            return "current"
        if self.current is None or self.document.effective_from > self.current.effective_from:
            return "upcoming"
        return "earlier"


def document_page(kind: str, *, version: int | None = None) -> DocumentPage:
    """One query whatever the number of versions; an unknown version is a 404."""
    today = timezone.localdate()
    versions = list(LegalDocument.objects.of_kind(kind).order_by("-version"))
    for newer, older in pairwise(versions):
        older.superseded_on = newer.effective_from  # the day the next version took over
    in_effect = sorted(
        (v for v in versions if v.effective_from <= today),
        key=lambda v: (v.effective_from, v.version),
        reverse=True,
    )
    current = in_effect[0] if in_effect else None
    upcoming = next((v for v in reversed(versions) if v.effective_from > today), None)
    if version is None:
        document = current or upcoming
    else:
        document = next((v for v in versions if v.version == version), None)
        if document is None:
            raise Http404(_("There is no such version."))
    return DocumentPage(document=document, current=current, upcoming=upcoming, versions=versions)
