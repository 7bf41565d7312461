"""Curation: portfolio holders see and edit their own faculty's offer; the office sees all."""

import csv
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from academy.admin import AuditHistory, AutocompleteForUsableIds, ServiceRefusalsAsMessages
from academy.spreadsheets import spreadsheet_safe
from catalogue import queries, services
from catalogue.models import (
    Faculty,
    Module,
    ModuleRun,
    Partner,
    Session,
    Synonym,
    Teaching,
    Theme,
)


class OutcomesField(forms.CharField):
    """Learning outcomes edited as lines of text, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ModuleAdminForm(forms.ModelForm):
    learning_outcomes = OutcomesField(
        label=_("Learning outcomes"), required=False, help_text=_("One outcome per line.")
    )

    class Meta:
        model = Module
        fields = [
            "title", "slug", "faculty", "status", "themes", "partners", "summary", "description",
            "learning_outcomes", "target_audience", "entry_requirements", "language", "format",
            "study_load_hours", "ects", "level", "assessment", "assessment_type",
            "supervision_type", "awards_microcredential", "price", "vat_rate",
            "asks_for_motivation", "quality_assurance", "no_run_reason",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        becomes_published = cleaned.get("status") == Module.Status.PUBLISHED and (
            self.instance.status != Module.Status.PUBLISHED or not self.instance.pk
        )
        if becomes_published:
            candidate = Module(
                pk=self.instance.pk,
                **{
                    name: cleaned.get(name)
                    for name in ("learning_outcomes", "study_load_hours", "level", "format")
                },
                no_run_reason=cleaned.get("no_run_reason") or "",
            )
            for field_name, message in services.publication_problems(candidate).items():
                if field_name in self.fields:
                    self.add_error(field_name, message)
        return cleaned


class ScopedToFacultyAdmin(AutocompleteForUsableIds, admin.ModelAdmin):
    """Limits rows and choices to what the user curates; the office sees everything."""

    def scoped_queryset(self, request):
        raise NotImplementedError

    def get_queryset(self, request):
        return self.scoped_queryset(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        user = request.user
        scopes = {
            Faculty: lambda: queries.faculties_curated_by(user),
            Module: lambda: queries.modules_curated_by(user),
            ModuleRun: lambda: queries.runs_curated_by(user).select_related("module"),
        }
        if db_field.related_model in scopes:
            kwargs["queryset"] = scopes[db_field.related_model]()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["title", "starts_at", "ends_at", "mode", "location", "online_url"]


class TeachingInline(admin.TabularInline):
    model = Teaching
    extra = 0
    fields = ["lecturer", "role", "contact_hours"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lecturer":
            # Only the university's teaching staff, never the list of every user.
            kwargs["queryset"] = queries.lecturers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class RunInlineForm(forms.ModelForm):
    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk and capacity != self.instance.capacity:
            # Seats are counted in the enrolment app, which changes capacity on the run's page.
            raise forms.ValidationError(
                _("Change the capacity on the run's own page: seats held are counted there "
                  "and freed seats go to the waiting list.")
            )  # fmt: skip
        return capacity


class RunInline(admin.TabularInline):
    model = ModuleRun
    form = RunInlineForm
    extra = 0
    show_change_link = True
    fields = [
        "code",
        "start_date",
        "end_date",
        "cancellation_deadline",
        "capacity",
        "status",
        "location",
    ]


@admin.register(Faculty)
class FacultyAdmin(admin.ModelAdmin):
    fields = ["name", "name_nl", "slug", "portfolio_holders"]
    list_display = ["name", "name_nl", "slug"]
    search_fields = ["name", "name_nl"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["portfolio_holders"]

    def get_queryset(self, request):
        return queries.faculties_curated_by(request.user)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "portfolio_holders":
            # Staff only: the list of every learner and employer is nobody's to browse here.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    fields = ["name", "name_nl", "slug"]  # not interested_users: that is the professionals'
    list_display = ["name", "name_nl", "slug"]
    search_fields = ["name", "name_nl"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.refresh_search_index(module_ids=obj.modules.values_list("pk", flat=True))


@admin.register(Synonym)
class SynonymAdmin(ServiceRefusalsAsMessages, AuditHistory, admin.ModelAdmin):
    """Words that mean the same to a searcher; the office keeps them (no re-indexing:
    searches read them as they run)."""

    list_display = ["words", "updated_at"]
    search_fields = ["words"]
    fields = ["words"]

    def save_model(self, request, obj, form, change):
        services.save_synonym(synonym=obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_synonym(synonym=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for synonym in queryset:
            services.delete_synonym(synonym=synonym, by=request.user)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Module)
class ModuleAdmin(AuditHistory, ServiceRefusalsAsMessages, ScopedToFacultyAdmin):
    form = ModuleAdminForm
    list_display = ["title", "faculty", "status", "format", "language", "level", "price"]
    list_filter = ["status", "faculty", "format", "language", "level", "themes"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes", "partners"]
    readonly_fields = ["published_at", "published_by", "created_at", "updated_at"]
    list_select_related = ["faculty"]
    inlines = [RunInline]
    actions = ["publish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "faculty", "status", "themes", "partners"]}),
        (
            _("For the professional"),
            {
                "fields": [
                    "summary",
                    "description",
                    "learning_outcomes",
                    "target_audience",
                    "entry_requirements",
                ]
            },
        ),
        (
            _("Facts"),
            {
                "fields": [
                    "language",
                    "format",
                    ("study_load_hours", "ects"),
                    "level",
                    "assessment",
                    ("assessment_type", "supervision_type"),
                    "awards_microcredential",
                    ("price", "vat_rate"),
                    "asks_for_motivation",
                    "quality_assurance",
                    "no_run_reason",
                ]
            },
        ),
        (_("History"), {"fields": ["published_at", "published_by", "created_at", "updated_at"]}),
    ]

    def scoped_queryset(self, request):
        return queries.modules_curated_by(request.user)

    def save_model(self, request, obj, form, change):
        # Publishing is the service's (who may, what it needs, who and when); the form has
        # already shown its problems at their fields.
        if obj.status == Module.Status.PUBLISHED and "status" in form.changed_data:
            services.publish_module(module=obj, by=request.user)
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_search_index(module_ids=[form.instance.pk])

    @admin.action(description=_("Publish the selected modules"), permissions=["change"])
    def publish_selected(self, request, queryset):
        published = 0
        for module in queryset.select_related("faculty"):
            try:
                services.publish_module(module=module, by=request.user)
                published += 1
            except services.PublicationError as error:
                self.message_user(
                    request,
                    _("%(module)s was not published: %(problems)s")
                    % {"module": module, "problems": error},
                    messages.ERROR,
                )
        if published:
            self.message_user(
                request,
                ngettext("Published %d module.", "Published %d modules.", published) % published,
                messages.SUCCESS,
            )


class DuplicateRunForm(forms.Form):
    start_date = forms.DateField(
        label=_("New start date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start < timezone.localdate():
            raise forms.ValidationError(_("Choose a date from today on."))
        return start


@admin.register(ModuleRun)
class ModuleRunAdmin(AuditHistory, ScopedToFacultyAdmin):
    list_display = ["module", "code", "start_date", "end_date", "capacity", "status"]
    list_filter = ["status", "module__faculty", "module__themes",
                   ("start_date", admin.DateFieldListFilter)]  # fmt: skip
    search_fields = ["code", "module__title"]
    date_hierarchy = "start_date"
    list_select_related = ["module"]
    autocomplete_fields = ["module"]
    inlines = [SessionInline, TeachingInline]
    actions = ["duplicate_to_new_date"]

    def scoped_queryset(self, request):
        return queries.runs_curated_by(request.user)

    def get_urls(self):
        report = path(
            "teaching-report/",
            self.admin_site.admin_view(self.teaching_report_view),
            name="catalogue_teaching_report",
        )
        return [report, *super().get_urls()]

    @admin.action(description=_("Duplicate to a new date (sessions shifted)"), permissions=["add"])
    def duplicate_to_new_date(self, request, queryset):
        form = DuplicateRunForm(request.POST if "start_date" in request.POST else None)
        if form.is_valid():
            copies = [
                services.duplicate_run(run=run, start_date=form.cleaned_data["start_date"])
                for run in queryset.prefetch_related("sessions", "teachings")
            ]
            self.message_user(
                request,
                ngettext(
                    "Created %(count)d new run: %(codes)s",
                    "Created %(count)d new runs: %(codes)s",
                    len(copies),
                )
                % {"count": len(copies), "codes": ", ".join(str(copy) for copy in copies)},
                messages.SUCCESS,
            )
            return None
        return render(
            request,
            "admin/catalogue/duplicate_run.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Duplicate runs to a new date"),
                "form": form,
                "runs": queryset.select_related("module"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )

    def teaching_report_view(self, request):
        if not (self.has_view_permission(request) or queries.curates_everything(request.user)):
            raise PermissionDenied
        this_year = timezone.localdate().year
        try:
            year = int(request.GET.get("year", this_year))
            date(year, 1, 1)
        except ValueError:
            year = this_year
        rows = queries.teaching_report(user=request.user, year=year)
        if request.GET.get("format") == "csv":
            return teaching_report_csv(rows, year)
        return TemplateResponse(
            request,
            "admin/catalogue/teaching_report.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Teaching in continuing education, %(year)s") % {"year": year},
                "rows": rows,
                "year": year,
                "years": range(this_year - 4, this_year + 2),
                "opts": self.model._meta,
                "csv_url": reverse("admin:catalogue_teaching_report") + f"?year={year}&format=csv",
            },
        )


def teaching_report_csv(rows, year: int) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teaching-{year}.csv"'
    response.write("\ufeff")  # so Excel opens the UTF-8 names correctly
    writer = csv.writer(response)
    writer.writerow(["faculty", "lecturer", "email", "year", "runs", "contact_hours"])
    for row in rows:
        name = f"{row['lecturer__first_name']} {row['lecturer__last_name']}".strip()
        writer.writerow(
            [
                spreadsheet_safe(row["faculty_name"]),
                spreadsheet_safe(name),
                spreadsheet_safe(row["lecturer__email"]),
                year,
                row["runs"],
                f"{row['contact_hours'] or 0:.1f}",
            ]
        )
    return response


@admin.register(Session)
class SessionAdmin(ScopedToFacultyAdmin):
    list_display = ["title", "run", "starts_at", "ends_at", "mode"]
    list_filter = ["mode", "run__module__faculty"]
    search_fields = ["title", "run__module__title", "run__code"]
    list_select_related = ["run__module"]
    autocomplete_fields = ["run"]
    date_hierarchy = "starts_at"

    def scoped_queryset(self, request):
        return queries.sessions_curated_by(request.user)
