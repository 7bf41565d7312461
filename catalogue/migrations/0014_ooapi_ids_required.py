"""Stable OOAPI ids, step 3 of 3: unique and required, new rows get a fresh UUID."""

import uuid

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
    dependencies = [("catalogue", "0013_ooapi_ids_filled")]

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name=field,
            field=models.UUIDField(
                default=uuid.uuid4, unique=True, editable=False, verbose_name=LABELS[field]
            ),
        )
        for model_name, fields in FIELDS.items()
        for field in fields
    ]
