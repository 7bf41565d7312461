from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.conf import settings
from django.utils import timezone

from catalogue.models import (
    Faculty,
    Format,
    Module,
    ModuleRun,
    Partner,
    Session,
    Teaching,
    Theme,
)
from catalogue.services import refresh_search_index
from tests.academy.factories import UserFactory


def local_datetime(*parts: int) -> datetime:
    """A moment given as wall-clock time in Amsterdam."""
    return datetime(*parts, tzinfo=ZoneInfo(settings.TIME_ZONE))


class FacultyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Faculty
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Faculty {n}")
    slug = factory.Sequence(lambda n: f"faculty-{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Hogeschool {n}")
    kind = Partner.Kind.APPLIED_SCIENCES
    website = "https://hogeschool.example.nl"


class ModuleFactory(factory.django.DjangoModelFactory):
    """A published module, indexed for search, with its themes and partners."""

    class Meta:
        model = Module
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    faculty = factory.SubFactory(FacultyFactory)
    summary = "A short module for working professionals."
    description = "Online learning with meetings on campus."
    learning_outcomes = factory.LazyFunction(lambda: ["Explain the basics", "Apply them at work"])
    target_audience = "Professionals"
    entry_requirements = "A bachelor's degree or equivalent experience."
    language = "en"
    format = Format.BLENDED
    study_load_hours = 84
    ects = Decimal("3.0")
    level = 6
    assessment = "A written assignment"
    price = Decimal("995.00")
    quality_assurance = "Board of Examiners"
    status = Module.Status.PUBLISHED

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            refresh_search_index(module_ids=[self.pk])


class ModuleRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleRun

    module = factory.SubFactory(ModuleFactory)
    code = factory.Sequence(lambda n: f"run-{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    end_date = factory.LazyAttribute(lambda run: run.start_date + timedelta(weeks=6))
    capacity = 20
    status = ModuleRun.Status.OPEN

    class Params:
        # A run that has taken place (started 8 weeks ago, ended 2 weeks ago): its results
        # and its sessions' attendance may be recorded.
        taken_place = factory.Trait(
            start_date=factory.LazyFunction(lambda: timezone.localdate() - timedelta(weeks=8))
        )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    run = factory.SubFactory(ModuleRunFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(
        lambda s: timezone.make_aware(datetime.combine(s.run.start_date, time(13, 30)))
    )
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=3, minutes=30))
    mode = Session.Mode.CAMPUS
    location = "Academiegebouw, zaal 1.12, Domplein 29, Utrecht"


class TeachingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Teaching

    run = factory.SubFactory(ModuleRunFactory)
    lecturer = factory.SubFactory(UserFactory)
    role = Teaching.Role.LECTURER
    contact_hours = Decimal("10.5")
