"""Input for learning needs, interest and module proposals: each problem at its field."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from academy import throttle
from catalogue.models import Faculty, Format, Partner, Theme
from catalogue.queries import lecturers
from demand import services
from demand.models import LearningNeed, ModuleProposal

DESCRIPTION_MAX_LENGTH = 5000  # a page of text; the form mails it and the admin shows it
LEARNING_NEEDS_RATE = "5/h/ip"  # the form sends email: it must not relay a flood


class LearningNeedForm(forms.ModelForm):
    """The public form: a professional (or anyone) tells the university what they need."""

    class Meta:
        model = LearningNeed
        fields = [
            "topic", "description", "themes", "expected_learners", "preferred_format",
            "preferred_period", "contact_name", "contact_email", "contact_phone",
            "organisation_name",
        ]  # fmt: skip
        labels = {"themes": _("Themes it touches (optional)")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "themes": forms.CheckboxSelectMultiple,
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
            "themes": _("It helps us find the faculty that can help."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields["description"]
        description.max_length = DESCRIPTION_MAX_LENGTH
        description.widget.attrs["maxlength"] = str(DESCRIPTION_MAX_LENGTH)
        description.validators = [v for v in description.validators
                                  if not isinstance(v, MaxLengthValidator)]  # fmt: skip
        description.validators.append(
            MaxLengthValidator(
                DESCRIPTION_MAX_LENGTH,
                message=_(
                    "Keep it to %(limit_value)d characters (this is %(show_value)d); the "
                    "faculty will ask for details when they contact you."
                ),
            )
        )
        self.fields["themes"].queryset = Theme.objects.in_local_order()
        if "preferred_format" in self.fields:
            self.fields["preferred_format"].choices = [("", _("No preference")), *Format.choices]
        if user is not None and user.is_authenticated and not self.is_bound:
            self.initial.setdefault("contact_name", user.get_full_name())
            self.initial.setdefault("contact_email", user.email)
            membership = user.memberships.select_related("organisation").first()
            if membership and "organisation_name" in self.fields:
                self.initial.setdefault("organisation_name", membership.organisation.name)

    def submit(self, request, **extra):
        """Submit the valid form's need for whoever sent it, unless the same client address
        sent too many just now (then a message on the form, and nothing saved)."""
        if not throttle.allow(request, action="learning_need", rate=LEARNING_NEEDS_RATE):
            self.add_error(
                None, _("You sent several learning needs just now; try again in an hour.")
            )
            return None
        return services.submit_learning_need(
            submitted_by=request.user, language=get_language(), **extra, **self.cleaned_data
        )

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


class EmployerLearningNeedForm(LearningNeedForm):
    """From the employer portal: for the organisation, with how many staff, when, how, and
    what budget it has in mind."""

    class Meta(LearningNeedForm.Meta):
        fields = [
            "topic", "description", "themes", "expected_learners", "preferred_period",
            "preferred_format", "budget_indication", "contact_name", "contact_email",
            "contact_phone",
        ]  # fmt: skip
        labels = {**LearningNeedForm.Meta.labels, "expected_learners": _("number of staff")}
        widgets = {
            **LearningNeedForm.Meta.widgets,
            "budget_indication": forms.NumberInput(attrs={"min": 0, "step": 100}),
        }
        help_texts = {
            **LearningNeedForm.Meta.help_texts,
            "budget_indication": _("Optional: what your organisation has in mind, in euros."),
        }


class InterestByEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip


class ProposalForm(forms.ModelForm):
    """The guided proposal form; saved as a draft with any fields, checked whole on submit."""

    class Meta:
        model = ModuleProposal
        fields = [
            "faculty", "title", "summary", "description", "learning_outcomes", "target_audience",
            "format", "delivery_mix", "study_load_hours", "level", "language", "partners",
            "learning_needs", "lecturers", "first_run_starts", "first_run_ends",
        ]  # fmt: skip
        widgets = {
            "summary": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "learning_outcomes": forms.Textarea(attrs={"rows": 4}),
            "target_audience": forms.Textarea(attrs={"rows": 3}),
            "delivery_mix": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.CheckboxSelectMultiple,
            "lecturers": forms.SelectMultiple(attrs={"size": 6}),
            "learning_needs": forms.SelectMultiple(attrs={"size": 6}),
            "first_run_starts": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "first_run_ends": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = Faculty.objects.in_local_order()
        self.fields["partners"].queryset = Partner.objects.order_by("name")
        self.fields["lecturers"].queryset = lecturers()
        self.fields["learning_needs"].queryset = LearningNeed.objects.open().order_by("topic")
        self.fields["learning_needs"].help_text = _(
            "The learning needs from the work field it answers."
        )
        if user is not None and not self.is_bound and not self.instance.pk:
            self.initial.setdefault("lecturers", [user.pk])
        for name, field in self.fields.items():  # a draft may be half done
            field.required = name in self.DRAFT_NEEDS

    DRAFT_NEEDS = ("faculty", "title")

    def clean(self):
        cleaned = super().clean()
        for name in ("format", "language"):
            if not cleaned.get(name):
                cleaned[name] = ModuleProposal._meta.get_field(name).default
        starts, ends = cleaned.get("first_run_starts"), cleaned.get("first_run_ends")
        if starts and starts <= timezone.localdate():
            self.add_error("first_run_starts", _("The first run must start in the future."))
        if starts and ends and ends < starts:
            self.add_error("first_run_ends", _("The run cannot end before it starts."))
        return cleaned


class ReviewForm(forms.Form):
    DECISIONS = [
        ("comment", _("Comment only")),
        ("changes", _("Ask for changes")),
        ("decline", _("Decline")),
        ("approve", _("Approve: make it a draft module")),
    ]
    decision = forms.ChoiceField(label=_("Your decision"), choices=DECISIONS,
                                 widget=forms.RadioSelect, initial="comment")  # fmt: skip
    body = forms.CharField(label=_("Message"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class NeedStatusForm(forms.Form):
    """What a portfolio holder decides about a need on the site (the admin has the same)."""

    status = forms.ChoiceField(label=_("Status"), choices=LearningNeed.Status.choices)
    reason = forms.CharField(label=_("Reason (the submitter reads it)"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
