"""People in the admin, and what every admin of the project shares."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from academy.audit import ACTIONS, describe
from academy.errors import DomainError
from academy.models import AuditEntry, Invitation, Membership, Organisation, User


class ServiceRefusalsAsMessages:
    """Mixed into every ModelAdmin whose save_model calls a service. The form shows what it
    can at its fields; a refusal only the service can see (a race, a lock it counted under)
    rolls the whole save back and comes back as a message on the unchanged page, not a 500."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class AutocompleteSelectForUsableIds(AutocompleteSelect):
    """Django's widget looks up the posted value to show its label again; a value that cannot
    be an id ("abc", or beyond the column's range) shows as no choice instead of a 500, and the
    field itself reports it as an invalid choice."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._is_usable_id(v)], attr)

    def _is_usable_id(self, value) -> bool:
        target = self.field.target_field
        try:
            target.run_validators(target.to_python(value))
        except (ValidationError, TypeError, ValueError):
            return False
        return True


class AutocompleteForUsableIds:
    """Mixed into every ModelAdmin and inline that has autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectForUsableIds(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AuditHistory:
    """Mixed into a ModelAdmin: the object's History page shows its audit trail (who did
    what through the services, from any screen) above the admin's own change log."""

    object_history_template = "admin/audit_history.html"
    audit_history_limit = 200

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        entries = AuditEntry.objects.none() if obj is None else AuditEntry.objects.about(obj)
        extra_context = {
            **(extra_context or {}),
            "audit_entries": entries.select_related("actor", "subject")[: self.audit_history_limit],
        }
        return super().history_view(request, object_id, extra_context=extra_context)


class MembershipInline(AutocompleteForUsableIds, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "shares_progress", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(AuditHistory, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "preferred_language"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "preferred_language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "chamber_of_commerce_number", "billing_city", "created_at"]
    list_filter = ["billing_city", "created_at"]
    search_fields = ["name", "chamber_of_commerce_number", "billing_email"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditHistory, AutocompleteForUsableIds, admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "shares_progress", "created_at"]
    list_filter = ["role", "shares_progress", "organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(AutocompleteForUsableIds, admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", ("accepted_at", admin.EmptyFieldListFilter), "organisation"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "invited_by", "accepted_by"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"


class ActionFilter(admin.SimpleListFilter):
    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return sorted(((code, describe(code)) for code in ACTIONS), key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The whole trail, for the office: read only, as a record must be."""

    list_display = ["created_at", "description", "actor", "subject", "organisation", "target"]
    list_filter = [ActionFilter, "created_at"]
    search_fields = ["actor__email"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "subject", "organisation", "target_type"]
    fields = ["created_at", "action", "description", "actor", "subject", "organisation",
              "target_type", "target_id", "details"]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("what"))
    def description(self, entry):
        return entry.description

    @admin.display(description=_("object"))
    def target(self, entry):
        return f"{entry.target_type.name} #{entry.target_id}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
