from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from catalogue.queries import faculties_curated_by
from evaluations.models import Answer


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    """Read-only, for the faculty's portfolio holders and the office. No dates and no
    people: the site's evaluation pages show figures from five answers; hiding a comment is
    done there, with a reason."""

    list_display = ["run", "overall", "relevance", "lecturers", "blend", "workload",
                    "recommend", "has_comment", "comment_hidden"]  # fmt: skip
    list_filter = ["run__module__faculty", "overall", "recommend"]
    search_fields = ["run__module__title", "run__code"]
    list_select_related = ["run__module"]
    exclude = ["submitted_on", "comment_hidden_by"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(run__module__faculty__in=faculties_curated_by(request.user))
        )

    @admin.display(boolean=True, description=_("comment"))
    def has_comment(self, answer):
        return bool(answer.comments)

    @admin.display(boolean=True, description=_("hidden"))
    def comment_hidden(self, answer):
        return answer.comment_hidden_at is not None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
