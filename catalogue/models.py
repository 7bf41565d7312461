"""The Academy's offer: faculties, themes and partners; modules, their runs and sessions."""

import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import connection, models
from django.db.models.functions import Coalesce, NullIf
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


def _dutch_active() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith("nl")


def local_name(prefix: str = ""):
    """The expression for a faculty's or theme's name in the active language, for queries
    that read `values()`, filter or sort by name: `local_name("faculty__")`. The Dutch name
    when the page is Dutch and one is given, else the English one (the twin of the models'
    `local_name` property)."""
    if _dutch_active():
        return Coalesce(NullIf(models.F(f"{prefix}name_nl"), models.Value("")), f"{prefix}name")
    return models.F(f"{prefix}name")


class LocalNameQuerySet(models.QuerySet):
    def in_local_order(self):
        """Sorted by the name people read: Dutch pages list faculties and themes by their
        Dutch names."""
        return self.order_by(local_name(), "pk")


class LocalName(models.Model):
    """A name in English (`name`, also the default) and in Dutch (`name_nl`)."""

    name_nl = models.CharField(
        _("name in Dutch"),
        max_length=200,
        blank=True,
        help_text=_("Shown on Dutch pages. Left empty, they show the English name."),
    )

    objects = LocalNameQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the language of the page, email or document being made."""
        return (self.name_nl or self.name) if _dutch_active() else self.name


class Faculty(LocalName):
    name = models.CharField(
        _("name in English"), max_length=200, unique=True, help_text=_("Also the default.")
    )
    slug = models.SlugField(_("slug"), unique=True)
    ooapi_id = models.UUIDField(
        _("OOAPI organization id"), default=uuid.uuid4, unique=True, editable=False
    )
    portfolio_holders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="curated_faculties",
        verbose_name=_("portfolio holders"),
        help_text=_("Staff who curate this faculty's modules in the admin."),
    )

    class Meta:
        verbose_name = _("faculty")
        verbose_name_plural = _("faculties")
        ordering = ["name"]
        permissions = [("curate_all_faculties", _("Can curate every faculty's offer"))]


class Theme(LocalName):
    """A discipline or skill area; interdisciplinary modules belong to several."""

    name = models.CharField(
        _("name in English"), max_length=100, unique=True, help_text=_("Also the default.")
    )
    slug = models.SlugField(_("slug"), unique=True)
    interested_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="interests",
        verbose_name=_("interested professionals"),
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("learner:theme", kwargs={"slug": self.slug})


class Partner(models.Model):
    class Kind(models.TextChoices):
        RESEARCH_UNIVERSITY = "research_university", _("Research university")
        APPLIED_SCIENCES = "applied_sciences", _("University of applied sciences")
        KNOWLEDGE_PARTNER = "knowledge_partner", _("Knowledge partner")
        EMPLOYER = "employer", _("Employer")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name


_LANGUAGE_LABELS = dict(settings.LANGUAGES)  # lazy names: translated when shown


class Format(models.TextChoices):
    ONLINE = "online", _("Online")
    CAMPUS = "campus", _("On campus")
    BLENDED = "blended", _("Blended")


class Level(models.IntegerChoices):
    EQF5 = 5, _("EQF/NLQF 5 (associate degree)")
    EQF6 = 6, _("EQF/NLQF 6 (bachelor)")
    EQF7 = 7, _("EQF/NLQF 7 (master)")
    EQF8 = 8, _("EQF/NLQF 8 (doctorate)")


class VatRate(models.IntegerChoices):
    EXEMPT = 0, _("Exempt from VAT (education)")
    STANDARD = 21, _("21% VAT")


class AssessmentType(models.TextChoices):
    """As the Edubadges microcredential profile names them."""

    TESTING = "testing", _("Test or exam")
    APPLICATION = "application of a skill", _("Application of a skill (assignment, project)")
    PORTFOLIO = "portfolio", _("Portfolio")
    PRIOR_LEARNING = "recognition of prior learning", _("Recognition of prior learning")


class SupervisionType(models.TextChoices):
    UNSUPERVISED = (
        "unsupervised with no identity verification",
        _("Unsupervised, no identity verification"),
    )
    SUPERVISED = "supervised with no identity verification", _("Supervised, no identity check")
    SUPERVISED_ONLINE = "supervised online", _("Supervised online, identity verified")
    ONSITE_WITH_ID = "onsite with identity verification", _("On site, identity verified")


def with_vat(price, vat_rate: int) -> Decimal:
    return (Decimal(price) * (100 + vat_rate) / 100).quantize(Decimal("0.01"))


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Module.Status.PUBLISHED)


class Module(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    faculty = models.ForeignKey(
        Faculty, on_delete=models.PROTECT, related_name="modules", verbose_name=_("faculty")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="modules", verbose_name=_("themes")
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="modules", verbose_name=_("partners")
    )
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    learning_outcomes = models.JSONField(
        _("learning outcomes"), default=list, blank=True, help_text=_("One outcome per line.")
    )
    target_audience = models.TextField(_("target audience"), blank=True)
    entry_requirements = models.TextField(_("entry requirements"), blank=True)
    language = models.CharField(
        _("language of instruction"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    format = models.CharField(_("format"), max_length=16, choices=Format, default=Format.BLENDED)
    study_load_hours = models.PositiveIntegerField(_("study load (hours)"), null=True, blank=True)
    ects = models.DecimalField(_("ECTS"), max_digits=4, decimal_places=1, null=True, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level, null=True, blank=True)
    assessment = models.TextField(_("form of assessment"), blank=True)
    assessment_type = models.CharField(
        _("type of assessment"), max_length=40, choices=AssessmentType,
        default=AssessmentType.TESTING,
    )  # fmt: skip
    supervision_type = models.CharField(
        _("supervision during assessment"), max_length=60, choices=SupervisionType,
        default=SupervisionType.ONSITE_WITH_ID,
    )  # fmt: skip
    awards_microcredential = models.BooleanField(_("awards a microcredential"), default=True)
    price = models.DecimalField(_("price (EUR)"), max_digits=8, decimal_places=2, default=0)
    vat_rate = models.PositiveSmallIntegerField(
        _("VAT rate (%)"),
        choices=VatRate,
        default=VatRate.EXEMPT,
        help_text=_("Accredited vocational education is exempt from Dutch VAT."),
    )
    asks_for_motivation = models.BooleanField(
        _("asks for motivation"),
        default=False,
        help_text=_("Learners must describe their motivation or prior education to enrol."),
    )
    quality_assurance = models.TextField(_("quality assurance"), blank=True)
    no_run_reason = models.CharField(
        _("why there is no run yet"),
        max_length=300,
        blank=True,
        help_text=_("Needed to publish a module without any run, e.g. 'on request for groups'."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Published through the OOAPI endpoint (and so to RIO): ids that never change.
    ooapi_specification_id = models.UUIDField(
        _("OOAPI education specification id"), default=uuid.uuid4, unique=True, editable=False
    )
    ooapi_course_id = models.UUIDField(
        _("OOAPI course id"), default=uuid.uuid4, unique=True, editable=False
    )
    ooapi_program_id = models.UUIDField(
        _("OOAPI program id"), default=uuid.uuid4, unique=True, editable=False
    )

    objects = ModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=5, level__lte=8),
                name="module_level_eqf_5_to_8",
            ),
            models.CheckConstraint(
                condition=models.Q(price__gte=0), name="module_price_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(ects__isnull=True) | models.Q(ects__gt=0),
                name="module_ects_positive",
            ),
        ]
        indexes = [models.Index(fields=["status", "faculty"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learner:module", kwargs={"slug": self.slug})

    @property
    def format_label(self) -> str:
        """get_format_display without its cost per call (it hashes every choice)."""
        return Format(self.format).label

    @property
    def language_label(self) -> str:
        return _LANGUAGE_LABELS.get(self.language, self.language)

    @property
    def card_url(self) -> str:
        """Its page, as the catalogue's cards link it (built once per page when listed)."""
        return getattr(self, "listed_url", None) or self.get_absolute_url()

    @property
    def card_start(self) -> str:
        """Its card's line on the next start (`next_start` as the catalogue gives it)."""
        if start := getattr(self, "next_start", None):
            return gettext("Next start: %(date)s") % {"date": date_format(start, "j F Y")}
        return gettext("No start date planned yet")

    @property
    def card_price(self) -> str:
        """The price its card shows: the next run's with VAT when the catalogue's index
        handed it over, else the module's own with VAT."""
        listed = getattr(self, "listed_price", None)
        return floatformat(listed if listed is not None else self.price_including_vat, "-2g")

    @property
    def card_themes(self):
        """The themes its card names: those the catalogue's index handed over, else its own."""
        if hasattr(self, "listed_themes"):
            return self.listed_themes
        return self.themes.all()

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def price_including_vat(self):
        return with_vat(self.price, self.vat_rate)


class ModuleRunQuerySet(models.QuerySet):
    def upcoming(self, today: date | None = None):
        """Runs that have not ended and are not cancelled: what a professional can still join."""
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).exclude(status=ModuleRun.Status.CANCELLED)

    def open_for_enrolment(self, today: date | None = None):
        """Open, and today inside the enrolment window: the SQL twin of
        `ModuleRun.why_not_open_for_enrolment`. Full runs are included (a waiting list)."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(enrolment_opens__isnull=True) | models.Q(enrolment_opens__lte=today),
            models.Q(enrolment_closes__isnull=True) | models.Q(enrolment_closes__gte=today),
            status=ModuleRun.Status.OPEN,
        )

    def taken_place(self, now: datetime | None = None):
        """Runs whose results may be recorded (`run_has_taken_place`)."""
        return self.filter(run_has_taken_place(now or timezone.now()))


def run_has_taken_place(now: datetime, run: str = "") -> models.Q:
    """A run's results may be recorded once its last session has started (a run without
    sessions: once its end date has come): the SQL twin of `ModuleRun.results_from`, for runs
    or, with run="run__", for rows that belong to one."""
    its_sessions = Session.objects.filter(run=models.OuterRef(f"{run}pk"))
    sessions = models.Exists(its_sessions)
    later = models.Exists(its_sessions.filter(starts_at__gt=now))
    ended = models.Q(**{f"{run}end_date__lte": timezone.localdate(now)})
    return (sessions & ~later) | (~sessions & ended)


class ModuleRun(models.Model):
    """An edition of a module, with its own dates, seats and sessions."""

    # What people decide. Whether an open run is full is derived from its seats (is_full),
    # never stored: a stored "full" went stale whenever capacity or seats changed.
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open for enrolment")
        CLOSED = "closed", _("Enrolment closed")
        CANCELLED = "cancelled", _("Cancelled")

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="runs", verbose_name=_("module")
    )
    code = models.SlugField(
        _("code"),
        max_length=32,
        help_text=_("Short and unique within the module, e.g. 2027-spring."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    enrolment_opens = models.DateField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes = models.DateField(_("enrolment closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    cancellation_deadline = models.DateField(
        _("learners may cancel until"),
        null=True,
        blank=True,
        help_text=_("Empty: until the day before the start. Later, only the office cancels."),
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    price_override = models.DecimalField(
        _("price for this run (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the module's price."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PLANNED)
    ooapi_offering_id = models.UUIDField(
        _("OOAPI offering id"), default=uuid.uuid4, unique=True, editable=False
    )
    lecturers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Teaching",
        related_name="taught_runs",
        verbose_name=_("lecturers"),
    )

    objects = ModuleRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("run")
        verbose_name_plural = _("runs")
        ordering = ["start_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "code"], name="run_code_unique_per_module"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="run_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(enrolment_opens__isnull=True)
                | models.Q(enrolment_closes__isnull=True)
                | models.Q(enrolment_closes__gte=models.F("enrolment_opens")),
                name="run_enrolment_window_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=0), name="run_capacity_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(price_override__isnull=True) | models.Q(price_override__gte=0),
                name="run_price_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date", "status"]),
            models.Index(fields=["module", "start_date"], name="run_module_start_idx"),
        ]

    def __str__(self):
        return f"{self.module} ({self.code})"

    @property
    def price(self):
        return self.module.price if self.price_override is None else self.price_override

    @property
    def price_including_vat(self):
        return with_vat(self.price, self.module.vat_rate)

    @property
    def seats_left(self) -> int:
        # The enrolment app sets `seats_taken` where it counts enrolments.
        if self.status in (self.Status.CLOSED, self.Status.CANCELLED):
            return 0
        return max(self.capacity - getattr(self, "seats_taken", 0), 0)

    @property
    def is_full(self) -> bool:
        """Open, with every seat held or offered: who enrols now joins the waiting list."""
        return self.status == self.Status.OPEN and self.seats_left == 0

    def why_not_open_for_enrolment(self, today: date | None = None) -> str | None:
        """None when a professional may enrol (or join the waiting list) today, else why not."""
        today = today or timezone.localdate()
        if self.status != self.Status.OPEN:
            return _("This run is not open for enrolment.")
        if self.enrolment_opens and today < self.enrolment_opens:
            return _("Enrolment for this run has not opened yet.")
        if self.enrolment_closes and today > self.enrolment_closes:
            return _("Enrolment for this run has closed.")
        return None

    def can_still_swap(self, today: date | None = None) -> bool:
        """A seat may pass to someone else only before the run starts."""
        return (today or timezone.localdate()) < self.start_date

    def results_from(self) -> datetime:
        """When results may be recorded (and credentials signed): once the run has taken place,
        when its last session starts (a one-day run's exam is in the afternoon, not at midnight);
        a run without sessions (self-paced), when its end date begins."""
        last = self.sessions.order_by("-starts_at").values_list("starts_at", flat=True).first()
        return last or timezone.make_aware(datetime.combine(self.end_date, time.min))

    def has_taken_place(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.results_from()

    @property
    def last_day_to_cancel(self):
        return self.cancellation_deadline or self.start_date - timedelta(days=1)

    def get_calendar_url(self):
        return reverse(
            "catalogue:run_calendar", kwargs={"slug": self.module.slug, "code": self.code}
        )


class SessionQuerySet(models.QuerySet):
    def started(self, now: datetime | None = None):
        """Sessions that have begun, whose attendance may be recorded (`Session.has_started`)."""
        return self.filter(starts_at__lte=now or timezone.now())

    def with_run_taken_place(self, now: datetime | None = None):
        """Each session knows whether its run's results may be recorded (`run_taken_place`)."""
        return self.annotate(run_taken_place=models.ExpressionWrapper(
            run_has_taken_place(now or timezone.now(), run="run__"),
            output_field=models.BooleanField(),
        ))  # fmt: skip


class Session(models.Model):
    """A meeting of a run, online or on campus."""

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        CAMPUS = "campus", _("On campus")

    run = models.ForeignKey(
        ModuleRun, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("run")
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    mode = models.CharField(_("mode"), max_length=16, choices=Mode, default=Mode.CAMPUS)
    location = models.CharField(
        _("room and address"), max_length=300, blank=True, help_text=_("For sessions on campus.")
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For online sessions."))

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def has_started(self, now: datetime | None = None) -> bool:
        """Attendance is recorded once a session has begun, not before."""
        return self.starts_at <= (now or timezone.now())

    @property
    def where(self) -> str:
        return self.online_url if self.mode == self.Mode.ONLINE else self.location


class Teaching(models.Model):
    """A lecturer's part in a run: the basis for recognising staff who teach professionals."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        LECTURER = "lecturer", _("Lecturer")
        GUEST = "guest", _("Guest lecturer")
        ASSESSOR = "assessor", _("Assessor")

    run = models.ForeignKey(
        ModuleRun, on_delete=models.CASCADE, related_name="teachings", verbose_name=_("run")
    )
    lecturer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="teachings",
        verbose_name=_("lecturer"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role, default=Role.LECTURER)
    contact_hours = models.DecimalField(
        _("contact hours"),
        max_digits=5,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("teaching")
        verbose_name_plural = _("teaching")
        ordering = ["run", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "lecturer"], name="teaching_once_per_run"),
            models.CheckConstraint(
                condition=models.Q(contact_hours__gte=0), name="teaching_hours_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.lecturer} · {self.run}"


class SearchMiss(models.Model):
    """A catalogue search that found nothing, counted per term and week: demand the offer
    does not meet. Anonymous by design: no user, address or time of day is kept."""

    term = models.CharField(_("search term"), max_length=100)
    week = models.DateField(_("week (its Monday)"))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        ordering = ["-week", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["term", "week"], name="search_miss_once_per_week"),
        ]

    def __str__(self):
        return self.term


class ModuleSearch(models.Model):
    """What the catalogue filters, counts and sorts by, one narrow row per published module.

    Kept by `catalogue.search.index_modules` whenever a module, its runs, themes, partners
    or faculty change (and hourly, as start dates pass), so a catalogue page reads this one
    table instead of joining runs, themes and partners for every facet. Facet keys are the
    values the catalogue's URL uses (slugs, partner names, ISO dates). The words live apart
    in `ModuleSearchText`, so counting the facets of all 10,000 modules reads small rows.
    """

    module = models.OneToOneField(
        Module, on_delete=models.CASCADE, primary_key=True, related_name="search_row"
    )
    title = models.CharField(max_length=200)
    faculty = models.CharField(max_length=50)
    format = models.CharField(max_length=16)
    language = models.CharField(max_length=8)
    level = models.PositiveSmallIntegerField(null=True)
    themes = models.JSONField(default=dict)
    partners = models.JSONField(default=dict)
    start_dates = models.JSONField(default=dict)  # runs still to start, not cancelled
    next_start = models.DateField(null=True)
    price = models.DecimalField(max_digits=9, decimal_places=2)  # with VAT: what cards show
    ects = models.DecimalField(max_digits=4, decimal_places=1, null=True)

    class Meta:
        verbose_name = _("module search entry")
        verbose_name_plural = _("module search entries")

    def __str__(self):
        return self.title


class ModuleSearchText(models.Model):
    """A module's words, lower-cased and without accents, each between spaces: SQLite
    matches whole words and prefixes with LIKE '% word%'; PostgreSQL reads them into
    `vector` (English, Dutch and unstemmed lexemes; title A, summary/themes/outcomes B, the
    rest C, with a GIN index) and `phrase_vector` (unstemmed, one run: synonyms of several
    words). Relevance is judged on the folded words (`search.relevance`), in memory."""

    row = models.OneToOneField(
        ModuleSearch, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    title_words = models.TextField()
    main_words = models.TextField()
    more_words = models.TextField()
    vector = SearchVectorField(null=True)
    phrase_vector = SearchVectorField(null=True)

    def __str__(self):
        return self.title_words.strip()


class Synonym(models.Model):
    """Words a professional may use for the same thing, in either language: a search for
    any of them finds modules that use another (leiderschap, leadership, leidinggeven)."""

    words = models.CharField(
        _("words that mean the same"),
        max_length=300,
        unique=True,
        help_text=_(
            "Separated by commas, in Dutch and English; a word may be two words, such as "
            "data science."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["words"]

    def __str__(self):
        return self.words

    @property
    def terms(self) -> list[str]:
        return [term.strip() for term in self.words.split(",") if term.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        terms = list(dict.fromkeys(term.lower() for term in self.terms))
        if len(terms) < 2:
            raise ValidationError({"words": _("Give at least two words, separated by commas.")})
        self.words = ", ".join(terms)


class SearchWord(models.Model):
    """The catalogue's own vocabulary: the words that suggestions ("Did you mean …?") may
    offer. Rebuilt with the search index; a trigram index serves similarity on PostgreSQL."""

    word = models.CharField(max_length=60, primary_key=True)

    def __str__(self):
        return self.word


class SearchIndexVersion(models.Model):
    """One row naming the state of the search rows: every change to them writes a new
    version in its own transaction, so a process holding the facets in memory
    (`catalogue.facet_index`) knows with one lookup whether they are still the committed
    ones. A fresh value each time, not a counter: a rolled-back change leaves the version
    it found, and no two states ever share one."""

    ONLY = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=ONLY, editable=False)
    version = models.CharField(max_length=32)

    def __str__(self):
        return self.version

    @classmethod
    def read(cls) -> str | None:
        """Asked on every catalogue request: plain SQL, as the ORM's part would cost more
        than the database's."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT version FROM {cls._meta.db_table} WHERE id = %s", [cls.ONLY])  # noqa: S608 - our table
            row = cursor.fetchone()
        return row[0] if row else None

    @classmethod
    def bump(cls) -> None:
        cls.objects.bulk_create(
            [cls(pk=cls.ONLY, version=uuid.uuid4().hex)],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["version"],
        )
