"""The reader's language: French at the root, English under /en/, whatever the article's."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import resolve
from django.utils import translation

from articles.models import Tag
from articles.tests.helpers.factories import make_article, make_leader
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

APRIL_25 = datetime.datetime(2019, 4, 25, 12, tzinfo=datetime.UTC)


def english(article):
    with translation.override("en"):
        return article.get_absolute_url()


def page(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response.content.decode()


def html_lang(html):
    return re.search(r'<html lang="([a-z-]+)">', html).group(1)


class TestInterfaceLanguage:
    def test_french_at_the_root_english_under_en(self, client):
        html = page(client, "/")
        assert html_lang(html) == "fr"
        assert "Aller au contenu" in html
        html = page(client, "/en/")
        assert html_lang(html) == "en"
        assert "Skip to content" in html
        assert "Aller au contenu" not in html

    @pytest.mark.parametrize("accept", ["de", "es", "en", "de-DE,de;q=0.9"])
    def test_accept_language_does_not_change_the_root_pages(self, client, accept):
        html = page(client, "/", accept_language=accept)
        assert html_lang(html) == "fr"
        assert "Aller au contenu" in html

    def test_chrome_follows_the_reader_not_the_article(self, client):
        article = make_article(language="en", title="Putin meets Kim", published_at=APRIL_25)
        html = page(client, article.get_absolute_url())
        assert html_lang(html) == "fr"
        assert "Aller au contenu" in html
        assert "Skip to content" not in html
        assert '<h1 class="story__headline" lang="en">' in html
        assert '<div class="story__body" lang="en">' in html
        html = page(client, english(article))
        assert html_lang(html) == "en"
        assert "Skip to content" in html

    def test_content_languages_have_no_interface(self, client, settings):
        assert [code for code, _name in settings.LANGUAGES] == ["fr", "en"]
        assert {"es", "de"} <= {code for code, _name in settings.NEWSROOM_CONTENT_LANGUAGES}
        article = make_article(language="de", title="Gipfel in Wladiwostok")
        html = page(client, article.get_absolute_url())
        assert html_lang(html) == "fr"
        assert '<h1 class="story__headline" lang="de">' in html
        assert client.get("/de/").status_code == 404
        assert client.get("/es/").status_code == 404

    def test_teasers_of_other_languages_carry_their_lang(self, client):
        make_article(language="en", title="Putin meets Kim")
        html = page(client, "/")
        assert re.search(r'class="teaser__headline" lang="en"><a [^>]+>Putin meets Kim', html)

    def test_dates_in_the_readers_language_only(self, client):
        make_article(language="en", published_at=APRIL_25)
        make_article(language="fr", published_at=APRIL_25 + datetime.timedelta(days=1))
        html = page(client, "/")
        assert "25 avril 2019" in html and "26 avril 2019" in html
        assert "April" not in html
        html = page(client, "/en/")
        assert "April 25, 2019" in html and "April 26, 2019" in html
        assert "avril" not in html

    def test_article_dates_and_times_in_the_readers_language(self, client):
        article = make_article(language="en", published_at=APRIL_25)
        assert "Publié le 25 avril 2019" in page(client, article.get_absolute_url())
        assert "Published April 25, 2019" in page(client, english(article))

    def test_admin_still_follows_the_browser(self, admin_client):
        assert '<html lang="en"' in page(admin_client, "/admin/", accept_language="en")
        assert '<html lang="fr"' in page(admin_client, "/admin/", accept_language="fr")


class TestAddresses:
    def test_every_french_address_stays_at_the_root(self, client):
        article = make_article(countries=["RU"], tags=["Diplomatie"])
        assert re.fullmatch(r"/\d{4}/\d\d/\d\d/[^/]+/", article.get_absolute_url())
        for url in [
            "/",
            article.get_absolute_url(),
            "/countries/",
            "/countries/russia/",
            "/leaders/",
            "/search/?q=x",
            "/feed/",
            "/sitemap.xml",
        ]:
            assert client.get(url).status_code == 200, url

    def test_english_addresses_exist(self, client):
        article = make_article(countries=["RU"])
        for url in [english(article), "/en/countries/", "/en/countries/russia/", "/en/search/?q=x"]:
            assert client.get(url).status_code == 200, url

    @pytest.mark.parametrize(
        ("asked", "target"),
        [
            ("/fr/", "/"),
            ("/fr/countries/russia/", "/countries/russia/"),
            ("/fr/search/?q=poutine", "/search/?q=poutine"),
            ("/fr//evil.example/", "/evil.example/"),
            ("/fr/\\\\evil.example/", "/evil.example/"),
        ],
    )
    def test_french_prefix_redirects_permanently_to_the_root(self, client, asked, target):
        response = client.get(asked)
        assert response.status_code == 301
        assert response["Location"] == target


class TestSwitcherAndAlternates:
    def test_switcher_links_the_same_page_in_the_other_language(self, client):
        html = page(client, "/countries/russia/")
        assert '<a href="/en/countries/russia/" hreflang="en" lang="en">English</a>' in html
        html = page(client, "/en/countries/russia/")
        assert '<a href="/countries/russia/" hreflang="fr" lang="fr">Français</a>' in html

    def test_switcher_keeps_the_query(self, client):
        html = page(client, "/search/?q=poutine")
        assert 'href="/en/search/?q=poutine"' in html

    def test_hreflang_alternates_with_x_default(self, client):
        for url in ["/countries/russia/", "/en/countries/russia/"]:
            html = page(client, url)
            assert (
                '<link rel="alternate" hreflang="fr" href="http://testserver/countries/russia/">'
                in html
            )
            assert (
                '<link rel="alternate" hreflang="en" href="http://testserver/en/countries/russia/">'
                in html
            )
            assert (
                '<link rel="alternate" hreflang="x-default" href="http://testserver/countries/russia/">'
                in html
            )


def test_cached_search_facets_speak_each_readers_language(client):
    putin = make_leader(name="Vladimir Putin", slug="vladimir-putin", name_fr="Vladimir Poutine")
    Tag.objects.create(name="Diplomatie", slug="diplomatie", name_en="Diplomacy")
    make_article(
        title="Sommet à Vladivostok", countries=["RU"], leaders=[putin], tags=["Diplomatie"]
    )
    french = page(client, "/search/?q=sommet")
    english = page(client, "/en/search/?q=sommet")  # the facets now come from the cache
    assert ">Russie</a>" in french and ">Vladimir Poutine</a>" in french
    assert ">Diplomatie</a>" in french
    assert ">Russia</a>" in english and ">Vladimir Putin</a>" in english
    assert ">Diplomacy</a>" in english
    assert "Russie" not in english


@pytest.mark.parametrize(("language", "expected"), [("fr", "12\u202f345"), ("en", "12,345")])
def test_numbers_in_the_readers_language(language, expected):
    facet = {"title": "Pays", "items": [{"label": "Russie", "count": 12345, "url": "?country=RU"}]}
    with translation.override(language):
        html = render_to_string("articles/_search_facet.html", {"facet": facet})
    assert f'<span class="facet__count">{expected}</span>' in html


def test_picture_addresses_are_the_same_in_every_language():
    # Bodies store them (the admin picker runs in the editor's language).
    picture = make_picture(size=(640, 480))
    with translation.override("fr"):
        french = picture.rendition_url(picture.fitting(320))
    with translation.override("en"):
        english = picture.rendition_url(picture.fitting(320))
    assert french == english and french.startswith("/pictures/")
    assert resolve(french).url_name == "picture"
