"""What RIO made of each module: a read-only panel on the module's admin page, the action
"Register in RIO now" (through the service, audited), and a list of every module's RIO state."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalogue import queries
from catalogue.admin import ModuleAdmin
from rio import services
from rio.models import RioJob, RioRegistration


def outcome_in_words(registration: RioRegistration) -> str:
    """The state as a curator reads it: registered with its code, pending, or the error."""
    status = RioRegistration.Status
    job = registration.current_job
    if registration.status == status.REGISTERED:
        return _("Registered in RIO: opleidingseenheidcode %(eduspec)s, "
                 "aangebodenOpleidingCode %(offered)s.") % {
            "eduspec": registration.opleidingseenheidcode or "—",
            "offered": registration.aangeboden_opleiding_code or "—",
        }  # fmt: skip
    if registration.status == status.PENDING:
        if job is None:
            return _("Pending: waiting to be sent to the RIO mapper.")
        words = _("Pending: %(object)s %(action)s at the RIO mapper, %(status)s.") % {
            "object": job.get_job_type_display(), "action": job.get_action_display(),
            "status": job.get_status_display().lower(),
        }  # fmt: skip
        if job.message:  # a transport failure that is being retried
            words += " " + _("Last attempt: %(message)s") % {"message": job.message}
        return words
    if registration.status == status.ERROR:
        return _("The RIO mapper reported an error: %(message)s") % {
            "message": registration.error_message
        }
    if registration.status == status.NOT_READY:
        return _("Not ready for RIO: %(problems)s") % {
            "problems": " ".join(registration.problems.values())
        }
    return _("Not registered in RIO.")


@admin.display(description=_("Outcome in RIO"))
def rio_outcome(self, module):
    """A read-only panel on the module's page (no inline: it would need a formset the
    module's own form posts do not carry)."""
    registration = (
        RioRegistration.objects.select_related("current_job", "triggered_by")
        .filter(module_id=getattr(module, "pk", None))
        .first()
    )
    if registration is None:
        return _("Not registered in RIO.")
    rows = [
        (_("Outcome"), outcome_in_words(registration)),
        (_("RIO opleidingseenheidcode"), registration.opleidingseenheidcode or "—"),
        (_("RIO aangebodenOpleidingCode"), registration.aangeboden_opleiding_code or "—"),
        (_("Attempts"), registration.attempts),
        (_("Asked by"), " · ".join(
            str(part) for part in (registration.trigger, registration.triggered_by,
                                   registration.requested_at and localize(
                                       timezone.localtime(registration.requested_at)))
            if part
        ) or "—"),
    ]  # fmt: skip
    if registration.registered_at:
        rows.append((_("Registered at"), localize(timezone.localtime(registration.registered_at))))
    jobs = reverse("admin:rio_rioregistration_change", args=[registration.pk])
    return format_html(
        '<dl class="rio-outcome">{}</dl><p><a href="{}">{}</a></p>',
        format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
        jobs,
        _("Every job sent to the RIO mapper"),
    )


@admin.action(description=_("Register in RIO now"), permissions=["change"])
def register_in_rio_now(modeladmin, request, queryset):
    asked = 0
    for module in queryset.select_related("faculty", "registration"):
        try:
            services.register_now(module=module, by=request.user)
            asked += 1
        except (services.RioError, PermissionDenied) as error:
            modeladmin.message_user(
                request,
                _("%(module)s was not sent to RIO: %(reason)s")
                % {"module": module, "reason": error},
                messages.ERROR,
            )
    if asked:
        modeladmin.message_user(
            request,
            ngettext(
                "Asked RIO to register %d module; its outcome shows on the module.",
                "Asked RIO to register %d modules; their outcomes show on each module.",
                asked,
            )
            % asked,
            messages.SUCCESS,
        )


ModuleAdmin.rio_outcome = rio_outcome
ModuleAdmin.readonly_fields = [*ModuleAdmin.readonly_fields, "rio_outcome"]
ModuleAdmin.fieldsets = [
    *ModuleAdmin.fieldsets,
    (
        _("RIO"),
        {
            "fields": ["rio_outcome"],
            "description": _(
                "What SURF's RIO mapper made of the module: registered with its codes, "
                "pending, or its error in words."
            ),
        },
    ),
]
ModuleAdmin.actions = [*ModuleAdmin.actions, register_in_rio_now]


class RioJobInline(admin.TabularInline):
    model = RioJob
    extra = 0
    can_delete = False
    fields = ["created_at", "version", "action", "job_type", "ooapi_id", "status", "phase",
              "message", "attempts", "polls", "token", "trigger", "finished_at"]  # fmt: skip
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RioRegistration)
class RioRegistrationAdmin(admin.ModelAdmin):
    list_display = ["module", "status", "opleidingseenheidcode", "aangeboden_opleiding_code",
                    "short_outcome", "requested_at", "updated_at"]  # fmt: skip
    list_filter = ["status", "module__faculty"]
    search_fields = ["module__title", "opleidingseenheidcode", "aangeboden_opleiding_code"]
    list_select_related = ["module", "current_job"]
    readonly_fields = ["module", "outcome", "status", "opleidingseenheidcode",
                       "aangeboden_opleiding_code", "route", "error_message", "error_phase",
                       "problems", "attempts", "wanted_action", "wanted_version",
                       "pushed_version", "trigger", "triggered_by", "requested_at",
                       "registered_at", "updated_at"]  # fmt: skip
    fields = readonly_fields
    inlines = [RioJobInline]
    actions = ["register_selected_now"]

    def get_queryset(self, request):
        curated = queries.modules_curated_by(request.user)
        return super().get_queryset(request).filter(module__in=curated)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Outcome"))
    def outcome(self, registration):
        return outcome_in_words(registration)

    @admin.display(description=_("Outcome"))
    def short_outcome(self, registration):
        words = outcome_in_words(registration)
        return words if len(words) <= 120 else words[:119] + "…"

    @admin.action(description=_("Register in RIO now"), permissions=["view"])
    def register_selected_now(self, request, queryset):
        modules = queries.modules_curated_by(request.user).filter(
            pk__in=queryset.values("module_id")
        )
        register_in_rio_now(self, request, modules)
