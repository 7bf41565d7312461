"""Factories for credentials: results as `record_result` leaves them, and credentials
issued through the service (signed, with their PDF), never built by hand."""

from datetime import date, timedelta

import factory

from credentials import services
from credentials.models import Pathway, Result
from tests.catalogue.factories import FacultyFactory, ModuleRunFactory, TeachingFactory
from tests.enrolment.factories import EnrolmentFactory


class ResultFactory(factory.django.DjangoModelFactory):
    """A passed result; `passed=False` for a fail."""

    class Meta:
        model = Result

    enrolment = factory.SubFactory(EnrolmentFactory)
    passed = True
    grade = ""
    assessed_on = factory.LazyFunction(lambda: date(2026, 11, 1))


class PathwayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pathway

    name = factory.Sequence(lambda n: f"Pathway {n}")
    description = "Stacked modules"
    faculty = factory.SubFactory(FacultyFactory)


def CredentialFactory(*, result=None, **result_fields):
    """A credential issued by `issue_credential` for `result` (a new passed one by default)."""
    if result is None:
        result = ResultFactory(passed=True, **result_fields)
    return services.issue_credential(result=result)


def ended_taught_run(lecturer, *, start=date(2025, 10, 6), hours=12, role="lecturer", **run):
    """A run of the 2025/26 academic year that has ended, taught by `lecturer`."""
    run = ModuleRunFactory(start_date=start, end_date=start + timedelta(weeks=6),
                           **{"status": "closed", **run})  # fmt: skip
    TeachingFactory(run=run, lecturer=lecturer, contact_hours=hours, role=role)
    return run


def TeachingRecognitionFactory(*, lecturer, year=2025, by):
    """A recognition asked for by the office and completed as its task would."""
    recognition = services.request_recognition(lecturer=lecturer, year=year, by=by)
    return services.complete_recognition(recognition_id=recognition.pk)
