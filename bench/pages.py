"""Requests per second of the reader's pages through gunicorn, measured with wrk.

    .venv/bin/python bench/pages.py [--articles 2000] [--duration 5] [--rounds 3]
                                    [--redis-url redis://127.0.0.1:6379/11]

Builds a throw-away SQLite database of N published articles (countries,
leaders, tags), collects the static files, and starts the production profile
(``gunicorn.conf.py``, debug off) with 2 sync workers twice on loopback: once as
configured, once with the page cache off (``PAGE_CACHE_SECONDS=0``), which is
what every anonymous reader would cost without it. wrk (``apt-get install wrk``)
then measures, in alternating rounds, /robots.txt (a trivial view), a static
file (WhiteNoise), the article page uncached, the same page cached for an
anonymous reader, and a 304 answer to its ETag. Prints the medians and the
ratios issue #14 asks for.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(articles):
    """Migrate and fill the database named by DATABASE_URL; returns an article's URL."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from articles.models import Article, Country, Leader, Tag, TaggedArticle

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    rng = random.Random(42)
    countries = list(Country.objects.all())
    Leader.objects.bulk_create(
        Leader(name=f"Leader {i}", slug=f"leader-{i}", country=rng.choice(countries))
        for i in range(200)
    )
    leaders = list(Leader.objects.all())
    Tag.objects.bulk_create(Tag(name=f"Sujet {i}", slug=f"sujet-{i}") for i in range(300))
    tags = list(Tag.objects.all())
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Article {i} sur la péninsule",
            slug=f"article-{i}",
            standfirst="Un chapeau de deux lignes pour la page d’accueil.",
            body="<p>" + "Texte de l’article. " * 60 + "</p>",
            status="published",
            published_at=now - timezone.timedelta(minutes=17 * i + 1),
        )
        for i in range(articles)
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
    article = Article.objects.published().order_by("-published_at")[articles // 2]
    return article.get_absolute_url()


def start_server(tmp, env, port, name):
    conf = Path(tmp) / f"gunicorn-{name}.conf.py"
    # The checked-in profile, with 2 sync workers and no access log (it would be
    # most of the cost of the smallest answers).
    conf.write_text(
        f"exec(open({str(ROOT / 'gunicorn.conf.py')!r}).read())\n"
        f"bind = '127.0.0.1:{port}'\nworkers = 2\nthreads = 1\naccesslog = None\n"
    )
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", str(conf), "newsroom.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(tmp) / f"gunicorn-{name}.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"gunicorn ({name}) did not start: see {tmp}/gunicorn-{name}.log")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def wrk(url, duration, connections, headers=()):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{output}")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--redis-url", default="", help="the page cache in Redis")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")

    tmp = tempfile.mkdtemp(prefix="newsroom-pages-")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "MEDIA_ROOT": f"{tmp}/media",
        "STATIC_ROOT": f"{tmp}/static",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    article = fill(args.articles)
    manifest = json.loads((Path(tmp) / "static" / "staticfiles.json").read_text())
    static = "/static/" + manifest["paths"]["css/site.css"]

    cached_port, uncached_port = free_port(), free_port()
    servers = [
        start_server(tmp, env, cached_port, "cached"),
        start_server(tmp, {**env, "PAGE_CACHE_SECONDS": "0"}, uncached_port, "uncached"),
    ]
    try:
        cached = f"http://127.0.0.1:{cached_port}"
        uncached = f"http://127.0.0.1:{uncached_port}"
        status, headers = fetch(cached + article)
        assert status == 200, status
        etag = headers["ETag"]
        # Local memory is per worker: warm both.
        seen = [fetch(cached + article)[1].get("X-Page-Cache") for _ in range(6)]
        assert "early" in seen, seen
        assert fetch(uncached + article)[1].get("X-Page-Cache") not in {"hit", "early"}
        status, headers = fetch(cached + article, {"If-None-Match": etag})
        assert status == 304, status
        print("304 answered by:", headers.get("X-Page-Cache"), flush=True)
        targets = {
            "/robots.txt": (cached + "/robots.txt", ()),
            "static file": (cached + static, ()),
            "article, uncached": (uncached + article, ()),
            "article, cached (anonymous)": (cached + article, ()),
            "article, 304": (cached + article, (f"If-None-Match: {etag}",)),
        }
        results = {name: [] for name in targets}
        for _round in range(args.rounds):
            for name, (url, extra) in targets.items():
                results[name].append(wrk(url, args.duration, args.connections, extra))
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)

    rps = {name: statistics.median(values) for name, values in results.items()}
    cache = "Redis" if args.redis_url else "local memory"
    print(
        f"{args.articles} articles, SQLite, page cache in {cache}; gunicorn 2 sync workers; "
        f"wrk -t1 -c{args.connections} -d{args.duration}s, median of {args.rounds} "
        "alternating rounds"
    )
    print(f"| {'answer':<28} | {'req/s':>8} |")
    print(f"|{'-' * 30}|{'-' * 10}:|")
    for name, value in rps.items():
        print(f"| {name:<28} | {value:>8.0f} |")
    ratios = [
        ("uncached article / robots.txt", "article, uncached", "/robots.txt", 0.10),
        ("cached article / static file", "article, cached (anonymous)", "static file", 0.60),
        ("304 / uncached article", "article, 304", "article, uncached", 3.0),
    ]
    print()
    for label, top, bottom, target in ratios:
        value = rps[top] / rps[bottom]
        shown = f"{value:.0%}" if target < 1 else f"{value:.1f}×"
        goal = f"{target:.0%}" if target < 1 else f"{target:.0f}×"
        print(f"{label:<32} {shown:>7}  (target ≥ {goal}) {'ok' if value >= target else 'MISSED'}")


if __name__ == "__main__":
    main()
