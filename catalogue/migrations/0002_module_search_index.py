"""A GIN index on the module search vector, on PostgreSQL only (SQLite searches with LIKE)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS catalogue_module_search_gin "
    "ON catalogue_module USING gin (search_vector)"
)
DROP = "DROP INDEX IF EXISTS catalogue_module_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
