"""Search latency: p50/p95 of a top-20 query, on the database DATABASE_URL names.

    mkdir -p /tmp/nr-bench
    export DATABASE_URL=sqlite:////tmp/nr-bench/search-10k.sqlite3   # or postgres://…
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python manage.py bench_search_data --count 10000
    .venv/bin/python bench/search_bench.py --runs 200

``bench/run_search_bench.sh`` does all four databases (SQLite and PostgreSQL,
10,000 and 100,000 articles). Keep these databases outside the repository.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402

from articles.management.commands.bench_search_data import COMMON_WORD, RARE_WORD  # noqa: E402
from articles.models import Article  # noqa: E402
from articles.search.engine import Filters, search  # noqa: E402

CASES = [
    ("common word", COMMON_WORD, Filters()),
    ("rare word", RARE_WORD, Filters()),
    ("common word + country", COMMON_WORD, Filters(country="KP")),
    # Not among the targets: in the headlines and standfirsts of about
    # one article in seven, the headline tier's worst case.
    ("headline word", "seoul", Filters()),
]


def top20(query, filters):
    return list(search(query, filters).results[:20])


def full_page(query, filters):
    """What the page runs, in its order: the five facets, the total, the top 20."""
    found = search(query, filters)
    found.facets()
    found.results.count()
    list(found.results[:20])


def cold_page(query, filters):
    # Not timed apart: clearing a local-memory cache costs microseconds.
    cache.clear()
    full_page(query, filters)


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(fn, query, filters, runs, warmup=5):
    for _ in range(warmup):
        fn(query, filters)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(query, filters)
        samples.append((time.perf_counter() - start) * 1000)
        reset_queries()
    return statistics.median(samples), percentile(samples, 95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--page-runs", type=int, default=30)
    parser.add_argument(
        "--case", action="append", help="only this case (repeatable), e.g. --case 'rare word'"
    )
    args = parser.parse_args()
    total = Article.objects.count()
    print(f"# {connection.vendor}, {total} articles, {args.runs} runs after 5 warm-up runs")
    for name, query, filters in CASES:
        if args.case and name not in args.case:
            continue
        matches = search(query, filters).matches.count()  # all, not the capped page count
        p50, p95 = measure(top20, query, filters, args.runs)
        cp50, cp95 = measure(cold_page, query, filters, args.page_runs, warmup=2)
        wp50, wp95 = measure(full_page, query, filters, args.page_runs, warmup=2)
        print(
            f"{connection.vendor:10} {total:>7} {name:24} matches={matches:>6}  "
            f"top20 p50={p50:7.2f} p95={p95:7.2f} ms  "
            f"page (count+facets) cold p50={cp50:6.1f} p95={cp95:6.1f} ms, "
            f"cached p50={wp50:6.1f} p95={wp95:6.1f} ms"
        )


if __name__ == "__main__":
    main()
