"""On PostgreSQL, a module's words and vectors live out of line (TOAST) and its search text
row holds little more than pointers: a common word matching half the catalogue then reads
a few hundred small heap pages instead of thousands of wide ones (33 MB → 1.3 MB of heap
at 10,000 modules; 'zorg' with its synonyms 8 → 5 ms). Rows written before this migration
move out of line as they are rewritten here; `VACUUM FULL catalogue_modulesearchtext`
returns the space they leave."""

from django.db import migrations


def words_out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE catalogue_modulesearchtext SET (toast_tuple_target = 128)")
    schema_editor.execute("UPDATE catalogue_modulesearchtext SET title_words = title_words")


def words_in_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE catalogue_modulesearchtext RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0016_relevance_in_memory")]

    operations = [migrations.RunPython(words_out_of_line, words_in_line)]
