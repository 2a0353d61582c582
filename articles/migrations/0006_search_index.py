"""The full-text search index: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE articles_search USING fts5("
    "title, standfirst, body, subjects, tokenize = 'unicode61 remove_diacritics 2')",
    # Added by 0008 to databases migrated before it; the index code writes both.
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_search_head USING fts5("
    "title, standfirst, subjects, tokenize = 'unicode61 remove_diacritics 2')",
]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # No foreign key: the index is derived data kept in step by signals, and a
    # reference would make TRUNCATE of the articles table (Django's test
    # flush) fail.
    "CREATE TABLE articles_search ("
    " article_id bigint PRIMARY KEY,"
    " vector tsvector NOT NULL,"
    " head tsvector NOT NULL,"
    # The article's, so that ranking orders equal scores without a join.
    " published_at timestamptz)",
    # Matching visits the heap row of every match for its id: keep rows narrow by
    # sending the full vector out of line (TOAST) and keeping the small ranking
    # vector, which every scored match reads, inline.
    "ALTER TABLE articles_search ALTER COLUMN vector SET STORAGE EXTERNAL,"
    " ALTER COLUMN head SET STORAGE MAIN",
    "ALTER TABLE articles_search SET (toast_tuple_target = 128)",
    "CREATE INDEX articles_search_vector ON articles_search USING GIN (vector)",
    # Matching a stored tsvector means unpacking it from TOAST; at the default
    # cost of 1 the planner scans the whole table for common words instead of
    # using the GIN index, ten times slower. Needs the owner of the function (a
    # superuser); without that right, search still works, only slower.
    "DO $$ BEGIN ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 100;"
    " EXCEPTION WHEN insufficient_privilege THEN"
    " RAISE NOTICE 'ts_match_vq cost left unchanged: not the owner'; END $$",
]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    else:
        return
    from articles.search.index import rebuild

    rebuild(
        article_model=apps.get_model("articles", "Article"),
        using_connection=schema_editor.connection,
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in {"sqlite", "postgresql"}:
        schema_editor.execute("DROP TABLE IF EXISTS articles_search")
        schema_editor.execute("DROP TABLE IF EXISTS articles_search_head")


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_workflow_roles")]

    operations = [migrations.RunPython(create_index, drop_index)]
