"""Course evaluations. An invitation belongs to a participant; an answer belongs to a run
only. Nothing ties an answer to the invitation it came from (or to a time finer than the
day), so neither lecturers nor the office can tell who said what."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models import ModuleRun
from enrolment.models import Enrolment


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """One per participant of an ended run: a personal link that works once, without
    logging in, until the run's evaluation closes."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="evaluation_invitation",
        verbose_name=_("enrolment"),
    )  # fmt: skip
    run = models.ForeignKey(
        ModuleRun, on_delete=models.CASCADE, related_name="evaluation_invitations",
        verbose_name=_("run"),
    )  # fmt: skip
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    closes_at = models.DateTimeField(_("evaluation closes at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")
        indexes = [
            models.Index(fields=["sent_at"], name="evaluation_invite_unsent"),
            models.Index(fields=["run", "answered"], name="evaluation_invite_run"),
        ]

    def __str__(self):
        return f"{self.run} · {self.enrolment_id}"


class Scale(models.IntegerChoices):
    VERY_POOR = 1, _("1 – very poor")
    POOR = 2, _("2 – poor")
    FAIR = 3, _("3 – fair")
    GOOD = 4, _("4 – good")
    EXCELLENT = 5, _("5 – excellent")


class Workload(models.IntegerChoices):
    MUCH_LIGHTER = 1, _("Much less than stated")
    LIGHTER = 2, _("A little less than stated")
    AS_STATED = 3, _("About as stated")
    HEAVIER = 4, _("A little more than stated")
    MUCH_HEAVIER = 5, _("Much more than stated")


class AnswerQuerySet(models.QuerySet):
    def shown_comments(self):
        return self.exclude(comments="").filter(comment_hidden_at__isnull=True)


class Answer(models.Model):
    """What one participant said about a run (anonymous: see the module's docstring)."""

    run = models.ForeignKey(
        ModuleRun, on_delete=models.CASCADE, related_name="evaluation_answers",
        verbose_name=_("run"),
    )  # fmt: skip
    submitted_on = models.DateField(_("submitted on"))
    overall = models.PositiveSmallIntegerField(_("overall"), choices=Scale)
    relevance = models.PositiveSmallIntegerField(_("relevance to your work"), choices=Scale)
    lecturers = models.PositiveSmallIntegerField(_("the lecturers"), choices=Scale)
    blend = models.PositiveSmallIntegerField(
        _("the mix of online learning and on-campus meetings"), choices=Scale
    )
    workload = models.PositiveSmallIntegerField(
        _("workload against the stated study load"), choices=Workload
    )
    recommend = models.PositiveSmallIntegerField(
        _("how likely you are to recommend it"),
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    comments = models.TextField(_("comments"), blank=True, max_length=3000)
    comment_hidden_at = models.DateTimeField(_("comment hidden at"), null=True, blank=True)
    comment_hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("comment hidden by"),
    )  # fmt: skip
    comment_hidden_reason = models.CharField(_("why hidden"), max_length=300, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recommend__gte=0) & models.Q(recommend__lte=10),
                name="evaluation_recommend_0_to_10",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__gte": 1}) & models.Q(**{f"{name}__lte": 5}),
                    name=f"evaluation_{name}_1_to_5",
                )
                for name in ("overall", "relevance", "lecturers", "blend", "workload")
            ),
        ]

    def __str__(self):
        return f"{self.run} · {self.overall}/5"
