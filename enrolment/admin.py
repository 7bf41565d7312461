"""Enrolment in the admin, scoped to the runs a person curates; invoices for the office."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from academy.pdf import pdf_response
from academy.spreadsheets import write_csv
from catalogue.queries import runs_curated_by, sessions_curated_by
from enrolment import services
from enrolment.models import Attendance, Cohort, Enrolment, Invoice, Order, WaitingListEntry
from enrolment.tasks import send_invoice


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
    list_display = ["learner", "run", "status", "payer", "organisation", "cohort", "created_at"]
    list_filter = ["status", "payer", "run__module__faculty"]
    readonly_fields = ["status", "payer", "organisation", "cohort", "order", "created_at",
                       "cancelled_at", "confirmation_sent_at"]  # fmt: skip
    actions = ["export_participants", "cancel_enrolments"]

    def has_add_permission(self, request):
        return False  # learners enrol on the site, employers through cohorts

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

    @admin.action(
        description=_("Cancel the selected enrolments (credits paid seats, offers them on)"),
        permissions=["change"],
    )
    def cancel_enrolments(self, request, queryset):
        for enrolment in queryset.exclude(status=Enrolment.Status.CANCELLED):
            services.cancel_enrolment(enrolment=enrolment, by=request.user)
        messages.success(request, _("The selected enrolments are cancelled."))


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(CuratedRunsOnly):
    list_display = ["learner", "run", "status", "created_at", "offer_expires_at"]
    list_filter = ["status", "run__module__faculty"]
    readonly_fields = ["created_at", "offered_at"]


class CohortEnrolmentInline(admin.TabularInline):
    model = Enrolment
    fields = ["learner", "status", "cancelled_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Cohort)
class CohortAdmin(CuratedRunsOnly):
    list_display = ["__str__", "organisation", "run", "created_at"]
    list_select_related = ["organisation", "run__module"]
    list_filter = ["run__module__faculty"]
    search_fields = ["name", "organisation__name", "run__module__title"]
    readonly_fields = ["organisation", "run", "created_by", "created_at"]
    raw_id_fields = []
    inlines = [CohortEnrolmentInline]

    def has_add_permission(self, request):
        return False  # employers build cohorts in the employer portal


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "session", "present", "recorded_by", "recorded_at"]
    list_filter = ["present", "session__run__module__faculty"]
    list_select_related = ["enrolment__learner", "enrolment__run__module", "session",
                           "recorded_by"]  # fmt: skip
    search_fields = ["enrolment__learner__email", "enrolment__learner__last_name"]
    raw_id_fields = ["enrolment", "session"]
    readonly_fields = ["recorded_by", "recorded_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(session__in=sessions_curated_by(request.user))

    def save_model(self, request, obj, form, change):
        if not services.teaches_or_curates(request.user, obj.session.run):
            raise PermissionDenied
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


class InvoiceInline(admin.TabularInline):
    model = Invoice
    fields = ["number", "kind", "issued_at", "total", "paid_at", "pdf_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice):
        return _pdf_link(invoice)


def _pdf_link(invoice):
    url = reverse("admin:enrolment_invoice_pdf", args=[invoice.pk])
    return format_html('<a href="{}">{}</a>', url, invoice.filename)


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["pk", "organisation", "learner", "cohort", "purchase_order_reference",
                    "created_at"]  # fmt: skip
    list_select_related = ["organisation", "learner", "cohort"]
    search_fields = ["organisation__name", "learner__email", "purchase_order_reference"]
    readonly_fields = ["learner", "organisation", "cohort", "placed_by", "created_at",
                       "purchase_order_reference"]  # fmt: skip
    inlines = [InvoiceInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """Issued invoices are read-only; the office marks payments and issues credit notes."""

    list_display = ["number", "kind", "bill_to_name", "issued_at", "total", "paid_at"]
    list_filter = ["kind", "year", ("paid_at", admin.EmptyFieldListFilter)]
    search_fields = ["number", "purchase_order_reference", "order__organisation__name",
                     "order__learner__email"]  # fmt: skip
    fields = ["number", "kind", "corrects", "order", "issued_at", "bill_to_name",
              "purchase_order_reference", "subtotal", "vat_amount", "total", "reason",
              "pdf_link", "paid_at", "payment_reference"]  # fmt: skip
    readonly_fields = [f for f in fields if f not in ("paid_at", "payment_reference")]
    actions = ["mark_paid", "credit_in_full"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        pdf = path("<int:invoice_id>/pdf/", self.admin_site.admin_view(self.pdf_view),
                   name="enrolment_invoice_pdf")  # fmt: skip
        return [pdf, *super().get_urls()]

    def pdf_view(self, request, invoice_id):
        invoice = self.get_object(request, str(invoice_id))
        if invoice is None or not self.has_view_permission(request, invoice):
            return HttpResponse(status=404)
        return pdf_response(invoice.pdf, invoice.filename)

    def save_model(self, request, obj, form, change):
        obj.save(update_fields=[f for f in form.changed_data if f in Invoice.MUTABLE_FIELDS])

    @admin.display(description=_("bill to"))
    def bill_to_name(self, invoice):
        return (invoice.bill_to.get("lines") or [""])[0]

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice):
        return _pdf_link(invoice)

    @admin.action(description=_("Mark the selected invoices as paid today"), permissions=["change"])
    def mark_paid(self, request, queryset):
        for invoice in queryset.filter(kind=Invoice.Kind.INVOICE, paid_at__isnull=True):
            services.mark_invoice_paid(invoice=invoice)
        messages.success(request, _("The selected invoices are marked as paid."))

    @admin.action(
        description=_("Issue a credit note for everything not yet credited"),
        permissions=["change"],
    )
    def credit_in_full(self, request, queryset):
        for invoice in queryset.filter(kind=Invoice.Kind.INVOICE).select_related("order"):
            seats = [pk for line in invoice.lines for pk in line["enrolment_ids"]]
            note = services.credit_enrolments(
                order=invoice.order, enrolment_ids=seats, reason=services.CREDITED_BY_THE_OFFICE
            )
            if note:
                send_invoice.delay(note.pk)
                messages.success(request, _("Credit note %(number)s issued.") % {
                    "number": note.number})  # fmt: skip
