"""What RIO and eduXchange need to know about a module that the catalogue does not hold."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Module, ModuleRun

EDUCATION_OFFERER_CODE = RegexValidator(
    r"^\d{3}[A-Z]\d{3}$", _("An education offerer code looks like 110A133.")
)
EDUCATION_LOCATION_CODE = RegexValidator(
    r"^\d{3}X\d{3}$", _("An education location code looks like 123X456.")
)
ISCED_FIELD = RegexValidator(
    r"^\d{3,4}$", _("An ISCED-F field of study has 3 or 4 digits, e.g. 0413.")
)


class RioRoute(models.TextChoices):
    NONE = "", _("Not registered in RIO")
    COURSE = "course", _("Course (education unit + course offering)")
    PRIVATE_PROGRAM = "private_program", _("Private programme (particuliere opleiding)")


class Alliance(models.TextChoices):
    LDE = "lde", "LDE (Leiden-Delft-Erasmus)"
    EWUU = "ewuu", "EWUU"
    KOM = "kom", "KOM"


class TargetGroup(models.TextChoices):
    FOR_PROFESSIONALS = "forProfessionals", _("Professionals")
    FOR_STUDENTS = "forStudents", _("Students")


class RioCategory(models.TextChoices):
    """RIO's categories of a private programme (OOAPI's rio consumer `category`)."""

    NONE = "", _("None")
    BUSINESS = "business_and_project_support", _("Business and project support")
    ECONOMY = "economy", _("Economy")
    BEHAVIOUR = "behavior_and_society", _("Behaviour and society")
    HEALTHCARE = "healthcare_and_sport", _("Healthcare and sport")
    HOBBY = "hobby_and_leisure_time", _("Hobby and leisure time")
    AGRICULTURE = (
        "agriculture_food_and_natural_environment",
        _("Agriculture, food and natural environment"),
    )
    MANAGEMENT = "management_and_project_management", _("Management and project management")
    NATURE = "nature", _("Nature")
    EDUCATION = "education", _("Education")
    LAW = "law", _("Law")
    CROSS_SECTORAL = "cross_sectoral", _("Cross-sectoral")
    LANGUAGE = "language_and_culture", _("Language and culture")
    TECHNOLOGY = "technology_and_ict", _("Technology and ICT")
    TOURISM = "tourism_hospitality_and_recreation", _("Tourism, hospitality and recreation")
    TRANSPORT = "transport_and_logistics", _("Transport and logistics")
    SECURITY = "security_and_defense", _("Security and defence")


class ModuleRegistration(models.Model):
    """How a module is published to RIO (through SURF's mapper) and eduXchange."""

    module = models.OneToOneField(
        Module, on_delete=models.CASCADE, related_name="registration", verbose_name=_("module")
    )
    rio_route = models.CharField(
        _("RIO route"),
        max_length=20,
        choices=RioRoute,
        default=RioRoute.NONE,
        blank=True,
        help_text=_(
            "How the module is registered in RIO: as a course of the university, or as a "
            "private programme. Empty: not registered."
        ),
    )
    education_offerer_code = models.CharField(
        _("education offerer code"),
        max_length=7,
        blank=True,
        validators=[EDUCATION_OFFERER_CODE],
        help_text=_("RIO onderwijsaanbiedercode. Empty: the institution's code."),
    )
    education_location_code = models.CharField(
        _("education location code"),
        max_length=7,
        blank=True,
        validators=[EDUCATION_LOCATION_CODE],
        help_text=_("RIO onderwijslocatiecode. Empty: the institution's code."),
    )
    isced_field_of_study = models.CharField(
        _("ISCED-F field of study"),
        max_length=4,
        blank=True,
        validators=[ISCED_FIELD],
        help_text=_("ISCED-F 2013 code, e.g. 0413 (management and administration)."),
    )
    rio_category = models.CharField(
        _("RIO category"),
        max_length=48,
        choices=RioCategory,
        blank=True,
        help_text=_("Only for a private programme."),
    )
    eduxchange_listed = models.BooleanField(
        _("listed on eduXchange"),
        default=False,
        help_text=_("Offer the module in the alliance's shared catalogue."),
    )
    eduxchange_alliance = models.CharField(
        _("eduXchange alliance"), max_length=8, choices=Alliance, default=Alliance.LDE
    )
    eduxchange_target_group = models.CharField(
        _("eduXchange target group"),
        max_length=20,
        choices=TargetGroup,
        default=TargetGroup.FOR_PROFESSIONALS,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("RIO and eduXchange registration")
        verbose_name_plural = _("RIO and eduXchange registrations")
        indexes = [models.Index(fields=["rio_route"]), models.Index(fields=["eduxchange_listed"])]

    def __str__(self):
        return str(self.module)

    @property
    def offerer_code(self) -> str:
        return self.education_offerer_code or settings.OOAPI_EDUCATION_OFFERER_CODE

    @property
    def location_code(self) -> str:
        return self.education_location_code or settings.OOAPI_EDUCATION_LOCATION_CODE


def enrolment_window(run: ModuleRun) -> tuple:
    """The enrolment window RIO is told (beginAanmeldperiode, eindeAanmeldperiode): a run
    without an opening day has been open since its module was published (or made)."""
    opens = run.enrolment_opens
    if opens is None:
        since = run.module.published_at or run.module.created_at
        opens = min(timezone.localdate(since), run.start_date)
    return opens, run.enrolment_closes
