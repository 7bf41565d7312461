"""Recording results, one at a time or from a whole CSV, and the grades they carry.

A passed result queues its credential once the transaction commits; a result a credential
was issued for (revoked or not) stays as it was signed. Results wait for the run to have
taken place (`ModuleRun.results_from`); the academy office may record earlier, and the
reason it gives is kept in the result's audit trail entry.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from academy import spreadsheets
from academy.audit import log_action
from catalogue.models import ModuleRun
from catalogue.queries import require_teaches_or_curates
from credentials import tasks
from credentials.models import Result
from credentials.services.errors import CredentialError
from enrolment.models import Enrolment
from enrolment.services.attendance import may_record_early

MAX_RESULT_ROWS = 5_000
PASSED_WORDS = {"yes", "ja", "y", "j", "1", "true", "passed", "geslaagd", "pass", "voldaan"}
FAILED_WORDS = {"no", "nee", "n", "0", "false", "failed", "niet geslaagd", "fail", "niet voldaan"}
RESULT_COLUMNS = {
    "email": {"email", "e-mail", "emailadres", "e-mailadres", "email address"},
    "passed": {"passed", "geslaagd", "result", "resultaat", "voldaan"},
    "grade": {"grade", "cijfer", "score"},
}


EARLY_OVERRIDE_REASON_LENGTH = 500


class TooEarlyError(CredentialError):
    """A result for a run that has not taken place. `missing_reason`: the office may record
    it, but only with a reason (the form shows the message at the reason's field)."""

    def __init__(self, message: str, *, missing_reason: bool = False):
        super().__init__(message)
        self.missing_reason = missing_reason


def run_not_yet_message(run: ModuleRun) -> str:
    moment = timezone.localtime(run.results_from())
    if not run.sessions.exists():
        return _(
            "This run has not ended yet (it ends on %(date)s); results can be recorded from "
            "then on."
        ) % {"date": date_format(run.end_date, "j F Y")}
    return _(
        "This run has not taken place yet (its last session starts on %(date)s at %(time)s); "
        "results can be recorded from then on."
    ) % {"date": date_format(moment, "j F Y"), "time": time_format(moment, "H:i")}


def check_run_has_taken_place(*, run: ModuleRun, by, early_override_reason: str = "") -> str:
    """Results (and the credentials they sign) wait for the run to have taken place. Returns
    the office's reason for recording earlier ('' when the run has taken place); raises
    TooEarlyError otherwise."""
    if run.has_taken_place():
        return ""
    if not may_record_early(by):
        raise TooEarlyError(run_not_yet_message(run))
    reason = early_override_reason.strip()
    if not reason:
        raise TooEarlyError(
            _("Say why results are recorded before the run has taken place."),
            missing_reason=True,
        )
    return reason[:EARLY_OVERRIDE_REASON_LENGTH]


def record_result(
    *, enrolment: Enrolment, passed: bool, by, grade: str = "", assessed_on: date | None = None,
    assessor=None, early_override_reason: str = "",
) -> Result:  # fmt: skip
    require_teaches_or_curates(
        by, enrolment.run, _("Only the run's lecturers and curators record results.")
    )
    reason = check_run_has_taken_place(
        run=enrolment.run, by=by, early_override_reason=early_override_reason
    )
    return _record_result(enrolment=enrolment, passed=passed, by=by, grade=grade,
                          assessed_on=assessed_on, assessor=assessor, reason=reason)  # fmt: skip


def _record_result(*, enrolment, passed, by, grade, assessed_on, assessor, reason) -> Result:
    """record_result once who records and when were checked (record_results checks a whole
    run once)."""
    if enrolment.status not in Enrolment.SEAT_HOLDING:
        raise CredentialError(_("This enrolment was cancelled."))
    if problem := grade_problem(grade):  # whichever screen it came from: it will be signed
        raise CredentialError(problem)
    grade = normalised_grade(grade)
    with transaction.atomic():
        existing = Result.objects.select_for_update().filter(enrolment=enrolment).first()
        if existing and existing.is_locked_by_credential:
            raise CredentialError(
                _("A credential was issued for this result; revoke it before changing it.")
            )
        result, created = Result.objects.update_or_create(
            enrolment=enrolment,
            defaults={"passed": passed, "grade": grade, "recorded_by": by,
                      "assessed_on": assessed_on or timezone.localdate(),
                      "assessor": assessor or by},
        )  # fmt: skip
        log_action(
            actor=by, action="result.recorded", target=result, subject=enrolment.learner_id,
            organisation=enrolment.organisation_id,
            details={"run": enrolment.run.code, "module": enrolment.run.module.title,
                     "passed": passed, "grade": grade, "changed": not created,
                     **({"early_override_reason": reason} if reason else {})},
        )  # fmt: skip
        if passed:
            _issue_when_committed(result)
    return result


def _issue_when_committed(result: Result) -> None:
    tasks.issue_credential.delay_on_commit(result.pk)


@dataclass
class ParsedResults:
    rows: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)


def parse_results(*, run: ModuleRun, content: bytes) -> ParsedResults:
    """Check a whole CSV of results (email, passed, grade) against the run's participants."""
    parsed = ParsedResults()
    table = spreadsheets.read_table(
        content, column_names=RESULT_COLUMNS, required=("email", "passed"),
        max_rows=MAX_RESULT_ROWS,
        header_hint=_("The first row must name the columns: email, passed (and optionally grade)."),
    )  # fmt: skip
    parsed.problems = table.problems
    enrolled = {e.learner.email.lower(): e for e in
                run.enrolments.holding_a_seat().select_related("learner")}  # fmt: skip
    first_rows = table.first_rows("email")
    for number, cells in table.rows:
        email = cells["email"].lower()
        problems = _result_row_problems(number, cells, email, enrolled, first_rows)
        if problems:
            parsed.problems.extend(problems)
        else:
            parsed.rows.append({"row": number, "enrolment": enrolled[email],
                                "passed": cells["passed"].strip().lower() in PASSED_WORDS,
                                "grade": normalised_grade(cells.get("grade", ""))})  # fmt: skip
    return parsed


# A Dutch grade, 1 to 10 (documents._result_description): ASCII digits, one '.' or ','.
GRADE = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?", re.ASCII)
GRADE_DECIMALS = 2  # "7.25" at most; Result.grade then holds at most "10.00"


def normalised_grade(value: str) -> str:
    """A valid grade as it is stored and signed: '.' for decimals, no leading zeros.

    Raises ValueError for what `grade_problem` refuses; an empty value stays empty.
    """
    text = value.strip()
    if not text:
        return ""
    match = GRADE.fullmatch(text)
    if match is None or len(match[2] or "") > GRADE_DECIMALS:
        raise ValueError(value)
    whole, decimals = match[1].lstrip("0") or "0", match[2]
    return f"{whole}.{decimals}" if decimals else whole


def grade_problem(value: str) -> str | None:
    try:
        grade = normalised_grade(value)
    except ValueError:
        return _(
            "“%(value)s” is not a grade; write a number from 1 to 10 with at most two "
            "decimals, such as 8, 7.5 or 6,75."
        ) % {"value": spreadsheets.shortened(value.strip(), 20)}
    if grade and not 1 <= Decimal(grade) <= 10:
        return _("A grade is a number from 1 to 10, such as 8, 7.5 or 6,75.")
    return None


def _result_row_problems(number, cells, email, enrolled, first_rows) -> list[dict]:
    messages = {}
    if repeat := spreadsheets.repeated(email, number, first_rows):
        messages["email"] = repeat
    elif email not in enrolled:
        messages["email"] = _("%(value)s is not a participant of this run.") % {
            "value": cells["email"]}  # fmt: skip
    if cells["passed"].strip().lower() not in PASSED_WORDS | FAILED_WORDS:
        messages["passed"] = _("Write yes or no (ja of nee), not “%(value)s”.") % {
            "value": cells["passed"]}  # fmt: skip
    if message := grade_problem(cells.get("grade", "")):
        messages["grade"] = message
    return [spreadsheets.problem(number, column, text) for column, text in messages.items()]


@transaction.atomic
def record_results(*, run: ModuleRun, rows: list[dict], by, early_override_reason: str = "") -> int:
    """All rows or none: one refused row (say, an issued credential) undoes the others."""
    require_teaches_or_curates(by, run, _("Only the run's lecturers and curators record results."))
    reason = check_run_has_taken_place(run=run, by=by, early_override_reason=early_override_reason)
    for row in rows:
        if row["enrolment"].run_id != run.pk:
            raise CredentialError(_("%(learner)s is not a participant of this run.") % {
                "learner": row["enrolment"].learner})  # fmt: skip
        _record_result(enrolment=row["enrolment"], passed=row["passed"], grade=row["grade"],
                       by=by, assessed_on=None, assessor=None, reason=reason)  # fmt: skip
    return len(rows)
