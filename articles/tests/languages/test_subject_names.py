"""One tag per subject in every language; leaders named as the reader's press names them."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from articles import services
from articles.models import Article, Tag, TaggedArticle
from articles.tests.helpers.factories import make_article, make_leader

pytestmark = pytest.mark.django_db

subjects_migration = importlib.import_module("articles.migrations.0022_multilingual_subjects")


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def diplomacy():
    return Tag.objects.create(name="Diplomatie", slug="diplomatie", name_en="Diplomacy")


class TestTags:
    def test_an_english_name_finds_the_one_tag(self, diplomacy):
        assert services.normalize_tag_names(["diplomacy", "Diplomatie", "Sanctions"]) == [
            "Diplomatie",
            "Sanctions",
        ]
        article = make_article(language="en", tags=["Diplomacy"])
        assert list(article.tags.all()) == [diplomacy]
        assert Tag.objects.count() == 1

    def test_one_page_with_both_languages_named_for_the_reader(self, client, diplomacy):
        french = make_article(language="fr", title="Le sommet", tags=["Diplomatie"])
        english = make_article(language="en", title="The summit", tags=["Diplomacy"])
        html = get(client, diplomacy.get_absolute_url())
        assert "<h1>Diplomatie</h1>" in html
        assert french.title in html and english.title in html
        with translation.override("en"):
            url = diplomacy.get_absolute_url()
        assert url == "/en/tags/diplomatie/"
        html = get(client, url)
        assert "<h1>Diplomacy</h1>" in html
        assert french.title in html and english.title in html

    def test_article_chip_in_the_readers_language(self, client, diplomacy):
        article = make_article(language="en", tags=["Diplomacy"])
        assert 'rel="tag">Diplomatie</a>' in get(client, article.get_absolute_url())
        with translation.override("en"):
            url = article.get_absolute_url()
        assert 'rel="tag">Diplomacy</a>' in get(client, url)

    def test_english_name_cannot_be_another_tags(self, diplomacy):
        Tag.objects.create(name="Sanctions", slug="sanctions")
        tag = Tag(name="Diplomatie bis", name_en="diplomacy")
        with pytest.raises(ValidationError):
            tag.full_clean()
        tag = Tag(name="Mesures", name_en="Sanctions")
        with pytest.raises(ValidationError):
            tag.full_clean()

    def test_migration_merges_the_pairs(self):
        french = make_article(language="fr", tags=["Sommet de Vladivostok", "Diplomatie"])
        english = make_article(language="en", tags=["Vladivostok summit", "Diplomacy"])
        both = make_article(language="en", tags=["Diplomatie", "Diplomacy"])
        lonely = make_article(language="en", tags=["Korean peninsula"])
        subjects_migration.merge_tag_pairs(apps, None)
        summit = Tag.objects.get(name="Sommet de Vladivostok")
        assert summit.name_en == "Vladivostok summit"
        assert not Tag.objects.filter(name__in=["Vladivostok summit", "Diplomacy"]).exists()
        diplomacy = Tag.objects.get(name="Diplomatie")
        assert set(Article.objects.filter(tags=diplomacy)) == {french, english, both}
        assert TaggedArticle.objects.filter(content_object=both).count() == 1
        assert [t.name for t in lonely.tags.all()] == ["Péninsule coréenne"]
        assert lonely.tags.get().name_en == "Korean peninsula"


class TestLeaders:
    def test_french_readers_read_poutine(self, client):
        putin = make_leader(
            name="Vladimir Putin", slug="vladimir-putin", name_fr="Vladimir Poutine"
        )
        article = make_article(language="en", leaders=[putin])
        html = get(client, article.get_absolute_url())
        assert ">Vladimir Poutine</a>" in html and ">Vladimir Putin</a>" not in html
        assert "<h1>Vladimir Poutine</h1>" in get(client, "/leaders/vladimir-putin/")
        with translation.override("en"):
            url = article.get_absolute_url()
        html = get(client, url)
        assert ">Vladimir Putin</a>" in html and ">Vladimir Poutine</a>" not in html
        assert "<h1>Vladimir Putin</h1>" in get(client, "/en/leaders/vladimir-putin/")

    def test_french_name_is_a_spelling_search_and_suggestions_know(self):
        putin = make_leader(name="Vladimir Putin", name_fr="Vladimir Poutine", aliases="Poutine")
        assert putin.alias_list == ["Poutine", "Vladimir Poutine"]

    def test_migration_and_knowledge_base_name_leaders_in_french(self):
        from articles.suggest.knowledge_base import LeaderRecord, sync_leaders

        netanyahu = make_leader(name="Benjamin Netanyahu", country_code="IL")
        subjects_migration.name_leaders_in_french(apps, None)
        netanyahu.refresh_from_db()
        assert netanyahu.name_fr == "Benyamin Netanyahou"
        record = LeaderRecord(
            slug="pope-francis",
            name="Pope Francis",
            country=None,
            role="Pape",
            in_office_from=None,
            in_office_to=None,
        )
        sync_leaders([record], source="knowledge base")
        assert apps.get_model("articles", "Leader").objects.get(slug="pope-francis").name_fr == (
            "Pape François"
        )


def test_demo_has_one_tag_per_subject(demo, client):
    assert not Tag.objects.filter(name__in=["Diplomacy", "Vladivostok summit"]).exists()
    diplomacy = Tag.objects.get(name="Diplomatie")
    languages = set(
        Article.objects.published().filter(tags=diplomacy).values_list("language", flat=True)
    )
    assert languages == {"fr", "en"}


@pytest.mark.usefixtures("fresh_entity_index")
def test_suggestions_know_both_names():
    from articles.suggest.engine import suggest

    Tag.objects.create(name="Diplomatie", slug="diplomatie", name_en="Diplomacy")
    make_leader(name="Vladimir Putin", slug="vladimir-putin", name_fr="Vladimir Poutine")
    result = suggest("Diplomacy is back, says the Kremlin.", "en")
    assert [item.target.key for item in result.tags] == ["Diplomatie"]
    result = suggest("Vladimir Poutine a parlé.", "fr")
    assert [item.target.key for item in result.leaders] == ["vladimir-putin"]
