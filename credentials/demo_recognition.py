"""Demo: the office has recognised the demo lecturer's teaching of a past academic year, so
the teaching record shows a signed credential and a statement. Safe to run twice."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from catalogue.models import ModuleRun, Teaching
from credentials import recognition_queries, services
from credentials.models import Credential, TeachingRecognition


@transaction.atomic  # its tasks run after the demo marks the email sent, so none goes out
def seed_recognition(*, lecturer, office, today=None) -> TeachingRecognition | None:
    """The lecturer's recognition for the latest past academic year with a run they taught
    that has ended; when they taught none, they join an ended demo run as its coordinator.
    Seeded after the rest of the demo, so that the statement covers all its runs."""
    existing = TeachingRecognition.objects.filter(lecturer=lecturer).first()
    if existing is not None:
        return services.complete_recognition(recognition_id=existing.pk)
    today = today or timezone.localdate()
    this_year_starts, _ends = recognition_queries.academic_year_bounds(
        recognition_queries.current_academic_year(today)
    )
    ended = ModuleRun.objects.filter(end_date__lt=today).exclude(status=ModuleRun.Status.CANCELLED)
    past = ended.filter(start_date__lt=this_year_starts)
    taught = past.filter(teachings__lecturer=lecturer).order_by("-start_date").first()
    if taught is None:
        # A run with participants and results, so that the record has figures to show.
        taught = (
            (past if past.exists() else ended)
            .annotate(results=Count("enrolments__result"))
            .order_by("-results", "-start_date")
            .first()
        )
        if taught is None:
            return None
        Teaching.objects.get_or_create(
            run=taught, lecturer=lecturer,
            defaults={"role": Teaching.Role.COORDINATOR, "contact_hours": 16},
        )  # fmt: skip
    year = recognition_queries.academic_year_of(taught.start_date)
    recognition = services.request_recognition(lecturer=lecturer, year=year, by=office,
                                               today=today)  # fmt: skip
    recognition = services.complete_recognition(recognition_id=recognition.pk)
    # The demo's history happened before anyone could be emailed about it.
    Credential.objects.filter(pk=recognition.credential_id).update(notified_at=timezone.now())
    return recognition
