"""What RIO knows of each module, and every job we asked SURF's RIO mapper to run for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models import Module


class RioRegistration(models.Model):
    """A module's state in RIO: its codes there, the change being pushed, the last outcome.

    Every change that should reach RIO counts `wanted_version` up; a push task carries the
    version it was queued for and does nothing once a later change has asked again, so a
    burst of saves ends in one push, and a task run twice starts each job once."""

    class Status(models.TextChoices):
        NOT_REGISTERED = "not_registered", _("Not registered")
        NOT_READY = "not_ready", _("Not ready for RIO")
        PENDING = "pending", _("Pending")
        REGISTERED = "registered", _("Registered")
        ERROR = "error", _("Error")

    class Action(models.TextChoices):
        UPSERT = "upsert", _("register or update")
        DELETE = "delete", _("remove")

    module = models.OneToOneField(
        Module, on_delete=models.CASCADE, related_name="rio", verbose_name=_("module")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.NOT_REGISTERED
    )
    problems = models.JSONField(
        _("what stops registration"), default=dict, blank=True,
        help_text=_("Field by field, what the module lacks for RIO."),
    )  # fmt: skip
    opleidingseenheidcode = models.CharField(
        _("RIO opleidingseenheidcode"), max_length=20, blank=True,
        help_text=_("The code RIO gave the education specification."),
    )  # fmt: skip
    aangeboden_opleiding_code = models.CharField(
        _("RIO aangebodenOpleidingCode"), max_length=60, blank=True,
        help_text=_("The code RIO gave the course or programme."),
    )  # fmt: skip
    route = models.CharField(
        _("RIO route pushed"), max_length=20, blank=True,
        help_text=_("The route of the last push, so that a removal knows what to remove."),
    )  # fmt: skip
    wanted_action = models.CharField(
        _("wanted"), max_length=8, choices=Action, default=Action.UPSERT
    )
    wanted_version = models.PositiveIntegerField(_("change number"), default=0)
    wanted_offerings_only = models.BooleanField(
        _("only the offerings changed"), default=False,
        help_text=_("Then only the course or programme is upserted again."),
    )  # fmt: skip
    pushed_version = models.PositiveIntegerField(
        _("change number pushed"), default=0,
        help_text=_("The last change a push has handled (sent, or found not ready)."),
    )  # fmt: skip
    current_job = models.ForeignKey(
        "RioJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("current job"),
    )  # fmt: skip
    error_message = models.TextField(_("the mapper's error"), blank=True)
    error_phase = models.CharField(_("failed in phase"), max_length=40, blank=True)
    attempts = models.PositiveIntegerField(
        _("attempts"), default=0, help_text=_("Pushes started since the last success.")
    )
    trigger = models.CharField(_("asked by"), max_length=200, blank=True)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("asked by person"),
    )  # fmt: skip
    requested_at = models.DateTimeField(_("last asked at"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("RIO registration")
        verbose_name_plural = _("RIO registrations")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return f"{self.module} ({self.get_status_display()})"

    @property
    def rio_code(self) -> str:
        return self.aangeboden_opleiding_code or self.opleidingseenheidcode


class RioJob(models.Model):
    """One job at the mapper: an upsert or delete of one OOAPI object, for one change."""

    class Type(models.TextChoices):
        EDUCATION_SPECIFICATION = "education-specifications", _("education specification")
        COURSE = "courses", _("course")
        PROGRAM = "programs", _("programme")

    class Status(models.TextChoices):
        STARTING = "starting", _("Being sent to the mapper")
        PENDING = "pending", _("Queued at the mapper")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")
        ERROR = "error", _("Error")
        TIME_OUT = "time-out", _("Timed out at the mapper")
        UNKNOWN = "unknown", _("Unknown to the mapper")

    FINISHED = (Status.DONE, Status.ERROR, Status.TIME_OUT, Status.UNKNOWN)

    registration = models.ForeignKey(
        RioRegistration, on_delete=models.CASCADE, related_name="jobs",
        verbose_name=_("RIO registration"),
    )  # fmt: skip
    version = models.PositiveIntegerField(_("change number"))
    action = models.CharField(_("action"), max_length=8, choices=RioRegistration.Action)
    job_type = models.CharField(_("object"), max_length=32, choices=Type)
    ooapi_id = models.UUIDField(_("OOAPI id"))
    token = models.CharField(_("mapper token"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.STARTING)
    phase = models.CharField(_("phase"), max_length=40, blank=True)
    message = models.TextField(_("message"), blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    attempts = models.PositiveIntegerField(_("attempts to start"), default=0)
    polls = models.PositiveIntegerField(_("status checks"), default=0)
    callback_secret = models.CharField(_("callback secret"), max_length=64, blank=True)
    trigger = models.CharField(_("asked by"), max_length=200, blank=True)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("asked by person"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    checked_at = models.DateTimeField(_("last checked at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("RIO job")
        verbose_name_plural = _("RIO jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A task that runs twice for the same change finds the job it started.
            models.UniqueConstraint(
                fields=["registration", "version", "action", "job_type"],
                name="rio_one_job_per_change_and_object",
            ),
            models.UniqueConstraint(
                fields=["token"], condition=~models.Q(token=""), name="rio_job_token_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.action} {self.job_type}/{self.ooapi_id} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED
