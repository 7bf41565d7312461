"""What the evaluations say, aggregated in the database, and only where enough people
answered that nobody can be singled out (MIN_ANSWERS)."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import timezone

from catalogue.models import ModuleRun
from catalogue.queries import runs_curated_by
from evaluations.models import Answer, Invitation

MIN_ANSWERS = 5
FIGURES = ("overall", "relevance", "lecturers", "blend", "workload", "recommend")


@dataclass
class Scores:
    """The averages of a run, a module or a faculty. Every figure is None unless `shown`:
    fewer than MIN_ANSWERS answers are counted but not shown."""

    answered: int = 0
    invited: int | None = None
    overall: float | None = None
    relevance: float | None = None
    lecturers: float | None = None
    blend: float | None = None
    workload: float | None = None
    recommend: float | None = None
    nps: int | None = None  # % promoters (9 or 10) minus % detractors (0 to 6)

    @property
    def shown(self) -> bool:
        return self.answered >= MIN_ANSWERS

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.invited if self.invited else None

    @property
    def still_needed(self) -> int:
        return max(0, MIN_ANSWERS - self.answered)


def _aggregates():
    return {
        "answered": Count("pk"),
        **{f"avg_{name}": Avg(name) for name in FIGURES},
        "promoters": Count("pk", filter=Q(recommend__gte=9)),
        "detractors": Count("pk", filter=Q(recommend__lte=6)),
    }


def _scores(row: dict, invited: int | None = None) -> Scores:
    scores = Scores(answered=row["answered"], invited=invited)
    if scores.shown:
        for name in FIGURES:
            setattr(scores, name, round(float(row[f"avg_{name}"]), 2))
        scores.nps = round(100 * (row["promoters"] - row["detractors"]) / row["answered"])
    return scores


def _grouped(key: str, ids) -> dict:
    rows = (
        Answer.objects.filter(**{f"{key}__in": ids}).order_by().values(key)
        .annotate(**_aggregates())
    )  # fmt: skip
    return {row[key]: row for row in rows}


def run_scores(run_ids) -> dict[int, Scores]:
    """Per run (every id given gets an entry): who was invited, who answered, the averages."""
    run_ids = list(run_ids)
    answers = _grouped("run", run_ids)
    invited = dict(
        Invitation.objects.filter(run__in=run_ids).order_by().values("run")
        .annotate(n=Count("pk")).values_list("run", "n")
    )  # fmt: skip
    empty = {"answered": 0}
    return {pk: _scores(answers.get(pk, empty), invited.get(pk, 0)) for pk in run_ids}


def module_scores(module_ids) -> dict[int, Scores]:
    """Per module, over all its runs."""
    module_ids = list(module_ids)
    answers = _grouped("run__module", module_ids)
    return {pk: _scores(answers.get(pk, {"answered": 0})) for pk in module_ids}


def faculty_scores(faculty_ids) -> dict[int, Scores]:
    faculty_ids = list(faculty_ids)
    answers = _grouped("run__module__faculty", faculty_ids)
    return {pk: _scores(answers.get(pk, {"answered": 0})) for pk in faculty_ids}


def module_rating(module_id: int) -> Scores:
    """The module page's average rating, once enough people gave one."""
    return module_scores([module_id])[module_id]


def distribution(run_id: int) -> dict[str, list[tuple[int, int]]]:
    """How many gave each answer, per question (one query); only call it for a run whose
    scores are shown."""
    values = {name: range(1, 6) for name in FIGURES if name != "recommend"}
    values["recommend"] = range(11)
    counted = Answer.objects.filter(run_id=run_id).aggregate(**{
        f"{name}_{value}": Count("pk", filter=Q(**{name: value}))
        for name, scale in values.items() for value in scale
    })  # fmt: skip
    return {
        name: [(value, counted[f"{name}_{value}"]) for value in scale]
        for name, scale in values.items()
    }


def comments(run_id: int, *, with_hidden: bool):
    """The run's comments, newest day first; hidden ones only for whoever may hide them."""
    answers = Answer.objects.filter(run_id=run_id).exclude(comments="")
    if not with_hidden:
        answers = answers.filter(comment_hidden_at__isnull=True)
    return answers.select_related("comment_hidden_by").order_by("-submitted_on", "pk")


def runs_evaluated_for(user, module=None):
    """The runs whose evaluations a person may read: those they teach and those of the
    faculties they curate; newest first."""
    runs = ModuleRun.objects.filter(
        Q(teachings__lecturer=user) | Q(pk__in=runs_curated_by(user).values("pk"))
    )
    if module is not None:
        runs = runs.filter(module=module)
    return runs.distinct().select_related("module__faculty").order_by("-start_date", "-pk")


def open_invitations_of(user):
    """The evaluations a person is still asked to fill in."""
    return (
        Invitation.objects.filter(enrolment__learner=user, answered=False,
                                  closes_at__gt=timezone.now(), sent_at__isnull=False)
        .select_related("run__module").order_by("closes_at")
    )  # fmt: skip
