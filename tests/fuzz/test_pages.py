"""Every page, as every kind of user, with fuzzed path, query and form values: never a 500.

The known crashes of issue 10 are seeded with @example, so they are tried on every run.
"""

import re

import pytest
from django.test import Client
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.world import ROLES, examples, real_values, routes

pytestmark = pytest.mark.django_db

ROUTES = {route.name: route for route in routes()}
PUBLIC_ROUTES = sorted(name for name in ROUTES if not name.startswith("admin"))
QUERY_NAMES = ["q", "faculty", "theme", "partner", "format", "language", "level", "starts",
               "price_max", "from", "until", "sort", "page", "topic", "next", "o", "p", "e",
               "all", "_changelist_filters", "_popup", "term", "app_label", "model_name",
               "field_name", "status__exact", "id__exact"]  # fmt: skip
NASTY = ["\x00", "%00", "a\x00b", "9999-12", "0000-00", "2026-13", "-1", "0", "1e309",
         "9" * 40, "2" * 400, "٨", "١٠", "1_0", "1e1", "0010.000000000000", "NaN", "∞",
         "x" * 10_000, "' OR 1=1 --", "<script>", "../../etc/passwd", " ", "true", "[]",
         "2026-02-30", "10000-01-01", "1970-01-01T00:00:00Z", "\U0010ffff", "\r\n"]  # fmt: skip
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
    st.dates().map(lambda d: f"{d:%Y-%m}"),
)
query = st.dictionaries(
    st.one_of(st.sampled_from(QUERY_NAMES), st.text(min_size=1, max_size=10)),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)), max_size=4,
)  # fmt: skip
INPUT = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"')
_form_fields: dict = {}


def client_for(role: str, world) -> Client:
    client = Client(raise_request_exception=True)  # a crash shows with its traceback
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def fill(route, world, fuzzed: dict) -> str:
    """The route's path with real objects, except for the parameters being fuzzed."""
    return route.path({**real_values(route, world), **fuzzed})


def path_values(route) -> st.SearchStrategy[dict]:
    """Fuzzed values that still match each converter, so the view itself is reached."""
    by_converter = {
        "int": st.one_of(st.integers(min_value=0, max_value=2**70), st.sampled_from([0, 2**63])),
        "slug": st.from_regex(r"\A[-a-zA-Z0-9_]{1,80}\Z"),
        "uuid": st.uuids(),
        "str": st.one_of(st.sampled_from(["\x00", "%00", "x" * 300]),
                         st.text(min_size=1, max_size=60).filter(lambda t: "/" not in t)),
        "path": st.one_of(st.sampled_from(["\x00", "1\x00", "9" * 30]),
                          st.text(min_size=1, max_size=30)),
    }  # fmt: skip
    if not route.parameters:
        return st.just({})
    return st.fixed_dictionaries(
        {}, optional={name: by_converter.get(conv, by_converter["str"])
                      for name, conv in route.parameters},
    )  # fmt: skip


def check(response, route_name):
    assert response.status_code < 500, f"{route_name}: {response.status_code}"


def form_fields(client, url) -> list[str]:
    """The names of the fields the page's own forms send (read once per page)."""
    if url not in _form_fields:
        response = client.get(url)
        html = response.content.decode(errors="replace") if response.status_code == 200 else ""
        _form_fields[url] = sorted(set(INPUT.findall(html)) - {"csrfmiddlewaretoken"})
    return _form_fields[url]


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_its_real_objects_and_the_known_crashes(world, isolated, role):
    """Not random: each route once with real objects, once with the seeded crash values."""
    for name, route in ROUTES.items():
        admin = name.startswith("admin")
        if admin and role != "staff":
            continue  # others see its login page; portfolio holders in the admin test below
        with isolated():
            client = client_for(role, world)
            url = fill(route, world, {})
            check(client.get(url), name)
            check(client.get(url, {key: "\x00" for key in QUERY_NAMES[:8]}), name)
            if not admin:
                check(client.get(url, {"starts": "9999-12", "page": "9" * 40}), name)
            if route.parameters:
                bad = {p: ("9" * 30 if conv == "int" else "\x00") for p, conv in route.parameters
                       if conv in ("int", "str", "path")}  # fmt: skip
                check(client.get(fill(route, world, bad)), name)


@settings(max_examples=examples(250))
@given(data=st.data(), role=st.sampled_from(ROLES), name=st.sampled_from(PUBLIC_ROUTES))
@example(data=None, role="anonymous", name="catalogue:catalogue").via("issue 10")
def test_get_with_fuzzed_path_and_query(world, isolated, data, role, name):
    route = ROUTES[name]
    if data is None:  # the seeded example: NUL in every catalogue facet, a month in 9999
        fuzzed, params = {}, {"faculty": "\x00", "theme": "\x00", "partner": "\x00",
                              "starts": "9999-12"}  # fmt: skip
    else:
        fuzzed, params = data.draw(path_values(route)), data.draw(query)
    with isolated():
        check(client_for(role, world).get(fill(route, world, fuzzed), params), name)


@settings(max_examples=examples(250))
@given(data=st.data(), role=st.sampled_from(ROLES[1:]), name=st.sampled_from(PUBLIC_ROUTES))
@example(data=None, role="employer", name="employer:cohort").via("issue 10")
@example(data=None, role="employer", name="employer:invite").via("issue 10")
def test_post_with_fuzzed_form_fields(world, isolated, data, role, name):
    route = ROUTES[name]
    with isolated():
        client = client_for(role, world)
        url = fill(route, world, {})
        fields = form_fields(client, url)
        if data is None:  # the seeded examples: a seat named "abc", a 262-character address
            posted = {"enrolment": "abc", "replacement": "1",
                      "emails": "a" * 250 + "@example.com", "role": "staff"}  # fmt: skip
        else:
            names = st.one_of(st.sampled_from(fields), st.text(min_size=1, max_size=10)) if (
                fields) else st.text(min_size=1, max_size=10)  # fmt: skip
            posted = data.draw(st.dictionaries(names, values, max_size=max(3, len(fields))))
        check(client.post(url, posted), name)


@settings(max_examples=examples(60))
@given(data=st.data(), name=st.sampled_from(sorted(n for n in ROUTES if n.startswith("admin"))))
def test_the_admin_with_fuzzed_query_and_forms(world, isolated, data, name):
    route = ROUTES[name]
    role = data.draw(st.sampled_from(["staff", "portfolio"]))
    with isolated():
        client = client_for(role, world)
        url = fill(route, world, {})
        check(client.get(url, data.draw(query)), name)
        fields = form_fields(client, url)
        if fields:
            posted = data.draw(st.dictionaries(st.sampled_from(fields), values, max_size=6))
            check(client.post(url, posted), name)


@pytest.mark.parametrize("value", ["abc", "1e3", "\x00", str(2**70), "-1"])
@pytest.mark.parametrize(
    "url", ["/admin/enrolment/attendance/add/", "/admin/credentials/result/add/",
            "/admin/academy/membership/add/", "/admin/catalogue/session/add/"],
)  # fmt: skip
def test_an_admin_autocomplete_field_with_an_unusable_id_is_an_invalid_choice(
    world, isolated, url, value
):
    posted = dict.fromkeys(["enrolment", "session", "user", "organisation", "run"], value)
    with isolated():
        response = client_for("staff", world).post(url, posted)
    assert response.status_code == 200  # the form again, with the field marked
    form = response.context_data["adminform"].form
    assert {"enrolment", "user", "session", "run"} & set(form.errors)
