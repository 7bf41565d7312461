"""What a microcredential certifies, the results that earn it, and the credentials issued."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Faculty, Module
from enrolment.models import Enrolment


class Pathway(models.Model):
    """Modules that together earn a larger credential: holding all of them stacks into it."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    faculty = models.ForeignKey(
        Faculty, on_delete=models.PROTECT, related_name="pathways", verbose_name=_("faculty")
    )
    modules = models.ManyToManyField(Module, related_name="pathways", verbose_name=_("modules"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Achievement(models.Model):
    """What a credential certifies: a module that awards a microcredential, a pathway, or a
    lecturer's teaching in lifelong development during one academic year.

    Its content is read from the module or pathway when a credential is issued and frozen in
    that credential, so later edits never change what was certified.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    module = models.OneToOneField(
        Module, on_delete=models.PROTECT, null=True, blank=True, related_name="achievement"
    )
    pathway = models.OneToOneField(
        Pathway, on_delete=models.PROTECT, null=True, blank=True, related_name="achievement"
    )
    # The academic year (1 September of this year to 31 August of the next) whose teaching
    # a recognition credential certifies: one achievement per year, shared by its lecturers.
    teaching_year = models.PositiveSmallIntegerField(
        _("academic year of teaching"), null=True, blank=True, unique=True
    )

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(module__isnull=False, pathway__isnull=True,
                                   teaching_year__isnull=True)
                | models.Q(module__isnull=True, pathway__isnull=False, teaching_year__isnull=True)
                | models.Q(module__isnull=True, pathway__isnull=True, teaching_year__isnull=False),
                name="achievement_of_a_module_a_pathway_or_teaching",
            )
        ]  # fmt: skip

    def __str__(self):
        if self.teaching_year is not None:
            return str(_("Teaching in lifelong development %(year)s") % {
                "year": academic_year_label(self.teaching_year)})  # fmt: skip
        return str(self.module or self.pathway)


def academic_year_label(year: int) -> str:
    """2025 → "2025/26": the academic year from 1 September 2025 to 31 August 2026."""
    return f"{year}/{(year + 1) % 100:02d}"


class Result(models.Model):
    """The outcome of one enrolment's assessment, recorded by a lecturer or curator."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="result", verbose_name=_("enrolment")
    )
    passed = models.BooleanField(_("passed"))
    grade = models.CharField(_("grade"), max_length=16, blank=True)
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assessor"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self):
        return f"{self.enrolment} · {_('passed') if self.passed else _('not passed')}"

    @property
    def is_locked_by_credential(self) -> bool:
        """A credential was issued for it (revoked or not): what was signed stays as signed."""
        return hasattr(self, "credential")


class SigningKey(models.Model):
    """A key the Academy signs with. Kept in the database, never in the repository; retired
    keys stay published so that credentials signed with them keep verifying."""

    class Kind(models.TextChoices):
        ED25519 = "ed25519", _("Ed25519 (Data Integrity proof)")
        RSA = "rsa", _("RSA (VC-JWT)")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    kid = models.CharField(_("key id"), max_length=64, unique=True)
    private_pem = models.TextField(_("private key (PEM)"), editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.kid}"


class StatusCounter(models.Model):
    """The mark below which the status list's places are taken: raised by the transaction
    that issues a credential, as its last write (see `signing.reserve_status_index`)."""

    name = models.CharField(max_length=32, primary_key=True)
    next_index = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.name}: {self.next_index}"


class CredentialQuerySet(models.QuerySet):
    def valid(self, now=None):
        """Not revoked and not past its end of validity: what a learner may show for it."""
        now = now or timezone.now()
        return self.filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=now),
            revoked_at__isnull=True,
        )


class Credential(models.Model):
    """An issued, signed credential. Its documents never change; only revocation is added."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    achievement = models.ForeignKey(
        Achievement, on_delete=models.PROTECT, related_name="credentials"
    )
    result = models.OneToOneField(
        Result, on_delete=models.PROTECT, null=True, blank=True, related_name="credential"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
        verbose_name=_("learner"),
    )
    recipient_name = models.CharField(_("recipient"), max_length=300)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=8)
    issued_at = models.DateTimeField(_("issued at"))
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    status_index = models.PositiveIntegerField(_("status list index"), unique=True)
    document = models.JSONField(_("signed credential (JSON-LD)"))
    jwt = models.TextField(_("signed credential (VC-JWT)"))
    pdf = models.BinaryField(_("certificate (PDF)"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "learner"],
                condition=models.Q(result__isnull=True),
                name="credential_one_pathway_award_per_learner",
            )
        ]

    def __str__(self):
        return f"{self.title} · {self.recipient_name}"

    def get_absolute_url(self):
        return reverse("credentials:verify", args=[self.pk])

    @property
    def is_valid(self) -> bool:
        """The one-row twin of Credential.objects.valid()."""
        if self.revoked_at is not None:
            return False
        return self.valid_until is None or self.valid_until > timezone.now()


class TeachingRecognition(models.Model):
    """The office's recognition of a lecturer's teaching in one academic year: an Open Badges
    credential (public, verifiable) and a statement for the annual appraisal (a PDF for the
    lecturer, their portfolio holders and the office). Both are made by a task after the
    office asks; until then they are empty."""

    lecturer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="teaching_recognitions",
        verbose_name=_("lecturer"),
    )
    academic_year = models.PositiveSmallIntegerField(
        _("academic year"), help_text=_("The year it starts: 2025 for 2025/26.")
    )
    credential = models.OneToOneField(
        Credential,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teaching_recognition",
        verbose_name=_("credential"),
    )
    statement = models.BinaryField(_("statement (PDF)"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("teaching recognition")
        verbose_name_plural = _("teaching recognitions")
        ordering = ["-academic_year", "lecturer__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lecturer", "academic_year"], name="teaching_recognition_once_per_year"
            )
        ]

    def __str__(self):
        return f"{self.lecturer} · {self.year_label}"

    @property
    def year_label(self) -> str:
        return academic_year_label(self.academic_year)

    @property
    def is_ready(self) -> bool:
        return self.credential_id is not None and self.statement is not None
