"""People: users who log in with their email address, employers and their staff."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALIDITY = timedelta(days=14)


class UserManager(BaseUserManager):
    """Creates users identified by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person using the portal: a professional, an employer contact or university staff."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Sector(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        HEALTHCARE = "healthcare", _("Healthcare")
        EDUCATION = "education", _("Education")
        BUSINESS = "business", _("Business services")
        INDUSTRY = "industry", _("Industry and technology")
        NONPROFIT = "nonprofit", _("Non-profit and culture")
        OTHER = "other", _("Other")

    class EducationLevel(models.TextChoices):
        SECONDARY = "secondary", _("Secondary or vocational (mbo)")
        BACHELOR_APPLIED = "bachelor_applied", _("Bachelor, applied sciences (hbo)")
        BACHELOR = "bachelor", _("Bachelor, university (wo)")
        MASTER = "master", _("Master")
        DOCTORATE = "doctorate", _("Doctorate")

    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector, blank=True)
    education_level = models.CharField(
        _("highest education level"), max_length=32, choices=EducationLevel, blank=True
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


chamber_of_commerce_number_validator = RegexValidator(
    r"^\d{8}$", _("A Chamber of Commerce (KvK) number has exactly 8 digits.")
)


class OrganisationQuerySet(models.QuerySet):
    def administered_by(self, user):
        """The organisations `user` is an admin of: the one home of "administers"."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(memberships__user=user, memberships__role=Membership.Role.ADMIN)


class Organisation(models.Model):
    """An employer that sends its staff to the Academy and pays for them."""

    name = models.CharField(_("name"), max_length=200)
    chamber_of_commerce_number = models.CharField(
        _("Chamber of Commerce number"),
        max_length=8,
        unique=True,
        validators=[chamber_of_commerce_number_validator],
        help_text=_("The 8-digit KvK number."),
    )
    billing_email = models.EmailField(_("billing email"))
    billing_address = models.CharField(_("billing address"), max_length=200)
    billing_postal_code = models.CharField(_("postal code"), max_length=16)
    billing_city = models.CharField(_("city"), max_length=100)
    billing_country = models.CharField(_("country"), max_length=100, default="Nederland")
    purchase_order_reference = models.CharField(
        _("purchase-order reference"),
        max_length=64,
        blank=True,
        help_text=_("Printed on invoices, if your finance department needs one."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="organisations",
        verbose_name=_("members"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(chamber_of_commerce_number__regex=r"^[0-9]{8}$"),
                name="organisation_kvk_number_8_digits",
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person belonging to an organisation, as one of its admins or as staff."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        STAFF = "staff", _("Staff member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role, default=Role.STAFF)
    shares_progress = models.BooleanField(
        _("shares progress with employer"),
        default=False,
        help_text=_("Whether the employer may see this person's enrolments and credentials."),
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_one_per_user_and_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def default_invitation_expiry():
    return timezone.now() + INVITATION_VALIDITY


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor withdrawn (possibly expired): blocks a second invitation."""
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True)

    def pending(self):
        return self.open().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An organisation's invitation for someone to join it; the token is the secret link."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email address"))
    given_name = models.CharField(_("given name"), max_length=150, blank=True)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    role = models.CharField(
        _("role"), max_length=16, choices=Membership.Role, default=Membership.Role.STAFF
    )
    staff_import = models.ForeignKey(
        "StaffImport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("from import"),
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), default=default_invitation_expiry)
    sent_at = models.DateTimeField(_("email sent at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, withdrawn_at__isnull=True),
                name="invitation_one_open_per_email_and_organisation",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "expires_at"])]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_expired(self) -> bool:
        return not self.is_accepted and self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return not (self.is_accepted or self.is_withdrawn or self.is_expired)

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class StaffImport(models.Model):
    """An uploaded staff list: validated and previewed first, imported only on confirmation."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Awaiting confirmation")
        IMPORTED = "imported", _("Imported")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="staff_imports",
        verbose_name=_("organisation"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.JSONField(_("valid rows"), default=list)
    problems = models.JSONField(_("problems"), default=list)
    row_count = models.PositiveIntegerField(_("rows in the file"), default=0)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PREVIEWED)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff import")
        verbose_name_plural = _("staff imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.organisation})"


class AuditEntryQuerySet(models.QuerySet):
    def about(self, obj):
        """The entries whose target is this object, newest first."""
        from django.contrib.contenttypes.models import ContentType

        return self.filter(
            target_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            target_id=str(obj.pk),
        )

    def concerning(self, user):
        """What was done by this person or about them."""
        return self.filter(models.Q(actor=user) | models.Q(subject=user))


class AuditEntry(models.Model):
    """Who did what, to which object, when: one row per change made on someone's behalf.

    `action` is a dotted code ("enrolment.cancelled"); academy.audit says how each reads.
    `organisation` and `subject` (the person the entry is about) are copied from the target
    so that an employer's or a learner's entries are read without joining every app.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=64)
    target_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kind of object"),
    )
    target_id = models.CharField(_("object id"), max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about"),
    )
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "-created_at"]),
            models.Index(fields=["organisation", "action", "-created_at"]),
            models.Index(fields=["subject", "-created_at"]),
            models.Index(fields=["actor", "-created_at"]),
            models.Index(fields=["action", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.description} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def description(self) -> str:
        from academy.audit import describe

        return describe(self.action)

    @property
    def details_for_display(self) -> list[tuple[str, str]]:
        from academy.audit import details_for_display

        return details_for_display(self.details)
