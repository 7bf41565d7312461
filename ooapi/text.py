"""Text as RIO takes it: plain, no markup, within RIO's lengths, RIO's codes.

The RIO mapper rejects any text matching `(<(\\S|\\Z))|(&\\S+;)` (a tag-like `<` or an
entity), names over 1000 and descriptions over 3000 characters (NOTES.md §3.0).
"""

import re
from decimal import ROUND_HALF_UP, Decimal
from html import unescape

from django.utils.html import strip_tags

MARKUP = re.compile(r"(<(\S|\Z))|(&\S+;)")
NAME_MAX = 1000
DESCRIPTION_MAX = 3000
ABBREVIATION_MAX = 40

# The catalogue's languages as OOAPI language tags (RIO looks for nl-NL or en-GB first)
# and as ISO 639-2 teaching languages that RIO maps to a voertaal.
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
TEACHING_LANGUAGES = {"nl": "nld", "en": "eng", "de": "deu", "fr": "fra"}
RIO_TEACHING_LANGUAGES = {
    "ara", "chi", "deu", "eng", "fra", "hrv", "ita", "jpn", "nld", "nor", "pap", "pol", "por",
    "ron", "rus", "spa", "swe", "tur",
}  # fmt: skip


def plain_text(value: str) -> str:
    """Markup removed, entities decoded, and what still looks like markup defused: a `<`
    before a letter gets a space after it, an `&` that would read as an entity too."""
    text = unescape(strip_tags(value or "")).replace("\xa0", " ")
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r"<(?=\S|\Z)", "< ", text)
    text = re.sub(r"&(?=\S+;)", "& ", text)
    return text.strip()


def shortened(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis when it must be cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def has_markup(text: str) -> bool:
    return bool(MARKUP.search(text or ""))


def amount(value) -> str:
    """A money amount as OOAPI's Cost wants it: digits, a dot and two decimals."""
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def study_load(*, ects, hours) -> dict | None:
    """A whole number, as RIO's studielast must be: ECTS when whole, else hours (as given,
    or 28 per ECTS, the Dutch norm), never a fraction such as 7.5."""
    if ects is not None and Decimal(ects) == Decimal(ects).to_integral_value():
        return {"studyLoadUnit": "ects", "value": int(ects)}
    if hours:
        return {"studyLoadUnit": "hour", "value": int(hours)}
    if ects is not None:
        value = (Decimal(ects) * 28).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        return {"studyLoadUnit": "hour", "value": int(value)}
    return None
