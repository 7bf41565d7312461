"""Demand for the Academy's offer, and the proposals that answer it."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models import Faculty, Format, Level, Module, ModuleRun, Partner, Theme

MAX_EXPECTED_LEARNERS = 10_000
MAX_BUDGET = 1_000_000


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LearningNeedQuerySet(models.QuerySet):
    def open(self):
        """Still to be answered: not offered, declined or merged into another."""
        return self.filter(
            merged_into__isnull=True,
            status__in=[LearningNeed.Status.NEW, LearningNeed.Status.WITH_FACULTY,
                        LearningNeed.Status.PLANNED],
        )  # fmt: skip


class LearningNeed(models.Model):
    """A request for education the catalogue lacks, from a professional, an employer or a
    partner institution; the office assigns it to faculties, whose portfolio holders answer
    it with modules."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        WITH_FACULTY = "with_faculty", _("With the faculty")
        PLANNED = "planned", _("Planned")
        OFFERED = "offered", _("Offered")
        DECLINED = "declined", _("Declined")

    topic = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("what should people learn?"), max_length=5000)
    expected_learners = models.PositiveIntegerField(
        _("expected number of learners"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_EXPECTED_LEARNERS)],
    )
    preferred_format = models.CharField(
        _("preferred format"), max_length=16, choices=Format, blank=True
    )
    preferred_period = models.CharField(_("preferred period"), max_length=100, blank=True)
    budget_indication = models.DecimalField(
        _("budget indication (EUR, in all)"), max_digits=9, decimal_places=2, null=True,
        blank=True, validators=[MinValueValidator(0), MaxValueValidator(MAX_BUDGET)],
    )  # fmt: skip
    contact_name = models.CharField(_("your name"), max_length=200)
    contact_email = models.EmailField(_("email address"))
    contact_phone = models.CharField(_("phone number"), max_length=32, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "academy.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="learning_needs", verbose_name=_("employer"),
        help_text=_("Set when an employer submitted the need from its portal."),
    )  # fmt: skip
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="learning_needs", verbose_name=_("submitted by"),
    )  # fmt: skip
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.NEW)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, max_length=2000,
        help_text=_("The submitter reads this."),
    )  # fmt: skip
    faculties = models.ManyToManyField(
        Faculty, blank=True, related_name="learning_needs", verbose_name=_("assigned to faculties")
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="learning_needs",
        verbose_name=_("partner institutions"),
    )  # fmt: skip
    modules = models.ManyToManyField(
        Module, blank=True, related_name="learning_needs", verbose_name=_("answered by modules")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="learning_needs", verbose_name=_("themes"),
        help_text=_("Linking a module adds its themes; a merged need takes those it joined."),
    )  # fmt: skip
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_needs",
        verbose_name=_("merged into"),
    )  # fmt: skip
    triage_notes = models.TextField(_("triage notes"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )

    objects = LearningNeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning need")
        verbose_name_plural = _("learning needs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_learners__gte=1)
                & Q(expected_learners__lte=MAX_EXPECTED_LEARNERS),
                name="learning_need_learners_in_range",
            ),
            models.CheckConstraint(
                condition=Q(budget_indication__isnull=True) | Q(budget_indication__gte=0),
                name="learning_need_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")),
                name="learning_need_not_merged_into_itself",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.topic

    @property
    def answer(self) -> "LearningNeed":
        """The need that carries this one's status: itself, or the one it was merged into."""
        return self.merged_into if self.merged_into_id else self


class NeedNotice(models.Model):
    """One email to a need's submitter about one thing that happened to it; `key` says what
    (e.g. "status:planned", "module:42", "merged:17"), so each is sent once."""

    need = models.ForeignKey(LearningNeed, on_delete=models.CASCADE, related_name="notices")
    key = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["need", "key"], name="need_notice_once"),
        ]

    def __str__(self):
        return f"{self.need} · {self.key}"


class InterestQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Interest(models.Model):
    """Someone who asked to be told when a module, or any module in a theme, has a run open
    for enrolment. Logged in it is confirmed at once; by email only after its link is used."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="run_interests", verbose_name=_("account"),
    )  # fmt: skip
    email = models.EmailField(_("email address"))
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, null=True, blank=True, related_name="interests",
        verbose_name=_("module"),
    )  # fmt: skip
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, null=True, blank=True, related_name="followers",
        verbose_name=_("theme"),
    )  # fmt: skip
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(module__isnull=False, theme__isnull=True)
                | Q(module__isnull=True, theme__isnull=False),
                name="interest_in_a_module_or_a_theme",
            ),
            models.UniqueConstraint(
                fields=["email", "module"],
                condition=Q(module__isnull=False),
                name="interest_once_per_module",
            ),
            models.UniqueConstraint(
                fields=["email", "theme"],
                condition=Q(theme__isnull=False),
                name="interest_once_per_theme",
            ),
        ]
        indexes = [
            models.Index(fields=["module", "confirmed_at"], name="interest_module_idx"),
            models.Index(fields=["theme", "confirmed_at"], name="interest_theme_idx"),
            models.Index(fields=["created_at"], name="interest_created_idx"),
        ]

    def __str__(self):
        return f"{self.email} · {self.module or self.theme}"

    @property
    def subject(self):
        return self.module or self.theme


class InterestNotice(models.Model):
    """A run someone was told about, once per address and run whatever they follow. A row
    made when the interest is confirmed, for runs already open then, is never sent
    (`already_open`): people are told what opens after they asked."""

    email = models.EmailField()
    run = models.ForeignKey(ModuleRun, on_delete=models.CASCADE, related_name="+")
    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="notices")
    already_open = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "run"], name="interest_notice_once_per_run"),
        ]
        indexes = [models.Index(fields=["sent_at", "already_open"], name="interest_notice_unsent")]

    def __str__(self):
        return f"{self.email} · {self.run_id}"


class ModuleProposal(models.Model):
    """A new module proposed by a member of staff, reviewed by the faculty's portfolio
    holders; approving it makes a draft module in the catalogue."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        DECLINED = "declined", _("Declined")
        APPROVED = "approved", _("Approved")

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="module_proposals",
        verbose_name=_("proposed by"),
    )  # fmt: skip
    faculty = models.ForeignKey(
        Faculty, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("faculty")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=10_000)
    learning_outcomes = models.TextField(
        _("learning outcomes"), blank=True, max_length=5000, help_text=_("One outcome per line.")
    )
    target_audience = models.TextField(_("target audience"), blank=True, max_length=3000)
    format = models.CharField(_("format"), max_length=16, choices=Format, default=Format.BLENDED)
    delivery_mix = models.TextField(
        _("mix of online learning and meetings on campus"), blank=True, max_length=2000,
        help_text=_("For example: six online weeks and three campus days."),
    )  # fmt: skip
    study_load_hours = models.PositiveIntegerField(
        _("study load (hours)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1680)],
    )  # fmt: skip
    level = models.PositiveSmallIntegerField(_("level"), choices=Level, null=True, blank=True)
    language = models.CharField(
        _("language of instruction"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="proposals", verbose_name=_("partner institutions")
    )
    learning_needs = models.ManyToManyField(
        LearningNeed, blank=True, related_name="proposals",
        verbose_name=_("learning needs it answers"),
    )  # fmt: skip
    lecturers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="proposed_teaching",
        verbose_name=_("proposed lecturers"),
    )  # fmt: skip
    first_run_starts = models.DateField(_("first run starts"), null=True, blank=True)
    first_run_ends = models.DateField(_("first run ends"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    module = models.OneToOneField(
        Module, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal",
        verbose_name=_("module made from it"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("module proposal")
        verbose_name_plural = _("module proposals")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_run_starts__isnull=True)
                | Q(first_run_ends__isnull=True)
                | Q(first_run_ends__gte=models.F("first_run_starts")),
                name="proposal_run_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["faculty", "status"], name="proposal_faculty_status_idx")]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    @property
    def is_under_review(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]


class ProposalEvent(models.Model):
    """The proposal's conversation: each step (submitted, comment, changes asked, declined,
    approved) with who wrote it; the other side is emailed once (`notified_at`)."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        COMMENT = "comment", _("Comment")
        CHANGES_REQUESTED = "changes_requested", _("Asked for changes")
        DECLINED = "declined", _("Declined")
        APPROVED = "approved", _("Approved")

    proposal = models.ForeignKey(ModuleProposal, on_delete=models.CASCADE, related_name="events")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    body = models.TextField(_("message"), blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.proposal} · {self.kind}"
