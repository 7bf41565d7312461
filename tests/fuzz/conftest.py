"""The fuzz suite's Hypothesis profile and its one academy, built once per module.

Profiles: "ci" (the default) is derandomized, so every run, in CI or on a laptop, tries the
same examples and a failure reproduces; HYPOTHESIS_PROFILE=explore draws fresh examples
to hunt for new crashes (FUZZ_SCALE=10 tries ten times as many).
"""

import os

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
settings.register_profile("explore", parent=settings.get_profile("ci"), derandomize=False)
# Lists every crash fast, unshrunk: HYPOTHESIS_PROFILE=triage.
settings.register_profile(
    "triage", parent=settings.get_profile("ci"), report_multiple_bugs=True,
    phases=[Phase.explicit, Phase.generate],
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Made once, rolled back at the end; each example runs in a savepoint of its own."""
    from tests.fuzz.world import build_world

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def isolated():
    """Run one example and undo whatever it wrote, so the next starts from the same world."""

    class Example:
        def __enter__(self):
            cache.clear()  # rate limits and cached pages start afresh
            self.atomic = transaction.atomic()
            self.atomic.__enter__()

        def __exit__(self, *exc):
            transaction.set_rollback(True)
            self.atomic.__exit__(*exc)
            return False

    return Example
