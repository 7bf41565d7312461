"""The error credentials' services raise: a broken rule, with a message a person can read."""

from academy.errors import DomainError


class CredentialError(DomainError):
    """A rule about results or credentials was broken; the message says which."""
