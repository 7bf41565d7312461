"""The one error a business rule raises when it says no.

Every app's services raise a subclass of `DomainError` (MembershipError here,
PublicationError in catalogue, EnrolmentError and CohortError in enrolment, CredentialError
in credentials) with a message a person can read; views and the admin catch `DomainError`
and show that message next to the form, field or row. Who may act at all is another matter:
the access helpers (`require_*` in each app's queries) raise Django's `PermissionDenied`.
"""


class DomainError(Exception):
    """A rule was broken. `message` says which; `problems`, where useful, names each field
    (a dict of field name to message) or each row (a list) that stood in the way."""

    def __init__(self, message: str = "", problems=None):
        super().__init__(message)
        self.message = str(message)
        self.problems = problems if problems is not None else []

    def __str__(self):
        return self.message
