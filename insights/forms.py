"""The dashboard's filters: a faculty the reader may see, a theme, and a period (an academic
year, or a range of months)."""

from datetime import date

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from insights.dashboard import Period, academic_year_label, academic_year_of

YEARS_BACK = 5
FIRST_YEAR, LAST_YEAR = 2000, 2100  # beyond these, dates overflow or mean nothing


def _month(value: str) -> date:
    try:
        year, month = (int(part) for part in value.split("-"))
        month_date = date(year, month, 1)
    except ValueError as error:
        raise forms.ValidationError(_("Give a month as YYYY-MM.")) from error
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Give a month between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return month_date


class DashboardFilters(forms.Form):
    faculty = forms.TypedChoiceField(label=_("Faculty"), required=False, coerce=int,
                                     empty_value=None)  # fmt: skip
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int,
                                   empty_value=None)  # fmt: skip
    year = forms.TypedChoiceField(label=_("Academic year"), required=False, coerce=int,
                                  empty_value=None)  # fmt: skip
    start = forms.CharField(label=_("From month"), required=False, widget=forms.DateInput(
        attrs={"type": "month", "placeholder": "YYYY-MM"}))  # fmt: skip
    end = forms.CharField(label=_("Until month"), required=False, widget=forms.DateInput(
        attrs={"type": "month", "placeholder": "YYYY-MM"}))  # fmt: skip

    def __init__(self, data, *, faculties, themes, today: date):
        super().__init__(data)
        self.today = today
        self.faculties = {f.pk: f for f in faculties}
        self.themes = {t.pk: t for t in themes}
        everything = [("", _("All your faculties") if len(faculties) > 1 else _("Your faculty"))]
        self.fields["faculty"].choices = everything + [(f.pk, f.local_name) for f in faculties]
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.pk, t.name) for t in themes]
        current = academic_year_of(today)
        self.fields["year"].choices = [
            (year, academic_year_label(year))
            for year in range(current + 1, current - YEARS_BACK, -1)
        ]
        for name, field in self.fields.items():
            field.widget.attrs.setdefault(
                "class", "form-select" if name in ("faculty", "theme", "year") else "form-control"
            )

    def clean_start(self):
        value = self.cleaned_data["start"].strip()
        return _month(value) if value else None

    def clean_end(self):
        value = self.cleaned_data["end"].strip()
        return _month(value) if value else None

    def selection_filters(self):
        """(faculty, theme, period). A faculty or theme that is not the reader's to choose is
        a page that does not exist for them: 404, never a page about it."""
        valid = self.is_valid()
        raw_faculty = self.data.get("faculty") or ""
        if raw_faculty and "faculty" in self.errors:
            raise Http404
        if (self.data.get("theme") or "") and "theme" in self.errors:
            raise Http404
        data = self.cleaned_data if valid else {k: self.cleaned_data.get(k) for k in self.fields}
        faculty = self.faculties.get(data.get("faculty"))
        theme = self.themes.get(data.get("theme"))
        start, end = data.get("start"), data.get("end")
        if start or end:
            period = Period.months_between(start or end, end or start)
        else:
            period = Period.academic_year(data.get("year") or academic_year_of(self.today))
        return faculty, theme, period
