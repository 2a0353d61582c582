"""Subjects for the articles written before they were kept, as the engine reads them.

Runs on the migration's models: the engine's index is built from a snapshot of
this state's countries and leaders, not from the live models.
"""

from django.db import migrations


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def derive(apps, schema_editor):
    from articles.suggest.article_subjects import subjects_from_text
    from articles.suggest.knowledge import build_index

    Article = apps.get_model("articles", "Article")
    ArticleSubject = apps.get_model("articles", "ArticleSubject")
    Country = apps.get_model("articles", "Country")
    Leader = apps.get_model("articles", "Leader")
    articles = (
        Article.objects.filter(subjects__isnull=True)
        .exclude(countries__isnull=True, leaders__isnull=True)
        .distinct()
        .prefetch_related("countries", "leaders")
    )
    if not articles.exists():
        return
    snapshot = {
        "countries": [
            {**row, "aliases": _lines(row["aliases"])}
            for row in Country.objects.values("id", "code", "name", "aliases")
        ],
        "leaders": [
            {"id": pk, "slug": slug, "name": name, "aliases": _lines(aliases), "country": code}
            for pk, slug, name, aliases, code in Leader.objects.values_list(
                "id", "slug", "name", "aliases", "country__code"
            )
        ],
        "tags": [],
    }
    indexes = {}
    rows = []
    for article in articles.iterator(chunk_size=200):
        index = indexes.get(article.language)
        if index is None:
            index = indexes[article.language] = build_index(snapshot, article.language)
        subjects = subjects_from_text(
            index,
            title=article.title,
            standfirst=article.standfirst,
            body=article.body,
            country_ids=[c.pk for c in article.countries.all()],
            leader_ids=[x.pk for x in article.leaders.all()],
        )
        rows += [
            ArticleSubject(article_id=article.pk, position=position, **{f"{kind}_id": pk})
            for position, (kind, pk) in enumerate(subjects, start=1)
        ]
    ArticleSubject.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_article_subjects"),
    ]

    operations = [
        migrations.RunPython(derive, migrations.RunPython.noop),
    ]
