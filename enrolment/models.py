"""Enrolments in runs and the waiting list that fills freed seats."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from academy.models import Organisation
from catalogue.models import ModuleRun


class EnrolmentQuerySet(models.QuerySet):
    def holding_a_seat(self):
        return self.filter(status__in=Enrolment.SEAT_HOLDING)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting the employer's approval")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    class Payer(models.TextChoices):
        LEARNER = "learner", _("I pay myself")
        EMPLOYER = "employer", _("My employer pays")

    SEAT_HOLDING = (Status.AWAITING_APPROVAL, Status.CONFIRMED, Status.COMPLETED)

    run = models.ForeignKey(
        ModuleRun, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("run")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    status = models.CharField(_("status"), max_length=24, choices=Status, default=Status.CONFIRMED)
    payer = models.CharField(_("who pays"), max_length=16, choices=Payer, default=Payer.LEARNER)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("paying employer"),
    )
    motivation = models.TextField(_("motivation or prior education"), blank=True)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "learner"],
                condition=~models.Q(status="cancelled"),
                name="enrolment_one_active_per_learner_and_run",
            ),
            models.CheckConstraint(
                condition=models.Q(payer="learner") | models.Q(organisation__isnull=False),
                name="enrolment_employer_payer_names_the_employer",
            ),
        ]
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self):
        return f"{self.learner} · {self.run}"


class WaitingListQuerySet(models.QuerySet):
    def with_position(self):
        """`position`: how many waiting in the same run are ahead of or at this place."""
        ahead_or_here = WaitingListEntry.objects.filter(
            models.Q(created_at__lt=models.OuterRef("created_at"))
            | models.Q(created_at=models.OuterRef("created_at"), pk__lte=models.OuterRef("pk")),
            run=models.OuterRef("run"),
            status=WaitingListEntry.Status.WAITING,
        )
        count = ahead_or_here.order_by().values("run").annotate(n=models.Count("pk")).values("n")
        return self.annotate(
            position=Coalesce(models.Subquery(count[:1]), 0, output_field=models.IntegerField())
        )


class WaitingListEntry(models.Model):
    """A place in the queue for a full run; the first in line is offered a freed seat."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        OFFERED = "offered", _("Seat offered")
        ACCEPTED = "accepted", _("Offer accepted")
        DECLINED = "declined", _("Offer declined")
        EXPIRED = "expired", _("Offer expired")
        LEFT = "left", _("Left the waiting list")

    ACTIVE = (Status.WAITING, Status.OFFERED)

    run = models.ForeignKey(
        ModuleRun, on_delete=models.CASCADE, related_name="waiting_list", verbose_name=_("run")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="waiting_list_entries",
        verbose_name=_("learner"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.WAITING)
    payer = models.CharField(
        _("who pays"), max_length=16, choices=Enrolment.Payer, default=Enrolment.Payer.LEARNER
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    motivation = models.TextField(_("motivation or prior education"), blank=True)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)

    objects = WaitingListQuerySet.as_manager()

    class Meta:
        verbose_name = _("waiting-list place")
        verbose_name_plural = _("waiting list")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "learner"],
                condition=models.Q(status__in=["waiting", "offered"]),
                name="waiting_list_one_active_place_per_learner_and_run",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="offered") | models.Q(offer_expires_at__isnull=False),
                name="waiting_list_offer_has_an_expiry",
            ),
        ]
        indexes = [
            models.Index(fields=["run", "status", "created_at"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]

    def __str__(self):
        return f"{self.learner} · {self.run} ({self.get_status_display()})"


def new_feed_token() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A secret address a calendar app subscribes to; renewing it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)


class Reminder(models.Model):
    """That a reminder went out: the unique constraint makes every send happen at most once."""

    class Kind(models.TextChoices):
        CAMPUS_SESSION_TOMORROW = "campus_session", _("On-campus session tomorrow")
        ONLINE_SESSION_SOON = "online_session", _("Online session within the hour")
        RUN_STARTS_IN_A_WEEK = "run_start", _("Run starts in a week")
        OFFER_EXPIRES_SOON = "offer_expiry", _("Waiting-list offer about to expire")
        APPROVAL_WAITING = "approval", _("Enrolment awaiting the employer's approval")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind)
    subject_id = models.PositiveBigIntegerField(
        _("about"), help_text=_("The session, run, offer or enrolment the reminder is about.")
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_id"], name="reminder_once_per_occasion"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"
