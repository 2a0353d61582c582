"""The country names search recognises: built from the article languages only,
into a file a new worker reads instead of all of CLDR."""

import json

import pytest

from articles.search import query
from articles.search.query import (
    NAMES_FILE,
    build_country_names,
    country_names,
    name_languages,
    write_names_file,
)

# Germany in languages articles are written in, and in others.
OURS = {"allemagne": "fr", "germany": "en", "alemania": "es", "deutschland": "de",
        "germania": "it", "alemanha": "pt"}  # fmt: skip
OTHERS = {"saksa": "fi", "niemcy": "pl", "duitsland": "nl", "almanya": "tr", "nemecko": "cs"}


@pytest.fixture
def fresh_names():
    country_names.cache_clear()
    yield
    country_names.cache_clear()


def test_the_shipped_file_covers_exactly_the_article_languages():
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    assert data["languages"] == name_languages()
    for name in OURS:
        assert data["names"][name] == ["DE"]
    for name in OTHERS:
        assert name not in data["names"]


def test_the_shipped_file_is_current():
    # Stale after a change of languages or of Babel: `manage.py build_search_names`.
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    built = build_country_names(name_languages())
    assert data["names"] == {key: sorted(codes) for key, codes in built.items()}


def test_building_reads_only_the_given_languages(monkeypatch):
    read = []
    parse = query.Locale.parse

    def recording(identifier, *args, **kwargs):
        read.append(identifier)
        return parse(identifier, *args, **kwargs)

    monkeypatch.setattr(query.Locale, "parse", recording)
    names = build_country_names(["fr"])
    assert read and all(identifier.split("_")[0] == "fr" for identifier in read)
    assert "allemagne" in names and "coree du nord" in names
    assert "germany" not in names and "saksa" not in names


def test_a_worker_reads_the_file_not_cldr(monkeypatch, fresh_names):
    def refuse(*args, **kwargs):
        raise AssertionError("CLDR read")

    monkeypatch.setattr(query.Locale, "parse", refuse)
    names = country_names()
    assert names["coree du nord"] == {"KP"}
    assert names["germany"] == {"DE"}


def test_a_file_for_other_languages_is_not_trusted(tmp_path, monkeypatch, fresh_names):
    path = tmp_path / "names.json"
    path.write_text(json.dumps({"languages": ["fr"], "babel": "0", "names": {"x": ["FR"]}}))
    monkeypatch.setattr(query, "NAMES_FILE", path)
    names = country_names()
    assert "x" not in names
    assert names["germany"] == {"DE"}


def test_the_command_writes_what_workers_read(tmp_path, monkeypatch, fresh_names):
    path = tmp_path / "data" / "names.json"
    monkeypatch.setattr(query, "NAMES_FILE", path)
    count = write_names_file(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["names"]) == count
    monkeypatch.setattr(query.Locale, "parse", lambda *a, **k: pytest.fail("CLDR read"))
    assert country_names()["allemagne"] == {"DE"}
