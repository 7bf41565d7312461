import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from catalogue.models import Format, Level
from catalogue.queries import SORTS, CatalogueFilters

MONTH = re.compile(r"(?P<year>[0-9]{4})-(0[1-9]|1[0-2])", re.ASCII)
FIRST_YEAR, LAST_YEAR = 2000, 2999  # a month outside these has no runs and no valid date range
DESCRIPTION_MAX_LENGTH = 5000  # a page of text; the form mails it and the admin shows it
SLUG = re.compile(r"[-a-zA-Z0-9_]+", re.ASCII)  # as Django's slug path converter


class FacetField(forms.Field):
    """The values of one facet (?theme=a&theme=b); a value that cannot be one is dropped.

    The URL is anyone's to write, so a NUL byte, a 10,000-character value or a month in the
    year 9999 is ignored rather than sent to the database or to `date()`.
    """

    widget = forms.MultipleHiddenInput

    def __init__(self, *, accepts, max_length=200, max_values=20, coerce=str, **kwargs):
        super().__init__(required=False, **kwargs)
        self.accepts, self.max_length, self.max_values = accepts, max_length, max_values
        self.coerce = coerce

    def to_python(self, value) -> list:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        kept = []
        for raw in values:
            text = str(raw).strip()
            if text and len(text) <= self.max_length and "\x00" not in text and self.accepts(text):
                kept.append(self.coerce(text))
        return list(dict.fromkeys(kept))[: self.max_values]


def _is_month(value: str) -> bool:
    match = MONTH.fullmatch(value)
    return bool(match) and FIRST_YEAR <= int(match["year"]) <= LAST_YEAR


def _within_years(day):
    return day if day is None or FIRST_YEAR <= day.year <= LAST_YEAR else None


def _one_of(choices):
    allowed = {str(value) for value, _label in choices}
    return allowed.__contains__


class CatalogueFilterForm(forms.Form):
    """Reads the catalogue's URL; values that make no sense are dropped, not an error."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)
    faculty = FacetField(accepts=SLUG.fullmatch, max_length=50)
    theme = FacetField(accepts=SLUG.fullmatch, max_length=50)
    partner = FacetField(accepts=bool, max_length=200)  # partners are named by their name
    format = FacetField(accepts=_one_of(Format.choices))
    language = FacetField(accepts=_one_of(settings.LANGUAGES))
    level = FacetField(accepts=_one_of(Level.choices), coerce=int)
    starts = FacetField(accepts=_is_month, max_length=7)
    price_max = forms.IntegerField(
        required=False, min_value=0, max_value=1_000_000, label=_("Maximum price (€)")
    )
    date_from = forms.DateField(
        required=False, label=_("Starting from"), input_formats=["%Y-%m-%d"]
    )
    date_until = forms.DateField(required=False, label=_("until"), input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in SORTS])

    def __init__(self, data=None, **kwargs):
        # The URL says from/until (DESIGN.md); `from` cannot be a Python field name.
        if data is not None:
            data = data.copy()
            for url_name, field_name in (("from", "date_from"), ("until", "date_until")):
                if url_name in data:
                    data[field_name] = data[url_name]
        super().__init__(data, **kwargs)

    def clean_date_from(self):
        return _within_years(self.cleaned_data.get("date_from"))

    def clean_date_until(self):
        return _within_years(self.cleaned_data.get("date_until"))

    def filters(self) -> CatalogueFilters:
        self.is_valid()  # cleaned_data then holds the fields that are valid
        cleaned = self.cleaned_data
        return CatalogueFilters(
            q=(cleaned.get("q") or "").strip(),
            **{name: cleaned.get(name, []) for name in CatalogueFilters.FACETS},
            price_max=cleaned.get("price_max"),
            date_from=cleaned.get("date_from"),
            date_until=cleaned.get("date_until"),
            sort=cleaned.get("sort") or "",
        )

    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1
