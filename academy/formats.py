"""Dates in the words of the active language, by name.

Django's own format names (DATE_FORMAT, SHORT_DATE_FORMAT, ...) work with its `date` filter
and `date_format`. The site adds a few (SHORT_MONTH_FORMAT, SHORT_YEAR_MONTH_FORMAT,
WEEKDAY_DATE_FORMAT, WEEKDAY_DATETIME_FORMAT, WEEKDAY_DAY_TIME_FORMAT) in the same per-language
modules (config/formats/<language>/formats.py); Django does not look those up, so ask here.
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language


def local_format(name: str, lang: str | None = None) -> str:
    """The format string `name` stands for in `lang` (the active language by default);
    Django's names go through Django, a plain format string comes back as it is."""
    if name in formats.FORMAT_SETTINGS:
        return formats.get_format(name, lang)
    lang = lang or get_language() or settings.LANGUAGE_CODE
    for language in (lang, settings.LANGUAGE_CODE):
        for module in formats.get_format_modules(language):
            if hasattr(module, name):
                return getattr(module, name)
    return name


def local_date_format(value, name: str = "DATE_FORMAT") -> str:
    """`value` (a date, or an aware datetime shown in the site's time zone) written the way
    the active language writes `name`."""
    return formats.date_format(value, local_format(name))
