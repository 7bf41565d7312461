"""Factories for enrolment's models: rows as the services leave them, for tests that need
the state rather than the workflow (a test of the workflow calls the service)."""

import factory

from enrolment.models import Attendance, Cohort, Enrolment, Order, WaitingListEntry
from tests.academy.factories import OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A confirmed enrolment the learner pays for themselves."""

    class Meta:
        model = Enrolment

    run = factory.SubFactory(ModuleRunFactory)
    learner = factory.SubFactory(UserFactory)


class WaitingListEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WaitingListEntry

    run = factory.SubFactory(ModuleRunFactory)
    learner = factory.SubFactory(UserFactory)


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort without seats yet; `services.create_cohort` is how seats get reserved."""

    class Meta:
        model = Cohort

    organisation = factory.SubFactory(OrganisationFactory)
    run = factory.SubFactory(ModuleRunFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    created_by = factory.SubFactory(UserFactory)


class OrderFactory(factory.django.DjangoModelFactory):
    """A learner's own order; pass `learner=None, organisation=...` for an employer's."""

    class Meta:
        model = Order

    learner = factory.SubFactory(UserFactory)
    placed_by = factory.SelfAttribute("learner")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    enrolment = factory.SubFactory(EnrolmentFactory)
    session = factory.SubFactory(SessionFactory, run=factory.SelfAttribute("..enrolment.run"))
    present = True
