"""Catalogue search: the index it reads, how words match, and suggestions.

Every published module has a narrow `ModuleSearch` row with the facet keys, next start
date, price and ECTS the catalogue filters, counts and sorts by, and a `ModuleSearchText`
beside it with its words, folded (lower case, no accents). A search word matches a whole
word or, from three letters on, the start of one ("manag" finds management, "ai" does not
find "Circulair"); synonyms the office keeps in the admin widen a word to its equivalents
in either language. On PostgreSQL the words also match by stem in English and in Dutch (a
tsvector with both configurations and an unstemmed one), results are ranked with ts_rank,
and "Did you mean" draws on trigram similarity over the catalogue's own vocabulary.
SQLite, the embedded default, matches whole words and prefixes with LIKE on the
space-separated words, ranks title matches first and suggests with difflib.
"""

import difflib
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from catalogue.models import (
    Module,
    ModuleRun,
    ModuleSearch,
    ModuleSearchText,
    SearchIndexVersion,
    SearchWord,
    Synonym,
    with_vat,
)

WORD = re.compile(r"[^\W_]+")
PREFIX_FROM = 3  # shorter words match whole words only: "AI" is not a prefix of "aim"
MAX_TERMS = 8
VOCABULARY_WORD = re.compile(r"[a-z][a-z0-9]{2,29}")
# Words that say nothing about a module; ignored unless they are all a search has.
STOP_WORDS = frozenset(
    """a an and are as at be by for from in into is it of on or the to with
    aan als bij de den der die dit een en het in is met naar of om op over te tot van voor zijn
    """.split()  # noqa: SIM905 - a list of words reads best as words
)


def fold(text: str) -> str:
    """Lower case without accents: "Één café" → "een cafe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _spaced(texts: Iterable[str]) -> str:
    tokens = [token for text in texts for token in words(text or "")]
    return f" {' '.join(tokens)} " if tokens else " "


def search_terms(q: str) -> list[str]:
    """The words a search looks for, stop words left out when others remain."""
    terms = list(dict.fromkeys(words(q)))
    meaningful = [term for term in terms if term not in STOP_WORDS]
    return (meaningful or terms)[:MAX_TERMS]


# --- Keeping the index --------------------------------------------------------------------

_TEXT_CONFIGS = ("english", "dutch", "simple")
_VECTOR_SQL = " || ".join(
    f"setweight({' || '.join(f'to_tsvector({config!r}, {column})' for config in _TEXT_CONFIGS)}, "
    f"{weight!r})"
    for column, weight in (("title_words", "A"), ("main_words", "B"), ("more_words", "C"))
)

_PHRASE_VECTOR_SQL = "to_tsvector('simple', title_words || main_words || more_words)"


def index_modules(module_ids: Iterable[int] | None = None, *, today: date | None = None) -> None:
    """Write the search rows of these modules (all when None): published modules get one,
    others lose theirs. The vocabulary grows with them; a full rebuild also forgets words."""
    today = today or timezone.localdate()
    coming_runs = (
        ModuleRun.objects.filter(start_date__gte=today)
        .exclude(status=ModuleRun.Status.CANCELLED)
        .only("module_id", "start_date", "price_override")
        .order_by("start_date")
    )
    modules = Module.objects.select_related("faculty").prefetch_related(
        "themes", "partners", Prefetch("runs", queryset=coming_runs, to_attr="coming_runs")
    )
    if module_ids is not None:
        module_ids = list(module_ids)
        modules = modules.filter(pk__in=module_ids)
    published = [module for module in modules if module.status == Module.Status.PUBLISHED]
    rows, texts = [_row(module) for module in published], [_text(module) for module in published]
    with transaction.atomic():
        stale = ModuleSearch.objects.exclude(pk__in=[row.pk for row in rows])
        if module_ids is not None:
            stale = stale.filter(pk__in=module_ids)
        stale.delete()
        ModuleSearch.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["module"],
            update_fields=[field.name for field in ModuleSearch._meta.concrete_fields[1:]],
            batch_size=500,
        )
        ModuleSearchText.objects.bulk_create(
            texts,
            update_conflicts=True,
            unique_fields=["row"],
            update_fields=["title_words", "main_words", "more_words"],
            batch_size=500,
        )
        if connection.vendor == "postgresql" and rows:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE catalogue_modulesearchtext SET vector = {_VECTOR_SQL}, "  # noqa: S608 - constants only
                    f"phrase_vector = {_PHRASE_VECTOR_SQL} "
                    "WHERE row_id = ANY(%s)",
                    [[row.pk for row in rows]],
                )
        _remember_words(texts, rebuild=module_ids is None)
        SearchIndexVersion.bump()


def _row(module: Module) -> ModuleSearch:
    themes = list(module.themes.all())
    starts = [run.start_date for run in module.coming_runs]
    return ModuleSearch(
        module=module,
        title=module.title,
        faculty=module.faculty.slug,
        format=module.format,
        language=module.language,
        level=module.level,
        # Objects rather than lists: "has any of these keys" reads the same on both databases.
        themes=dict.fromkeys((theme.slug for theme in themes), True),
        partners=dict.fromkeys((partner.name for partner in module.partners.all()), True),
        start_dates=dict.fromkeys((start.isoformat() for start in starts), True),
        next_start=starts[0] if starts else None,
        # the next run's price (a run may have its own), with VAT: what a card shows
        price=with_vat(_next_price(module), module.vat_rate),
        ects=module.ects,
    )


def _next_price(module: Module):
    runs = module.coming_runs
    if runs and runs[0].price_override is not None:
        return runs[0].price_override
    return module.price


def _text(module: Module) -> ModuleSearchText:
    return ModuleSearchText(
        row_id=module.pk,
        title_words=_spaced([module.title]),
        main_words=_spaced(
            [
                module.summary,
                # both languages: a Dutch theme name finds its modules on an English page too
                *(name for theme in module.themes.all() for name in (theme.name, theme.name_nl)),
                *module.learning_outcomes,
            ]
        ),
        more_words=_spaced([module.description, module.target_audience, module.faculty.name]),
    )


def _remember_words(texts: list[ModuleSearchText], *, rebuild: bool) -> None:
    vocabulary = {
        token
        for row in texts
        for text in (row.title_words, row.main_words, row.more_words)
        for token in text.split()
        if VOCABULARY_WORD.fullmatch(token) and token not in STOP_WORDS
    }
    if rebuild:
        SearchWord.objects.exclude(word__in=vocabulary).delete()
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(vocabulary)],
        ignore_conflicts=True,
        batch_size=1000,
    )


def modules_with_passed_next_start(today: date | None = None) -> QuerySet[ModuleSearch]:
    """Rows whose next start is behind us: the nightly refresh moves them on."""
    return ModuleSearch.objects.filter(next_start__lt=today or timezone.localdate())


# --- Matching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One search word and the phrases that may stand for it (from the synonyms)."""

    word: str
    alternatives: tuple[tuple[str, ...], ...] = ()


def synonym_groups() -> list[list[tuple[str, ...]]]:
    """The office's synonyms, each group as the folded words of its terms."""
    return [[tuple(words(term)) for term in synonym.terms] for synonym in Synonym.objects.all()]


def with_synonyms(terms: list[str], groups: list | None = None) -> list[Term]:
    if not terms:
        return []
    groups = synonym_groups() if groups is None else groups
    expanded = []
    for word in terms:
        alternatives = {
            phrase
            for group in groups
            if (word,) in group
            for phrase in group
            if phrase and phrase != (word,)
        }
        expanded.append(Term(word, tuple(sorted(alternatives))))
    return expanded


def matching_texts(terms: list[Term]) -> QuerySet[ModuleSearchText]:
    """The words of the modules matching every term (a term: its word or one of its
    alternatives)."""
    texts = ModuleSearchText.objects.all()
    if connection.vendor == "postgresql":
        where, params = _pg_condition(terms)
        return texts.extra(where=[where], params=params)  # noqa: S610 - built from constants
    for term in terms:
        texts = texts.filter(_like(term))
    return texts


def found_modules(terms: list[Term]) -> list[int]:
    """The modules matching every term: one query through the text indexes."""
    return list(matching_texts(terms).values_list("row_id", flat=True))


def relevance(terms: list[Term], title_words: str, main_words: str) -> int:
    """How well a matching module's words answer the terms: per term 4 for the title, 2
    for the summary, themes or outcomes, 1 for the rest (or a stem's match)."""
    score = 0
    for term in terms:
        patterns = [_pattern(phrase) for phrase in ((term.word,), *term.alternatives)]
        if any(pattern in title_words for pattern in patterns):
            score += 4
        elif any(pattern in main_words for pattern in patterns):
            score += 2
        else:
            score += 1
    return score


def _pattern(phrase: tuple[str, ...]) -> str:
    """' word' matches a word's start; ' ai ' only the whole word."""
    text = " " + " ".join(phrase)
    return text if len(phrase[-1]) >= PREFIX_FROM else text + " "


def _like(term: Term, columns=("title_words", "main_words", "more_words")) -> Q:
    condition = Q()
    for phrase in ((term.word,), *term.alternatives):
        for column in columns:
            condition |= Q(**{f"{column}__contains": _pattern(phrase)})
    return condition


def _lexemes(phrase: tuple[str, ...]) -> str:
    """The words are letters and digits only (WORD): safe inside to_tsquery's syntax."""
    lexemes = " <-> ".join(phrase)
    return lexemes + ":*" if len(phrase[-1]) >= PREFIX_FROM else lexemes


def _tsquery(terms: list[Term], *, joined: str) -> tuple[str, list[str]]:
    """One tsquery of the terms' single words, each in English, Dutch or as written.

    As a subquery, so the planner reads it only when the query runs: it then assumes a
    word matches few rows and asks the GIN index. Judging prefixes and synonyms from its
    statistics, it would expect nearly every row to match and read every vector instead,
    twenty times slower even when half of the rows match."""
    alternatives, params = [], []
    for term in terms:
        for config in _TEXT_CONFIGS:
            alternatives.append(f"to_tsquery('{config}', %s)")
            params.append(_lexemes((term.word,)))
    return "(SELECT " + joined.join(alternatives) + ")", params


def _pg_condition(terms: list[Term]) -> tuple[str, list[str]]:
    """Every term matches: its word by stem or prefix in `vector`, or one of its synonyms;
    a synonym of several words as a phrase in `phrase_vector`, one unstemmed run of the
    text (in `vector` the three configurations' runs follow one another, so the last word
    of one would seem to stand right before the first word of the next)."""
    conditions, params = [], []
    for term in terms:
        singles = [term] + [Term(phrase[0]) for phrase in term.alternatives if len(phrase) == 1]
        single_sql, single_params = _tsquery(singles, joined=" || ")
        parts, part_params = [f"vector @@ {single_sql}"], single_params
        for phrase in term.alternatives:
            if len(phrase) > 1:
                parts.append("phrase_vector @@ (SELECT to_tsquery('simple', %s))")
                part_params.append(_lexemes(phrase))
        conditions.append("(" + " OR ".join(parts) + ")")
        params += part_params
    return " AND ".join(conditions), params


# --- Did you mean -------------------------------------------------------------------------


def correction(terms: list[str]) -> str | None:
    """The search with its unknown words replaced by the closest words of the catalogue's
    vocabulary ("pyhton" → "python", "datascience" → "data science"), or None."""
    if not terms:
        return None
    known = _known(terms)
    unknown = [term for term in terms if term not in known and len(term) >= PREFIX_FROM]
    if not unknown:
        return None
    replacements = _splits(unknown)
    for term in unknown:
        if term not in replacements and (close := _closest(term)):
            replacements[term] = close
    if not replacements:
        return None
    return " ".join(replacements.get(term, term) for term in terms)


def _known(terms: list[str]) -> set[str]:
    """Terms that are a vocabulary word or the start of one."""
    condition = Q()
    for term in terms:
        condition |= Q(word__startswith=term) if len(term) >= PREFIX_FROM else Q(word=term)
    found = list(SearchWord.objects.filter(condition).values_list("word", flat=True)[:2000])
    return {term for term in terms if any(word.startswith(term) for word in found)}


def _splits(terms: list[str]) -> dict[str, str]:
    """Words written together that the catalogue writes apart: "datascience"."""
    halves = {term: [(term[:cut], term[cut:]) for cut in range(2, len(term) - 1)] for term in terms}
    pieces = {piece for pairs in halves.values() for pair in pairs for piece in pair}
    present = set(SearchWord.objects.filter(word__in=pieces).values_list("word", flat=True))
    found = {}
    for term, pairs in halves.items():
        whole = [pair for pair in pairs if pair[0] in present and pair[1] in present]
        if whole:  # the most even split: "data science", not "datas cience"
            found[term] = " ".join(min(whole, key=lambda pair: abs(len(pair[0]) - len(pair[1]))))
    return found


def _closest(term: str) -> str | None:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        candidates = list(
            SearchWord.objects.annotate(similarity=TrigramSimilarity("word", term))
            .filter(similarity__gt=0.2)
            .order_by("-similarity")
            .values_list("word", flat=True)[:10]
        )
    else:
        vocabulary = SearchWord.objects.filter(word__startswith=term[0]).values_list(
            "word", flat=True
        )
        candidates = difflib.get_close_matches(term, list(vocabulary), n=10, cutoff=0.7)
    candidates = [word for word in candidates if edit_distance(term, word) <= 2]
    return min(candidates, key=lambda word: edit_distance(term, word), default=None)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: a swap of two neighbours counts once ("pyhton")."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


# --- Keeping the index current ------------------------------------------------------------
# The index follows every saved row, so the admin, the services and the tasks keep it
# current alike, inside the transaction that made the change. Bulk writes (seeding) call
# services.refresh_search_index themselves.

_MODULE_FIELDS = {
    "title", "faculty", "format", "language", "level", "price", "vat_rate", "ects", "summary",
    "learning_outcomes", "description", "target_audience", "status",
    "slug", "awards_microcredential",  # on the cards the index holds
}  # fmt: skip
_RUN_FIELDS = {"start_date", "status", "module"}


def _touches(update_fields, indexed: set[str]) -> bool:
    return update_fields is None or bool(indexed & set(update_fields))


def _module_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and _touches(update_fields, _MODULE_FIELDS):
        index_modules([instance.pk])


_being_deleted = threading.local()  # modules whose deletion is under way, per thread


def _run_changed(sender, instance, update_fields=None, raw=False, **kwargs):
    deleting = instance.module_id in getattr(_being_deleted, "modules", ())
    if deleting and "created" not in kwargs:  # a run deleted along with its module
        return  # runs go first: indexing the module now would write rows it then leaves
    if not raw and _touches(update_fields, _RUN_FIELDS):
        index_modules([instance.module_id])


def _modules_of(sender, instance, raw=False, **kwargs):
    """A faculty, theme or partner renamed: the words and keys of its modules change."""
    if not raw and not kwargs.get("created"):
        index_modules(instance.modules.values_list("pk", flat=True))


def _module_deleting(sender, instance, **kwargs):
    if not hasattr(_being_deleted, "modules"):
        _being_deleted.modules = set()
    _being_deleted.modules.add(instance.pk)


def _module_deleted(sender, instance, **kwargs):
    getattr(_being_deleted, "modules", set()).discard(instance.pk)
    SearchIndexVersion.bump()


def _synonyms_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        SearchIndexVersion.bump()


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        index_modules([instance.pk])
    elif pk_set:
        index_modules(pk_set)
    # a cleared theme or partner has no modules left to name: they were re-indexed as removed


def connect_index_upkeep() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    from catalogue.models import Faculty, Partner, Theme

    post_save.connect(_module_saved, sender=Module, dispatch_uid="search-module")
    for signal in (post_save, post_delete):  # the facet index holds the synonyms too
        signal.connect(_synonyms_changed, sender=Synonym, dispatch_uid=f"search-synonym-{signal}")
    # a module deleted takes its search row along (a cascade, not index_modules)
    pre_delete.connect(_module_deleting, sender=Module, dispatch_uid="search-module-deleting")
    post_delete.connect(_module_deleted, sender=Module, dispatch_uid="search-module-deleted")
    post_save.connect(_run_changed, sender=ModuleRun, dispatch_uid="search-run")
    post_delete.connect(_run_changed, sender=ModuleRun, dispatch_uid="search-run-deleted")
    for model in (Faculty, Theme, Partner):
        post_save.connect(_modules_of, sender=model, dispatch_uid=f"search-{model.__name__}")
    for through in (Module.themes.through, Module.partners.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search-{through}")
