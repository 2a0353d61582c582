"""Time the public pages on a database of N published articles.

    .venv/bin/python bench/pages.py --articles 2000 [--database-url postgres://...]

Builds a throw-away database (a SQLite file in a temporary folder unless
--database-url is given; that database is dropped and recreated), fills it
with published articles linked to countries, leaders and tags, then requests
each page repeatedly through Django's test client and prints p50/p95 in ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="newsroom-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from articles.models import Article, Country, Leader, Tag, TaggedArticle

    setup_test_environment()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["testserver"]

    rng = random.Random(42)
    countries = list(Country.objects.all())
    leaders = [
        Leader(name=f"Leader {i}", slug=f"leader-{i}", country=rng.choice(countries))
        for i in range(200)
    ]
    Leader.objects.bulk_create(leaders)
    leaders = list(Leader.objects.all())
    tags = [Tag(name=f"Sujet {i}", slug=f"sujet-{i}") for i in range(300)]
    Tag.objects.bulk_create(tags)
    tags = list(Tag.objects.all())
    now = timezone.now()
    start = time.perf_counter()
    Article.objects.bulk_create(
        Article(
            title=f"Article {i} sur la péninsule",
            slug=f"article-{i}",
            standfirst="Un chapeau de deux lignes pour la page d’accueil.",
            body="<p>" + "Texte de l’article. " * 60 + "</p>",
            status="published",
            published_at=now - timezone.timedelta(minutes=17 * i + 1),
        )
        for i in range(args.articles)
    )
    ids = list(Article.objects.values_list("pk", flat=True))
    Article.countries.through.objects.bulk_create(
        Article.countries.through(article_id=pk, country_id=c.pk)
        for pk in ids
        for c in rng.sample(countries[:30], 3)
    )
    Article.leaders.through.objects.bulk_create(
        Article.leaders.through(article_id=pk, leader_id=leader.pk)
        for pk in ids
        for leader in rng.sample(leaders[:40], 2)
    )
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object_id=pk, tag_id=t.pk)
        for pk in ids
        for t in rng.sample(tags[:50], 4)
    )
    print(f"{args.articles} articles on {connection.vendor} in {time.perf_counter() - start:.1f} s")

    article = Article.objects.published().order_by("-published_at")[args.articles // 2]
    busiest_country = countries[0]
    pages = {
        "home": "/",
        "home page 10": "/?page=10",
        "article": article.get_absolute_url(),
        "country": busiest_country.get_absolute_url(),
        "leader": leaders[0].get_absolute_url(),
        "tag": tags[0].get_absolute_url(),
        "countries index": "/countries/",
        "leaders index": "/leaders/",
    }
    client = Client()
    print(f"{'page':<16} {'p50 ms':>8} {'p95 ms':>8}")
    for name, url in pages.items():
        timings = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:<16} {statistics.median(timings):8.1f} {percentile(timings, 95):8.1f}")


if __name__ == "__main__":
    main()
