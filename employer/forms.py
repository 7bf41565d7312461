"""Forms of the employer portal that are its own: finding a run and staff for a cohort, an
organisation's settings and who its admins are."""

from django import forms
from django.utils.translation import gettext_lazy as _

from academy.forms import OrganisationForm
from academy.models import Membership, Organisation


class CohortSearchForm(forms.Form):
    """The search boxes above the runs and the staff (a GET: the list works without script)."""

    q = forms.CharField(label=_("Search the runs"), max_length=100, required=False)
    staff_q = forms.CharField(label=_("Search your staff"), max_length=100, required=False)

    def words(self, name: str) -> list[str]:
        if not self.is_valid():
            return []
        return self.cleaned_data[name].casefold().split()


class OrganisationSettingsForm(OrganisationForm):
    """The registration form's fields, for an organisation that already exists: its own KvK
    number is of course not taken."""

    def clean_chamber_of_commerce_number(self):
        value = self.cleaned_data["chamber_of_commerce_number"]
        number = "".join(character for character in value if character not in " .-")
        if (
            Organisation.objects.filter(chamber_of_commerce_number=number)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(
                _("Another organisation is registered with this KvK number.")
            )
        return number


class MakeAdminForm(forms.Form):
    """Which member of staff becomes an admin."""

    membership = forms.ModelChoiceField(
        label=_("Member of staff"),
        queryset=Membership.objects.none(),
        empty_label=_("Choose a member of staff"),
        error_messages={"invalid_choice": _("Choose someone on your staff list.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = (
            organisation.memberships.filter(role=Membership.Role.STAFF)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__email")
        )
        self.fields["membership"].label_from_instance = lambda m: (
            f"{m.user.get_full_name() or m.user.email} · {m.user.email}"
            if m.user.get_full_name() else m.user.email
        )  # fmt: skip
