"""Walk every syndication surface (feeds, sitemaps, JSON-LD, ninjs API, picture
crops) with a draft and a scheduled article sharing every subject of a published
one, and prove neither leaks anywhere."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag
from articles.tests.helpers.factories import make_article, make_leader
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HIDDEN_MARKERS = ["brouillon-secret", "futur-secret", "Titre du brouillon", "Titre du futur"]
HIDDEN_MARKERS += ["photobrouillon", "photofutur"]
HIDDEN_PICTURES = []


@pytest.fixture
def world():
    putin = make_leader(name="Vladimir Poutine", slug="vladimir-poutine", wikidata_id="Q7747")
    subjects = {"countries": ["RU"], "leaders": [putin], "tags": ["Sommets"]}
    visible = make_article(
        title="Article public",
        published_at=timezone.now() - datetime.timedelta(hours=1),
        lead_picture=make_picture(name="photopublique.png", size=(800, 600)),
        **subjects,
    )
    draft = make_article(
        title="Titre du brouillon",
        slug="brouillon-secret",
        status=Article.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(minutes=5),
        lead_picture=make_picture(name="photobrouillon.png", size=(800, 600)),
        **subjects,
    )
    future = make_article(
        title="Titre du futur",
        slug="futur-secret",
        published_at=timezone.now() + datetime.timedelta(hours=1),
        lead_picture=make_picture(name="photofutur.png", size=(800, 600)),
        **subjects,
    )
    # The hidden articles' pictures, by address: none may appear anywhere.
    HIDDEN_PICTURES[:] = [f"/pictures/{a.lead_picture_id}/" for a in (draft, future)]
    return {"visible": visible, "draft": draft, "future": future, "putin": putin}


def _assert_clean(response, url):
    assert response.status_code == 200, (url, response.status_code)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode()
    for marker in [*HIDDEN_MARKERS, *HIDDEN_PICTURES]:
        assert marker not in text, (url, marker)
    return text


def test_no_leak_on_any_syndication_surface(client, world):
    tag = Tag.objects.get(name="Sommets")
    putin = world["putin"]
    visible = world["visible"]
    subject_args = [
        ("country", "russia"),
        ("leader", putin.slug),
        ("tag", tag.slug),
    ]
    urls = [reverse("articles:feed_rss"), reverse("articles:feed_atom")]
    for kind, slug in subject_args:
        urls += [
            reverse(f"articles:{kind}_feed_rss", args=[slug]),
            reverse(f"articles:{kind}_feed_atom", args=[slug]),
        ]
    # Pages carrying JSON-LD and sharing tags.
    urls += [
        reverse("articles:home"),
        reverse("articles:country", args=["russia"]),
        putin.get_absolute_url(),
        tag.get_absolute_url(),
        visible.get_absolute_url(),
    ]
    urls += [
        reverse("articles:news_sitemap"),
        reverse("articles:robots_txt"),
        reverse("articles:ninjs_articles"),
        reverse("articles:ninjs_articles") + "?country=russia&leader=vladimir-poutine",
        reverse("articles:ninjs_articles") + f"?tag={tag.slug}&updated_since=2000-01-01",
        reverse("articles:ninjs_article", args=[visible.pk]),
    ]
    seen = {}
    for url in urls:
        seen[url] = _assert_clean(client.get(url), url)

    # Every sitemap the index names.
    index = _assert_clean(client.get(reverse("articles:sitemap_index")), "index")
    sections = [loc.text for loc in ET.fromstring(index).iter(f"{SM}loc")]  # noqa: S314
    assert len(sections) == 4
    for section in sections:
        _assert_clean(client.get(section.removeprefix("http://testserver")), section)

    # The published article is there (the walk is not vacuous).
    assert visible.title in seen[reverse("articles:feed_rss")]
    assert visible.title in seen[reverse("articles:ninjs_articles")]
    assert "application/ld+json" in seen[visible.get_absolute_url()]


def test_hidden_articles_have_no_api_item_page_or_picture_crop(client, world):
    for key in ("draft", "future"):
        article = world[key]
        assert client.get(reverse("articles:ninjs_article", args=[article.pk])).status_code == 404
        picture = article.lead_picture
        assert picture.crops()
        for rendition in picture.renditions:
            assert client.get(picture.rendition_url(rendition)).status_code == 404
        # The crops' addresses of before the library redirect only for published articles.
        assert client.get(f"/renditions/{article.pk}/16x9-abc.jpg").status_code == 404
    # The published one's crops are served: the 404s above are not an accident.
    visible = world["visible"].lead_picture
    assert client.get(visible.rendition_url(visible.crop("16x9"))).status_code == 200
    old = client.get(f"/renditions/{world['visible'].pk}/16x9-abc.jpg")
    assert old.status_code == 301
    assert old["Location"] == visible.rendition_url(visible.crop("16x9"))


def test_a_scheduled_article_appears_everywhere_at_its_time(client, world, monkeypatch):
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    future = world["future"]
    assert "Titre du futur" in client.get(reverse("articles:feed_rss")).content.decode()
    api_list = client.get(reverse("articles:ninjs_articles")).json()
    assert str(future.pk) in [i["altids"][0]["value"] for i in api_list["items"]]
    section = reverse("articles:sitemap_section", args=["articles"])
    assert "futur-secret" in client.get(section).content.decode()
    assert re.search("futur-secret", client.get(reverse("articles:news_sitemap")).content.decode())


def test_demo_content_through_every_surface(client):
    """The demo newsroom end to end: valid feeds, sitemaps, JSON-LD and ninjs items,
    and its one draft nowhere."""
    import io
    import json

    import feedparser
    from django.core.management import call_command

    from articles.tests.syndication.test_api import assert_ninjs

    call_command("load_demo", stdout=io.StringIO())
    published = list(Article.objects.published())
    draft = Article.objects.exclude(pk__in=[a.pk for a in published]).get()
    assert len(published) == 7

    for url in [reverse("articles:feed_rss"), reverse("articles:feed_atom")]:
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        assert len(feed.entries) == len(published)
        assert draft.title not in {e.title for e in feed.entries}

    api_items = client.get(reverse("articles:ninjs_articles"), {"page_size": 100}).json()["items"]
    assert len(api_items) == len(published)
    for item in api_items:
        assert_ninjs(item)
    assert draft.title not in json.dumps(api_items, ensure_ascii=False)

    for article in published:
        html = client.get(article.get_absolute_url()).content.decode()
        (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(block)
        assert data["headline"] == article.title
        assert data["datePublished"]

    section = reverse("articles:sitemap_section", args=["articles"])
    root = ET.fromstring(client.get(section).content)  # noqa: S314
    assert len(list(root.iter(f"{SM}url"))) == len(published)
    assert draft.slug not in client.get(section).content.decode()
