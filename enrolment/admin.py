"""Enrolment in the admin, scoped to the runs a person curates; invoices for the office.

Enrolments, attendance and payments change here only through the services, so a rule holds
whichever screen a person used; every related field lists only what the user curates.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from academy.admin import AuditHistory, AutocompleteForUsableIds, ServiceRefusalsAsMessages
from academy.pdf import pdf_response
from academy.spreadsheets import write_csv
from catalogue import admin as catalogue_admin
from catalogue.models import ModuleRun
from catalogue.queries import runs_curated_by, sessions_curated_by
from enrolment import services
from enrolment.models import Attendance, Cohort, Enrolment, Invoice, Order, WaitingListEntry
from enrolment.queries import fill_seats_taken


def enrolments_curated_by(user):
    return Enrolment.objects.filter(run__in=runs_curated_by(user))


class CuratedRunsOnly(admin.ModelAdmin):
    list_select_related = ["run__module", "learner"]
    search_fields = ["learner__email", "learner__last_name", "run__module__title", "run__code"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(run__in=runs_curated_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "run":
            kwargs["queryset"] = runs_curated_by(request.user).select_related("module")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MoveEnrolmentForm(forms.Form):
    run = forms.ModelChoiceField(label=_("Move to run"), queryset=ModuleRun.objects.none())
    nothing_to_choose = _(
        "No other run of this module is open for enrolment, so there is nowhere to move this seat."
    )

    def __init__(self, *args, runs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].queryset = runs
        self.fields["run"].label_from_instance = lambda run: (
            f"{run} — {date_format(run.start_date, 'j F Y')}"
        )


class GiveSeatForm(forms.Form):
    replacement = forms.ModelChoiceField(label=_("Give the seat to"), queryset=None)
    nothing_to_choose = _("No colleague at this employer is free to take the seat.")

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = candidates
        self.fields["replacement"].label_from_instance = lambda user: (
            f"{user.get_full_name()} <{user.email}>" if user.get_full_name() else user.email
        )


@admin.register(Enrolment)
class EnrolmentAdmin(AuditHistory, CuratedRunsOnly):
    """Read-only once made: cancel, move and give-to-a-colleague go through the services."""

    list_display = ["learner", "run", "status", "payer", "organisation", "cohort", "created_at"]
    list_filter = ["status", "payer", "run__module__faculty", "run__module__themes"]
    fields = ["learner", "run", "status", "payer", "organisation", "cohort", "order", "motivation",
              "accepted_terms", "created_at", "cancelled_at", "cancelled_by",
              "confirmation_sent_at"]  # fmt: skip
    readonly_fields = fields
    actions = ["export_participants", "cancel_enrolments"]

    def has_add_permission(self, request):
        return False  # learners enrol on the site, employers through cohorts

    def has_delete_permission(self, request, obj=None):
        return False  # a seat, its invoice and its waiting list go together: cancel instead

    def save_model(self, request, obj, form, change):
        pass  # every field is read-only; a posted form changes nothing

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.GET.get("field_name") == "enrolment":  # autocomplete for attendance, results
            queryset = queryset.filter(status__in=Enrolment.SEAT_HOLDING)
        return queryset, may_have_duplicates

    def get_urls(self):
        def view(name, function):
            return path(f"<path:object_id>/{name}/", self.admin_site.admin_view(function),
                        name=f"enrolment_enrolment_{name}")  # fmt: skip

        return [view("move", self.move_view), view("give", self.give_view), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        enrolment = self.get_object(request, object_id)
        changeable = (
            enrolment is not None
            and self.has_change_permission(request, enrolment)
            and enrolment.status in (Enrolment.Status.CONFIRMED, Enrolment.Status.AWAITING_APPROVAL)
        )
        extra_context = {
            **(extra_context or {}),
            "show_save": False, "show_save_and_continue": False,
            "show_save_and_add_another": False, "show_delete": False,
            "can_move": changeable,
            "can_give": changeable and enrolment.payer == Enrolment.Payer.EMPLOYER,
        }  # fmt: skip
        return super().change_view(request, object_id, form_url, extra_context)

    def _changeable_enrolment(self, request, object_id) -> Enrolment:
        enrolment = self.get_object(request, object_id)
        if enrolment is None:
            raise Http404
        if not self.has_change_permission(request, enrolment):
            raise PermissionDenied
        return enrolment

    def move_view(self, request, object_id):
        enrolment = self._changeable_enrolment(request, object_id)
        form = MoveEnrolmentForm(
            request.POST if request.method == "POST" else None,
            runs=services.move_targets(enrolment=enrolment, by=request.user),
        )

        def move(data):
            moved = services.move_enrolment(enrolment=enrolment, run=data["run"], by=request.user)
            return moved, gettext("Moved to %(run)s.") % {"run": moved.run}

        return self._change_through(request, enrolment, form, move, _("Move to another run"), _(
            "The learner gets a seat in the run you choose, if it has room. The old enrolment "
            "stays on record, cancelled, and its seat is offered to the waiting list; a paid "
            "seat is credited and the new run invoiced to the same payer."
        ))  # fmt: skip

    def give_view(self, request, object_id):
        enrolment = self._changeable_enrolment(request, object_id)
        form = GiveSeatForm(
            request.POST if request.method == "POST" else None,
            candidates=services.swap_candidates(enrolment=enrolment),
        )

        def give(data):
            new = services.give_seat_to_colleague(
                enrolment=enrolment, replacement=data["replacement"], by=request.user
            )
            return new, gettext("Seat given to %(learner)s.") % {"learner": new.learner}

        return self._change_through(request, enrolment, form, give, _(
            "Give the seat to a colleague"), _(
            "A colleague at the same employer takes this seat; the employer's invoice stands. "
            "Both are told by email."
        ))  # fmt: skip

    def _change_through(self, request, enrolment, form, change, title, explanation):
        """The intermediate form: a valid choice calls the service; its refusal is shown."""
        if form.is_valid():
            try:
                new, done = change(form.cleaned_data)
            except (services.EnrolmentError, PermissionDenied) as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.log_change(request, enrolment, done)
                self.log_addition(request, new, done)
                self.message_user(request, done, messages.SUCCESS)
                return redirect(reverse("admin:enrolment_enrolment_change", args=[new.pk]))
        return TemplateResponse(request, "admin/enrolment/enrolment/change_through.html", {
            **self.admin_site.each_context(request), "title": title, "form": form,
            "enrolment": enrolment, "opts": self.model._meta, "explanation": explanation,
        })  # fmt: skip

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
        cancelled = 0
        for enrolment in queryset.exclude(status=Enrolment.Status.CANCELLED):
            try:
                services.cancel_enrolment(enrolment=enrolment, by=request.user)
            except services.EnrolmentError as error:
                self.message_user(request, f"{enrolment}: {error}", messages.ERROR)
                continue
            self.log_change(request, enrolment, gettext("Cancelled."))
            cancelled += 1
        if cancelled:
            messages.success(request, _("The selected enrolments are cancelled."))


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(CuratedRunsOnly):
    list_display = ["learner", "run", "status", "created_at", "offer_expires_at"]
    list_filter = ["status", "run__module__faculty", "run__module__themes"]
    fields = ["learner", "run", "status", "payer", "organisation", "motivation", "created_at",
              "offered_at", "offer_expires_at"]  # fmt: skip
    readonly_fields = fields

    # Places are taken, offered and lapse through the services (enrol, promote_waitlist,
    # expire_offers); typing a status here would hand out seats past the run's capacity.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
    inlines = [CohortEnrolmentInline]

    def has_add_permission(self, request):
        return False  # employers build cohorts in the employer portal

    def has_delete_permission(self, request, obj=None):
        return False  # its seats and its order stay; cancel the enrolments instead


class RecordedByAdmin:
    """Admins of rows recorded through a service that waits for what they record: the form
    knows who records, and only the academy office sees the reason for recording early."""

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if services.may_record_early(request.user):
            return fields
        return [field for field in fields if field != "early_override_reason"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.recorded_by = request.user  # a class of its own for each request
        return form


class AttendanceAdminForm(forms.ModelForm):
    """What mark_attendance would refuse, refused at the field. `recorded_by` is set by the
    admin (get_form): the office may record before a session, giving a reason."""

    early_override_reason = forms.CharField(
        label=_("Reason for recording early"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for a session that has not taken place yet; the academy office may "
                    "record it early, saying why. The reason is kept in the audit trail."),
    )  # fmt: skip
    recorded_by = None

    class Meta:
        model = Attendance
        fields = ["session", "enrolment", "present"]

    def clean(self):
        cleaned = super().clean()
        session = cleaned.get("session") or (self.instance.session if self.instance.pk else None)
        enrolment = cleaned.get("enrolment")
        if session and enrolment and session.run_id != enrolment.run_id:
            self.add_error(
                "enrolment", _("This learner is not enrolled in the run of this session.")
            )
        if session and self.recorded_by is not None:
            try:
                services.check_session_has_started(
                    session=session, by=self.recorded_by,
                    early_override_reason=cleaned.get("early_override_reason", ""),
                )  # fmt: skip
            except services.TooEarlyError as error:
                field = "session" if "session" in self.fields else None
                self.add_error("early_override_reason" if error.missing_reason else field, error)
        return cleaned


@admin.register(Attendance)
class AttendanceAdmin(
    RecordedByAdmin, ServiceRefusalsAsMessages, AutocompleteForUsableIds, admin.ModelAdmin
):
    form = AttendanceAdminForm
    list_display = ["enrolment", "session", "present", "recorded_by", "recorded_at"]
    list_filter = ["present", "session__run__module__faculty"]
    list_select_related = ["enrolment__learner", "enrolment__run__module", "session",
                           "recorded_by"]  # fmt: skip
    search_fields = ["enrolment__learner__email", "enrolment__learner__last_name"]
    # Autocomplete asks the enrolment and session admins, which list only curated runs.
    autocomplete_fields = ["enrolment", "session"]
    readonly_fields = ["recorded_by", "recorded_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(session__in=sessions_curated_by(request.user))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # who attended what stays; only present or absent changes
            return ["session", "enrolment", *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "session":
            kwargs["queryset"] = sessions_curated_by(request.user).select_related("run__module")
        elif db_field.name == "enrolment":
            kwargs["queryset"] = (
                enrolments_curated_by(request.user).holding_a_seat()
                .select_related("learner", "run__module")
            )  # fmt: skip
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        saved = services.mark_attendance(
            session=obj.session, enrolment=obj.enrolment, present=obj.present, by=request.user,
            early_override_reason=form.cleaned_data.get("early_override_reason", ""),
        )  # fmt: skip
        obj.pk = saved.pk


class InvoiceInline(admin.TabularInline):
    model = Invoice
    fields = ["number", "kind", "issued_at", "total", "paid_at", "pdf_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")  # a link to it, not the file

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


class InvoicePaymentForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("paid_at") and self.instance.kind != Invoice.Kind.INVOICE:
            self.add_error(
                "paid_at", _("Only an invoice is paid; a credit note settles against it.")
            )
        if cleaned.get("payment_reference") and not cleaned.get("paid_at"):
            self.add_error("paid_at", _("Give the date of the payment with its reference."))
        return cleaned


@admin.register(Invoice)
class InvoiceAdmin(AuditHistory, ServiceRefusalsAsMessages, admin.ModelAdmin):
    """Issued invoices are read-only; the office marks payments and issues credit notes."""

    form = InvoicePaymentForm

    list_display = ["number", "kind", "bill_to_name", "issued_at", "total", "paid_at"]
    list_filter = ["kind", "year", ("paid_at", admin.EmptyFieldListFilter),
                   "order__enrolments__run__module__faculty"]  # fmt: skip
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

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")  # the PDF view reads it alone

    def get_urls(self):
        pdf = path("<int:invoice_id>/pdf/", self.admin_site.admin_view(self.pdf_view),
                   name="enrolment_invoice_pdf")  # fmt: skip
        return [pdf, *super().get_urls()]

    def pdf_view(self, request, invoice_id):
        invoice = self.get_object(request, str(invoice_id))
        if invoice is None or not self.has_view_permission(request, invoice):
            return HttpResponse(status=404)
        return pdf_response(invoice.pdf, invoice.filename)

    def get_readonly_fields(self, request, obj=None):
        if obj is None or obj.kind != Invoice.Kind.INVOICE or obj.paid_at is not None:
            return self.fields  # a credit note is never paid; a recorded payment stays
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if obj.paid_at is not None:
            services.mark_invoice_paid(
                invoice=obj,
                paid_at=obj.paid_at,
                reference=obj.payment_reference,
                by=request.user,
            )

    @admin.display(description=_("bill to"))
    def bill_to_name(self, invoice):
        return (invoice.bill_to.get("lines") or [""])[0]

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice):
        return _pdf_link(invoice)

    @admin.action(description=_("Mark the selected invoices as paid today"), permissions=["change"])
    def mark_paid(self, request, queryset):
        for invoice in queryset.filter(kind=Invoice.Kind.INVOICE, paid_at__isnull=True):
            services.mark_invoice_paid(invoice=invoice, by=request.user)
        messages.success(request, _("The selected invoices are marked as paid."))

    @admin.action(
        description=_("Issue a credit note for everything not yet credited"),
        permissions=["change"],
    )
    def credit_in_full(self, request, queryset):
        for invoice in queryset.filter(kind=Invoice.Kind.INVOICE).select_related("order"):
            note = services.credit_invoice_in_full(invoice=invoice, by=request.user)
            if note:
                messages.success(request, _("Credit note %(number)s issued.") % {
                    "number": note.number})  # fmt: skip


# --- Runs: the catalogue's run admin, with capacity counted where seats are --------------


class RunAdminForm(forms.ModelForm):
    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        changed = self.instance.pk and capacity != self.instance.capacity
        if changed and (problem := services.capacity_problem(run=self.instance, capacity=capacity)):
            raise forms.ValidationError(problem)
        return capacity


class RunChangeList(ChangeList):
    """The run list shows seats taken against capacity: counted for the page's runs at once
    (two queries however many rows), as the catalogue counts them."""

    def get_results(self, request):
        super().get_results(request)
        fill_seats_taken(self.result_list)


admin.site.unregister(ModuleRun)


@admin.register(ModuleRun)
class ModuleRunAdmin(ServiceRefusalsAsMessages, catalogue_admin.ModuleRunAdmin):
    """Registered from this side because seats are counted here (catalogue imports nothing
    from enrolment): a new capacity goes through change_capacity, which locks the run, refuses
    fewer seats than are held and offers freed seats to the waiting list."""

    form = RunAdminForm
    list_display = ["module", "code", "start_date", "end_date", "seats", "status"]

    def get_changelist(self, request, **kwargs):
        return RunChangeList

    @admin.display(description=_("seats taken"))
    def seats(self, run):
        taken = getattr(run, "seats_taken", 0)
        label = f"{taken} / {run.capacity}"
        return format_html("{} <strong>{}</strong>", label, _("full")) if run.is_full else label

    def save_model(self, request, obj, form, change):
        if change and "capacity" in form.changed_data:
            capacity, obj.capacity = obj.capacity, form.initial["capacity"]
            super().save_model(request, obj, form, change)
            offered = services.change_capacity(run=obj, capacity=capacity, by=request.user)
            obj.capacity = capacity
            if offered:
                self.message_user(request, ngettext(
                    "A freed seat was offered to %(count)d person on the waiting list.",
                    "Freed seats were offered to %(count)d people on the waiting list.",
                    len(offered),
                ) % {"count": len(offered)}, messages.INFO)  # fmt: skip
        else:
            super().save_model(request, obj, form, change)
