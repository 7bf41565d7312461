"""Factories for credentials: results as `record_result` leaves them, and credentials
issued through the service (signed, with their PDF), never built by hand."""

from datetime import date

import factory

from credentials import services
from credentials.models import Pathway, Result
from tests.catalogue.factories import FacultyFactory
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
