"""Open Graph requires og:image on every page: pages without a picture of their
own show the site's default image, pages with one keep it."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

from articles.models import author_url
from articles.syndication.structured_data import DEFAULT_IMAGE
from articles.tests.helpers.factories import make_article, make_leader, make_user
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

DEFAULT_URL = "http://testserver/static/articles/og-default.png"


def meta(response, key):
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(rf'<meta property="{re.escape(key)}" content="([^"]*)">', html)


@pytest.fixture
def pages():
    author = make_user(first_name="Inès", last_name="Moreau")
    leader = make_leader(name="Olaf Scholz", country_code="DE", slug="olaf-scholz")
    article = make_article(
        title="Un article sans photo",
        countries=["DE"],
        leaders=[leader],
        tags=["Énergie"],
        authors=[author],
    )
    return {
        "home": reverse("articles:home"),
        "country": reverse("articles:country", args=["germany"]),
        "tag": reverse("articles:tag", args=["energie"]),
        "author": author_url(author),
        "leader": leader.get_absolute_url(),
        "article": article.get_absolute_url(),
        "countries": reverse("articles:countries"),
        "leaders": reverse("articles:leaders"),
    }


@pytest.mark.parametrize(
    "page", ["home", "country", "tag", "author", "leader", "article", "countries", "leaders"]
)
def test_pages_without_a_picture_show_the_default_image(client, pages, page):
    response = client.get(pages[page])
    assert meta(response, "og:image") == [DEFAULT_URL]
    assert meta(response, "og:image:width") == ["1200"]
    assert meta(response, "og:image:height") == ["630"]


def test_the_default_image_is_a_static_file_of_the_announced_size():
    path = finders.find(DEFAULT_IMAGE["path"])
    assert path
    with Image.open(path) as image:
        assert image.size == (DEFAULT_IMAGE["width"], DEFAULT_IMAGE["height"])


def test_a_leader_portrait_is_kept(client):
    leader = make_leader(name="Emmanuel Macron", country_code="FR", slug="emmanuel-macron")
    leader.portrait = make_picture(size=(300, 400), alt_text="Portrait")
    leader.save()
    (image,) = meta(client.get(leader.get_absolute_url()), "og:image")
    # The square crop, not the default image nor the original.
    square = leader.portrait.crop("1x1")
    assert image == "http://testserver" + leader.portrait.rendition_url(square)
    response = client.get(leader.portrait.rendition_url(square))
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
