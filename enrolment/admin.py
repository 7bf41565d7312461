"""Enrolments and waiting lists in the admin, scoped to the runs a person curates."""

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from academy.spreadsheets import write_csv
from catalogue.queries import runs_curated_by
from enrolment.models import Enrolment, WaitingListEntry


class CuratedRunsOnly(admin.ModelAdmin):
    list_select_related = ["run__module", "learner"]
    search_fields = ["learner__email", "learner__last_name", "run__module__title", "run__code"]
    raw_id_fields = ["learner"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(run__in=runs_curated_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "run":
            kwargs["queryset"] = runs_curated_by(request.user).select_related("module")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Enrolment)
class EnrolmentAdmin(CuratedRunsOnly):
    list_display = ["learner", "run", "status", "payer", "organisation", "created_at"]
    list_filter = ["status", "payer", "run__module__faculty"]
    readonly_fields = ["created_at", "cancelled_at", "confirmation_sent_at"]
    actions = ["export_participants"]

    @admin.action(description=_("Export the selected participants as CSV"))
    def export_participants(self, request, queryset):
        rows = [
            [e.run.module.title, e.run.code, e.learner.email, e.learner.first_name,
             e.learner.last_name, e.learner.job_title, e.get_status_display(),
             e.organisation.name if e.organisation else ""]
            for e in queryset.select_related("run__module", "learner", "organisation")
            .exclude(status=Enrolment.Status.CANCELLED)
            .order_by("run__start_date", "learner__last_name")
        ]  # fmt: skip
        header = ["module", "run", "email", "given name", "family name", "job title",
                  "status", "employer"]  # fmt: skip
        response = HttpResponse(write_csv(header, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="participants.csv"'
        return response


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(CuratedRunsOnly):
    list_display = ["learner", "run", "status", "created_at", "offer_expires_at"]
    list_filter = ["status", "run__module__faculty"]
    readonly_fields = ["created_at", "offered_at"]
