"""Input of the teaching pages that belongs to no domain app's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

EARLY_OVERRIDE_REASON_LENGTH = 500


class EarlyOverrideForm(forms.Form):
    """The academy office records attendance or results before their time only with a reason,
    which the audit trail keeps. Shown to the office alone, and only when it is early."""

    early_override_reason = forms.CharField(
        label=_("Reason for recording early"),
        max_length=EARLY_OVERRIDE_REASON_LENGTH,
        required=False,  # the service says when it is missing, at this field
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "This has not taken place yet. As the academy office you may record it now; say "
            "why. The reason is kept in the audit trail."
        ),
    )

    @property
    def reason(self) -> str:
        return self.cleaned_data.get("early_override_reason", "") if self.is_valid() else ""
