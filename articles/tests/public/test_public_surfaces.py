"""Drafts and future articles never reach a reader, on any public page.

The walk follows every internal link from the entry points, so a new public
page that links to an article is covered as soon as it is linked. Surfaces
that are not HTML pages add their entry points to ``ENTRY_POINTS``.
"""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone, translation

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_leader
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

ENTRY_POINTS = ["/", "/countries/", "/leaders/"]
# Syndication: feeds are linked from every page; these are not.
ENTRY_POINTS += ["/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/api/ninjs/articles/"]
# Search: words of the hidden articles' headlines, and the subject they share.
ENTRY_POINTS += [
    "/search/?q=secret",
    "/search/?q=brouillon",
    "/search/?q=futur",
    "/search/?q=sommet",
]
LINK = re.compile(r'(?:href|src)="([^"#]+)"')
SRCSET = re.compile(r'srcset="([^"]+)"')
MAX_PAGES = 600


def walk(client, entry_points):
    """Every same-site URL reachable from the entry points, with its response."""
    seen, queue, pages = set(), list(entry_points), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        pages[url] = response
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or "html" not in content_type:
            continue
        html = response.content.decode()
        links = LINK.findall(html) + [
            candidate.split()[0]
            for srcset in SRCSET.findall(html)
            for candidate in srcset.split(",")
        ]
        for link in links:
            target = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or parts.path.startswith("/admin"):
                continue
            if parts.path.startswith("/static/"):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


@pytest.fixture
def hidden_and_visible():
    leader = make_leader(name="Kim Jong-un", slug="kim-jong-un", country_code="KP")
    subjects = {"countries": ["KP"], "leaders": [leader], "tags": ["Sommet"]}
    visible = make_article(
        title="Visible sommet",
        lead_picture=make_picture(size=(500, 300), alt_text="ok"),
        **subjects,
    )
    draft = make_article(
        title="Brouillon secret",
        slug="brouillon-secret",
        status=Article.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(hours=1),
        lead_picture=make_picture(size=(500, 300), name="brouillon-secret.png", alt_text="x"),
        **subjects,
    )
    future = make_article(
        title="Futur secret",
        slug="futur-secret",
        published_at=timezone.now() + datetime.timedelta(days=1),
        lead_picture=make_picture(size=(500, 300), name="futur-secret.png", alt_text="x"),
        **subjects,
    )
    return visible, [draft, future]


def test_no_public_page_shows_a_draft_or_a_future_article(client, hidden_and_visible):
    visible, hidden = hidden_and_visible
    pages = walk(client, ENTRY_POINTS)
    # The walk ends wherever its links led, maybe on /en/: back to the site's language
    # for the addresses the assertions build.
    translation.activate(settings.LANGUAGE_CODE)
    bodies = {url: body_of(response) for url, response in pages.items()}
    # The walk did reach the subject pages and the visible article.
    assert visible.get_absolute_url() in bodies
    assert "/countries/north-korea/" in bodies
    assert "/leaders/kim-jong-un/" in bodies
    assert "/tags/sommet/" in bodies
    shown = visible.lead_picture.rendition_url(visible.lead_picture.fitting(800))
    assert shown in bodies[visible.get_absolute_url()]
    assert pages[shown].status_code == 200
    assert pages[shown]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert visible.get_absolute_url() in bodies["/search/?q=sommet"]
    assert all(r.status_code < 500 for r in pages.values())
    # Every picture a public page shows is served, cacheable, and is a public picture's.
    picture_urls = [url for url in pages if url.startswith("/pictures/")]
    assert len(picture_urls) >= 4
    for url in picture_urls:
        assert pages[url].status_code == 200, url
        assert pages[url]["Cache-Control"] == "public, max-age=31536000, immutable"
        assert url.startswith(f"/pictures/{visible.lead_picture_id}/"), url
    for article in hidden:
        for url, body in bodies.items():
            assert article.title not in body, url
            assert article.slug not in body, url
            assert f"/pictures/{article.lead_picture_id}/" not in body, url
            assert article.lead_picture.file.name not in body, url
        for rendition in article.lead_picture.renditions:
            assert client.get(article.lead_picture.rendition_url(rendition)).status_code == 404
        assert client.get(f"/media/{article.lead_picture.file.name}").status_code == 404
        day = timezone.localdate(article.published_at)
        url = f"/{day:%Y/%m/%d}/{article.slug}/"
        assert client.get(url).status_code == 404
