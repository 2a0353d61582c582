"""Addresses asked for several times by one page are worked out once."""

import datetime

from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from django.utils import timezone, translation

from articles.languages import alternates
from articles.models import Article, Country, Leader, Tag
from articles.models import addresses as addresses_module


def counting(monkeypatch, module, name):
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_subject_reverses_its_address_once(monkeypatch):
    calls = counting(monkeypatch, addresses_module, "reverse")
    country = Country(code="KP", name="Corée du Nord", slug="coree-du-nord")
    assert {country.get_absolute_url() for _ in range(3)} == {"/countries/coree-du-nord/"}
    assert len(calls) == 1


def test_the_address_follows_language_prefix_and_slug():
    leader = Leader(name="Kim Jong-un", slug="kim-jong-un")
    tag = Tag(name="Sommet", slug="sommet")
    french = leader.get_absolute_url()
    with translation.override("en"):
        assert leader.get_absolute_url() == "/en" + french
        assert tag.get_absolute_url() == reverse("articles:tag", kwargs={"slug": "sommet"})
    set_script_prefix("/news/")
    try:
        assert leader.get_absolute_url() == "/news" + french
    finally:
        set_script_prefix("/")
    leader.slug = "kim-jong-un-2"
    assert leader.get_absolute_url() == french.replace("kim-jong-un", "kim-jong-un-2")


def test_an_article_address_follows_its_day_and_slug():
    day = timezone.make_aware(datetime.datetime(2019, 4, 25, 12))
    article = Article(slug="sommet", published_at=day)
    assert article.get_absolute_url() == "/2019/04/25/sommet/"
    article.published_at = day + datetime.timedelta(days=1)
    article.slug = "sommet-2"
    assert article.get_absolute_url() == "/2019/04/26/sommet-2/"
    article.published_at = None
    assert article.get_absolute_url() is None


def test_interface_alternates_are_worked_out_once_per_request(monkeypatch):
    calls = counting(monkeypatch, alternates, "translate_url")
    request = RequestFactory().get("/countries/")
    with translation.override("fr"):
        first = alternates.interface_alternates(request)
        assert alternates.interface_alternates(request) == first
        assert len(calls) == len(first)
    with translation.override("en"):
        english = alternates.interface_alternates(request)
    assert english[0][0] == "en" and first[0][0] == "fr"
    assert len(calls) == 2 * len(first)
