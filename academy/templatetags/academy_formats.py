"""`{{ value|local_date:"WEEKDAY_DATETIME_FORMAT" }}`: a date in a format named in the active
language's formats module (academy.formats). Loaded everywhere (TEMPLATES builtins)."""

from django import template
from django.template.defaultfilters import date as date_filter

from academy.formats import local_format

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, name="DATE_FORMAT"):
    return date_filter(value, local_format(name))
