import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Picture, Tag
from articles.tests.helpers.factories import (
    country,
    make_article,
    make_leader,
    make_user,
)
from articles.tests.helpers.page_cache import assert_cached_answers
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    putin = make_leader(name="Vladimir Putin", slug="vladimir-putin", aliases="Poutine")
    kim = make_leader(name="Kim Jong-un", slug="kim-jong-un", country_code="KP")
    article = make_article(
        title="Kim et Poutine à Vladivostok",
        slug="kim-et-poutine",
        published_at=datetime.datetime(2019, 4, 25, 12, 30, tzinfo=datetime.UTC),
        standfirst="Un « premier sommet » : le rendez-vous a eu lieu sur l’île Rousski.",
        body="<p>Les deux dirigeants ont parlé « sécurité » pendant des heures !</p>",
        dateline="Vladivostok",
        countries=["KP", "RU"],
        leaders=[putin, kim],
        tags=["Sommet", "Diplomatie"],
        authors=[make_user(first_name="Claire", last_name="Dumas")],
        credit="avec AFP",
        lead_picture=make_picture(
            size=(120, 80),
            alt_text="Le pont de l’île Rousski",
            caption="Le pont, au crépuscule.",
            credit="Illustration Newsroom",
        ),
    )
    return article


class TestPages:
    def test_home_lists_published_articles(self, client, summit):
        response = client.get("/")
        assert response.status_code == 200
        assert summit.title in response.content.decode()
        assert summit.get_absolute_url() in response.content.decode()

    def test_article_page(self, client, summit):
        response = client.get(summit.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="fr">' in html
        assert "25 avril 2019" in html
        assert "Claire Dumas" in html
        assert "avec AFP" in html
        assert "Vladivostok" in html
        assert 'alt="Le pont de l’île Rousski"' in html
        assert "Le pont, au crépuscule." in html
        assert "Illustration Newsroom" in html
        for url in [
            country("KP").get_absolute_url(),
            "/leaders/vladimir-putin/",
            Tag.objects.get(name="Sommet").get_absolute_url(),
        ]:
            assert f'href="{url}"' in html

    def test_english_article_keeps_the_readers_interface(self, client):
        article = make_article(
            language="en",
            published_at=datetime.datetime(2019, 4, 25, 12, tzinfo=datetime.UTC),
            countries=["RU"],
        )
        html = client.get(article.get_absolute_url()).content.decode()
        # A French reader: French chrome and dates around the English text.
        assert '<html lang="fr">' in html
        assert "25 avril 2019" in html
        assert ">Russie<" in html
        assert '<h1 class="story__headline" lang="en">' in html
        with translation.override("en"):
            english_url = article.get_absolute_url()
        html = client.get(english_url).content.decode()
        assert '<html lang="en">' in html
        assert "April 25, 2019" in html
        assert ">Russia<" in html

    def test_french_typography(self, client, summit):
        html = client.get(summit.get_absolute_url()).content.decode()
        assert "«\u00a0premier sommet\u00a0»" in html
        assert "«\u00a0sécurité\u00a0»" in html
        assert "sommet\u00a0»\u202f:" in html
        assert "heures\u202f!" in html

    def test_title_and_caption_are_escaped(self, client):
        article = make_article(
            title="<script>alert('t')</script> Sommet",
            lead_picture=make_picture(size=(64, 48), caption="<img src=x onerror=alert(1)>"),
        )
        html = client.get(article.get_absolute_url()).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html
        assert "<img src=x" not in html

    def test_related_articles_share_the_most_subjects(self, client, summit):
        putin = summit.leaders.get(slug="vladimir-putin")
        best = make_article(title="Très proche", countries=["KP", "RU"], leaders=[putin])
        weaker = make_article(title="Un peu proche", countries=["RU"])
        make_article(title="Sans rapport", countries=["FR"])
        response = client.get(summit.get_absolute_url())
        related = response.context["related_articles"]
        assert related == [best, weaker]

    def test_related_articles_count_tags_and_break_ties_by_recency(self, client):
        now = timezone.now()
        article = make_article(countries=["KP"], tags=["sommet", "train"])
        older = make_article(
            title="Plus ancien", countries=["KP"], published_at=now - datetime.timedelta(days=2)
        )
        newer = make_article(
            title="Plus récent", countries=["KP"], published_at=now - datetime.timedelta(days=1)
        )
        tagged = make_article(
            title="Même sujets",
            tags=["sommet", "train"],
            published_at=now - datetime.timedelta(days=3),
        )
        make_article(title="Brouillon", countries=["KP"], status=Article.Status.DRAFT)
        response = client.get(article.get_absolute_url())
        assert response.context["related_articles"] == [tagged, newer, older]
        # Each teaser comes with its byline and subjects: nothing more to ask.
        shown = [response.context["article"], *response.context["related_articles"]]
        assert all("authors" in a._prefetched_objects_cache for a in shown)

    def test_country_page(self, client, summit):
        other = make_article(countries=["FR"])
        response = client.get("/countries/north-korea/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>Corée du Nord</h1>" in html
        assert summit.title in html
        assert other.title not in html

    def test_country_page_in_english_for_an_english_reader(self, client, summit):
        html = client.get("/en/countries/north-korea/").content.decode()
        assert "<h1>North Korea</h1>" in html
        assert '<html lang="en">' in html

    def test_leader_page(self, client, summit):
        response = client.get("/leaders/vladimir-putin/")
        assert response.status_code == 200
        assert summit.title in response.content.decode()
        assert "Russie" in response.content.decode()

    def test_tag_page(self, client, summit):
        tag = Tag.objects.get(name="Diplomatie")
        response = client.get(tag.get_absolute_url())
        assert response.status_code == 200
        assert summit.title in response.content.decode()

    def test_unicode_tag_slug(self, client):
        article = make_article(tags=["Путин"])
        # Transliterated to ASCII; the address in Cyrillic from before leads there.
        response = client.get("/tags/путин/", {"page": "1"})
        assert (response.status_code, response["Location"]) == (301, "/tags/putin/?page=1")
        response = client.get("/tags/putin/")
        assert response.status_code == 200
        assert article.title in response.content.decode()

    def test_country_index_lists_covered_countries_only(self, client, summit):
        response = client.get("/countries/")
        assert response.status_code == 200
        covered = [c.code for c in response.context["covered"]]
        # Russia is in Europe (Europe/Moscow), listed before Asia.
        assert covered == ["RU", "KP"]
        assert "Zambie" not in response.content.decode()

    def test_leader_index(self, client, summit):
        response = client.get("/leaders/")
        assert response.status_code == 200
        assert "Kim Jong-un" in response.content.decode()

    def test_listing_is_paginated_newest_first(self, client, settings):
        now = timezone.now()
        articles = [make_article(published_at=now - datetime.timedelta(hours=i)) for i in range(25)]
        first = client.get("/")
        assert list(first.context["articles"]) == articles[:20]
        second = client.get("/?page=2")
        assert list(second.context["articles"]) == articles[20:]


class TestNotFound:
    @pytest.mark.parametrize(
        "url",
        [
            "/2019/04/25/nope/",
            "/2019/13/45/kim-et-poutine/",
            "/2019/04/26/kim-et-poutine/",
            "/countries/atlantis/",
            "/leaders/nobody/",
            "/tags/nothing/",
            "/?page=99",
            "/?page=abc",
            "/countries/north-korea/?page=7",
            "/no/such/page/",
        ],
    )
    def test_unknown_urls_are_404(self, client, summit, url):
        response = client.get(url)
        assert response.status_code == 404
        assert "Page introuvable" in response.content.decode()

    def test_draft_is_404(self, client):
        draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now())
        day = timezone.localdate(draft.published_at)
        url = reverse(
            "articles:article",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": draft.slug},
        )
        assert client.get(url).status_code == 404

    def test_scheduled_article_is_404_until_its_time(self, client):
        article = make_article(published_at=timezone.now() + datetime.timedelta(hours=2))
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_500_page_is_our_own(self, client, monkeypatch):
        from articles.public import views

        def explode(*args, **kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(views.HomeView, "get", explode)
        client.raise_request_exception = False
        response = client.get("/")
        assert response.status_code == 500
        assert "Une erreur est survenue" in response.content.decode()


class TestMedia:
    def test_originals_are_never_served_from_media(self, client, summit):
        assert client.get(f"/media/{summit.lead_picture.file.name}").status_code == 404

    def test_an_old_media_address_redirects_while_public(self, client, summit):
        picture = summit.lead_picture
        Picture.objects.filter(pk=picture.pk).update(legacy_path="articles/2019/04/pont.jpg")
        response = client.get("/media/articles/2019/04/pont.jpg")
        assert response.status_code == 301
        assert response["Location"] == picture.rendition_url(picture.widths("JPEG")[-1])
        Article.objects.filter(pk=summit.pk).update(status=Article.Status.UNPUBLISHED)
        assert client.get("/media/articles/2019/04/pont.jpg").status_code == 404

    def test_path_traversal_is_refused(self, client):
        assert client.get("/media/../newsroom/settings.py").status_code == 404
        assert client.get("/media/%2e%2e/newsroom/settings.py").status_code == 404


class TestQueryCounts:
    """A page's query count does not grow with its tags, countries, leaders or items."""

    def _pictures(self, count=3):
        # A few small pictures shared out: the count of pictured articles is what grows.
        return [make_picture(size=(64, 48), alt_text=f"Photo {i}") for i in range(count)]

    def _article_with(self, n):
        leaders = [make_leader(name=f"Dirigeant {i}") for i in range(n)]
        codes = ["FR", "DE", "IT", "ES", "PT", "BE", "NL", "LU", "AT", "CH"] * 3
        pictures = self._pictures(min(n, 3))
        body = "".join(
            f'<figure><img src="{p.rendition_url(p.widths()[0])}" alt="x"></figure>'
            for p in pictures
        )
        return make_article(
            countries=codes[:n],
            leaders=leaders,
            subjects=[*codes[:n], *leaders],
            tags=[f"sujet {i}" for i in range(n)],
            lead_picture=pictures[0],
            body=body,
        )

    @pytest.mark.parametrize("n", [1, 30])
    def test_article_page(self, client, django_assert_num_queries, n):
        article = self._article_with(n)
        make_article(countries=["FR"], subjects=["FR"], lead_picture=self._pictures(1)[0])
        # The page stamps; the article; its countries, leaders, tags, corrections and
        # updates, and the body's pictures; the related articles; the bylines and
        # subjects of the article and of the related teasers together (2); the
        # published translations.
        with django_assert_num_queries(11):
            assert client.get(article.get_absolute_url()).status_code == 200
        # From the page cache: the article's row and its stamps (one query), no render.
        assert_cached_answers(client, article.get_absolute_url(), django_assert_num_queries)

    def test_article_page_without_pictures_in_its_body(self, client, django_assert_num_queries):
        article = self._article_with(3)
        Article.objects.filter(pk=article.pk).update(body="<p>Pas d’image.</p>")
        make_article(countries=["FR"], subjects=["FR"])
        # The body's pictures are not asked for.
        with django_assert_num_queries(10):
            assert client.get(article.get_absolute_url()).status_code == 200

    @pytest.mark.parametrize("n", [5, 50])
    def test_home(self, client, django_assert_num_queries, n):
        pictures = self._pictures()
        for i in range(n):
            make_article(
                countries=["FR"], subjects=["FR"], tags=["a", "b"], lead_picture=pictures[i % 3]
            )
        # Articles, the teasers' bylines and main subjects, and the page stamp.
        with django_assert_num_queries(5):
            assert client.get("/").status_code == 200
        assert_cached_answers(client, "/", django_assert_num_queries)

    @pytest.mark.parametrize("n", [5, 50])
    def test_country_leader_and_tag_pages(self, client, django_assert_num_queries, n):
        leader = make_leader(slug="dirigeant", portrait=self._pictures(1)[0])
        pictures = self._pictures()
        for i in range(n):
            make_article(
                countries=["FR"],
                leaders=[leader],
                subjects=["FR", leader],
                tags=["Europe"],
                lead_picture=pictures[i % 3],
            )
        # The subject, its links counted up to a bound (articles.scale.paging), the
        # list counted up to a bound, the page, the teasers' bylines and main subjects,
        # the page stamps; a country's page also names its current leaders.
        for url, expected in [
            ("/countries/france/", 8),
            ("/leaders/dirigeant/", 7),
            ("/tags/europe/", 7),
        ]:
            with django_assert_num_queries(expected):
                assert client.get(url).status_code == 200
            assert_cached_answers(client, url, django_assert_num_queries)

    @pytest.mark.parametrize("n", [5, 50])
    def test_index_pages(self, client, django_assert_num_queries, n):
        codes = ["FR", "DE", "JP", "BR", "NG", "KP", "RU", "US"]
        for i in range(n):
            make_leader(name=f"Dirigeant {i}")
            make_article(countries=[codes[i % len(codes)]])
        # Coverage counts, then the covered countries.
        with django_assert_num_queries(2):
            assert client.get("/countries/").status_code == 200
        with django_assert_num_queries(2):
            assert client.get("/leaders/").status_code == 200
