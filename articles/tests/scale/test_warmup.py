"""A new worker builds what search and suggestions need before its first request."""

import runpy
from pathlib import Path

import pytest
from django.conf import settings

from articles.scale import warmup
from articles.search import query
from articles.search.engine import search
from articles.suggest import knowledge
from articles.suggest.engine import suggest
from articles.tests.helpers.factories import make_article, make_leader

pytestmark = pytest.mark.django_db


def test_gunicorn_warms_each_worker_after_the_fork(monkeypatch):
    calls = []
    monkeypatch.setattr(warmup, "warm", lambda: calls.append(True))
    hooks = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    hooks["post_worker_init"](None)
    assert calls == [True]


def test_after_warming_the_first_search_and_suggestion_build_nothing(
    monkeypatch, fresh_entity_index
):
    make_leader(name="Kim Jong-un", country_code="KP")
    make_article(title="Sommet en Corée du Nord", countries=["KP"])
    query.country_names.cache_clear()
    query._leaders.update(version=None)
    warmup.warm()

    def refuse(*args, **kwargs):
        raise AssertionError("built during a request")

    monkeypatch.setattr(query, "build_country_names", refuse)
    monkeypatch.setattr(query, "leader_names", refuse)
    monkeypatch.setattr(knowledge, "build_index", refuse)
    monkeypatch.setattr(knowledge, "load_snapshot", refuse)
    found = search("Corée du Nord sommet")
    assert [a.title for a in found.results[:20]] == ["Sommet en Corée du Nord"]
    for language in knowledge.suggest_languages():
        suggest("Kim Jong-un arrive à Pyongyang.", language)


def test_warming_without_a_database_is_not_fatal(monkeypatch):
    from django.db import OperationalError

    def away():
        raise OperationalError("no database")

    monkeypatch.setattr(query, "known_leaders", away)
    assert warmup.warm() >= 0
