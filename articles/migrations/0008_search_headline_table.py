"""SQLite: the headline tier's own FTS5 table, filled from the main index."""

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_search_head USING fts5("
    "title, standfirst, subjects, tokenize = 'unicode61 remove_diacritics 2')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE)
    schema_editor.execute("DELETE FROM articles_search_head")
    schema_editor.execute(
        "INSERT INTO articles_search_head (rowid, title, standfirst, subjects) "
        "SELECT rowid, title, standfirst, subjects FROM articles_search"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS articles_search_head")


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_headline_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
