import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from catalogue.services import ACADEMY_OFFICE, LECTURERS, PORTFOLIO_HOLDERS
from demand.models import Interest, LearningNeed, ModuleProposal
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory


class LearningNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningNeed

    topic = "Data literacy for policy advisers"
    description = "Our advisers need to read and question data analyses."
    expected_learners = 12
    contact_name = "Sanne de Boer"
    contact_email = factory.Sequence(lambda n: f"need{n}@example.com")


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    email = factory.Sequence(lambda n: f"interested{n}@example.com")
    confirmed_at = factory.LazyFunction(timezone.now)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleProposal

    proposer = factory.SubFactory(UserFactory, is_staff=True)
    faculty = factory.SubFactory(FacultyFactory)
    title = factory.Sequence(lambda n: f"Proposed module {n}")
    summary = "Circular procurement for public buyers."
    learning_outcomes = "Write a circular tender\nJudge suppliers' claims"
    target_audience = "Buyers in municipalities"
    study_load_hours = 56
    level = 6


def in_group(user, name: str):
    group, _created = Group.objects.get_or_create(name=name)
    user.groups.add(group)
    return user


def office_user():
    return in_group(UserFactory(is_staff=True), ACADEMY_OFFICE)


def portfolio_holder_of(faculty):
    user = in_group(UserFactory(is_staff=True), PORTFOLIO_HOLDERS)
    faculty.portfolio_holders.add(user)
    return user


def lecturer():
    return in_group(UserFactory(), LECTURERS)
