"""Cost of the admin, search and list pages at 1,000 and at 100,000 articles, in one run.

    .venv/bin/python bench/scale.py                        # SQLite files in a temporary folder
    .venv/bin/python bench/scale.py --database-url postgres://postgres@127.0.0.1:5432/nr_scale_bench
    .venv/bin/python bench/scale.py --sizes 1000,20000 --rounds 3   # quicker
    .venv/bin/python bench/scale.py --keep /tmp/newsroom-scale      # build once, reuse
    .venv/bin/python bench/scale.py --keep /tmp/newsroom-scale --only search

Throw-away databases: a PostgreSQL one named by --database-url has its public
schema dropped first, and a second one (its name + "_large") is created from
it. The small database is filled (bulk inserts, raw SQL for the subject rows),
copied, and the copy topped up with older articles to the large size; both
hold the same newest articles. Articles: mixed statuses (most published, some
drafts, in review, unpublished, scheduled), 1–3 countries, 0–2 leaders, 2–5
tags each, Zipf-distributed. Each page is requested through Django's test
client (an editor for the admin, anonymous otherwise), in rounds alternating
between the two databases so that a busy machine slows both alike; the best
time is kept. Search summaries (counts, facets) are forgotten before every
search request, so the whole page is computed each time.

With --keep DIR the databases are built once and reused by the next runs with
the same sizes (SQLite files in DIR; on PostgreSQL the databases themselves,
DIR holding only the note of what they contain). Rebuild them (remove DIR)
after a migration or a change to what the index holds.

Then the cold start: a fresh process loads the WSGI application as a gunicorn
worker does (gunicorn.conf.py's post_worker_init included) and times its first
search and its first "Suggest from text" against the second ones.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATUS_SHARES = [
    ("published", 0.84),
    ("draft", 0.06),
    ("in_review", 0.03),
    ("unpublished", 0.03),
    ("scheduled", 0.04),
]
# Most articles are about a few countries, as in a paper covering one region.
MAIN_COUNTRIES = ["KP", "KR", "CN", "JP", "RU", "US", "FR", "DE", "GB", "UA", "IN", "VN"]
TAG_WORDS = [
    "diplomatie",
    "nucléaire",
    "sanctions",
    "sommet",
    "élections",
    "économie",
    "commerce",
    "défense",
    "missiles",
    "droits-humains",
    "réfugiés",
    "frontière",
    "énergie",
    "climat",
    "santé",
    "technologie",
    "culture",
    "sport",
    "justice",
    "corruption",
    "manifestations",
    "armée",
    "marine",
    "espace",
    "agriculture",
    "famine",
    "inondations",
    "séisme",
    "typhon",
    "tourisme",
    "éducation",
    "médias",
    "cybersécurité",
    "semi-conducteurs",
    "automobile",
    "banque",
    "inflation",
    "monnaie",
    "pétrole",
    "gaz",
    "charbon",
    "nucléaire-civil",
    "religion",
    "diaspora",
    "réunification",
    "olympiques",
    "football",
    "cinéma",
    "k-pop",
    "littérature",
    "archéologie",
]
ID_CEILING = 10_000_000
MINUTES_APART = 53  # 100,000 articles over about ten years


def best_ms(client, url, repeat, before=None):
    """The fastest of ``repeat`` runs, after two: on a shared machine the others
    mostly measure the neighbours. (And the median.)"""
    timings = []
    for n in range(repeat + 2):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if n >= 2:  # two warm-up requests
            timings.append(elapsed)
    return min(timings), statistics.median(timings)


def zipf_cumulative(n):
    total, out = 0.0, []
    for rank in range(n):
        total += 1 / (rank + 1)
        out.append(total)
    return out


class Filler:
    """Adds articles, oldest last, with their countries, leaders, tags and authors."""

    def __init__(self, seed=7):
        from django.contrib.auth.models import User
        from django.utils.text import slugify

        from articles.management.commands.bench_search_data import vocabulary
        from articles.models import Country, Leader, Tag

        self.rng = random.Random(seed)
        self.vocabularies = {lang: vocabulary(self.rng, lang) for lang in ("fr", "en")}
        # Cumulative Zipf weights, computed once: random.choices would sum them per call.
        self.weights = {
            lang: zipf_cumulative(len(words)) for lang, words in self.vocabularies.items()
        }
        countries = dict(Country.objects.values_list("code", "pk"))
        self.main = [countries[c] for c in MAIN_COUNTRIES if c in countries]
        self.others = [pk for code, pk in countries.items() if code not in MAIN_COUNTRIES]
        by_country = {}
        for pk, country in Leader.objects.values_list("pk", "country_id"):
            by_country.setdefault(country, []).append(pk)
        self.leaders_by_country = by_country
        names = [*TAG_WORDS, *(f"{a} et {b}" for a in TAG_WORDS[:20] for b in TAG_WORDS[20:30])]
        existing = set(Tag.objects.values_list("name", flat=True))
        Tag.objects.bulk_create(
            [
                Tag(name=name, slug=slugify(name, allow_unicode=True))
                for name in dict.fromkeys(names)
                if name not in existing
            ]
        )
        self.tags = list(Tag.objects.order_by("pk").values_list("pk", flat=True))
        self.authors = []
        for n in range(20):
            user, _ = User.objects.get_or_create(
                username=f"auteur{n}", defaults={"first_name": "Auteur", "last_name": f"n°{n}"}
            )
            self.authors.append(user.pk)
        self.made = 0
        self.now = None
        self._cumulative = {}

    def text(self, lang, n):
        return " ".join(self.rng.choices(self.vocabularies[lang], weights=self.weights[lang], k=n))

    def zipf(self, items, k):
        if len(items) not in self._cumulative:
            self._cumulative[len(items)] = zipf_cumulative(len(items))
        return set(self.rng.choices(items, cum_weights=self._cumulative[len(items)], k=k))

    def fill_to(self, total, batch=2000):
        from django.db import connection, transaction
        from django.utils import timezone

        from articles.models import Article, TaggedArticle

        self.now = self.now or timezone.now()
        statuses = [s for s, _ in STATUS_SHARES]
        shares = [w for _, w in STATUS_SHARES]
        while self.made < total:
            size = min(batch, total - self.made)
            articles, links = [], []
            for i in range(self.made, self.made + size):
                lang = "fr" if self.rng.random() < 0.7 else "en"
                status = self.rng.choices(statuses, shares)[0]
                when = self.now - datetime.timedelta(minutes=MINUTES_APART * i + 1)
                if status == "scheduled":
                    status, when = "published", self.now + datetime.timedelta(hours=i % 500 + 1)
                elif status in ("draft", "in_review"):
                    when = None if self.rng.random() < 0.7 else when
                words = self.text(lang, self.rng.randint(60, 400))
                if self.rng.random() < 0.3:
                    words += " Pyongyang " + self.text(lang, 10)
                articles.append(
                    Article(
                        # Older articles get smaller ids, as in a paper that has
                        # been publishing for years, though they are added later.
                        id=ID_CEILING - i,
                        title=self.text(lang, 8).capitalize(),
                        slug=f"bench-{i}",
                        standfirst=self.text(lang, 25).capitalize() + ".",
                        body=f"<p>{words}.</p>",
                        language=lang,
                        status=status,
                        published_at=when,
                    )
                )
                countries = self.zipf(self.main, self.rng.randint(1, 3))
                if self.rng.random() < 0.2:
                    countries.add(self.rng.choice(self.others))
                leaders = [
                    leader
                    for country in countries
                    for leader in self.leaders_by_country.get(country, [])[:2]
                    if self.rng.random() < 0.4
                ][:2]
                links.append(
                    (
                        countries,
                        leaders,
                        self.zipf(self.tags, self.rng.randint(2, 5)),
                        self.rng.sample(self.authors, self.rng.randint(1, 2)),
                    )
                )
            with transaction.atomic():
                Article.objects.bulk_create(articles)
                rows = [(a.pk, link) for a, link in zip(articles, links, strict=True)]
                # Raw inserts: Django's bulk_create costs more than SQLite itself here.
                for table, columns, index in [
                    (Article.countries.through._meta.db_table, "article_id, country_id", 0),
                    (Article.leaders.through._meta.db_table, "article_id, leader_id", 1),
                    (TaggedArticle._meta.db_table, "content_object_id, tag_id", 2),
                    (Article.authors.through._meta.db_table, "article_id, user_id", 3),
                ]:
                    with connection.cursor() as cursor:
                        cursor.executemany(
                            f"INSERT INTO {table} ({columns}) VALUES (%s, %s)",
                            [(pk, other) for pk, link in rows for other in link[index]],
                        )
            self.made += size


def optimise():
    from django.db import connection

    from articles.search.index import rebuild

    rebuild()
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load (visibility map, statistics).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def pages(size):
    """(name, url, is_admin, is_search) at this size; page 200 only where there is one."""
    from django.contrib import admin

    from articles.models import Article, Country, Tag

    country = Country.objects.get(code="KP")
    tag = Tag.objects.order_by("pk").first()
    newest = Article.objects.published().order_by("-published_at").first().published_at
    model_admin = admin.site._registry[Article]
    if getattr(model_admin, "date_hierarchy", None):
        by_date = f"published_at__year={newest.year}&published_at__month={newest.month}"
    else:
        by_date = f"published={newest:%Y-%m}"
    rows = [
        ("admin list", "/admin/articles/article/", True, False),
        (
            "admin filters",
            f"/admin/articles/article/?status__exact=published&countries__id__exact={country.pk}",
            True,
            False,
        ),
        ("admin dates", f"/admin/articles/article/?{by_date}", True, False),
        ("admin search", "/admin/articles/article/?q=pyongyang", True, False),
        ("search common", "/search/?q=pyongyang", False, True),
        ("search country", "/search/?q=cor%C3%A9e+du+nord", False, True),
        ("search filtered", f"/search/?q=sommet&country=KP&tag={tag.slug}", False, True),
        ("home", "/", False, False),
        ("country", country.get_absolute_url(), False, False),
        ("tag", tag.get_absolute_url(), False, False),
    ]
    if size >= 20_000:
        rows += [
            ("admin list p200", "/admin/articles/article/?p=200", True, False),
            ("home p200", "/?page=200", False, False),
            ("country p200", f"{country.get_absolute_url()}?page=200", False, False),
            ("tag p200", f"{tag.get_absolute_url()}?page=200", False, False),
        ]
    return rows


def cold_start():
    """First and second search and suggestion of a fresh worker process, in ms."""
    script = (
        "import json, time, runpy\n"
        "import newsroom.wsgi\n"
        "hooks = runpy.run_path('gunicorn.conf.py')\n"
        "hook = hooks.get('post_worker_init')\n"
        "hook and hook(None)\n"
        "from articles.search.engine import search\n"
        "from articles.suggest.engine import suggest\n"
        "def t(f):\n"
        "    s = time.perf_counter(); f(); return (time.perf_counter() - s) * 1000\n"
        "def page(q):\n"
        "    found = search(q); found.facets(); found.results.count(); list(found.results[:20])\n"
        "text = 'Le président sud-coréen a rencontré Kim Jong-un à Pyongyang puis à Pékin.'\n"
        "out = {'search first': t(lambda: page('corée du nord sommet')),\n"
        "       'search warm': t(lambda: page('japon sommet')),\n"
        "       'suggest first': t(lambda: suggest(text, 'fr', title='Sommet')),\n"
        "       'suggest warm': t(lambda: suggest(text + ' Séoul.', 'fr', title='Visite'))}\n"
        "print(json.dumps(out))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def switch_to(name):
    """Point the default connection at database ``name``; forget cached data."""
    from django.core.cache import cache
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name
    cache.clear()


def copy_database(source, target):
    from django.db import connection

    if connection.vendor == "postgresql":
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
        return
    import sqlite3

    connection.close()
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def build(small, large, small_name, large_name):
    """Fill the small database, copy it and top the copy up; the editor and cold start."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    call_command("load_leaders", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    editor = User.objects.create_superuser("bench-editor", "bench@example.org", "x")
    filler = Filler()
    start = time.perf_counter()
    filler.fill_to(small)
    optimise()
    print(f"# {small} articles on {connection.vendor}: {time.perf_counter() - start:.0f} s")
    cold = cold_start()
    # The large database is the small one topped up with older articles.
    copy_database(small_name, large_name)
    switch_to(large_name)
    start = time.perf_counter()
    filler.fill_to(large)
    optimise()
    print(f"# {large} articles on {connection.vendor}: {time.perf_counter() - start:.0f} s")
    return editor, cold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--keep", metavar="DIR", default="", help="build the databases once, reuse them after"
    )
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    args = parser.parse_args()
    small, large = (int(s) for s in args.sizes.split(","))

    if args.keep:
        tmp = str(Path(args.keep).resolve())
        os.makedirs(tmp, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="newsroom-scale-")
    # What a kept pair of databases holds: reused only by a run that would build the same.
    note = Path(tmp) / "built.json"
    wanted = {"sizes": [small, large], "database_url": args.database_url}
    reuse = bool(args.keep) and note.exists() and json.loads(note.read_text()) == wanted
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/scale-small.sqlite3"
    os.environ["MEDIA_ROOT"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.search.index import bump_generation

    setup_test_environment()
    small_name = connection.settings_dict["NAME"]
    large_name = (
        f"{small_name}_large"
        if connection.vendor == "postgresql"
        else (f"{tmp}/scale-large.sqlite3")
    )
    settings.ALLOWED_HOSTS = ["testserver"]
    if reuse:
        editor = User.objects.get(username="bench-editor")
        print(f"# reusing the {small} and {large} article databases in {tmp}")
        cold = cold_start()
    else:
        note.unlink(missing_ok=True)
        editor, cold = build(small, large, small_name, large_name)
        if args.keep:
            note.write_text(json.dumps(wanted))

    rows = [row for row in pages(large) if args.only in row[0]]
    anonymous, staff = Client(), Client()
    staff.force_login(editor)
    results = {}
    # Rounds alternate between the two databases, so that a busy neighbour slows
    # both alike; the best of every round is kept.
    for _round in range(args.rounds):
        for size, name in ((small, small_name), (large, large_name)):
            switch_to(name)
            staff.force_login(editor)
            for label, url, is_admin, is_search in rows:
                if size == small and label.endswith(" p200"):
                    continue
                # Reader pages are timed as renders, not as page-cache answers.
                before = bump_generation if is_search else (None if is_admin else cache.clear)
                ms, _median = best_ms(staff if is_admin else anonymous, url, 3, before)
                best = results.setdefault(label, {}).get(size)
                results[label][size] = ms if best is None else min(best, ms)
        print(f"round {_round + 1} done", flush=True)

    print(
        f"\n## {connection.vendor}: best of {args.rounds} rounds × 3 requests, ms; "
        f"ratio {large:,}/{small:,} (page 200: to page 1 at {large:,})"
    )
    print(f"| page | {small:,} | {large:,} | ratio |")
    print("|---|---:|---:|---:|")
    for label, by_size in results.items():
        if label.endswith(" p200"):
            page1 = results[label.removesuffix(" p200")][large]
            ratio = by_size[large] / page1
            print(f"| {label} | – | {by_size[large]:.1f} | {ratio:.2f} (to page 1) |")
        else:
            ratio = by_size[large] / by_size[small]
            print(f"| {label} | {by_size[small]:.1f} | {by_size[large]:.1f} | {ratio:.2f} |")
    print(
        f"| first search / warm (fresh worker, {small:,}) | {cold['search first']:.1f} / "
        f"{cold['search warm']:.1f} | | {cold['search first'] / cold['search warm']:.2f} |"
    )
    print(
        f"| first suggest / warm (fresh worker) | {cold['suggest first']:.1f} / "
        f"{cold['suggest warm']:.1f} | | {cold['suggest first'] / cold['suggest warm']:.2f} |"
    )


if __name__ == "__main__":
    main()
