"""PostgreSQL: a GIN index on the headline-tier vector, so ranking reads only those matches."""

from django.db import migrations

INDEX = "articles_search_head"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_search USING GIN (head)"
        )
        schema_editor.execute("ANALYZE articles_search")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_search_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
