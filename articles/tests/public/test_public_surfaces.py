"""Drafts and future articles never reach a reader, on any public page.

The walk follows every internal link from the entry points, so a new public
page that links to an article is covered as soon as it is linked. Surfaces
that are not HTML pages add their entry points to ``ENTRY_POINTS``.
"""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import timezone

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_leader, uploaded_image

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
MAX_PAGES = 400


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
        for link in LINK.findall(response.content.decode()):
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
        title="Visible sommet", lead_image=uploaded_image(), lead_image_alt="ok", **subjects
    )
    draft = make_article(
        title="Brouillon secret",
        slug="brouillon-secret",
        status=Article.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(hours=1),
        lead_image=uploaded_image(name="brouillon-secret.png"),
        lead_image_alt="secret",
        **subjects,
    )
    future = make_article(
        title="Futur secret",
        slug="futur-secret",
        published_at=timezone.now() + datetime.timedelta(days=1),
        lead_image=uploaded_image(name="futur-secret.png"),
        lead_image_alt="secret",
        **subjects,
    )
    return visible, [draft, future]


def test_no_public_page_shows_a_draft_or_a_future_article(client, hidden_and_visible):
    visible, hidden = hidden_and_visible
    pages = walk(client, ENTRY_POINTS)
    bodies = {url: body_of(response) for url, response in pages.items()}
    # The walk did reach the subject pages and the visible article.
    assert visible.get_absolute_url() in bodies
    assert "/countries/north-korea/" in bodies
    assert "/leaders/kim-jong-un/" in bodies
    assert "/tags/sommet/" in bodies
    assert visible.lead_image.url in bodies
    assert visible.get_absolute_url() in bodies["/search/?q=sommet"]
    assert all(r.status_code < 500 for r in pages.values())
    for article in hidden:
        for url, body in bodies.items():
            assert article.title not in body, url
            assert article.slug not in body, url
            assert article.lead_image.name not in body, url
        assert client.get(urljoin("/", article.lead_image.url)).status_code == 404
        day = timezone.localdate(article.published_at)
        url = f"/{day:%Y/%m/%d}/{article.slug}/"
        assert client.get(url).status_code == 404
