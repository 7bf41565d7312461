from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from academy.forms import limit_upload_size
from credentials.services import grade_problem, normalised_grade
from credentials.verification import MAX_SUBMITTED_CHARS


def limit_credential_size(upload) -> None:
    if upload.size > MAX_SUBMITTED_CHARS:
        raise forms.ValidationError(
            _("The file is larger than %(size)d KB; the Academy's credentials are much smaller.")
            % {"size": MAX_SUBMITTED_CHARS // 1024}
        )


class CheckCredentialForm(forms.Form):
    """A credential to check: pasted (JSON or JWT) or uploaded as a file, at most 64 KB."""

    text = forms.CharField(
        label=_("Paste a credential (JSON or JWT)"), required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        # A validator rather than max_length: browsers cut a longer paste short without a word.
        validators=[MaxLengthValidator(MAX_SUBMITTED_CHARS, message=_(
            "This is longer than %(limit_value)d characters; the Academy's credentials are "
            "much shorter."))],
    )  # fmt: skip
    file = forms.FileField(
        label=_("…or upload the file"), required=False, validators=[limit_credential_size]
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            content = upload.read(MAX_SUBMITTED_CHARS + 1)
            cleaned["text"] = content.decode("utf-8", errors="replace")
        if not cleaned.get("text", "").strip():
            raise forms.ValidationError(_("Paste a credential or choose a file."))
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revocation"), max_length=300)


class ResultRowForm(forms.Form):
    """One participant's result on the run's result grid."""

    outcome = forms.ChoiceField(
        label=_("Result"), required=False,
        choices=[("", _("not assessed")), ("passed", _("passed")), ("failed", _("not passed"))],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )  # fmt: skip
    grade = forms.CharField(
        label=_("Grade"), max_length=16, required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                      "inputmode": "decimal", "size": 5}),
    )  # fmt: skip

    def clean_grade(self):
        grade = self.cleaned_data["grade"]
        if problem := grade_problem(grade):
            raise forms.ValidationError(problem)
        return normalised_grade(grade)


class ResultsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Results (CSV)"),
        help_text=_("Columns: email, passed (yes/no), and optionally grade, with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        validators=[limit_upload_size],
    )
