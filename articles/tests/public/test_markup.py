"""Markup rules the HTML checker and screen readers hold us to, checked without them."""

import re

import pytest
from django.utils import timezone

from articles.models import ArticleNote
from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string", and its date-only form.
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?\Z"
)
DATETIME_ATTRIBUTE = re.compile(r'<time datetime="([^"]*)"')


@pytest.fixture
def published_now():
    """An article published from the admin "now": six fractional digits stored."""
    now = timezone.now().replace(microsecond=123456)
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
