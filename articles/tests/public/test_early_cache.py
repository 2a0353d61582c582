"""The early answer: a reader's page kept as it left the stack, served before it."""

import datetime
import gzip

import pytest
from django.db import DatabaseError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Country
from articles.public import caching, early_cache, stamps
from articles.tests.helpers.factories import make_article, make_editor
from articles.workflow import moves

pytestmark = pytest.mark.django_db

STATE = "X-Page-Cache"


@pytest.fixture
def story():
    return make_article(title="Un port en eau profonde", countries=["RU"], tags=["Ports"])


def kept(client, url, **kwargs):
    """Fetch ``url`` until the copy kept early answers; that answer."""
    first = client.get(url, **kwargs)
    assert first.status_code == 200
    again = client.get(url, **kwargs)
    assert again[STATE] == "early"
    assert again.content == first.content
    return again


def test_a_kept_page_is_the_page_for_one_query(client, story, django_assert_num_queries):
    url = story.get_absolute_url()
    whole = client.get(url)
    # The version of the whole site, read by its key; no render, no stamps.
    with django_assert_num_queries(1):
        early = client.get(url)
    assert early[STATE] == "early"
    assert early.content == whole.content
    for header in ["ETag", "Last-Modified", "Cache-Control", "Content-Language", "Vary"]:
        assert early[header] == whole[header], header
    # The headers of the middleware outside it are there too.
    for header in ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"]:
        assert early[header] == whole[header], header


def test_a_304_from_the_kept_page(client, story, django_assert_num_queries):
    url = story.get_absolute_url()
    etag = kept(client, url)["ETag"]
    with django_assert_num_queries(1):
        response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response[STATE] == "early"


def test_compressed_and_plain_copies_are_kept_apart(client, story):
    url = story.get_absolute_url()
    plain = kept(client, url)
    packed = kept(client, url, headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert client.get(url)[STATE] == "early"
    assert "Content-Encoding" not in client.get(url)


def test_any_change_sets_every_copy_aside(client, story):
    other = make_article(title="Une autre histoire", countries=["FR"])
    url = other.get_absolute_url()
    before = kept(client, url)
    story.title = "Un port changé"
    story.save()
    # Another page's change: this page comes from its own version, unchanged.
    after = client.get(url)
    assert after[STATE] == "hit"
    assert after.content == before.content
    assert client.get(url)[STATE] == "early"


def test_a_change_is_seen_at_once(client, story):
    url = Country.objects.get(code="RU").get_absolute_url()
    kept(client, url)
    story.title = "Un port rebaptisé"
    story.save()
    response = client.get(url)
    assert response[STATE] == "miss"
    assert "Un port rebaptisé" in response.content.decode()


def test_a_copy_ends_at_the_next_scheduled_publication(client, story, monkeypatch):
    url = reverse("articles:home")
    at = timezone.now() + datetime.timedelta(hours=1)
    draft = make_article(title="Annonce du soir", status=Article.Status.DRAFT, countries=["RU"])
    moves.publish(article=draft, user=make_editor(), at=at)
    # Kept after the publication was scheduled: the copy knows its end.
    assert "Annonce du soir" not in kept(client, url).content.decode()
    later = at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get(url)
    assert response[STATE] == "miss"
    assert "Annonce du soir" in response.content.decode()


def test_scheduling_sets_copies_aside(client, story):
    url = reverse("articles:home")
    kept(client, url)
    before = stamps.read_site_version()
    draft = make_article(title="Plus tard", status=Article.Status.DRAFT, countries=["RU"])
    moves.publish(article=draft, user=make_editor(), at=timezone.now() + datetime.timedelta(days=1))
    assert stamps.read_site_version() != before
    assert client.get(url)[STATE] == "hit"


def test_a_draft_keeps_the_copies(client, story):
    url = reverse("articles:home")
    kept(client, url)
    make_article(title="Brouillon", status=Article.Status.DRAFT, countries=["RU"])
    assert client.get(url)[STATE] == "early"


def test_readers_with_a_session_never_get_a_kept_page(client, story):
    url = story.get_absolute_url()
    kept(client, url)
    client.force_login(make_editor())
    response = client.get(url)
    assert STATE not in response
    assert response["Cache-Control"] == caching.PRIVATE


def test_made_up_query_strings_are_not_kept(client, story):
    url = story.get_absolute_url() + "?utm_source=ailleurs"
    client.get(url)
    assert client.get(url)[STATE] == "hit"
    assert early_cache.early_key(RequestFactory().get(url)) is None


def test_a_page_number_is_kept(client, story):
    url = reverse("articles:home") + "?page=1"
    kept(client, url)


def test_each_host_has_its_own_copy(client, story, settings):
    settings.ALLOWED_HOSTS = ["presse.example", "news.example"]
    url = reverse("articles:feed_rss")
    first = kept(client, url, HTTP_HOST="presse.example")
    other = client.get(url, HTTP_HOST="news.example")
    assert other[STATE] != "early"
    assert b"news.example" in other.content
    assert b"news.example" not in first.content


def test_a_new_release_sets_copies_aside(client, story, settings):
    url = story.get_absolute_url()
    kept(client, url)
    caching.release.cache_clear()
    settings.NEWSROOM_RELEASE = "another-release"
    try:
        assert client.get(url)[STATE] == "miss"
    finally:
        caching.release.cache_clear()


def test_the_news_sitemap_is_never_kept_early(client, story):
    url = reverse("articles:news_sitemap")
    client.get(url)
    assert client.get(url)[STATE] == "hit"


def test_without_the_database_the_whole_path_answers(client, story, monkeypatch):
    url = story.get_absolute_url()
    kept(client, url)

    def unavailable():
        raise DatabaseError("down")

    monkeypatch.setattr(stamps, "read_site_version", unavailable)
    assert client.get(url)[STATE] == "hit"
