import factory
from allauth.account.models import EmailAddress

from academy.models import Invitation, Membership, Organisation, StaffImport, User

DEFAULT_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Faker("company", locale="nl_NL")
    chamber_of_commerce_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    billing_email = factory.Sequence(lambda n: f"billing{n}@example.com")
    billing_address = factory.Faker("street_address", locale="nl_NL")
    billing_postal_code = factory.Faker("postcode", locale="nl_NL")
    billing_city = factory.Faker("city", locale="nl_NL")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.STAFF


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    role = Membership.Role.STAFF


class StaffImportFactory(factory.django.DjangoModelFactory):
    """A previewed staff list with no rows; pass `rows` and `problems` as the parser gives."""

    class Meta:
        model = StaffImport

    organisation = factory.SubFactory(OrganisationFactory)
    uploaded_by = factory.SubFactory(UserFactory)
    filename = "staff.csv"
