"""The errors enrolment's services raise: a broken rule, with a message a person can read."""

from academy.errors import DomainError


class EnrolmentError(DomainError):
    """An enrolment rule was broken; the message says which, for the learner to read."""


class TermsChanged(EnrolmentError):
    """The terms of enrolment the learner accepted are no longer the ones in effect."""


class CohortError(EnrolmentError):
    """A cohort could not be reserved; `problems` names each person or row that stood in the way."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = list(problems)
