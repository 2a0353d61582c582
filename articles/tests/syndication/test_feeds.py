import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag
from articles.syndication.feeds import FEED_SIZE
from articles.tests.helpers.factories import make_article, make_leader, make_user
from articles.tests.helpers.page_cache import assert_cached_answers
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def links(feed):
    return [entry.link for entry in feed.entries]


def absolute(article):
    return "http://testserver" + article.get_absolute_url()


@pytest.fixture
def coverage():
    putin = make_leader(name="Vladimir Poutine", slug="vladimir-poutine")
    ru = make_article(title="Sommet à « Vladivostok »", countries=["RU"], leaders=[putin])
    kp = make_article(countries=["KP"], tags=["Diplomatie"])
    make_article(
        status=Article.Status.DRAFT, countries=["RU"], leaders=[putin], tags=["Diplomatie"]
    )
    make_article(
        published_at=timezone.now() + datetime.timedelta(hours=2),
        countries=["RU", "KP"],
        leaders=[putin],
        tags=["Diplomatie"],
    )
    return {"ru": ru, "kp": kp, "putin": putin}


class TestSiteFeed:
    @pytest.mark.parametrize("name", ["articles:feed_rss", "articles:feed_atom"])
    def test_lists_exactly_the_published_articles_newest_first(self, client, coverage, name):
        _response, feed = parse(client, reverse(name))
        assert links(feed) == [absolute(coverage["ru"]), absolute(coverage["kp"])]

    def test_rss_is_rss_2_and_atom_is_atom(self, client, coverage):
        _r, rss = parse(client, reverse("articles:feed_rss"))
        _r, atom = parse(client, reverse("articles:feed_atom"))
        assert rss.version == "rss20"
        assert atom.version == "atom10"

    @pytest.mark.parametrize("name", ["articles:feed_rss", "articles:feed_atom"])
    def test_item_fields(self, client, name):
        author = make_user(first_name="Anne", last_name="Dupont")
        putin = make_leader(name="Vladimir Poutine")
        article = make_article(
            title="Poutine et Kim à Vladivostok",
            standfirst="Premier sommet entre les deux dirigeants.",
            authors=[author],
            countries=["RU"],
            leaders=[putin],
            tags=["Sommets"],
            lead_picture=make_picture(size=(1600, 900), alt_text="Deux dirigeants"),
        )
        _r, feed = parse(client, reverse(name))
        (entry,) = feed.entries
        assert entry.title == "Poutine et Kim à Vladivostok"
        assert entry.link == absolute(article)
        assert entry.summary == "Premier sommet entre les deux dirigeants."
        assert entry.author == "Anne Dupont" or "Anne Dupont" in entry.author
        assert {t.term for t in entry.tags} == {"Russie", "Vladimir Poutine", "Sommets"}
        (enclosure,) = entry.enclosures
        # A 1280 px JPEG rendition, never the original.
        rendition = article.lead_picture.fitting(1280)
        assert rendition["width"] == 1280
        assert enclosure.href == "http://testserver" + article.lead_picture.rendition_url(rendition)
        assert enclosure.type == "image/jpeg"
        served = client.get(article.lead_picture.rendition_url(rendition))
        assert int(enclosure.length) == len(b"".join(served.streaming_content)) > 0
        assert entry.published_parsed is not None

    def test_atom_entries_without_byline_fall_back_to_the_newsroom(self, client, settings):
        settings.NEWSROOM_NAME = "La Gazette"
        article = make_article(credit="")
        article.authors.clear()
        _r, feed = parse(client, reverse("articles:feed_atom"))
        assert feed.feed.author == "La Gazette"
        # RFC 4287: an entry without its own author takes the feed's.
        assert "author" not in feed.entries[0]

    def test_markup_in_headlines_is_text_not_markup(self, client):
        make_article(title="Un titre </script><b>gras</b> & co")
        response, feed = parse(client, reverse("articles:feed_rss"))
        assert feed.entries[0].title == "Un titre </script><b>gras</b> & co"
        assert b"<b>gras" not in response.content

    def test_newest_thirty_only(self, client):
        now = timezone.now()
        articles = [
            make_article(published_at=now - datetime.timedelta(minutes=i)) for i in range(32)
        ]
        _r, feed = parse(client, reverse("articles:feed_rss"))
        assert len(feed.entries) == FEED_SIZE
        assert links(feed) == [absolute(a) for a in articles[:FEED_SIZE]]

    def test_empty_site_has_a_valid_empty_feed(self, client):
        _r, feed = parse(client, reverse("articles:feed_atom"))
        assert feed.entries == []


class TestSubjectFeeds:
    def test_country_feed(self, client, coverage):
        _r, feed = parse(client, reverse("articles:country_feed_rss", kwargs={"slug": "russia"}))
        assert links(feed) == [absolute(coverage["ru"])]
        assert "Russie" in feed.feed.title

    def test_leader_feed(self, client, coverage):
        url = reverse("articles:leader_feed_atom", kwargs={"slug": coverage["putin"].slug})
        _r, feed = parse(client, url)
        assert links(feed) == [absolute(coverage["ru"])]
        assert "Vladimir Poutine" in feed.feed.title

    def test_tag_feed(self, client, coverage):
        slug = Tag.objects.get(name="Diplomatie").slug
        _r, feed = parse(client, reverse("articles:tag_feed_rss", kwargs={"slug": slug}))
        assert links(feed) == [absolute(coverage["kp"])]

    @pytest.mark.parametrize(
        "name",
        [
            "articles:country_feed_rss",
            "articles:country_feed_atom",
            "articles:leader_feed_rss",
            "articles:leader_feed_atom",
            "articles:tag_feed_rss",
            "articles:tag_feed_atom",
        ],
    )
    def test_unknown_subject_is_404(self, client, name):
        assert client.get(reverse(name, kwargs={"slug": "nulle-part"})).status_code == 404


class TestConditionalGet:
    def test_unchanged_feed_answers_304_to_its_etag(self, client, coverage):
        url = reverse("articles:feed_rss")
        first = client.get(url)
        assert first.headers["ETag"]
        assert first.headers["Last-Modified"]
        again = client.get(url, headers={"if-none-match": first.headers["ETag"]})
        assert again.status_code == 304
        since = client.get(url, headers={"if-modified-since": first.headers["Last-Modified"]})
        assert since.status_code == 304

    def test_head_and_read_only(self, client, coverage):
        url = reverse("articles:feed_rss")
        head = client.head(url)
        assert head.status_code == 200
        assert head.headers["ETag"] == client.get(url).headers["ETag"]
        assert client.post(url).status_code == 405

    def test_an_edit_changes_the_etag(self, client, coverage):
        url = reverse("articles:feed_atom")
        first = client.get(url)
        article = coverage["kp"]
        article.title = "Nouveau titre"
        article.save()
        again = client.get(url, headers={"if-none-match": first.headers["ETag"]})
        assert again.status_code == 200
        assert again.headers["ETag"] != first.headers["ETag"]

    def test_unpublishing_changes_the_etag(self, client, coverage):
        url = reverse("articles:feed_rss")
        first = client.get(url)
        article = coverage["ru"]
        article.status = Article.Status.DRAFT
        article.save()
        again = client.get(url, headers={"if-none-match": first.headers["ETag"]})
        assert again.status_code == 200
        assert links(feedparser.parse(again.content)) == [absolute(coverage["kp"])]


class TestQueryCounts:
    def _fill(self, count):
        putin = make_leader(name=f"Poutine {count}")
        pictures = [make_picture(size=(64, 48)) for _ in range(2)]
        for i in range(count):
            make_article(
                countries=["RU", "KP"],
                leaders=[putin],
                tags=[f"Sujet {i}", "Diplomatie"],
                lead_picture=pictures[i % 2],
            )
        return putin

    @pytest.mark.parametrize("count", [1, 12])
    def test_site_feed(self, client, django_assert_num_queries, count):
        self._fill(count)
        # page stamp for the ETag, articles, then authors, countries, leaders, tags.
        with django_assert_num_queries(6):
            assert client.get(reverse("articles:feed_rss")).status_code == 200
        assert_cached_answers(client, reverse("articles:feed_rss"), django_assert_num_queries)

    @pytest.mark.parametrize("count", [1, 12])
    def test_leader_feed(self, client, django_assert_num_queries, count):
        putin = self._fill(count)
        url = reverse("articles:leader_feed_atom", kwargs={"slug": putin.slug})
        # one more: the leader.
        with django_assert_num_queries(7):
            assert client.get(url).status_code == 200

    def test_304_costs_one_query(self, client, django_assert_num_queries):
        self._fill(3)
        url = reverse("articles:feed_rss")
        etag = client.get(url).headers["ETag"]
        with django_assert_num_queries(1):
            assert client.get(url, headers={"if-none-match": etag}).status_code == 304


class TestAutodiscovery:
    def _alternates(self, response):
        html = response.content.decode()
        return [line for line in html.splitlines() if 'rel="alternate"' in line and "feed" in line]

    def test_every_page_links_the_site_feeds(self, client, coverage):
        for url in [
            reverse("articles:home"),
            reverse("articles:countries"),
            reverse("articles:leaders"),
            coverage["ru"].get_absolute_url(),
        ]:
            html = client.get(url).content.decode()
            assert f'href="{reverse("articles:feed_rss")}"' in html, url
            assert f'href="{reverse("articles:feed_atom")}"' in html, url
            assert 'type="application/rss+xml"' in html
            assert 'type="application/atom+xml"' in html

    def test_subject_pages_link_their_own_feeds(self, client, coverage):
        slug = Tag.objects.get(name="Diplomatie").slug
        for page, rss, atom in [
            (
                reverse("articles:country", kwargs={"slug": "russia"}),
                reverse("articles:country_feed_rss", kwargs={"slug": "russia"}),
                reverse("articles:country_feed_atom", kwargs={"slug": "russia"}),
            ),
            (
                coverage["putin"].get_absolute_url(),
                reverse("articles:leader_feed_rss", kwargs={"slug": coverage["putin"].slug}),
                reverse("articles:leader_feed_atom", kwargs={"slug": coverage["putin"].slug}),
            ),
            (
                reverse("articles:tag", kwargs={"slug": slug}),
                reverse("articles:tag_feed_rss", kwargs={"slug": slug}),
                reverse("articles:tag_feed_atom", kwargs={"slug": slug}),
            ),
        ]:
            html = client.get(page).content.decode()
            assert f'href="{rss}"' in html
            assert f'href="{atom}"' in html
            # ...and the linked feeds exist.
            assert client.get(rss).status_code == 200
            assert client.get(atom).status_code == 200


def test_non_ascii_tag_feed(client):
    article = make_article(tags=["Корея"], published_at=timezone.now())
    tag = Tag.objects.get()
    url = reverse("articles:tag_feed_rss", kwargs={"slug": tag.slug})
    assert tag.slug == "koreya"
    _r, feed = parse(client, url)
    assert links(feed) == [absolute(article)]
    assert feed.entries[0].tags[0].term == "Корея"
