"""Triage in the admin: the office assigns needs to faculties; their portfolio holders move
them on, link modules and partners, and merge duplicates. Every change goes through
demand.services (so it is checked, logged and told to the submitter), not the form."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from academy.admin import AuditHistory, ServiceRefusalsAsMessages
from academy.errors import DomainError
from catalogue.queries import curates_everything, faculties_curated_by, modules_curated_by
from demand import queries, services
from demand.models import Interest, LearningNeed, ModuleProposal

REQUESTER_FIELDS = [
    "topic", "description", "expected_learners", "preferred_format", "preferred_period",
    "budget_indication", "contact_name", "contact_email", "contact_phone", "organisation_name",
]  # fmt: skip


class LearningNeedAdminForm(forms.ModelForm):
    class Meta:
        model = LearningNeed
        fields = [*REQUESTER_FIELDS, "faculties", "status", "decline_reason", "modules",
                  "themes", "partners", "triage_notes"]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == LearningNeed.Status.DECLINED
            and not (cleaned.get("decline_reason") or "").strip()
        ):
            self.add_error("decline_reason", _("Say why, for the person who asked."))
        return cleaned


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Keep this need; merge the others into it"), queryset=LearningNeed.objects.none(),
        widget=forms.RadioSelect,
    )  # fmt: skip


@admin.register(LearningNeed)
class LearningNeedAdmin(ServiceRefusalsAsMessages, AuditHistory, admin.ModelAdmin):
    form = LearningNeedAdminForm
    list_display = ["topic", "organisation_name", "expected_learners", "status", "faculty_names",
                    "created_at"]  # fmt: skip
    list_filter = [
        "status", "faculties", "themes", ("modules", admin.EmptyFieldListFilter),
        ("themes", admin.EmptyFieldListFilter),
        "preferred_format",
    ]  # fmt: skip
    search_fields = ["topic", "description", "organisation_name", "contact_email"]
    readonly_fields = ["submitted_by", "organisation", "merged_into", "created_at",
                       "status_changed_at", "confirmation_sent_at", "language"]  # fmt: skip
    filter_horizontal = ["faculties", "modules", "themes", "partners"]
    date_hierarchy = "created_at"
    actions = ["merge"]

    def get_queryset(self, request):
        return (
            queries.learning_needs_curated_by(request.user)
            .select_related("merged_into")
            .prefetch_related("faculties")
        )

    @admin.display(description=_("faculties"))
    def faculty_names(self, need):
        return ", ".join(faculty.local_name for faculty in need.faculties.all()) or "—"

    def get_readonly_fields(self, request, obj=None):
        # What the requester wrote is theirs, and assigning is the office's: only it edits those.
        if curates_everything(request.user):
            return self.readonly_fields
        return [*self.readonly_fields, *REQUESTER_FIELDS, "faculties"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "faculties":
            kwargs["queryset"] = faculties_curated_by(request.user)
        if db_field.name == "modules":
            kwargs["queryset"] = modules_curated_by(request.user).order_by("title")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return False  # needs come from the site's forms, with a submitter to tell

    def save_model(self, request, obj, form, change):
        # The submitter's own fields (office only) are plain edits; workflow fields wait
        # for save_related, where the services apply them after the form's checks.
        status, reason = obj.status, obj.decline_reason
        stored = LearningNeed.objects.get(pk=obj.pk)
        obj.status, obj.decline_reason = stored.status, stored.decline_reason
        obj.save()
        self._wanted = (status, reason)

    @transaction.atomic
    def save_related(self, request, form, formsets, change):
        need, user = form.instance, request.user
        status, reason = self._wanted
        data = form.cleaned_data
        if "faculties" in form.changed_data and curates_everything(user):
            services.assign_learning_need(need=need, faculties=data["faculties"], by=user)
        if {"modules", "themes", "partners"} & set(form.changed_data):
            services.link_learning_need(need=need, modules=data.get("modules"),
                                        themes=data.get("themes"), partners=data.get("partners"),
                                        by=user)  # fmt: skip
        need.refresh_from_db()
        if "status" in form.changed_data and status != need.status:
            services.change_learning_need_status(need=need, status=status, reason=reason, by=user)

    @admin.action(description=_("Merge the selected needs (duplicates)"))
    def merge(self, request, queryset):
        needs = queryset.filter(merged_into__isnull=True)
        if needs.count() < 2:
            self.message_user(request, _("Select at least two needs that are not merged yet."),
                              messages.WARNING)  # fmt: skip
            return None
        form = MergeForm(request.POST if "into" in request.POST else None)
        form.fields["into"].queryset = needs
        if form.is_valid():
            into = form.cleaned_data["into"]
            try:
                with transaction.atomic():
                    for duplicate in needs.exclude(pk=into.pk):
                        services.merge_learning_needs(duplicate=duplicate, into=into,
                                                      by=request.user)  # fmt: skip
            except DomainError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            merged = needs.count() - 1
            self.message_user(request, ngettext(
                "%(count)d need was merged into “%(topic)s”; its submitter was told.",
                "%(count)d needs were merged into “%(topic)s”; their submitters were told.",
                merged,
            ) % {"count": merged, "topic": into.topic}, messages.SUCCESS)  # fmt: skip
            return None
        return render(request, "admin/demand/merge_needs.html", {
            **self.admin_site.each_context(request), "form": form, "needs": needs,
            "title": _("Merge learning needs"), "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })  # fmt: skip


@admin.register(ModuleProposal)
class ModuleProposalAdmin(AuditHistory, admin.ModelAdmin):
    """Read-only: proposals are written and reviewed on the teaching pages."""

    list_display = ["title", "faculty", "proposer", "status", "submitted_at", "module"]
    list_filter = ["status", "faculty"]
    search_fields = ["title", "summary"]
    list_select_related = ["faculty", "proposer", "module"]

    def get_queryset(self, request):
        return queries.proposals_reviewed_by(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    """Read-only for the office: who asked to hear of new runs (personal data)."""

    list_display = ["email", "module", "theme", "created_at", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter), "theme"]
    search_fields = ["email", "module__title", "theme__name"]
    list_select_related = ["module", "theme"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if curates_everything(request.user) else qs.none()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
