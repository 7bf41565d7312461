from django import forms
from django.utils.translation import gettext_lazy as _

from academy.models import User
from catalogue.models import Theme


class ProfileForm(forms.ModelForm):
    """The professional's own profile, with one consent switch per employer."""

    interests = forms.ModelMultipleChoiceField(
        label=_("Interests"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Themes you would like to hear about."),
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "preferred_language",
            "job_title",
            "sector",
            "education_level",
        ]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.initial.setdefault("interests", list(self.instance.interests.all()))
        self.memberships = list(memberships)
        for membership in self.memberships:
            self.fields[self.sharing_field(membership)] = forms.BooleanField(
                label=_("Share my enrolments, progress and credentials with %(organisation)s")
                % {"organisation": membership.organisation.name},
                required=False,
                initial=membership.shares_progress,
            )

    @staticmethod
    def sharing_field(membership) -> str:
        return f"share_with_{membership.organisation_id}"

    def sharing_fields(self):
        return [self[self.sharing_field(m)] for m in self.memberships]

    def sharing_choices(self):
        return [(m, self.cleaned_data[self.sharing_field(m)]) for m in self.memberships]


class EnrolForm(forms.Form):
    """Who pays, an optional motivation, and consent to the terms."""

    payer = forms.ChoiceField(label=_("Who pays?"), widget=forms.RadioSelect)
    motivation = forms.CharField(
        label=_("Motivation or prior education"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: what you hope to learn, or relevant education and experience."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of enrolment, including the cancellation conditions."),
    )

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {str(m.organisation_id): m for m in memberships}
        self.fields["payer"].choices = [
            ("learner", _("I pay myself")),
            *(
                (org_id, _("My employer pays: %(organisation)s (their admin approves first)")
                 % {"organisation": m.organisation.name})
                for org_id, m in self.memberships.items()
            ),
        ]  # fmt: skip
        self.fields["payer"].initial = "learner"

    def payment(self) -> dict:
        choice = self.cleaned_data["payer"]
        if choice == "learner":
            return {"payer": "learner", "organisation": None}
        return {"payer": "employer", "organisation": self.memberships[choice].organisation}
