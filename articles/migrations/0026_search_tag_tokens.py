"""The search index holds each article's tags as tokens: rebuilt once to add them."""

from django.db import migrations


def rebuild_index(apps, schema_editor):
    if schema_editor.connection.vendor not in {"sqlite", "postgresql"}:
        return
    from articles.search.index import rebuild

    rebuild(
        article_model=apps.get_model("articles", "Article"),
        using_connection=schema_editor.connection,
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_page_stamp_site")]

    operations = [migrations.RunPython(rebuild_index, migrations.RunPython.noop)]
