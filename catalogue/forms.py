import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from catalogue.models import Format, LearningNeed, Level
from catalogue.queries import CatalogueFilters

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class CatalogueFilterForm(forms.Form):
    """Reads the catalogue's URL; values that make no sense are dropped, not an error."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.raw = data

    def filters(self) -> CatalogueFilters:
        self.is_valid()  # cleaned_data then holds the fields that are valid
        cleaned = self.cleaned_data
        formats, languages = {c for c, _ in Format.choices}, {c for c, _ in settings.LANGUAGES}
        levels = {str(c) for c, _ in Level.choices}
        getlist = self.raw.getlist
        return CatalogueFilters(
            q=(cleaned.get("q") or "").strip(),
            faculty=_unique(getlist("faculty")),
            theme=_unique(getlist("theme")),
            partner=_unique(getlist("partner")),
            format=[v for v in _unique(getlist("format")) if v in formats],
            language=[v for v in _unique(getlist("language")) if v in languages],
            level=[int(v) for v in _unique(getlist("level")) if v in levels],
            starts=[v for v in _unique(getlist("starts")) if MONTH.match(v)],
        )

    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))[:20]


class LearningNeedForm(forms.ModelForm):
    class Meta:
        model = LearningNeed
        fields = [
            "topic",
            "description",
            "expected_learners",
            "preferred_format",
            "preferred_period",
            "contact_name",
            "contact_email",
            "contact_phone",
            "organisation_name",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "expected_learners": forms.NumberInput(attrs={"min": 1, "max": 10000}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "topic": _("In a few words, e.g. 'Data literacy for policy advisers'."),
            "description": _(
                "What should people be able to do afterwards, and in what kind of work?"
            ),
            "preferred_period": _("For example: spring 2027, or evenings in the autumn."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_format"].choices = [("", _("No preference")), *Format.choices]
        if user is not None and user.is_authenticated and not self.is_bound:
            self.initial.setdefault("contact_name", user.get_full_name())
            self.initial.setdefault("contact_email", user.email)
            membership = user.memberships.select_related("organisation").first()
            if membership:
                self.initial.setdefault("organisation_name", membership.organisation.name)

    def clean_topic(self):
        topic = self.cleaned_data["topic"].strip()
        if len(topic) < 3:
            raise forms.ValidationError(_("Describe the topic in at least a few letters."))
        return topic

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if len(description) < 20:
            raise forms.ValidationError(
                _("Tell us a little more (at least 20 characters) so the right faculty can help.")
            )
        return description
