"""Hostile headlines in feeds: written as the RSS Best Practices Profile asks
(hexadecimal references for "&", "<", ">" in plain text, which the W3C feed
validator checks), read back by a real parser as the very same text."""

import datetime
import html
import re

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db

HOSTILE_TITLES = [
    "Kim & Poutine à « Vladivostok »",
    "a < b et c > d",
    "alpha&omega ; AT&T",
    "Tom &amp; Jerry, &#x26; et &lt; écrits tels quels",
    "Le <b>gras</b> et </script><script>alert(1)</script>",
]
STANDFIRST = "Un chapeau <b>gras</b> & <script>alert(1)</script> ; fin."
FEEDS = ["feed_rss", "feed_atom", "tag_feed_rss", "tag_feed_atom"]
TEXT_ELEMENTS = re.compile(rb"<(title|description|subtitle|category)>(.*?)</\1>", re.S)


def feed_url(name):
    kwargs = {"slug": "sommet-co"} if name.startswith("tag_") else {}
    return reverse(f"articles:{name}", kwargs=kwargs)


@pytest.fixture
def hostile(settings):
    settings.NEWSROOM_NAME = "La Gazette & <Cie>"
    now = timezone.now()
    for i, title in enumerate(HOSTILE_TITLES):
        make_article(
            title=title,
            standfirst=STANDFIRST,
            tags=["Sommet & co"],
            published_at=now - datetime.timedelta(hours=i + 1),
        )


@pytest.mark.parametrize("name", FEEDS)
def test_plain_text_uses_hexadecimal_references(client, hostile, name):
    content = client.get(feed_url(name)).content
    texts = [text for _tag, text in TEXT_ELEMENTS.findall(content)]
    assert any(b"&#x26;" in text for text in texts)
    assert any(b"&#x3C;" in text for text in texts)
    for text in texts:
        assert b"&amp;" not in text and b"&lt;" not in text and b"&gt;" not in text, text


@pytest.mark.parametrize("name", FEEDS)
def test_a_parser_reads_the_headlines_back_as_text(client, hostile, name):
    feed = feedparser.parse(client.get(feed_url(name)).content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == HOSTILE_TITLES
    assert "La Gazette & <Cie>" in feed.feed.title


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_the_standfirst_is_text_in_an_html_summary(client, hostile, name):
    """Descriptions and summaries are HTML: the standfirst's "<b>" must show, not embolden."""
    feed = feedparser.parse(client.get(feed_url(name)).content)
    summary = feed.entries[0].summary
    assert "<b>" not in summary and "<script" not in summary
    assert html.unescape(summary) == STANDFIRST


def test_control_characters_do_not_take_the_feed_down(client):
    make_article(title="Titre\x0b collé\x1f depuis un traitement de texte")
    for name in ["feed_rss", "feed_atom"]:
        response = client.get(feed_url(name))
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.entries[0].title == "Titre collé depuis un traitement de texte"
