"""Does a deep sitemap page cost more than the first? Key ranges against OFFSET.

Fills the database named by DATABASE_URL (use a scratch one: it is emptied of
articles) with N published articles, then times each page of the articles
sitemap through the real view, and the same pages fetched with OFFSET.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_syndication \
        .venv/bin/python bench/sitemap_pages.py --articles 200000 --per-page 50000
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "bench.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.syndication import sitemaps  # noqa: E402


def fill(count):
    Article.objects.all().delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO articles_article (title, slug, standfirst, body, language, dateline,
                    credit, status, published_at, created_at, updated_at)
                SELECT 'Article ' || n, 'article-' || n, '', '<p>x</p>', 'fr', '', '',
                    'published', now() - (n || ' minutes')::interval, now(), now()
                FROM generate_series(1, %s) AS n
                """,
                [count],
            )
            cursor.execute("ANALYZE articles_article")
    else:
        Article.objects.bulk_create(
            Article(
                title=f"Article {n}",
                slug=f"article-{n}",
                body="<p>x</p>",
                status="published",
                published_at=django.utils.timezone.now()
                - django.utils.timezone.timedelta(minutes=n),
            )
            for n in range(1, count + 1)
        )


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--per-page", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-fill", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if not args.no_fill:
        fill(args.articles)
    sitemaps.ArticleSitemap.limit = args.per_page
    client = Client(HTTP_HOST="bench.test")
    url = reverse("articles:sitemap_section", kwargs={"section": "articles"})
    queryset = sitemaps.ArticleSitemap().items().order_by("pk")
    pages = sitemaps.ArticleSitemap().paginator.num_pages
    print(f"{connection.vendor}, {Article.objects.count()} articles, {pages} pages")
    print("page  database: key range  database: OFFSET  whole view (key ranges)")
    for page in range(1, pages + 1):
        by_range = sitemaps.ArticleSitemap().paginator.page(page).object_list
        offset = (page - 1) * args.per_page
        by_offset = queryset[offset : offset + args.per_page]
        view = ""
        if page in (1, pages):
            seconds = timed(lambda page=page: client.get(url, {"p": page}), args.repeat)
            view = f"{seconds * 1000:>10.0f} ms"
        print(
            f"{page:>4}  {database_ms(by_range, args.repeat):>16.1f} ms"
            f"  {database_ms(by_offset, args.repeat):>13.1f} ms  {view}"
        )


def database_ms(queryset, repeat):
    """Median execution time of the query in the database, without fetching rows."""
    sql, params = queryset.query.sql_with_params()
    samples = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            if connection.vendor == "postgresql":
                cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
                samples.append(cursor.fetchone()[0][0]["Execution Time"])
            else:
                start = time.perf_counter()
                cursor.execute(f"SELECT count(*) FROM ({sql})", params)
                cursor.fetchone()
                samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


if __name__ == "__main__":
    main()
