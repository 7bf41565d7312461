"""Results, pathways and issued credentials in the admin, scoped to curated runs."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from academy.admin import AuditHistory, AutocompleteForUsableIds, ServiceRefusalsAsMessages
from catalogue.queries import (
    curates_everything,
    faculties_curated_by,
    lecturers,
    published_modules_curated_by,
    runs_curated_by,
)
from credentials import services
from credentials.forms import RevokeForm
from credentials.models import Credential, Pathway, Result, SigningKey, TeachingRecognition
from credentials.recognition_queries import current_academic_year
from enrolment.admin import RecordedByAdmin
from enrolment.models import Enrolment


class ResultAdminForm(forms.ModelForm):
    """What record_result would refuse, refused at the field instead of as a 403 page.
    `recorded_by` is set by the admin (get_form): the office may record a result before the
    run has taken place, giving a reason."""

    early_override_reason = forms.CharField(
        label=_("Reason for recording early"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for a run that has not taken place yet; the academy office may "
                    "record it early, saying why. The reason is kept in the audit trail."),
    )  # fmt: skip
    recorded_by = None

    class Meta:
        model = Result
        fields = ["enrolment", "passed", "grade", "assessed_on"]

    def clean_grade(self):
        grade = self.cleaned_data["grade"]
        if problem := services.grade_problem(grade):
            raise forms.ValidationError(problem)
        return grade  # record_result stores it normalised

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_locked_by_credential:
            raise forms.ValidationError(
                _("A credential was issued for this result; revoke it before changing it.")
            )
        enrolment = cleaned.get("enrolment") or getattr(self.instance, "enrolment", None)
        if enrolment is not None and self.recorded_by is not None:
            try:
                services.check_run_has_taken_place(
                    run=enrolment.run, by=self.recorded_by,
                    early_override_reason=cleaned.get("early_override_reason", ""),
                )  # fmt: skip
            except services.TooEarlyError as error:
                field = "enrolment" if "enrolment" in self.fields else None
                self.add_error("early_override_reason" if error.missing_reason else field, error)
        return cleaned


@admin.register(Result)
class ResultAdmin(
    RecordedByAdmin,
    AuditHistory,
    ServiceRefusalsAsMessages,
    AutocompleteForUsableIds,
    admin.ModelAdmin,
):
    form = ResultAdminForm
    list_display = ["enrolment", "passed", "grade", "assessed_on", "assessor", "credential_link"]
    list_filter = ["passed", "enrolment__run__module__faculty"]
    list_select_related = ["enrolment__learner", "enrolment__run__module", "assessor",
                           "credential"]  # fmt: skip
    search_fields = ["enrolment__learner__email", "enrolment__learner__last_name",
                     "enrolment__run__module__title"]  # fmt: skip
    # Autocomplete asks the enrolment admin, which lists only the runs the user curates.
    autocomplete_fields = ["enrolment"]
    readonly_fields = ["assessor", "recorded_by", "recorded_at"]
    actions = ["issue_credentials"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(enrolment__run__in=runs_curated_by(request.user))
            # the list links to each credential: its signed documents stay in the database
            .select_related("credential")
            .defer("credential__pdf", "credential__jwt", "credential__document")
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # a result belongs to its enrolment; it never moves to another
            return ["enrolment", *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "enrolment":
            kwargs["queryset"] = (
                Enrolment.objects.holding_a_seat()
                .filter(run__in=runs_curated_by(request.user))
                .select_related("learner", "run__module")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # Through the service: who may, not for a cancelled seat, never under an issued credential.
        result = services.record_result(
            enrolment=obj.enrolment, passed=obj.passed, grade=obj.grade,
            assessed_on=obj.assessed_on, by=request.user,
            early_override_reason=form.cleaned_data.get("early_override_reason", ""),
        )  # fmt: skip
        obj.pk = result.pk
        if result.passed:
            messages.info(request, _("The credential is being issued."))

    @admin.display(description=_("credential"))
    def credential_link(self, result):
        credential = getattr(result, "credential", None)
        if credential is None:
            return "—"
        return format_html('<a href="{}">{}</a>', credential.get_absolute_url(), _("view"))

    @admin.action(description=_("Issue credentials for the selected passed results"))
    def issue_credentials(self, request, queryset):
        try:
            count = services.queue_credentials(results=queryset, by=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        messages.success(request, _("%(count)d credentials are being issued.") % {
            "count": count})  # fmt: skip


class PathwayAdminForm(forms.ModelForm):
    class Meta:
        model = Pathway
        fields = ["name", "description", "faculty", "modules"]

    def clean(self):
        cleaned = super().clean()
        faculty, modules = cleaned.get("faculty"), cleaned.get("modules")
        if faculty and modules:
            elsewhere = [str(module) for module in modules if module.faculty_id != faculty.pk]
            if elsewhere:
                self.add_error("modules", _(
                    "A pathway stacks modules of its own faculty; these are not: %(modules)s."
                ) % {"modules": ", ".join(elsewhere)})  # fmt: skip
        return cleaned


@admin.register(Pathway)
class PathwayAdmin(admin.ModelAdmin):
    form = PathwayAdminForm
    list_display = ["name", "faculty"]
    list_select_related = ["faculty"]
    filter_horizontal = ["modules"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(faculty__in=faculties_curated_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "faculty":
            kwargs["queryset"] = faculties_curated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "modules":
            # Only published modules that award a credential, of a faculty the user curates:
            # any other id posted is refused as an invalid choice.
            kwargs["queryset"] = published_modules_curated_by(request.user).select_related(
                "faculty"
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Credential)
class CredentialAdmin(AuditHistory, admin.ModelAdmin):
    list_display = ["title", "recipient_name", "issued_at", "revoked_at", "page_link"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), "achievement__module__faculty"]
    search_fields = ["recipient_name", "title", "learner__email"]
    fields = ["title", "recipient_name", "learner", "issued_at", "status_index", "revoked_at",
              "revocation_reason", "revoked_by", "page_link"]  # fmt: skip
    readonly_fields = fields
    actions = ["revoke"]

    def get_queryset(self, request):
        faculties = faculties_curated_by(request.user)
        curated = (Q(achievement__module__faculty__in=faculties)
                   | Q(achievement__pathway__faculty__in=faculties))  # fmt: skip
        if curates_everything(request.user):  # lecturers' recognitions are the office's
            curated |= Q(achievement__teaching_year__isnull=False)
        return super().get_queryset(request).defer("pdf", "jwt", "document").filter(curated)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("public page"))
    def page_link(self, credential):
        return format_html('<a href="{}">{}</a>', credential.get_absolute_url(), _("verify"))

    @admin.action(description=_("Revoke the selected credentials"), permissions=["change"])
    def revoke(self, request, queryset):
        form = RevokeForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            revoked = 0
            for credential in queryset.filter(revoked_at__isnull=True):
                try:
                    services.revoke_credential(credential=credential, by=request.user,
                                               reason=form.cleaned_data["reason"])  # fmt: skip
                except (services.CredentialError, PermissionDenied) as error:
                    self.message_user(request, f"{credential}: {error}", messages.ERROR)
                else:
                    revoked += 1
            if revoked:
                messages.success(request, _("The selected credentials are revoked."))
            return redirect(request.get_full_path())
        return render(request, "admin/credentials/revoke.html", {
            **self.admin_site.each_context(request), "form": form, "credentials": queryset,
            "title": _("Revoke credentials"), "opts": self.model._meta,
        })  # fmt: skip


@admin.register(SigningKey)
class SigningKeyAdmin(admin.ModelAdmin):
    list_display = ["kid", "kind", "created_at", "retired_at"]
    fields = ["kid", "kind", "created_at", "retired_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TeachingRecognitionForm(forms.ModelForm):
    class Meta:
        model = TeachingRecognition
        fields = ["lecturer", "academic_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = current_academic_year()
        self.fields["academic_year"] = forms.TypedChoiceField(
            label=_("academic year"), coerce=int, initial=this_year - 1,
            choices=[(year, f"{year}/{(year + 1) % 100:02d}")
                     for year in range(this_year, this_year - 6, -1)],
        )  # fmt: skip
        self.fields["lecturer"].queryset = lecturers()


@admin.register(TeachingRecognition)
class TeachingRecognitionAdmin(AuditHistory, ServiceRefusalsAsMessages, admin.ModelAdmin):
    """The office recognises a lecturer's teaching in a year: adding one asks the service,
    which refuses a second one for the year and a year without an ended run taught."""

    form = TeachingRecognitionForm
    list_display = ["lecturer", "year", "requested_at", "issued_by", "state", "record_link"]
    list_select_related = ["lecturer", "issued_by", "credential"]
    list_filter = ["academic_year"]
    search_fields = ["lecturer__email", "lecturer__last_name"]

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .defer("statement", "credential__pdf", "credential__jwt", "credential__document")
        )
        return queryset if curates_everything(request.user) else queryset.none()  # fmt: skip

    def has_view_permission(self, request, obj=None):
        return curates_everything(request.user)

    def has_add_permission(self, request):
        return curates_everything(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # what was recognised stays; revoke its credential instead

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return curates_everything(request.user)

    def save_model(self, request, obj, form, change):
        recognition = services.request_recognition(
            lecturer=obj.lecturer, year=obj.academic_year, by=request.user
        )
        obj.pk = recognition.pk
        messages.info(request, _("The credential and the statement are being issued."))

    @admin.display(description=_("academic year"), ordering="academic_year")
    def year(self, recognition):
        return recognition.year_label

    @admin.display(description=_("credential"))
    def state(self, recognition):
        if recognition.credential is None:
            return _("being issued")
        label = _("revoked") if recognition.credential.revoked_at else _("verify")
        return format_html('<a href="{}">{}</a>', recognition.credential.get_absolute_url(), label)

    @admin.display(description=_("teaching record"))
    def record_link(self, recognition):
        url = reverse("teaching:record_of", args=[recognition.lecturer_id])
        return format_html('<a href="{}?year={}">{}</a>', url, recognition.academic_year,
                           _("record and statement"))  # fmt: skip
