"""Thin, idempotent tasks of the catalogue."""

from celery import shared_task


@shared_task(ignore_result=True)
def move_on_passed_start_dates() -> int:
    """Re-index modules whose next start has passed, so the catalogue sorts and filters by
    the run that comes next. Hourly: a day's first pass does the work, the rest find none."""
    from catalogue import services

    return services.move_on_passed_start_dates()
