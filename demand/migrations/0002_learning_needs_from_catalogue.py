"""Learning needs move from the catalogue to demand: every row is copied with its id, its one
faculty becomes its faculties, and the old statuses take their new names."""

from django.core.management.color import no_style
from django.db import migrations

STATUSES = {"triaged": "with_faculty", "in_development": "planned"}
FIELDS = [
    "id", "topic", "description", "expected_learners", "preferred_format", "preferred_period",
    "contact_name", "contact_email", "contact_phone", "organisation_name", "submitted_by_id",
    "language", "triage_notes", "created_at", "confirmation_sent_at",
]  # fmt: skip


def copy_needs(apps, schema_editor):
    Old = apps.get_model("catalogue", "LearningNeed")
    New = apps.get_model("demand", "LearningNeed")
    copies, faculties = [], []
    for old in Old.objects.all().order_by("pk").iterator():
        need = New(**{name: getattr(old, name) for name in FIELDS})
        need.status = STATUSES.get(old.status, old.status)
        copies.append(need)
        if old.faculty_id:
            faculties.append(New.faculties.through(learningneed_id=old.pk, faculty_id=old.faculty_id))
    submitted = {need.pk: need.created_at for need in copies}
    New.objects.bulk_create(copies, batch_size=1000)
    for need in copies:  # auto_now_add stamped them now: give back when they were submitted
        need.created_at = submitted[need.pk]
    New.objects.bulk_update(copies, ["created_at"], batch_size=1000)
    New.faculties.through.objects.bulk_create(faculties, batch_size=1000)
    connection = schema_editor.connection
    with connection.cursor() as cursor:  # ids were given: the sequence must start after them
        for sql in connection.ops.sequence_reset_sql(no_style(), [New]):
            cursor.execute(sql)


def copy_back(apps, schema_editor):
    Old = apps.get_model("catalogue", "LearningNeed")
    New = apps.get_model("demand", "LearningNeed")
    back = {new: old for old, new in STATUSES.items()}
    for need in New.objects.prefetch_related("faculties").iterator(chunk_size=1000):
        faculty = next(iter(need.faculties.all()), None)
        Old.objects.create(
            **{name: getattr(need, name) for name in FIELDS},
            status=back.get(need.status, need.status), faculty=faculty,
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("demand", "0001_initial"),
        ("catalogue", "0008_search_miss"),
    ]

    operations = [migrations.RunPython(copy_needs, copy_back)]
