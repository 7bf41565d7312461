"""Stable OOAPI ids, step 2 of 3: every existing row gets UUIDs of its own."""

import uuid

from django.db import migrations

FIELDS = {
    "faculty": ["ooapi_id"],
    "module": ["ooapi_specification_id", "ooapi_course_id", "ooapi_program_id"],
    "modulerun": ["ooapi_offering_id"],
}


def fill_ids(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("catalogue", model_name)
        for pk in model.objects.values_list("pk", flat=True).iterator():
            model.objects.filter(pk=pk).update(**{field: uuid.uuid4() for field in fields})


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0012_ooapi_ids_added")]

    operations = [migrations.RunPython(fill_ids, migrations.RunPython.noop)]
