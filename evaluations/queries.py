"""What the evaluations say, aggregated in the database, and only where enough people
answered that nobody can be singled out (MIN_ANSWERS)."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q

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
