"""The module page: built once for every visitor and cached, then made personal.

The page's body is the same for everyone and costs a handful of queries, so it is cached
(catalogue.page_cache). What differs per visitor is what each run offers them: whoever
already holds a seat or a waiting-list place in a run reads that instead of "Enrol". Each
run's offer sits between two markers in the cached body (catalogue/_run_action.html);
`with_places` puts the learner's own place there, from two queries however many runs.
"""

import re

from django.conf import settings
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue import page_cache
from catalogue import queries as catalogue_queries
from catalogue.models import Module
from catalogue.structured_data import course_json_ld
from enrolment import queries
from enrolment.models import WaitingListEntry
from evaluations import queries as evaluation_queries

RUN_ACTION = re.compile(r"<!--run-action:(\d+)-->.*?<!--/run-action:\1-->", re.S)


def cached_parts(request, slug: str) -> dict:
    """Title, summary, JSON-LD, the rendered body and the runs' ids; from the cache when
    someone asked for the page before today and nothing in the catalogue changed since."""
    cache_key = page_cache.module_key(slug)
    parts = page_cache.get(cache_key)
    if parts is not None:
        return parts
    try:
        module = catalogue_queries.published_module(slug, user=request.user)
    except Module.DoesNotExist:
        raise Http404(_("No such module.")) from None
    queries.fill_seats_taken(module.upcoming_runs)
    rating = evaluation_queries.module_rating(module.pk)
    json_ld = course_json_ld(
        module,
        url=settings.SITE_URL + module.get_absolute_url(),
        rating=rating if rating.shown else None,
    )
    context = {
        "module": module,
        "rating": rating,
        "json_ld": json_ld,
        "outcomes": [outcome for outcome in module.learning_outcomes if outcome.strip()],
        "next_run": catalogue_queries.next_run_to_join(module.upcoming_runs),
        "today": timezone.localdate(),
    }
    parts = {
        "title": module.title,
        "slug": module.slug,
        "open_for_enrolment": any(
            run.why_not_open_for_enrolment() is None for run in module.upcoming_runs
        ),
        "summary": module.summary,
        "json_ld": json_ld,
        "run_ids": [run.pk for run in module.upcoming_runs],
        "body": render_to_string("catalogue/_module.html", context, request),
    }
    if module.is_public:  # a curator's preview of a draft is never cached
        page_cache.put(cache_key, parts)
    return parts


def with_places(body: str, places: dict, request) -> str:
    """The body with each run the learner holds a place in saying so, instead of its offer."""
    if not places:
        return body
    rendered = {}

    def own_place(match):
        run_id = int(match.group(1))
        place = places.get(run_id)
        if place is None:
            return match.group(0)
        if run_id not in rendered:  # the run's card and the glance show the same place
            rendered[run_id] = render_to_string(
                "learner/_run_place.html",
                {"place": place, "waiting": isinstance(place, WaitingListEntry)},
                request,
            )
        return rendered[run_id]

    return RUN_ACTION.sub(own_place, body)
