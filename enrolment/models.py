"""Enrolments in runs and the waiting list that fills freed seats."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from academy.models import Organisation
from catalogue.models import ModuleRun, Session
from legal.models import LegalDocument


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
    cohort = models.ForeignKey(
        "Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("cohort"),
    )
    order = models.ForeignKey(
        "Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("order"),
    )
    motivation = models.TextField(_("motivation or prior education"), blank=True)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    # A seat given to a colleague keeps the invoice it was bought on, whose lines name the
    # enrolment that first held it; crediting this enrolment credits that line.
    takes_seat_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("takes the invoiced seat of"),
    )
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )
    cancellation_sent_at = models.DateTimeField(
        _("cancellation notice sent at"), null=True, blank=True, editable=False
    )
    # The version of the terms of enrolment the learner accepted (none for enrolments made
    # before versions were recorded, or by an employer's cohort, which accepts no terms).
    accepted_terms = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("terms accepted"),
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
    # Accepted on joining; the enrolment made from an accepted offer carries it on.
    accepted_terms = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("terms accepted"),
    )

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


class Cohort(models.Model):
    """Staff an employer enrols together in one run, paid with one order and one invoice."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("employer")
    )
    run = models.ForeignKey(
        ModuleRun, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("run")
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    purchase_order_reference = models.CharField(
        _("purchase order reference"), max_length=64, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name or f"{self.organisation} · {self.run}"


class Order(models.Model):
    """What is bought and who pays: the learner, or the organisation (alone or as a cohort)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("paying learner"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("paying employer"),
    )
    cohort = models.OneToOneField(
        Cohort,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="order",
        verbose_name=_("cohort"),
    )
    purchase_order_reference = models.CharField(
        _("purchase order reference"), max_length=64, blank=True
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("placed by"),
    )
    created_at = models.DateTimeField(_("ordered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(learner__isnull=True, organisation__isnull=False)
                | models.Q(learner__isnull=False, organisation__isnull=True),
                name="order_paid_by_learner_or_organisation",
            )
        ]

    def __str__(self):
        return f"{_('Order')} {self.pk} · {self.organisation or self.learner}"


class InvoiceSequence(models.Model):
    """The last number given per year; locked while numbering so numbers have no gaps."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice number sequence")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class ImmutableInvoice(Exception):
    pass


class Invoice(models.Model):
    """An issued invoice or credit note. Frozen at issue: only its payment is marked later."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    MUTABLE_FIELDS = frozenset({"paid_at", "payment_reference", "sent_at"})

    order = models.ForeignKey(
        Order, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.INVOICE)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("corrects invoice"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=16, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    bill_to = models.JSONField(_("bill to"), default=dict)
    purchase_order_reference = models.CharField(
        _("purchase order reference"), max_length=64, blank=True
    )
    lines = models.JSONField(_("lines"), default=list)
    subtotal = models.DecimalField(_("subtotal"), max_digits=10, decimal_places=2)
    vat_amount = models.DecimalField(_("VAT"), max_digits=10, decimal_places=2)
    total = models.DecimalField(_("total"), max_digits=10, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    pdf = models.BinaryField(_("PDF"), editable=False)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="invoice_number_unique"),
            models.CheckConstraint(
                condition=models.Q(kind="invoice", corrects__isnull=True)
                | models.Q(kind="credit_note", corrects__isnull=False),
                name="credit_note_corrects_an_invoice",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, update_fields=None, **kwargs):
        if self.pk and (update_fields is None or not self.MUTABLE_FIELDS.issuperset(update_fields)):
            raise ImmutableInvoice("An issued invoice never changes; issue a credit note.")
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def filename(self):
        return f"{self.get_kind_display().lower().replace(' ', '-')}-{self.number}.pdf"


class Attendance(models.Model):
    """Whether an enrolled learner was at a session, as recorded by a lecturer or curator."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("enrolment")
    )
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="attendance_once_per_session_and_enrolment"
            )
        ]

    def __str__(self):
        return f"{self.enrolment.learner} · {self.session}"


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
