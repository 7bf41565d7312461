"""The catalogue's active filters as removable chips, and the links the results bar offers.

Each chip links to the same page without its one value, so removing a filter works without
JavaScript. The links are written from the filters the form kept (nonsense in the URL is
dropped on the way) in one canonical order, and without a page number: fewer results may no
longer reach the page one was on. Labels come from the facet options the page already read,
so the chips cost no query.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

RELEVANCE = "relevance"  # only meaningful with search words


@dataclass(frozen=True)
class Chip:
    kind: str  # what the value filters on, as the filter panel names it
    label: str
    remove_url: str


def _facet_kinds() -> dict[str, str]:
    return {
        "faculty": _("Faculty"),
        "theme": _("Theme"),
        "format": _("Format"),
        "starts": _("Starts in"),
        "language": _("Language"),
        "level": _("Level"),
        "partner": _("Partner"),
    }


def _parameters(filters) -> list[tuple[str, str]]:
    """The filters as URL parameters, in the order the page's form sends them."""
    parameters = [("q", filters.q)] if filters.q else []
    for name in filters.FACETS:
        parameters += [(name, str(value)) for value in getattr(filters, name)]
    price_max = getattr(filters, "price_max", None)
    if price_max is not None:
        parameters.append(("price_max", str(price_max)))
    for name, attribute in (("from", "date_from"), ("until", "date_until")):
        if value := getattr(filters, attribute, None):
            parameters.append((name, value.isoformat()))
    if sort := getattr(filters, "sort", ""):
        parameters.append(("sort", sort))
    return parameters


def _url(parameters: list[tuple[str, str]]) -> str:
    if not any(name == "q" for name, _value in parameters):
        parameters = [(n, v) for n, v in parameters if (n, v) != ("sort", RELEVANCE)]
    query = urlencode(parameters)
    return reverse("catalogue:catalogue") + (f"?{query}" if query else "")


def catalogue_url(filters, **replace: str) -> str:
    """The page for these filters with some parameters replaced (`q="python"`)."""
    parameters = [(name, value) for name, value in _parameters(filters) if name not in replace]
    extra = [(name, value) for name, value in replace.items() if value]
    return _url(extra + parameters if "q" in replace else parameters + extra)


def clear_all_url(filters) -> str:
    """Every filter and the search words gone; an order someone chose stays."""
    sort = getattr(filters, "sort", "")
    return _url([("sort", sort)] if sort else [])


def active_filters(filters, facets: dict) -> list[Chip]:
    """One chip per search, facet value, price bound and date bound, in the panel's order."""
    parameters = _parameters(filters)

    def without(name: str, value: str) -> str:
        return _url([p for p in parameters if p != (name, value)])

    chips = []
    if filters.q:
        chips.append(Chip(_("Search"), f"“{filters.q}”", without("q", filters.q)))
    kinds = _facet_kinds()
    for name in filters.FACETS:
        labels = {option.value: str(option.label) for option in facets.get(name, [])}
        for value in getattr(filters, name):
            value = str(value)
            chips.append(Chip(kinds[name], labels.get(value, value), without(name, value)))
    price_max = getattr(filters, "price_max", None)
    if price_max is not None:
        price = number_format(price_max, force_grouping=True)
        chips.append(
            Chip(
                _("Price"),
                _("up to €%(price)s") % {"price": price},
                without("price_max", str(price_max)),
            )
        )
    if date_from := getattr(filters, "date_from", None):
        chips.append(
            Chip(_("Starting from"), date_format(date_from), without("from", date_from.isoformat()))
        )
    if date_until := getattr(filters, "date_until", None):
        chips.append(
            Chip(
                _("Starting by"), date_format(date_until), without("until", date_until.isoformat())
            )
        )
    return chips
