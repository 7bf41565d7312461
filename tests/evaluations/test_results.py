"""What lecturers and portfolio holders read: figures and comments only from five answers,
never a name; comments hidden by a portfolio holder stay, marked; each page checked on the
object; a constant number of queries."""

import pytest

from academy.models import AuditEntry
from evaluations import queries
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, TeachingFactory
from tests.demand.factories import office_user, portfolio_holder_of
from tests.evaluations.factories import AnswerFactory, InvitationFactory, answers, ended_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    science = FacultyFactory(name="Science")
    module = ModuleFactory(title="Data ethics", slug="data-ethics", faculty=science)
    run = ended_run(module=module)
    lecturer = UserFactory(first_name="Lena")
    TeachingFactory(run=run, lecturer=lecturer)
    for _ in range(8):
        InvitationFactory(enrolment__run=run)
    return {"science": science, "module": module, "run": run, "lecturer": lecturer}


def test_four_answers_are_counted_but_not_shown(client, world):
    answers(world["run"], 4, comments="Too slow in week two.")
    client.force_login(world["lecturer"])
    page = client.get(f"/teaching/runs/{world['run'].pk}/evaluation/").content.decode()
    assert "4 of 8 participants answered" in page and "(50%)" in page
    assert "1 more answer needed" in page
    assert "Too slow in week two." not in page


def test_from_five_answers_the_lecturer_sees_figures_and_comments_without_names(client, world):
    answers(world["run"], 4, overall=4, recommend=9)
    AnswerFactory(run=world["run"], overall=2, recommend=3, comments="More practice, please.")
    client.force_login(world["lecturer"])
    response = client.get(f"/teaching/runs/{world['run'].pk}/evaluation/")
    page = response.content.decode()
    scores = response.context["scores"]
    assert scores.shown and scores.overall == 3.6 and scores.nps == 60  # 4 promoters, 1 detractor
    assert "More practice, please." in page and "Hide this comment" not in page
    for invitation in world["run"].evaluation_invitations.select_related("enrolment__learner"):
        assert invitation.enrolment.learner.email not in page

    module_page = client.get("/teaching/modules/data-ethics/evaluations/").content.decode()
    assert "3.6" in module_page


def test_a_portfolio_holder_hides_a_comment_it_is_kept_and_marked(client, world):
    answers(world["run"], 5)
    rude = AnswerFactory(run=world["run"], comments="The lecturer, Lena, is useless.")
    holder = portfolio_holder_of(world["science"])
    client.force_login(world["lecturer"])
    refused = client.post(f"/teaching/evaluations/comments/{rude.pk}/hide/", {"reason": "x"})
    assert refused.status_code == 404

    client.force_login(holder)
    client.post(f"/teaching/evaluations/comments/{rude.pk}/hide/",
                {"reason": "Names a lecturer personally."})  # fmt: skip
    rude.refresh_from_db()
    assert rude.comment_hidden_by == holder and rude.comments  # kept
    assert AuditEntry.objects.filter(action="evaluation.comment_hidden").exists()
    holder_page = client.get(f"/teaching/runs/{world['run'].pk}/evaluation/").content.decode()
    assert "Names a lecturer personally." in holder_page and "Show it again" in holder_page

    client.force_login(world["lecturer"])
    page = client.get(f"/teaching/runs/{world['run'].pk}/evaluation/").content.decode()
    assert "is useless" not in page


def test_nobody_else_reads_a_runs_evaluation(client, world):
    answers(world["run"], 5)
    url = f"/teaching/runs/{world['run'].pk}/evaluation/"
    other_lecturer = UserFactory()
    TeachingFactory(run=ended_run(), lecturer=other_lecturer)
    for person in (UserFactory(), other_lecturer, portfolio_holder_of(FacultyFactory())):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get("/teaching/modules/data-ethics/evaluations/").status_code == 404
    client.force_login(office_user())
    assert client.get(url).status_code == 200


def test_the_overview_runs_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries
):
    holder = portfolio_holder_of(world["science"])
    client.force_login(holder)
    with django_assert_max_num_queries(14) as few:
        client.get("/teaching/evaluations/")
    for _ in range(6):
        run = ended_run(module=ModuleFactory(faculty=world["science"]))
        answers(run, 5)
        InvitationFactory(enrolment__run=run)
    with django_assert_max_num_queries(len(few)):
        page = client.get("/teaching/evaluations/").content.decode()
    assert page.count("/evaluation/") >= 7


def test_the_module_rating_needs_enough_answers():
    run = ended_run()
    answers(run, 4, overall=5)
    assert queries.module_rating(run.module_id).overall is None
    answers(ended_run(module=run.module), 1, overall=3)
    rating = queries.module_rating(run.module_id)
    assert (rating.answered, rating.overall) == (5, 4.6)


def test_the_module_page_shows_the_rating_and_its_json_ld_once_there_are_enough(client):
    import json
    import re

    from catalogue.models import Module

    run = ended_run(module__title="Data ethics", module__slug="rated",
                    module__status=Module.Status.PUBLISHED)  # fmt: skip
    answers(run, 4, overall=5)
    page = client.get("/modules/rated/").content.decode()
    assert "rated by" not in page and "AggregateRating" not in page
    from django.core.cache import cache

    cache.clear()  # the page is cached for ten minutes; a new answer shows after that
    AnswerFactory(run=run, overall=3)
    page = client.get("/modules/rated/").content.decode()
    assert "4.6</strong> / 5, rated by 5 participants" in page
    data = json.loads(re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page,
                                re.S).group(1))  # fmt: skip
    assert data["aggregateRating"] == {
        "@type": "AggregateRating", "ratingValue": 4.6, "ratingCount": 5,
        "bestRating": 5, "worstRating": 1,
    }  # fmt: skip
