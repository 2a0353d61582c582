"""Every sitemap validates against the sitemaps.org schemas (and ours for the
Google News elements), on an empty site as on a busy one with hostile headlines."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.syndication import sitemaps
from articles.tests.helpers.conformance import assert_valid_xml
from articles.tests.helpers.factories import make_article, make_leader

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SECTIONS = ["articles", "countries", "leaders", "tags"]
HOSTILE_TITLES = [
    "Kim & Poutine <b>à</b> « Vladivostok »",
    "</news:title><script>alert(1)</script>",
    "Guillemets \"doubles\" et 'simples' ; ]]> fin de CDATA",
    "Emoji 🌍 et zéro-largeur\u200b ; ligne\u2028séparée",
]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content


def section_url(section, page=None):
    url = reverse("articles:sitemap_section", kwargs={"section": section})
    return f"{url}?p={page}" if page else url


@pytest.fixture
def busy_site():
    putin = make_leader(name="Vladimir Poutine & fils", slug="vladimir-poutine")
    now = timezone.now()
    for i, title in enumerate(HOSTILE_TITLES):
        make_article(
            title=title,
            # One just published from the admin: six fractional digits.
            published_at=now.replace(microsecond=654321) - datetime.timedelta(minutes=i, seconds=1),
            countries=["RU", "KP"],
            leaders=[putin],
            tags=[f"Sujet <{i}> & co"],
        )
    # Between two published ones: a page of its own when sections hold one key each.
    make_article(status=Article.Status.DRAFT, countries=["DE"])
    make_article(published_at=now - datetime.timedelta(days=5), countries=["FR"])


class TestEmptySite:
    def test_index(self, client):
        root = assert_valid_xml(fetch(client, reverse("articles:sitemap_index")), "siteindex")
        assert len(root.findall(f"{SM}sitemap")) == len(SECTIONS)

    @pytest.mark.parametrize("section", SECTIONS)
    def test_sections_list_the_home_page_alone(self, client, section):
        root = assert_valid_xml(fetch(client, section_url(section)), "sitemap-xhtml")
        assert [loc.text for loc in root.iter(f"{SM}loc")] == ["http://testserver/"]

    def test_news_sitemap_lists_the_home_page_without_news(self, client):
        make_article(published_at=timezone.now() - datetime.timedelta(hours=49))
        root = assert_valid_xml(fetch(client, reverse("articles:news_sitemap")), "sitemap-news")
        assert [loc.text for loc in root.iter(f"{SM}loc")] == ["http://testserver/"]
        assert root.find(f".//{NEWS}news") is None


class TestBusySite:
    def test_index(self, client, busy_site):
        assert_valid_xml(fetch(client, reverse("articles:sitemap_index")), "siteindex")

    @pytest.mark.parametrize("section", SECTIONS)
    def test_sections(self, client, busy_site, section):
        root = assert_valid_xml(fetch(client, section_url(section)), "sitemap-xhtml")
        assert "http://testserver/" not in [loc.text for loc in root.iter(f"{SM}loc")]

    def test_a_page_of_drafts_only_is_still_valid(self, client, busy_site, monkeypatch):
        monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 1)
        draft = Article.objects.get(status=Article.Status.DRAFT)
        first = Article.objects.order_by("pk")[0].pk
        root = assert_valid_xml(
            fetch(client, section_url("articles", draft.pk - first + 1)), "sitemap-xhtml"
        )
        assert [loc.text for loc in root.iter(f"{SM}loc")] == ["http://testserver/"]

    def test_news_sitemap(self, client, busy_site):
        root = assert_valid_xml(fetch(client, reverse("articles:news_sitemap")), "sitemap-news")
        titles = [title.text for title in root.iter(f"{NEWS}title")]
        assert titles == HOSTILE_TITLES
        for date in root.iter(f"{NEWS}publication_date"):
            assert ".654321" not in date.text


def test_the_schema_refuses_an_empty_urlset():
    """The check above can fail: the schema itself rejects what we used to send."""
    empty = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    )
    with pytest.raises(pytest.fail.Exception, match="url"):
        assert_valid_xml(empty, "sitemap-xhtml")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_subject_sections_name_each_page_in_both_languages(client, busy_site, prefix):
    root = assert_valid_xml(fetch(client, prefix + section_url("countries")), "sitemap-xhtml")
    assert len(root.findall(f"{SM}url")) == 3  # RU, KP, FR; DE has only a draft
    for url in root.iter(f"{SM}url"):
        loc = url.find(f"{SM}loc").text
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        path = loc.removeprefix(f"http://testserver{prefix}")
        assert links == {
            "fr": f"http://testserver{path}",
            "en": f"http://testserver/en{path}",
            "x-default": f"http://testserver{path}",
        }
    # Articles: their heads name their alternates (translations), not the sitemap.
    root = assert_valid_xml(fetch(client, section_url("articles")), "sitemap-xhtml")
    assert root.find(f".//{XHTML}link") is None


def test_the_alternates_schema_refuses_a_link_without_hreflang():
    from lxml import etree

    from articles.tests.helpers.conformance import sitemap_schema

    bad = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://a.example/</loc>'
        b'<xhtml:link rel="alternate" href="http://a.example/en/"/></url></urlset>'
    )
    assert not sitemap_schema("sitemap-xhtml").validate(etree.fromstring(bad))
