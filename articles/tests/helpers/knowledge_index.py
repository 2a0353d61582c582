"""The suggestion index of the shipped knowledge base, built without a database."""

import importlib
from functools import cache

from articles.suggest.knowledge import build_index
from articles.suggest.knowledge_base import leader_records, load_data


@cache
def index(language):
    """Every country, every leader of the shipped knowledge base: no database needed."""
    loaded = importlib.import_module("articles.migrations.0002_load_countries").iso_countries()
    snapshot = {
        "countries": [
            {"id": i, "code": code, "name": name, "aliases": []}
            for i, (code, name, _slug) in enumerate(loaded, 1)
        ],
        "leaders": [
            {"id": i, "slug": r.slug, "name": r.name, "aliases": r.aliases, "country": r.country}
            for i, r in enumerate(leader_records(load_data()), 1)
        ],
        "tags": [],
    }
    return build_index(snapshot, language)
