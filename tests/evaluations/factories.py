from datetime import timedelta

import factory
from django.utils import timezone

from evaluations.models import Answer, Invitation
from tests.catalogue.factories import ModuleRunFactory, SessionFactory
from tests.enrolment.factories import EnrolmentFactory


def ended_run(*, days_ago: int = 1, **kwargs):
    """A run whose last session ended `days_ago` days ago."""
    end = timezone.now() - timedelta(days=days_ago)
    run = ModuleRunFactory(
        start_date=(end - timedelta(days=30)).date(), end_date=end.date(), **kwargs
    )
    SessionFactory(run=run, starts_at=end - timedelta(days=30, hours=3),
                   ends_at=end - timedelta(days=30))  # fmt: skip
    SessionFactory(run=run, starts_at=end - timedelta(hours=3), ends_at=end)
    return run


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    enrolment = factory.SubFactory(EnrolmentFactory)
    run = factory.SelfAttribute("enrolment.run")
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    run = factory.SubFactory(ModuleRunFactory)
    submitted_on = factory.LazyFunction(timezone.localdate)
    overall = 4
    relevance = 4
    lecturers = 5
    blend = 3
    workload = 3
    recommend = 8
    comments = ""


def answers(run, count: int, **fields):
    return [AnswerFactory(run=run, **fields) for _ in range(count)]
