from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.models import Answer


class AnswerForm(forms.ModelForm):
    """The participant's evaluation: every question answered, comments optional."""

    class Meta:
        model = Answer
        fields = ["overall", "relevance", "lecturers", "blend", "workload", "recommend",
                  "comments"]  # fmt: skip
        labels = {
            "overall": _("Overall, how was the module?"),
            "relevance": _("How relevant was it to your work?"),
            "lecturers": _("How were the lecturers?"),
            "blend": _("How well did the online learning and the on-campus meetings fit together?"),
            "workload": _("How did the work you put in compare with the stated study load?"),
            "recommend": _("How likely are you to recommend it to a colleague?"),
            "comments": _("Anything you would like to tell the lecturers? (optional)"),
        }
        help_texts = {
            "recommend": _("0 = not at all likely, 10 = extremely likely."),
            "comments": _("Please leave out names: comments are shown, anonymously, to the "
                          "lecturers and the faculty."),
        }  # fmt: skip
        widgets = {
            "overall": forms.RadioSelect,
            "relevance": forms.RadioSelect,
            "lecturers": forms.RadioSelect,
            "blend": forms.RadioSelect,
            "workload": forms.RadioSelect,
            "recommend": forms.RadioSelect(choices=[(n, str(n)) for n in range(11)]),
            "comments": forms.Textarea(
                attrs={"rows": 4, "maxlength": 3000, "class": "form-control"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("overall", "relevance", "lecturers", "blend", "workload"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        recommend = self.fields["recommend"]
        recommend.widget.choices = [(n, str(n)) for n in range(11)]
        for name in self.SCALES:
            self.fields[name].widget.attrs["class"] = "btn-check"

    SCALES = ("overall", "relevance", "lecturers", "blend", "workload", "recommend")

    def scales(self):
        return [self[name] for name in self.SCALES]


class HideCommentForm(forms.Form):
    reason = forms.CharField(label=_("Why hide it?"), max_length=300)
