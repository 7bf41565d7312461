from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from academy.forms import limit_upload_size
from academy.models import User
from catalogue.models import ModuleRun, Theme
from enrolment.models import Enrolment
from legal.queries import current_terms


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
    """Who pays, an optional motivation, and consent to the terms; the given and family
    name too when the account lacks them (required when the learner pays: the invoice is
    made out to them)."""

    first_name = forms.CharField(
        label=_("Given name"), max_length=150, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )  # fmt: skip
    last_name = forms.CharField(
        label=_("Family name"), max_length=150, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )  # fmt: skip

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
    # The version of the terms this page showed; the service refuses it once replaced.
    terms_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, memberships=(), asks_for_motivation=False, learner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = current_terms()
        if self.terms:
            self.fields["terms_version"].initial = self.terms.version
            self.fields["accept_terms"].help_text = format_html(
                '<a href="{}">{}</a>', reverse("legal:terms"),
                _("Read the terms of enrolment (version %(version)d, in effect from %(date)s)")
                % {"version": self.terms.version,
                   "date": date_format(self.terms.effective_from, "j F Y")},
            )  # fmt: skip
        if asks_for_motivation:
            motivation = self.fields["motivation"]
            motivation.required = True
            motivation.help_text = _(
                "This module asks for it: what you hope to learn, and the education and "
                "experience you bring."
            )
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
        names = ("first_name", "last_name")
        self.names_asked = [name for name in names if learner and not getattr(learner, name)]
        for name in names:
            if name not in self.names_asked:
                del self.fields[name]
            elif self.memberships:  # an employer that pays is invoiced in its own name
                self.fields[name].help_text = _("Needed for your invoice if you pay yourself.")
            else:
                self.fields[name].required = True
                self.fields[name].help_text = _("As it will appear on your invoice.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("payer") == "learner":
            for name in self.names_asked:
                if name in cleaned and not cleaned[name]:  # (a required one has its error)
                    self.add_error(name, _("Your invoice needs your name: fill it in."))
        return cleaned

    def names(self) -> dict:
        """The names the learner gave, for `services.give_name` (empty when none were asked)."""
        return {
            "given_name": self.cleaned_data.get("first_name", ""),
            "family_name": self.cleaned_data.get("last_name", ""),
        }

    def clean_terms_version(self) -> int:
        return self.cleaned_data["terms_version"] or 0  # 0: the page showed no terms

    def terms_changed(self, message: str) -> None:
        """The terms were replaced while the page was open: ask again, for the new version."""
        self.data = self.data.copy()
        self.data.pop("accept_terms", None)
        self.data["terms_version"] = self.terms.version if self.terms else ""
        self.add_error("accept_terms", message)

    def payment(self) -> dict:
        choice = self.cleaned_data["payer"]
        if choice == "learner":
            return {"payer": "learner", "organisation": None}
        return {"payer": "employer", "organisation": self.memberships[choice].organisation}


class StaffLabelMixin:
    def label_from_instance(self, user):
        name = user.get_full_name() or user.email
        return f"{name} · {user.job_title}" if user.job_title else name


class StaffChoiceField(StaffLabelMixin, forms.ModelChoiceField):
    pass


class StaffMultipleChoiceField(StaffLabelMixin, forms.ModelMultipleChoiceField):
    pass


class CohortForm(forms.Form):
    """A run, and the staff to enrol in it: ticked in the list or named in a CSV."""

    run = forms.ModelChoiceField(label=_("Module and run"), queryset=ModuleRun.objects.none())
    name = forms.CharField(
        label=_("Name of the cohort"), max_length=200, required=False,
        help_text=_("Optional, for your own overview, e.g. “Team leaders north”."),
    )  # fmt: skip
    purchase_order_reference = forms.CharField(
        label=_("Purchase order reference"), max_length=64, required=False,
        help_text=_("Printed on the invoice."),
    )  # fmt: skip
    members = StaffMultipleChoiceField(
        label=_("Staff"), queryset=User.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    staff_list = forms.FileField(
        label=_("…or a list of staff (CSV)"),
        required=False,
        help_text=_("One column “email” with a header row; everyone must be on your staff list."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        validators=[limit_upload_size],
    )

    def __init__(self, *args, organisation, runs: list[ModuleRun], **kwargs):
        super().__init__(*args, **kwargs)
        seats_left = {run.pk: run.seats_left for run in runs}
        self.fields["run"].queryset = (
            ModuleRun.objects.filter(pk__in=list(seats_left))
            .select_related("module")
            .order_by("module__title", "start_date")
        )
        self.fields["run"].label_from_instance = lambda run: _(
            "%(module)s · starts %(start)s · %(seats)d seats left"
        ) % {"module": run.module.title, "start": date_format(run.start_date, "SHORT_DATE_FORMAT"),
             "seats": seats_left[run.pk]}  # fmt: skip
        self.fields["members"].queryset = organisation.members.order_by(
            "last_name", "first_name", "email"
        )
        self.initial.setdefault("purchase_order_reference", organisation.purchase_order_reference)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("members") and not cleaned.get("staff_list"):
            raise forms.ValidationError(_("Tick the staff to enrol, or upload a list of them."))
        return cleaned


class SwapForm(forms.Form):
    """Whose seat (a hidden field on each member's row) goes to which colleague."""

    enrolment = forms.ModelChoiceField(
        queryset=Enrolment.objects.none(), widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose whose seat to give away."),
            "invalid_choice": _("That seat is not in this cohort; reload the page and try again."),
        },
    )  # fmt: skip
    replacement = StaffChoiceField(label=_("Give the seat to"), queryset=User.objects.none())

    def __init__(self, *args, seats, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = seats
        self.fields["replacement"].queryset = candidates


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Present"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = enrolments
        self.fields["present"].label_from_instance = lambda e: (
            e.learner.get_full_name() or e.learner.email
        )
