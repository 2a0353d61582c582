"""Which UN members have no form beyond their CLDR name, per language.

    .venv/bin/python bench/entities_eval/audit_forms.py [--list]

Counts the countries whose demonyms or capitals are in neither
articles/suggest/data/entity_aliases.json nor country_forms.json (merged as the
suggestion engine merges them); ``--list`` names them.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from check_data import UN_MEMBERS  # noqa: E402

from articles.suggest.knowledge import aliases_data  # noqa: E402

LANGUAGES = ("fr", "en", "es", "de")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="name the countries")
    args = parser.parse_args()
    forms = aliases_data()["countries"]
    for language in LANGUAGES:
        bare = sorted(code for code in UN_MEMBERS if not forms.get(code, {}).get(language))
        print(
            f"{language}: {len(UN_MEMBERS) - len(bare)} of {len(UN_MEMBERS)} UN members have forms"
        )
        if args.list:
            print("   without:", " ".join(bare))


if __name__ == "__main__":
    main()
