"""Time the syndication surfaces on whatever the database named by DATABASE_URL holds
(fill it first, e.g. with bench/sitemap_pages.py --articles 1000000).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_syndication \
        .venv/bin/python bench/surfaces.py
"""

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

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402

URLS = [
    "/feed/",
    "/feed/atom/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/api/ninjs/articles/",
    "/api/ninjs/articles/?page=2000&page_size=100",
    "/api/ninjs/articles/?language=fr&updated_since=2026-01-01",
]


def main(repeat=5):
    client = Client(HTTP_HOST="bench.test")
    print(f"{connection.vendor}, {Article.objects.count()} articles")
    for url in URLS:
        samples = []
        for _ in range(repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                samples.append(time.perf_counter() - start)
        print(
            f"{response.status_code} {statistics.median(samples) * 1000:8.1f} ms"
            f" {len(queries):3d} queries  {url}"
        )


if __name__ == "__main__":
    main()
