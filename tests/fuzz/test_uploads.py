"""The three CSV uploads with fuzzed bytes and cells: a list of problems, never a 500."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.world import examples

pytestmark = pytest.mark.django_db

HEADERS = {
    "staff": ["email", "given name", "family name", "job title"],
    "cohort": ["email"],
    "results": ["email", "passed", "grade"],
}
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\x00", "ja", "yes", "8", "7,5", "1e1", "1_0", "٨", "0010.000000000000",
                     "=cmd|' /C calc'!A0", "a" * 250 + "@example.com", "x@example.nl", '"']),
    st.just("x" * 131_073),  # one over csv's field limit
)  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "shift_jis", "utf-16", "koi8_r", "gb18030"]


@st.composite
def spreadsheets(draw, kind):
    header = HEADERS[kind]
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=len(header) + 1), max_size=5))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", ";"])))
    writer.writerow(draw(st.one_of(st.just(header), st.lists(cell, max_size=4))))
    writer.writerows(rows)
    return out.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


def contents(kind):
    return st.one_of(spreadsheets(kind), st.binary(max_size=300))


def post(world, role, url, data, filename="list.csv"):
    client = Client(raise_request_exception=True)
    client.force_login(world.users[role])
    for key, content in list(data.items()):
        if isinstance(content, bytes):
            data[key] = SimpleUploadedFile(filename, content)
    response = client.post(url, data)
    assert response.status_code < 500
    return response


SEEDS = [b"email\n" + b"a\x00b@example.com\n", b'email\n"' + b"x" * 131_073 + b'"\n',
         "email\n山田@example.jp\n".encode("shift_jis"),
         ("email\n" + "a" * 250 + "@example.com\n").encode()]  # fmt: skip


@settings(max_examples=examples(40))
@given(content=contents("staff"))
@example(content=SEEDS[0]).via("issue 10")
@example(content=SEEDS[1]).via("issue 10")
@example(content=SEEDS[2]).via("issue 10")
@example(content=SEEDS[3]).via("issue 10")
def test_staff_list_upload(world, isolated, content):
    url = f"/employer/{world.ids['organisation_id']}/imports/new/"
    with isolated():
        post(world, "employer", url, {"file": content})


@settings(max_examples=examples(40))
@given(content=contents("cohort"))
@example(content=SEEDS[0]).via("issue 10")
@example(content=SEEDS[1]).via("issue 10")
def test_cohort_list_upload(world, isolated, content):
    url = f"/employer/{world.ids['organisation_id']}/cohorts/new/"
    with isolated():
        post(world, "employer", url, {"run": world.ids["run_id"], "staff_list": content})


@settings(max_examples=examples(40))
@given(content=contents("results"))
@example(content=b"email,passed,grade\nx@example.nl,ja,0010.000000000000\n").via("issue 10")
@example(content=b"email,passed,grade\nx@example.nl,ja,1e1\n").via("issue 10")
@example(content=SEEDS[0]).via("issue 10")
@example(content=SEEDS[1]).via("issue 10")
def test_results_upload(world, isolated, content):
    url = f"/teaching/runs/{world.ids['run_id']}/results/"
    with isolated():
        post(world, "lecturer", url, {"upload": "1", "file": content})
