"""The site's terms of enrolment and its privacy, cookie and accessibility statements.

Each of them is a series of published versions. A version, once published, never
changes (an enrolment names the terms its learner accepted); the office publishes a new one
instead, through `legal.services.publish_document`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

BODY_HELP = _(
    "Plain text. A blank line starts a new paragraph; a line starting with “## ” is a heading, "
    "“### ” a subheading, “- ” a bullet point. Web and email addresses and site paths such "
    "as /me/data/ become links. HTML is shown as typed, never interpreted."
)


class LegalDocumentQuerySet(models.QuerySet):
    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def in_effect(self, on=None):
        """Versions whose effective date has come, the current one first."""
        on = on or timezone.localdate()
        return self.filter(effective_from__lte=on).order_by("-effective_from", "-version")


class LegalDocument(models.Model):
    """One published version of the terms or a statement, in English and Dutch."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("Terms of enrolment")
        PRIVACY = "privacy", _("Privacy statement")
        COOKIES = "cookies", _("Cookie statement")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(_("document"), max_length=16, choices=Kind)
    version = models.PositiveIntegerField(_("version"), editable=False)
    effective_from = models.DateField(
        _("in effect from"),
        help_text=_("Today or later; not before the previous version's date."),
    )
    body_en = models.TextField(_("text in English"), help_text=BODY_HELP)
    body_nl = models.TextField(
        _("text in Dutch"), blank=True, help_text=_("Left empty, the Dutch page shows English.")
    )
    changes_en = models.CharField(
        _("what changed (English)"), max_length=300, blank=True,
        help_text=_("One line for the list of versions, e.g. “Cancellation period shortened”."),
    )  # fmt: skip
    changes_nl = models.CharField(_("what changed (Dutch)"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("published by"),
    )

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("terms or statement version")
        verbose_name_plural = _("terms and statements")
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="one_number_per_version"),
            models.CheckConstraint(
                condition=models.Q(version__gte=1), name="versions_count_from_1"
            ),
        ]

    def __str__(self):
        return _("%(statement)s, version %(version)d") % {
            "statement": self.get_kind_display(), "version": self.version,
        }  # fmt: skip

    def get_absolute_url(self) -> str:
        return reverse(f"legal:{self.kind}_version", kwargs={"version": self.version})

    @property
    def in_english_only(self) -> bool:
        """Whether the page in the active language falls back to the English text."""
        return _dutch() and not self.body_nl.strip()

    @property
    def body(self) -> str:
        """The text in the active language, English where there is no Dutch."""
        return self.body_nl if _dutch() and self.body_nl.strip() else self.body_en

    @property
    def changes(self) -> str:
        return (self.changes_nl if _dutch() and self.changes_nl else "") or self.changes_en


def _dutch() -> bool:
    return (get_language() or "en").startswith("nl")
