import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag
from articles.syndication import sitemaps
from articles.tests.helpers.factories import make_article, make_leader
from articles.tests.helpers.page_cache import assert_cached_answers

pytestmark = pytest.mark.django_db


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    return response, ET.fromstring(response.content)  # noqa: S314 — our own output


def locs(root):
    return [loc.text for loc in root.iter(f"{SM}loc")]


def absolute(path):
    return "http://testserver" + path


@pytest.fixture
def coverage():
    putin = make_leader(name="Vladimir Poutine", slug="vladimir-poutine")
    idle = make_leader(name="Sans couverture", slug="sans-couverture")
    now = timezone.now()
    ru = make_article(
        countries=["RU"],
        leaders=[putin],
        tags=["Sommets"],
        published_at=now - datetime.timedelta(hours=1),
    )
    kp = make_article(
        countries=["KP"], tags=["Diplomatie"], published_at=now - datetime.timedelta(hours=2)
    )
    draft = make_article(
        status=Article.Status.DRAFT, countries=["FR"], leaders=[idle], tags=["Brouillon"]
    )
    future = make_article(
        published_at=timezone.now() + datetime.timedelta(hours=3),
        countries=["DE"],
        leaders=[idle],
        tags=["Avenir"],
    )
    return {"ru": ru, "kp": kp, "draft": draft, "future": future, "putin": putin, "idle": idle}


class TestIndex:
    def test_lists_every_section_with_lastmod(self, client, coverage):
        _r, root = get_xml(client, reverse("articles:sitemap_index"))
        assert root.tag == f"{SM}sitemapindex"
        entries = root.findall(f"{SM}sitemap")
        assert [e.find(f"{SM}loc").text for e in entries] == [
            absolute(reverse("articles:sitemap_section", kwargs={"section": s}))
            for s in ["articles", "countries", "leaders", "tags"]
        ]
        for entry in entries:
            assert entry.find(f"{SM}lastmod").text

    def test_sections_are_paged_in_the_index(self, client, coverage, monkeypatch):
        monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 1)
        for _ in range(2):
            make_article()
        _r, root = get_xml(client, reverse("articles:sitemap_index"))
        section = absolute(reverse("articles:sitemap_section", kwargs={"section": "articles"}))
        article_pages = [loc for loc in locs(root) if loc.startswith(section)]
        # Keys from the first to the last article, one per page; drafts leave holes.
        first, last = Article.objects.order_by("pk")[0].pk, Article.objects.order_by("-pk")[0].pk
        assert len(article_pages) == last - first + 1
        assert article_pages[1] == section + "?p=2"


class TestSections:
    def test_articles_are_exactly_the_published_ones(self, client, coverage):
        url = reverse("articles:sitemap_section", kwargs={"section": "articles"})
        _r, root = get_xml(client, url)
        assert root.tag == f"{SM}urlset"
        assert sorted(locs(root)) == sorted(
            absolute(a.get_absolute_url()) for a in (coverage["ru"], coverage["kp"])
        )
        assert len(root.findall(f"{SM}url/{SM}lastmod")) == 2

    def test_countries_leaders_tags_with_published_coverage(self, client, coverage):
        def section(name):
            url = reverse("articles:sitemap_section", kwargs={"section": name})
            return sorted(locs(get_xml(client, url)[1]))

        assert section("countries") == sorted(
            absolute(reverse("articles:country", kwargs={"slug": s}))
            for s in ["russia", "north-korea"]
        )
        assert section("leaders") == [absolute(coverage["putin"].get_absolute_url())]
        assert section("tags") == sorted(
            absolute(Tag.objects.get(name=n).get_absolute_url()) for n in ["Sommets", "Diplomatie"]
        )

    def test_subject_lastmod_is_its_newest_published_change(self, client, coverage):
        url = reverse("articles:sitemap_section", kwargs={"section": "leaders"})
        _r, root = get_xml(client, url)
        lastmod = datetime.datetime.fromisoformat(root.find(f"{SM}url/{SM}lastmod").text)
        ru = coverage["ru"]
        assert lastmod == max(ru.updated_at, ru.published_at).replace(microsecond=0)
        assert lastmod.utcoffset() is not None

    def test_pages_are_key_ranges_without_offset(self, client, monkeypatch):
        monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
        articles = sorted((make_article() for _ in range(5)), key=lambda a: a.pk)
        url = reverse("articles:sitemap_section", kwargs={"section": "articles"})
        with CaptureQueriesContext(connection) as queries:
            _r, root = get_xml(client, url + "?p=3")
        assert locs(root) == [absolute(articles[4].get_absolute_url())]
        assert not any("OFFSET" in q["sql"].upper() for q in queries.captured_queries)
        _r, root = get_xml(client, url + "?p=2")
        assert locs(root) == [absolute(a.get_absolute_url()) for a in articles[2:4]]

    @pytest.mark.parametrize("page", ["0", "4", "abc", "-1", "9" * 30])
    def test_bad_pages_are_404(self, client, monkeypatch, page):
        monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
        for _ in range(5):
            make_article()
        url = reverse("articles:sitemap_section", kwargs={"section": "articles"})
        assert client.get(url, {"p": page}).status_code == 404

    def test_unknown_section_is_404(self, client):
        url = reverse("articles:sitemap_section", kwargs={"section": "nope"})
        assert client.get(url).status_code == 404

    def test_empty_site_has_valid_sitemaps(self, client):
        _r, root = get_xml(client, reverse("articles:sitemap_index"))
        assert len(root.findall(f"{SM}sitemap")) == 4
        url = reverse("articles:sitemap_section", kwargs={"section": "articles"})
        # The schema wants one <url> at least: the home page stands in.
        assert locs(get_xml(client, url)[1]) == ["http://testserver/"]


class TestNewsSitemap:
    def test_last_48_hours_published_only(self, client, coverage):
        old = make_article(published_at=timezone.now() - datetime.timedelta(hours=49))
        _r, root = get_xml(client, reverse("articles:news_sitemap"))
        assert root.tag == f"{SM}urlset"
        expected = [absolute(a.get_absolute_url()) for a in (coverage["ru"], coverage["kp"])]
        assert locs(root) == expected
        assert absolute(old.get_absolute_url()) not in locs(root)

    def test_publication_name_language_date_title(self, client, settings):
        settings.NEWSROOM_NAME = "La Gazette & Cie"
        article = make_article(
            title="Kim <arrive> à « Vladivostok »",
            language="fr",
            published_at=timezone.now() - datetime.timedelta(minutes=5),
        )
        _response, root = get_xml(client, reverse("articles:news_sitemap"))
        news = root.find(f"{SM}url/{NEWS}news")
        assert news.find(f"{NEWS}publication/{NEWS}name").text == "La Gazette & Cie"
        assert news.find(f"{NEWS}publication/{NEWS}language").text == "fr"
        assert news.find(f"{NEWS}title").text == article.title
        published = datetime.datetime.fromisoformat(news.find(f"{NEWS}publication_date").text)
        assert published == article.published_at.replace(microsecond=0)
        assert published.tzinfo is not None

    def test_at_most_a_thousand(self, client, monkeypatch):
        monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
        for i in range(4):
            make_article(published_at=timezone.now() - datetime.timedelta(minutes=i + 1))
        _r, root = get_xml(client, reverse("articles:news_sitemap"))
        assert len(locs(root)) == 3


class TestRobots:
    def test_names_both_sitemaps(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in text
        assert "Sitemap: http://testserver/news-sitemap.xml" in text
        assert "Disallow: /admin/" in text


class TestQueryCounts:
    def _fill(self, count):
        putin = make_leader()
        for i in range(count):
            make_article(
                countries=["RU", "KP"],
                leaders=[putin],
                tags=[f"Sujet {i}"],
                published_at=timezone.now() - datetime.timedelta(minutes=i + 1),
            )

    @pytest.mark.parametrize("count", [1, 10])
    def test_index(self, client, django_assert_num_queries, count):
        self._fill(count)
        # Per section: the newest change, and the first and last keys; the page stamp.
        with django_assert_num_queries(9):
            client.get(reverse("articles:sitemap_index"))
        assert_cached_answers(client, reverse("articles:sitemap_index"), django_assert_num_queries)

    @pytest.mark.parametrize("count", [1, 10])
    @pytest.mark.parametrize("section", ["articles", "countries", "leaders", "tags"])
    def test_section(self, client, django_assert_num_queries, count, section):
        self._fill(count)
        url = reverse("articles:sitemap_section", kwargs={"section": section})
        # Bounds, URLs, page stamp.
        with django_assert_num_queries(3):
            _r, root = get_xml(client, url)
        assert locs(root)
        assert_cached_answers(client, url, django_assert_num_queries)

    @pytest.mark.parametrize("count", [1, 10])
    def test_news(self, client, django_assert_num_queries, count):
        self._fill(count)
        # Articles; page stamp and the oldest article in the window (what the list
        # depends on).
        with django_assert_num_queries(3):
            _r, root = get_xml(client, reverse("articles:news_sitemap"))
        assert len(locs(root)) == count
        with django_assert_num_queries(2):
            assert client.get(reverse("articles:news_sitemap"))["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "slug", ["sommet", "été-à-paris", "привет-мир", "kim_jong-un", "a%20b", "ü~:@!$"]
)
def test_fast_article_location_matches_get_absolute_url(slug):
    article = make_article(slug=slug, published_at=timezone.now() - datetime.timedelta(days=3))
    assert sitemaps.ArticleSitemap().location(article) == article.get_absolute_url()
