"""Why a module could not be registered in RIO, field by field, before anyone tries.

The rules are those of SURF's RIO mapper and DUO's XSD as NOTES.md lists them: plain text
within RIO's lengths, a whole study load, the institution's RIO codes, dates in order,
prices RIO can hold, a teaching language RIO knows.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from catalogue.models import Module, ModuleRun
from ooapi import text
from ooapi.models import RioRoute, enrolment_window

OFFERER_CODE = re.compile(r"^\d{3}A\d{3}$")
LOCATION_CODE = re.compile(r"^\d{3}X\d{3}$")
ISCED = re.compile(r"^\d{3,4}$")
MAX_PRICE = Decimal("1000000")
MAX_PLACES = 32000


def registration_of(module: Module):
    try:
        return module.registration
    except Module.registration.RelatedObjectDoesNotExist:
        return None


def rio_problems(module: Module) -> dict[str, str]:
    """Field name → what is missing or wrong for RIO, in words; empty when ready."""
    problems: dict[str, str] = {}
    registration = registration_of(module)
    if registration is None or registration.rio_route == RioRoute.NONE:
        problems["rio_route"] = _("Choose a RIO route (course or private programme).")
        return problems
    if module.status != Module.Status.PUBLISHED:
        problems["status"] = _("Only published modules go to RIO; this one is %(status)s.") % {
            "status": module.get_status_display().lower()
        }

    offerer = registration.offerer_code
    if not offerer:
        problems["education_offerer_code"] = _(
            "No education offerer code: set it here or OOAPI_EDUCATION_OFFERER_CODE for the "
            "institution (RIO's onderwijsaanbiedercode, e.g. 110A133)."
        )
    elif not OFFERER_CODE.match(offerer):
        problems["education_offerer_code"] = _(
            "RIO's education offerer code has three digits, an A and three digits "
            "(e.g. 110A133), not %(code)s."
        ) % {"code": offerer}
    location = registration.location_code
    if location and not LOCATION_CODE.match(location):
        problems["education_location_code"] = _(
            "RIO's education location code has three digits, an X and three digits "
            "(e.g. 123X456), not %(code)s."
        ) % {"code": location}
    if registration.isced_field_of_study and not ISCED.match(registration.isced_field_of_study):
        problems["isced_field_of_study"] = _("An ISCED-F field of study has 3 or 4 digits.")
    if registration.rio_category and registration.rio_route != RioRoute.PRIVATE_PROGRAM:
        problems["rio_category"] = _("RIO takes a category for a private programme only.")

    title = text.plain_text(module.title)
    if not title:
        problems["title"] = _("The title is empty once markup is removed.")
    elif len(title) > text.NAME_MAX:
        problems["title"] = _("RIO takes names of at most %(max)d characters.") % {
            "max": text.NAME_MAX
        }
    description = text.plain_text(module.description) or text.plain_text(module.summary)
    if not description:
        problems["description"] = _("The description is empty once markup is removed.")
    elif len(description) > text.DESCRIPTION_MAX:
        problems["description"] = _(
            "The description has %(length)d characters as plain text; RIO takes at most "
            "%(max)d (it would be cut)."
        ) % {"length": len(description), "max": text.DESCRIPTION_MAX}
    for outcome in module.learning_outcomes or []:
        if len(text.plain_text(str(outcome))) > text.NAME_MAX:
            problems["learning_outcomes"] = _(
                "Each learning outcome may have at most %(max)d characters."
            ) % {"max": text.NAME_MAX}
            break

    if text.study_load(ects=module.ects, hours=module.study_load_hours) is None:
        problems["ects"] = _("Give the study load in ECTS or hours: RIO needs a studielast.")
    if text.TEACHING_LANGUAGES.get(module.language) not in text.RIO_TEACHING_LANGUAGES:
        problems["language"] = _("RIO has no teaching language code for %(language)s.") % {
            "language": module.get_language_display()
        }
    if module.price_including_vat > MAX_PRICE:
        problems["price"] = _("RIO takes prices up to € 1,000,000 including VAT.")

    run_problems = [
        f"{run.code}: {problem}"
        for run in module.runs.exclude(status=ModuleRun.Status.CANCELLED)
        for problem in _run_problems(run, module)
    ]
    if run_problems:
        problems["runs"] = " ".join(run_problems)
    return problems


def _run_problems(run: ModuleRun, module: Module) -> list[str]:
    found = []
    opens, closes = enrolment_window(run)
    if closes and closes <= opens:
        found.append(_("enrolment must close after the day it opens (RIO N11020)."))
    if not 1 <= run.capacity <= MAX_PLACES:
        found.append(_("RIO takes 1 to %(max)d places.") % {"max": MAX_PLACES})
    price = run.price_override if run.price_override is not None else module.price
    if price * (100 + module.vat_rate) / 100 > MAX_PRICE:
        found.append(_("RIO takes prices up to € 1,000,000 including VAT."))
    return found


def is_ready(module: Module) -> bool:
    return not rio_problems(module)
