"""Time (and optionally profile) one full render of the article page.

    DATABASE_URL=sqlite:////tmp/render.sqlite3 .venv/bin/python bench/article_render.py \
        [--path /2019/04/25/kim-jong-un-…/] [--renders 300] [--profile] [--sort tottime]

The production profile (debug off), with the page cache off (``PAGE_CACHE_SECONDS=0``):
every request is an anonymous reader's cache miss, as in ``bench/pages.py``'s
"article, uncached" row, minus gunicorn and the network. The database must hold
content: ``manage.py migrate && manage.py load_leaders && manage.py load_demo``.
Without ``--path``, every published article is rendered in turn. Prints the median
CPU time of a render, that of /robots.txt and the queries of one page; ``--profile`` adds
cProfile's top functions, ``--pyinstrument`` a sampled call tree.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", action="append", help="an article's address (repeatable)")
    parser.add_argument("--renders", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="cProfile's top functions")
    parser.add_argument(
        "--pyinstrument", action="store_true", help="a sampled call tree (pip install pyinstrument)"
    )
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "PAGE_CACHE_SECONDS": "0",
            "REDIS_URL": "",
            "STATIC_ROOT": os.environ.get("STATIC_ROOT", "/tmp/newsroom-render-static"),
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from articles.models import Article

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--no-input", verbosity=0)
    paths = args.path or [a.get_absolute_url() for a in Article.objects.published()]
    if not paths:
        raise SystemExit("No published article: load the demo content first.")
    client = Client()
    for path in paths:  # warm: templates compiled, catalogues and CLDR data loaded
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(paths[0])

    def run(n):
        times = []
        for i in range(n):
            start = time.process_time()
            client.get(paths[i % len(paths)])
            times.append(time.process_time() - start)
        return times

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        run(args.renders)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler(interval=0.0002) as profiler:
            run(args.renders)
        profiler.print(show_all=False)
    # CPU time (the machine's other processes do not count), interleaved with
    # /robots.txt, a trivial view through the same middleware, for a ratio.
    times, trivial = [], []
    for i in range(args.renders):
        start = time.process_time()
        client.get(paths[i % len(paths)])
        times.append(time.process_time() - start)
        start = time.process_time()
        client.get("/robots.txt")
        trivial.append(time.process_time() - start)
    page, robots = statistics.median(times), statistics.median(trivial)
    print(
        f"{len(paths)} article(s), {args.renders} renders: median {page * 1000:.2f} ms "
        f"(/robots.txt {robots * 1000:.2f} ms, ×{page / robots:.0f}); {len(queries)} queries"
    )


if __name__ == "__main__":
    main()
