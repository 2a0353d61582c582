"""How long the editor's desk takes with many articles, and how many queries.

Run: DATABASE_URL=sqlite:////tmp/bench_desk.sqlite3 .venv/bin/python bench/desk.py [articles]
It migrates that database and fills it: point it at a scratch database only.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench_desk.sqlite3")

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.workflow.desk import desk_for  # noqa: E402


def fill(count):
    Article.objects.all().delete()
    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Editor"))
    now = timezone.now()
    statuses = ["draft", "in_review", "published", "published", "unpublished"]
    articles = []
    for i in range(count):
        status = statuses[i % len(statuses)]
        when = now + datetime.timedelta(minutes=(i % 2000) - 1000)
        articles.append(
            Article(
                title=f"Article {i}",
                slug=f"article-{i}",
                body="<p>x</p>",
                status=status,
                published_at=when if status != "draft" else None,
            )
        )
    Article.objects.bulk_create(articles, batch_size=1000)
    Through = Article.authors.through
    Through.objects.bulk_create(
        [
            Through(article_id=pk, user_id=user.pk)
            for pk in Article.objects.values_list("pk", flat=True)
        ],
        batch_size=1000,
    )
    return User.objects.get(pk=user.pk)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    call_command("migrate", verbosity=0)
    user = fill(count)
    desk_for(user)  # warm the permission cache, as a request would
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            desk_for(user)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"{connection.vendor}, {count} articles: desk_for median "
        f"{statistics.median(timings):.2f} ms, max {max(timings):.2f} ms, {len(queries)} queries"
    )


if __name__ == "__main__":
    main()
