"""The catalogue's facets as bitmaps, held in each process and read again when the offer
changes.

Counting every facet of a search over 10,000 modules in SQL costs tens of milliseconds a
request, however the query is shaped: each facet counts the rows that meet all the other
facets' ticks. Here each published module has a position, and each facet value (a faculty,
a theme, a start month, …) the set of positions that carry it, as one Python integer used
as a bitmap. A facet's counts are then a few hundred AND and popcount operations on
integers of 10,000 bits: well under a millisecond. The database still answers the words
(its full-text indexes), and the page's modules.

The index follows the database, never the other way round: every change to the search
rows writes a new `SearchIndexVersion` in the same transaction, each request reads that
version (one primary-key lookup) and a process whose index is of another version or
another day reads the rows again. So the counts are always those of the committed rows,
whatever process answers, and nothing is served from a cache of results.
"""

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from catalogue import search
from catalogue.models import (
    Faculty,
    Module,
    ModuleSearch,
    ModuleSearchText,
    SearchIndexVersion,
    Theme,
)

# What a card shows of its module, read with the index: a page then asks no more queries.
_CARD_FIELDS = ("slug", "summary", "price", "vat_rate", "awards_microcredential", "faculty_id")
_CARD_ATTNAMES = [
    field.attname
    for field in Module._meta.concrete_fields
    if field.attname in {"id", "title", "format", "language", "level", "ects", *_CARD_FIELDS}
]

_loaded: "FacetIndex | None" = None


def current(today: date) -> "FacetIndex":
    """The index of the committed search rows, as of today."""
    global _loaded
    version = SearchIndexVersion.read()
    index = _loaded
    if index is None or index.version != version or index.today != today:
        index = _loaded = FacetIndex.load(version, today)
    return index


def _bitmap(positions, size: int) -> int:
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def positions_of(bitmap: int) -> list[int]:
    """The positions set in a bitmap, lowest first."""
    text = bin(bitmap)[:1:-1]  # least significant bit first
    found, position = [], text.find("1")
    while position != -1:
        found.append(position)
        position = text.find("1", position + 1)
    return found


@dataclass
class FacetIndex:
    version: str | None
    today: date
    module_ids: list[int]
    position_of: dict[int, int]  # module id → position
    titles: list[str]
    next_starts: list[date | None]
    prices: list[Decimal]
    ects: list[Decimal | None]
    # facet → value (as in the URL) → bitmap of the modules carrying it
    values: dict[str, dict[str, int]]
    days: dict[date, int]  # start date still to come → modules with a run starting then
    names: dict[str, dict[str, tuple[str, str]]]  # faculty/theme slug → (name, Dutch name)
    words: list[tuple[str, str]]  # per position: title words, main words (for relevance)
    themes: list[list[Theme]]  # per position, as the cards name them
    synonyms: list  # search.synonym_groups()
    cards: list[tuple]  # per position, the module's _CARD_ATTNAMES
    faculties: dict[int, Faculty]
    orders: dict[str, list[int]] = field(default_factory=dict)  # sort → positions in order

    @property
    def size(self) -> int:
        return len(self.module_ids)

    @property
    def everything(self) -> int:
        return (1 << self.size) - 1

    @classmethod
    def load(cls, version: str | None, today: date) -> "FacetIndex":
        rows = list(
            ModuleSearch.objects.order_by("module_id").values_list(
                "module_id", "title", "faculty", "format", "language", "level",
                "themes", "partners", "start_dates", "price", "ects",
                *(f"module__{name}" for name in _CARD_ATTNAMES),
            )
        )  # fmt: skip
        today_text = today.isoformat()
        positions: dict[str, dict[str, list[int]]] = {
            facet: defaultdict(list)
            for facet in ("faculty", "theme", "format", "language", "level", "partner", "starts")
        }
        day_positions: dict[str, list[int]] = defaultdict(list)
        next_starts = []
        theme_objects = {theme.slug: theme for theme in Theme.objects.all()}
        card_themes = []
        for position, (_id, _title, faculty, format_, language, level, themes, partners,
                       start_dates, _price, _ects, *_card) in enumerate(rows):  # fmt: skip
            card_themes.append([theme_objects[slug] for slug in themes if slug in theme_objects])
            positions["faculty"][faculty].append(position)
            positions["format"][format_].append(position)
            positions["language"][language].append(position)
            if level is not None:
                positions["level"][str(level)].append(position)
            for slug in themes:
                positions["theme"][slug].append(position)
            for name in partners:
                positions["partner"][name].append(position)
            coming = sorted(day for day in start_dates if day >= today_text)
            for day in coming:
                day_positions[day].append(position)
            for month in dict.fromkeys(day[:7] for day in coming):
                positions["starts"][month].append(position)
            next_starts.append(date.fromisoformat(coming[0]) if coming else None)
        size = len(rows)
        module_ids = [row[0] for row in rows]
        faculties = {faculty.pk: faculty for faculty in Faculty.objects.all()}
        words = {
            row_id: (title, main)
            for row_id, title, main in ModuleSearchText.objects.values_list(
                "row_id", "title_words", "main_words"
            )
        }
        index = cls(
            version=version,
            today=today,
            module_ids=module_ids,
            position_of={pk: position for position, pk in enumerate(module_ids)},
            titles=[row[1] for row in rows],
            next_starts=next_starts,
            prices=[row[9] for row in rows],
            ects=[row[10] for row in rows],
            values={
                facet: {value: _bitmap(found, size) for value, found in by_value.items()}
                for facet, by_value in positions.items()
            },
            days={
                date.fromisoformat(day): _bitmap(found, size)
                for day, found in day_positions.items()
            },
            words=[words.get(module_id, ("", "")) for module_id in module_ids],
            themes=card_themes,
            cards=[row[11:] for row in rows],
            faculties=faculties,
            synonyms=search.synonym_groups(),
            names={
                "faculty": {faculty.slug: (faculty.name, faculty.name_nl)
                            for faculty in faculties.values()},
                "theme": {theme.slug: (theme.name, theme.name_nl)
                          for theme in theme_objects.values()},
            },
        )  # fmt: skip
        for sort in ("start", "price", "ects"):
            index.orders[sort] = sorted(range(size), key=index.sort_key(sort))
        return index

    def card(self, position: int) -> Module:
        """The module at this position as its card reads it (no other field is loaded)."""
        module = Module.from_db(None, _CARD_ATTNAMES, self.cards[position])
        module.faculty = self.faculties[module.faculty_id]
        return module

    # --- Narrowing ----------------------------------------------------------------------

    def of_modules(self, module_ids) -> int:
        """The bitmap of these modules (those the words found)."""
        position = self.position_of
        return _bitmap((position[pk] for pk in module_ids if pk in position), self.size)

    def any_of(self, facet: str, values) -> int | None:
        """Modules carrying any of these values (None: nothing ticked, the facet asks nothing)."""
        if not values:
            return None
        found = self.values[facet]
        bitmap = 0
        for value in values:
            bitmap |= found.get(str(value), 0)
        return bitmap

    def priced_at_most(self, euros) -> int:
        limit = Decimal(euros)
        return _bitmap((p for p, price in enumerate(self.prices) if price <= limit), self.size)

    def starting_between(self, first: date, last: date | None) -> int:
        bitmap = 0
        for day, modules in self.days.items():
            if first <= day and (last is None or day <= last):
                bitmap |= modules
        return bitmap

    # --- Counting -----------------------------------------------------------------------

    def counts(self, within: int, ticked: dict[str, int | None]) -> dict[str, list[int]]:
        """Per facet, its values' counts among the modules `within` that meet every other
        facet's ticks (OR within a facet, AND across facets); values counted 0 left out."""
        found = {}
        for facet, by_value in self.values.items():
            others = within
            for other, bitmap in ticked.items():
                if other != facet and bitmap is not None:
                    others &= bitmap
            found[facet] = {
                value: count
                for value, modules in by_value.items()
                if (count := (others & modules).bit_count())
            }
        return found

    # --- Ordering -----------------------------------------------------------------------

    def sort_key(self, sort: str, ranks: dict[int, float] | None = None):
        """Later starts and no start last, then the title; by price, ECTS (none last) or
        relevance (highest first) before that."""
        starts, titles = self.next_starts, self.titles

        def by_start(p):
            start = starts[p]
            return (start is None, start or date.min, titles[p])

        if sort == "start":
            return by_start
        if sort == "price":
            return lambda p: (self.prices[p], by_start(p))
        if sort == "ects":
            return lambda p: (self.ects[p] is None, self.ects[p] or 0, by_start(p))
        return lambda p: (-ranks[p], by_start(p))

    def relevance(self, bitmap: int, terms) -> dict[int, int]:
        """Per position in the bitmap, how well its words answer the terms."""
        words = self.words
        return {
            position: search.relevance(terms, *words[position]) for position in positions_of(bitmap)
        }

    def ordered(self, bitmap: int, sort: str, stop: int, ranks=None) -> list[int]:
        """The first `stop` positions of a bitmap in the sort's order (by relevance: the
        ranks of every position in it)."""
        if sort == "relevance":
            return heapq.nsmallest(stop, ranks, key=self.sort_key(sort, ranks))
        if bitmap.bit_count() * 16 < self.size:  # few: sort just those
            return heapq.nsmallest(stop, positions_of(bitmap), key=self.sort_key(sort))
        bits = bitmap.to_bytes((self.size + 7) // 8, "little")
        found = []
        for position in self.orders[sort]:
            if bits[position >> 3] >> (position & 7) & 1:
                found.append(position)
                if len(found) == stop:
                    break
        return found
