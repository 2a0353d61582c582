"""Precision and recall of the suggestion engine on the team's evaluation stories.

    .venv/bin/python bench/entities_eval/evaluate.py [--verbose]

No database needed: the index is built from every CLDR country and the leaders of
articles/suggest/data/leaders.json (as ``manage.py load_leaders`` would load them),
then each story of ``stories.py`` is read by ``detect``. Prints micro-averaged
precision and recall for named countries, named leaders, subject countries and
subject leaders, per language, overall and on the stories written after the rules
were tuned (``held_out``); ``--verbose`` lists every miss.
"""

import argparse
import datetime
import importlib
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()


from stories import STORIES  # noqa: E402

from articles.suggest.engine import detect  # noqa: E402
from articles.suggest.knowledge import build_index  # noqa: E402
from articles.suggest.knowledge_base import leader_records, load_data  # noqa: E402

# The stories are set in late 2026 unless they give their own date.
STORY_DATE = "2026-11-20"
MEASURES = ("countries", "leaders", "subject_countries", "subject_leaders")
LANGUAGES = ("fr", "en", "es", "de")


def snapshot():
    # The countries the database has: what migration 0002 loads.
    loaded = importlib.import_module("articles.migrations.0002_load_countries").iso_countries()
    countries = [
        {"id": i, "code": code, "name": name, "aliases": []}
        for i, (code, name, _slug) in enumerate(loaded, 1)
    ]
    leaders = [
        {"id": i, "slug": r.slug, "name": r.name, "aliases": r.aliases, "country": r.country}
        for i, r in enumerate(leader_records(load_data()), 1)
    ]
    return {"countries": countries, "leaders": leaders, "tags": []}


def found(suggestions):
    keys = {
        "countries": {s.target.key for s in suggestions.countries},
        "leaders": {s.target.key for s in suggestions.leaders},
    }
    keys["subject_countries"] = {s.target.key for s in suggestions.countries if s.subject}
    keys["subject_leaders"] = {s.target.key for s in suggestions.leaders if s.subject}
    return keys


def held_out(story):
    """The held-out rows a story counts in: every held-out story, and its own batch."""
    batch = story.get("held_out")
    if not batch:
        return []
    return ["held out"] if batch is True else ["held out", f"held out, {batch}"]


def ratio(a, b):
    return a / b if b else 1.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    snap = snapshot()
    indexes = {language: build_index(snap, language) for language in LANGUAGES}
    counts = defaultdict(lambda: [0, 0, 0])  # (language, measure) → true pos, found, expected
    for story in STORIES:
        story_date = datetime.date.fromisoformat(story.get("date", STORY_DATE))
        suggestions = detect(
            indexes[story["language"]], story["text"], title=story["title"], date=story_date
        )
        got = found(suggestions)
        for measure in MEASURES:
            expected = story[measure]
            keys = (story["language"], "all", *held_out(story))
            for key in keys:
                tally = counts[key, measure]
                tally[0] += len(got[measure] & expected)
                tally[1] += len(got[measure])
                tally[2] += len(expected)
            if args.verbose and got[measure] != expected:
                extra, missed = got[measure] - expected, expected - got[measure]
                print(
                    f"{story['id']:<28} {measure:<18} extra {sorted(extra)} missed {sorted(missed)}"
                )
    per_language, stories = defaultdict(int), defaultdict(int)
    for story in STORIES:
        per_language[story["language"]] += 1
        for key in (story["language"], "all", *held_out(story)):
            stories[key] += 1
    print(
        f"{len(STORIES)} stories ({', '.join(f'{k} {v}' for k, v in per_language.items())}), "
        f"{len(snap['leaders'])} leaders in the index"
    )
    print(f"{'':<24}" + "".join(f"{m:>22}" for m in MEASURES))
    batches = sorted({key for story in STORIES for key in held_out(story)}, key=len)
    for key in (*LANGUAGES, "all", *batches):
        cells = []
        for measure in MEASURES:
            tp, got, expected = counts[key, measure]
            cells.append(f"P {ratio(tp, got):.2f} R {ratio(tp, expected):.2f}")
        print(f"{key:<24}" + "".join(f"{c:>22}" for c in cells) + f"  ({stories[key]} stories)")


if __name__ == "__main__":
    main()
