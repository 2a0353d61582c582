"""Markup rules the HTML checker and screen readers hold us to, checked without them."""

import datetime
import itertools
import re

import pytest
from django.utils import timezone

from articles.models import ArticleNote, author_url
from articles.public.views import PublishedArticlesMixin
from articles.tests.helpers.factories import make_article, make_leader, make_user

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string", and its date-only form.
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?\Z"
)
DATETIME_ATTRIBUTE = re.compile(r'<time datetime="([^"]*)"')


@pytest.fixture
def published_now():
    """An article published from the admin "now": six fractional digits stored."""
    # A second ago: replacing the microseconds could otherwise land in the future.
    now = timezone.now().replace(microsecond=123456) - datetime.timedelta(seconds=1)
    article = make_article(
        title="Sommet publié à l’instant", published_at=now, countries=["FR"], tags=["Sommet"]
    )
    ArticleNote.objects.create(
        article=article,
        kind=ArticleNote.Kind.CORRECTION,
        text="Le lieu du sommet était erroné.",
        created_at=now,
    )
    return article


@pytest.mark.parametrize(
    "url",
    ["/", "article", "/countries/france/", "/tags/sommet/", "/search/?q=sommet"],
)
def test_time_elements_carry_valid_datetimes(client, published_now, url):
    if url == "article":
        url = published_now.get_absolute_url()
    html = client.get(url).content.decode()
    values = DATETIME_ATTRIBUTE.findall(html)
    assert values
    for value in values:
        assert VALID_DATETIME.match(value), value
        assert ".123456" not in value


def test_datetime_is_in_the_site_zone_to_the_second(client, published_now):
    html = client.get(published_now.get_absolute_url()).content.decode()
    local = timezone.localtime(published_now.published_at).replace(microsecond=0)
    assert f'<time datetime="{local.isoformat()}">' in html


HEADING = re.compile(r"<h([1-6])[\s>]")


def heading_levels(html):
    return [int(level) for level in HEADING.findall(html)]


@pytest.mark.parametrize(
    "url", ["/", "/?page=2", "author", "/countries/france/", "leader", "/tags/sommet/", "article"]
)
def test_heading_levels_never_skip(client, monkeypatch, url):
    monkeypatch.setattr(PublishedArticlesMixin, "paginate_by", 2)
    leader = make_leader(name="Emmanuel Macron", slug="emmanuel-macron", country_code="FR")
    author = make_user(first_name="Léa", last_name="Roux")
    articles = [
        make_article(countries=["FR"], leaders=[leader], tags=["Sommet"], authors=[author])
        for _ in range(3)
    ]
    url = {
        "author": author_url(author),
        "leader": leader.get_absolute_url(),
        "article": articles[0].get_absolute_url(),
    }.get(url, url)
    levels = heading_levels(client.get(url).content.decode())
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert len(levels) > 1
    for previous, level in itertools.pairwise(levels):
        assert level <= previous + 1, levels
