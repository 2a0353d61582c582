"""Benchmark: suggestion detection time as the dictionary grows, and articles per second.

    .venv/bin/python bench/entities.py [--repeat 30] [--rounds 3] [--sizes 10,100,1000,10000]

Builds the index from an in-memory snapshot (every CLDR country, the data file,
N leaders with two aliases each, 300 tags), no database needed, then times
``detect`` over a corpus: the sample wire copy when present beside the
checkout, and the test stories. Reports the best of ``--repeat`` runs.
``vs 10`` is the detection time relative to the smallest dictionary.
"""

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from babel import Locale  # noqa: E402

from articles.models import SITE_LANGUAGES  # noqa: E402
from articles.suggest.engine import detect  # noqa: E402
from articles.suggest.knowledge import build_index  # noqa: E402
from articles.tests.helpers.entity_stories import STORIES  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "seeds" / "summit-vladivostok-fr.txt"
REAL_LEADERS = [
    ("kim-jong-un", "Kim Jong-un", ["Kim Jong Un"]),
    ("vladimir-putin", "Vladimir Putin", ["Poutine", "Putin", "Vladimir Poutine"]),
    ("donald-trump", "Donald Trump", ["Trump"]),
    ("xi-jinping", "Xi Jinping", []),
    ("olaf-scholz", "Olaf Scholz", ["Scholz"]),
]
SYLLABLES = [a + b for a in "bdklmnrstvz" for b in "aeo"]


def fake_name(rng):
    def word():
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return word(), word()


def snapshot(leader_count, rng):
    codes = sorted(c for c in Locale.parse("fr").territories if len(c) == 2 and c.isalpha())
    names = Locale.parse("fr").territories
    countries = [
        {"id": i, "code": code, "name": names[code], "aliases": []}
        for i, code in enumerate(codes, 1)
    ]
    leaders = [
        {"id": i, "slug": slug, "name": name, "aliases": aliases}
        for i, (slug, name, aliases) in enumerate(REAL_LEADERS, 1)
    ]
    while len(leaders) < leader_count:
        first, last = fake_name(rng)
        n = len(leaders) + 1
        leaders.append(
            {
                "id": n,
                "slug": f"leader-{n}",
                "name": f"{first} {last}",
                "aliases": [last + "ski", f"{first[0]}. {last}"],
            }
        )
    tags = [
        {"id": i, "name": f"{a}{b}".capitalize()}
        for i, (a, b) in enumerate(
            (rng.choice(SYLLABLES) * 2, rng.choice(SYLLABLES) * 3) for _ in range(300)
        )
    ]
    return {"countries": countries, "leaders": leaders[:leader_count], "tags": tags}


def corpus():
    texts = [(s["language"], s["title"], s["text"]) for s in STORIES]
    if SAMPLE.exists():
        texts.append(("fr", "", SAMPLE.read_text(encoding="utf-8")))
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus per run")
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="alternate languages article by article (default: one language after another)",
    )
    args = parser.parse_args()
    texts = corpus()
    if not args.interleave:
        texts.sort(key=lambda item: item[0])
    chars = sum(len(t) + len(title) for _, title, t in texts)
    print(f"corpus: {len(texts)} articles, {chars} characters; sample present: {SAMPLE.exists()}")
    head = ("leaders", "forms fr", "build s", "ms/article", "articles/s", "vs 10", "gc on ms")
    print("{:>8} {:>9} {:>8} {:>11} {:>11} {:>6} {:>9}".format(*head))
    sizes = [int(s) for s in args.sizes.split(",")]
    built = {}
    for size in sizes:
        snap = snapshot(size, random.Random(size))
        started = time.perf_counter()
        indexes = {lang: build_index(snap, lang) for lang in SITE_LANGUAGES}
        built[size] = (indexes, time.perf_counter() - started)
    # Sizes take turns, run after run, so that a busy machine slows them all alike;
    # the best run of each counts. Like timeit, the garbage collector is off while
    # timing: a bigger heap (the index) lengthens its pauses, not the detection.
    best = {size: float("inf") for size in sizes}
    best_gc = dict(best)
    for _ in range(args.repeat):
        for size in sizes:
            best[size] = min(best[size], run(built[size][0], texts, args, gc_off=True))
            best_gc[size] = min(best_gc[size], run(built[size][0], texts, args, gc_off=False))
    base = best[sizes[0]]
    for size in sizes:
        indexes, build = built[size]
        per_article = best[size]
        print(
            f"{size:>8} {indexes['fr'].size:>9} {build:>8.2f} {per_article * 1000:>11.3f} "
            f"{1 / per_article:>11.0f} {per_article / base:>6.2f} {best_gc[size] * 1000:>9.3f}"
        )
    if SAMPLE.exists():
        sample = [("fr", "", SAMPLE.read_text(encoding="utf-8"))]
        largest = built[sizes[-1]][0]
        took = min(run(largest, sample, args, gc_off=True) for _ in range(args.repeat))
        print(
            f"sample wire copy ({len(sample[0][2])} characters) with {sizes[-1]} leaders: "
            f"{took * 1000:.3f} ms, {1 / took:.0f} articles/s"
        )


def run(indexes, texts, args, *, gc_off):
    if gc_off:
        gc.disable()
    try:
        started = time.perf_counter()
        for _ in range(args.rounds):
            for language, title, text in texts:
                detect(indexes[language], text, title=title)
        elapsed = time.perf_counter() - started
    finally:
        gc.enable()
    return elapsed / (args.rounds * len(texts))


if __name__ == "__main__":
    main()
