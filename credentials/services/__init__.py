"""Credentials' business rules, one module per concern; import them from here.

- `results`: recording results, one at a time or from a CSV, and the grades they carry.
- `issuing`: issuing a result's credential, pathway credentials, queuing the credentials a
  run or the beat sweep still lacks, issuing progress, and revoking.
- `recognition`: the office's recognition of a lecturer's teaching in an academic year (an
  Award credential and a statement for the appraisal).
- `signing`: the issuer's current keys, their rotation, the JWKS and verification methods,
  Data Integrity proofs, and the revocation status list. (Generating keys and converting
  them to and from PEM and JWK is lower down, in `credentials.keys`.)
- `errors`: `CredentialError`.

The modules import each other directly, never through this package, which only re-exports:
`from credentials import services; services.issue_credential(...)`.
"""

from credentials.services.errors import CredentialError
from credentials.services.issuing import (
    award_pathways,
    issue_credential,
    issue_run_credentials,
    issuing_progress,
    queue_credentials,
    queue_missing_credentials,
    revoke_credential,
)
from credentials.services.recognition import complete_recognition, request_recognition
from credentials.services.results import (
    FAILED_WORDS,
    GRADE,
    GRADE_DECIMALS,
    MAX_RESULT_ROWS,
    PASSED_WORDS,
    RESULT_COLUMNS,
    ParsedResults,
    TooEarlyError,
    check_run_has_taken_place,
    grade_problem,
    may_record_early,
    normalised_grade,
    parse_results,
    record_result,
    record_results,
    run_not_yet_message,
)
from credentials.services.signing import (
    STATUS_LIST,
    STATUS_LIST_SIZE,
    current_key,
    jwks,
    public_ed25519_key,
    revoked_indexes,
    rotate_keys,
    sign,
    signed_status_list,
    status_list_url,
    verification_method,
)

__all__ = [
    "FAILED_WORDS",
    "GRADE",
    "GRADE_DECIMALS",
    "MAX_RESULT_ROWS",
    "PASSED_WORDS",
    "RESULT_COLUMNS",
    "STATUS_LIST",
    "STATUS_LIST_SIZE",
    "CredentialError",
    "ParsedResults",
    "TooEarlyError",
    "award_pathways",
    "check_run_has_taken_place",
    "complete_recognition",
    "current_key",
    "grade_problem",
    "issue_credential",
    "issue_run_credentials",
    "issuing_progress",
    "jwks",
    "may_record_early",
    "normalised_grade",
    "parse_results",
    "public_ed25519_key",
    "queue_credentials",
    "queue_missing_credentials",
    "record_result",
    "record_results",
    "request_recognition",
    "revoke_credential",
    "revoked_indexes",
    "rotate_keys",
    "run_not_yet_message",
    "sign",
    "signed_status_list",
    "status_list_url",
    "verification_method",
]
