"""The few aggregate questions a scrape of /metrics asks the database."""

from django.db.models import Count, Q
from django.utils import timezone

from catalogue.models import ModuleRun
from credentials.models import Credential
from enrolment.models import Enrolment


def seats_taken_by_status() -> dict[str, int]:
    """Seats held in runs that have not ended (and are not cancelled), by enrolment status:
    confirmed, awaiting the employer's approval, completed early."""
    rows = (
        Enrolment.objects.filter(
            status__in=Enrolment.SEAT_HOLDING, run__end_date__gte=timezone.localdate()
        )
        .exclude(run__status=ModuleRun.Status.CANCELLED)
        .values_list("status")
        .annotate(seats=Count("pk"))
        .order_by()
    )
    return {status: 0 for status in Enrolment.SEAT_HOLDING} | dict(rows)


def credentials_by_state() -> dict[str, int]:
    """Every credential issued so far: valid, revoked, or past its end of validity."""
    now = timezone.now()
    revoked = Q(revoked_at__isnull=False)
    expired = Q(revoked_at__isnull=True, valid_until__lte=now)
    valid = Q(revoked_at__isnull=True) & (Q(valid_until__isnull=True) | Q(valid_until__gt=now))
    return Credential.objects.aggregate(
        valid=Count("pk", filter=valid),
        revoked=Count("pk", filter=revoked),
        expired=Count("pk", filter=expired),
    )
