"""Curators set, on a module's own page, how it goes to RIO and eduXchange, and see there,
field by field, what RIO would refuse. catalogue's admin knows nothing of this app: the
inline and the panel are added to its ModuleAdmin from here."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from catalogue.admin import ModuleAdmin
from ooapi import readiness, services
from ooapi.models import ModuleRegistration


class RegistrationFormSet(BaseInlineFormSet):
    """Saves through the service (audited, with who did it) instead of the form's save."""

    user = None

    def save_new(self, form, commit=True):
        return self._save(form)

    def save_existing(self, form, obj, commit=True):
        return self._save(form)

    def _save(self, form):
        values = {name: form.cleaned_data[name] for name in services.REGISTRATION_FIELDS}
        return services.save_registration(module=self.instance, by=self.user, **values)


class ModuleRegistrationInline(admin.StackedInline):
    model = ModuleRegistration
    formset = RegistrationFormSet
    extra = 1
    max_num = 1
    can_delete = False
    verbose_name = _("RIO and eduXchange")
    verbose_name_plural = _("RIO and eduXchange")
    fields = [
        "rio_route",
        ("education_offerer_code", "education_location_code"),
        ("isced_field_of_study", "rio_category"),
        ("eduxchange_listed", "eduxchange_alliance", "eduxchange_target_group"),
        "updated_by",
        "updated_at",
    ]
    readonly_fields = ["updated_by", "updated_at"]

    # Who may change the module may say how it goes to RIO and eduXchange (portfolio
    # holders of its faculty, the office): the module's permissions, not this model's.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("catalogue.view_module") or self.has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("catalogue.change_module")

    def has_delete_permission(self, request, obj=None):
        return False

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


@admin.display(description=_("RIO readiness"))
def rio_readiness(self, obj):
    if obj is None or obj.pk is None:
        return _("Save the module first.")
    problems = readiness.rio_problems(obj)
    if not problems:
        return _("Ready: RIO's mapper should accept this module.")
    labels = {field.name: field.verbose_name for field in obj._meta.get_fields() if field.concrete}
    labels.update(
        {field.name: field.verbose_name for field in ModuleRegistration._meta.get_fields()}
    )
    labels["runs"] = _("runs")
    return format_html(
        "<ul class='rio-problems'>{}</ul>",
        format_html_join(
            "",
            "<li><strong>{}</strong>: {}</li>",
            (
                (str(labels.get(name, name)).capitalize(), message)
                for name, message in problems.items()
            ),
        ),
    )


ModuleAdmin.rio_readiness = rio_readiness
ModuleAdmin.inlines = [*ModuleAdmin.inlines, ModuleRegistrationInline]
ModuleAdmin.readonly_fields = [*ModuleAdmin.readonly_fields, "rio_readiness"]
ModuleAdmin.fieldsets = [
    *ModuleAdmin.fieldsets,
    (
        _("RIO readiness"),
        {
            "fields": ["rio_readiness"],
            "description": _(
                "What RIO's mapper would refuse, field by field, as the module is saved now."
            ),
        },
    ),
]
