"""The office publishes the terms and statements here; a published version is read-only.

Adding a version publishes it (through the service, audited). "Start a new version from
this one" opens the add form filled with a version's text, so an edit is a new version.
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from legal import services
from legal.models import LegalDocument
from legal.text import render_body


class PublishForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["kind", "effective_from", "body_en", "body_nl", "changes_en", "changes_nl"]
        widgets = {
            "body_en": forms.Textarea(attrs={"rows": 30, "cols": 100}),
            "body_nl": forms.Textarea(attrs={"rows": 30, "cols": 100}),
        }

    def clean(self):
        data = super().clean()
        if data.get("kind") and data.get("effective_from"):
            problem = services.publication_problem(
                kind=data["kind"], effective_from=data["effective_from"]
            )
            if problem:
                self.add_error("effective_from", problem)
        return data


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    form = PublishForm
    list_display = ["kind", "version", "effective_from", "published_at", "published_by"]
    list_filter = ["kind"]
    readonly_fields = ["page_link", "new_version_link", "published_at", "published_by",
                       "preview_en", "preview_nl"]  # fmt: skip

    def get_fields(self, request, obj=None):
        if obj is None:
            return PublishForm.Meta.fields
        return ["kind", "version", "effective_from", "published_at", "published_by",
                "page_link", "new_version_link", "changes_en", "changes_nl",
                "preview_en", "preview_nl", "body_en", "body_nl"]  # fmt: skip

    def has_change_permission(self, request, obj=None):
        return False  # a published version is what people accepted: publish a new one

    def has_delete_permission(self, request, obj=None):
        return False

    def get_changeform_initial_data(self, request):
        """?from=<id>: the add form starts from that version's text."""
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("effective_from", timezone.localdate())
        source = request.GET.get("from", "")
        if source.isdigit() and (base := LegalDocument.objects.filter(pk=source).first()):
            initial |= {"kind": base.kind, "body_en": base.body_en, "body_nl": base.body_nl}
        initial.pop("from", None)
        return initial

    def save_model(self, request, obj, form, change):
        document = services.publish_document(
            kind=obj.kind, body_en=obj.body_en, body_nl=obj.body_nl,
            effective_from=obj.effective_from, changes_en=obj.changes_en,
            changes_nl=obj.changes_nl, by=request.user,
        )  # fmt: skip
        obj.pk, obj.version = document.pk, document.version

    @admin.display(description=_("page"))
    def page_link(self, document):
        return format_html('<a href="{0}">{0}</a>', document.get_absolute_url())

    @admin.display(description=_("change"))
    def new_version_link(self, document):
        url = reverse("admin:legal_legaldocument_add") + f"?from={document.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Start a new version from this one"))

    @admin.display(description=_("as the English page shows it"))
    def preview_en(self, document):
        return render_body(document.body_en)

    @admin.display(description=_("as the Dutch page shows it"))
    def preview_nl(self, document):
        return render_body(document.body_nl) if document.body_nl.strip() else "—"
