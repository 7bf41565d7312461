"""Stable OOAPI ids for faculties, modules and runs, step 1 of 3: the columns, nullable.
Three migrations, so that PostgreSQL fills the rows and alters the table in separate
transactions (an ALTER after UPDATEs with deferred constraint triggers pending fails)."""

from django.db import migrations, models

FIELDS = {
    "faculty": ["ooapi_id"],
    "module": ["ooapi_specification_id", "ooapi_course_id", "ooapi_program_id"],
    "modulerun": ["ooapi_offering_id"],
}
LABELS = {
    "ooapi_id": "OOAPI organization id",
    "ooapi_specification_id": "OOAPI education specification id",
    "ooapi_course_id": "OOAPI course id",
    "ooapi_program_id": "OOAPI program id",
    "ooapi_offering_id": "OOAPI offering id",
}


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0011_search_index")]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name=field,
            field=models.UUIDField(null=True, editable=False, verbose_name=LABELS[field]),
        )
        for model_name, fields in FIELDS.items()
        for field in fields
    ]
