"""Reads for a lecturer's teaching record: per academic year (1 September to 31 August) the
runs they taught, their participants, pass rates and evaluation averages, and who may see it.

A constant number of queries whatever the number of runs: the runs with their counts in one,
the evaluation scores in two (`evaluations.queries.run_scores`), the years taught in one.
Evaluations show only as averages, and only from MIN_ANSWERS answers (see evaluations).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from catalogue.models import ModuleRun, Teaching
from catalogue.queries import curates_everything, faculties_curated_by
from credentials.models import TeachingRecognition, academic_year_label
from enrolment.models import Enrolment
from evaluations.queries import Scores, run_scores

PARTICIPATING = (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)
ACADEMIC_YEAR_STARTS = (9, 1)  # 1 September


def academic_year_of(day: date) -> int:
    """The academic year a day falls in, named by the year it starts."""
    return day.year if (day.month, day.day) >= ACADEMIC_YEAR_STARTS else day.year - 1


def academic_year_bounds(year: int) -> tuple[date, date]:
    return date(year, *ACADEMIC_YEAR_STARTS), date(year + 1, 8, 31)


def current_academic_year(today: date | None = None) -> int:
    return academic_year_of(today or timezone.localdate())


@dataclass
class TaughtRun:
    """One run the lecturer taught, with what happened in it."""

    teaching: Teaching
    participants: int
    results: int
    passed: int
    scores: Scores
    ended: bool

    @property
    def run(self) -> ModuleRun:
        return self.teaching.run

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.results if self.results else None


@dataclass
class TeachingRecord:
    lecturer: object
    year: int
    runs: list[TaughtRun]
    years: list[int] = field(default_factory=list)
    recognition: TeachingRecognition | None = None

    @property
    def label(self) -> str:
        return academic_year_label(self.year)

    @property
    def ended_runs(self) -> list[TaughtRun]:
        return [run for run in self.runs if run.ended]

    @property
    def contact_hours(self) -> Decimal:
        return sum((run.teaching.contact_hours for run in self.runs), Decimal(0))

    @property
    def participants(self) -> int:
        return sum(run.participants for run in self.runs)

    @property
    def results(self) -> int:
        return sum(run.results for run in self.runs)

    @property
    def passed(self) -> int:
        return sum(run.passed for run in self.runs)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.results if self.results else None

    def only_ended(self) -> "TeachingRecord":
        """The record of the runs that have ended: what a statement and a credential cover."""
        return TeachingRecord(self.lecturer, self.year, self.ended_runs, self.years,
                              self.recognition)  # fmt: skip


def teachings_in_year(lecturer, year: int) -> QuerySet[Teaching]:
    """The lecturer's teaching in runs that start in the academic year (cancelled runs
    do not count)."""
    start, end = academic_year_bounds(year)
    return (
        Teaching.objects.filter(lecturer=lecturer, run__start_date__range=(start, end))
        .exclude(run__status=ModuleRun.Status.CANCELLED)
    )  # fmt: skip


def teaching_record(lecturer, year: int, *, today: date | None = None) -> TeachingRecord:
    today = today or timezone.localdate()
    participating = Q(run__enrolments__status__in=PARTICIPATING)
    result = "run__enrolments__result"
    teachings = list(
        teachings_in_year(lecturer, year)
        .select_related("run__module__faculty")
        .annotate(
            participant_count=Count("run__enrolments", filter=participating, distinct=True),
            result_count=Count(result, filter=participating, distinct=True),
            passed_count=Count(result, filter=participating & Q(**{f"{result}__passed": True}),
                               distinct=True),
        )
        .order_by("run__start_date", "run__module__title", "pk")
    )  # fmt: skip
    scores = run_scores([teaching.run_id for teaching in teachings]) if teachings else {}
    runs = [
        TaughtRun(teaching=teaching, participants=teaching.participant_count,
                  results=teaching.result_count, passed=teaching.passed_count,
                  scores=scores[teaching.run_id], ended=teaching.run.end_date < today)
        for teaching in teachings
    ]  # fmt: skip
    recognition = (
        TeachingRecognition.objects.filter(lecturer=lecturer, academic_year=year)
        .select_related("credential")
        .defer("statement", "credential__pdf", "credential__jwt", "credential__document")
        .first()
    )
    return TeachingRecord(lecturer, year, runs, years_taught(lecturer), recognition)


def years_taught(lecturer) -> list[int]:
    """Every academic year the lecturer taught a run in, newest first."""
    starts = (
        Teaching.objects.filter(lecturer=lecturer)
        .exclude(run__status=ModuleRun.Status.CANCELLED)
        .values_list("run__start_date", flat=True)
        .distinct()
    )
    return sorted({academic_year_of(start) for start in starts}, reverse=True)


def may_see_teaching_record(viewer, lecturer) -> bool:
    """The lecturer themself, the office, and portfolio holders of a faculty in which the
    lecturer taught a run."""
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.pk == lecturer.pk or curates_everything(viewer):
        return True
    return Teaching.objects.filter(
        lecturer=lecturer, run__module__faculty__in=faculties_curated_by(viewer)
    ).exists()


def recognition_statement(recognition_id) -> TeachingRecognition:
    """A recognition with its statement, for downloading (access is the caller's check)."""
    return TeachingRecognition.objects.select_related("lecturer").get(
        pk=recognition_id, statement__isnull=False
    )
