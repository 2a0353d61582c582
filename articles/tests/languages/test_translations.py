"""Translations of articles: linked both ways, created from the admin, drafts never leak."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from articles.languages.services import create_translation
from articles.models import Article
from articles.tests.helpers.factories import make_article, make_editor, make_leader
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

APRIL_25 = datetime.datetime(2019, 4, 25, 12, tzinfo=datetime.UTC)


@pytest.fixture
def editor():
    return make_editor(username="traductrice")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def pair():
    original = make_article(
        language="fr", title="Kim et Poutine à Vladivostok", slug="sommet", published_at=APRIL_25
    )
    english = make_article(
        language="en",
        title="Putin and Kim in Vladivostok",
        slug="summit",
        published_at=APRIL_25,
        translation_of=original,
    )
    return original, english


def english_url(article):
    with translation.override("en"):
        return article.get_absolute_url()


def french_url(article):
    # Requests to /en/… leave English active in the test's thread.
    with translation.override("fr"):
        return article.get_absolute_url()


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )


class TestModel:
    def test_translation_of_a_translation_points_at_the_original(self, pair):
        original, english = pair
        german = Article(
            title="Gipfel", slug="gipfel", body="<p>x</p>", language="de", translation_of=english
        )
        german.full_clean()
        assert german.translation_of == original

    def test_translation_in_the_originals_language_is_refused(self, pair):
        original, _english = pair
        copy = Article(title="Copie", slug="copie", body="<p>x</p>", language="fr")
        copy.translation_of = original
        with pytest.raises(ValidationError) as error:
            copy.full_clean()
        assert "translation_of" in error.value.message_dict

    def test_one_translation_per_language(self, pair):
        original, _english = pair
        second = Article(
            title="Again", slug="again", body="<p>x</p>", language="en", translation_of=original
        )
        with pytest.raises(ValidationError):
            second.full_clean()


class TestPages:
    def test_both_pages_link_each_other_with_hreflang(self, client, pair):
        original, english = pair
        html = client.get(french_url(original)).content.decode()
        assert f'<a href="{english_url(english)}" hreflang="en" lang="en">English</a>' in html
        assert (
            f'<link rel="alternate" hreflang="en" href="http://testserver{english_url(english)}">'
            in html
        )
        assert (
            f'<link rel="alternate" hreflang="fr" href="http://testserver{french_url(original)}">'
            in html
        )
        html = client.get(english_url(english)).content.decode()
        assert f'<a href="{french_url(original)}" hreflang="fr" lang="fr">Français</a>' in html
        assert (
            f'<link rel="alternate" hreflang="x-default" href="http://testserver{french_url(original)}">'
            in html
        )

    def test_a_published_article_never_links_a_draft_translation(self, client):
        original = make_article(language="fr", slug="original")
        hidden = [
            make_article(language="en", slug="draft", status=Article.Status.DRAFT),
            make_article(language="de", slug="in-review", status=Article.Status.IN_REVIEW),
            make_article(
                language="it",
                slug="unpublished",
                status=Article.Status.UNPUBLISHED,
                published_at=APRIL_25,
            ),
            make_article(
                language="es",
                slug="scheduled",
                published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
            ),
        ]
        Article.objects.filter(pk__in=[a.pk for a in hidden]).update(translation_of=original)
        html = client.get(french_url(original)).content.decode()
        assert "story__translations" not in html
        assert "workTranslation" not in html
        for article in hidden:
            assert article.slug not in html
        # Only the page itself in the two interfaces, no content alternates.
        assert set(re.findall(r'hreflang="([a-z-]+)"', html)) == {"fr", "en", "x-default"}

    def test_json_ld_work_translation_and_translation_of_work(self, client, pair):
        original, english = pair
        data = json_ld(client.get(french_url(original)).content.decode())
        assert [w["url"] for w in data["workTranslation"]] == [
            f"http://testserver{english_url(english)}"
        ]
        assert data["workTranslation"][0]["inLanguage"] == "en"
        assert "translationOfWork" not in data
        data = json_ld(client.get(english_url(english)).content.decode())
        assert data["translationOfWork"]["url"] == f"http://testserver{french_url(original)}"
        assert data["translationOfWork"]["inLanguage"] == "fr"

    @pytest.mark.parametrize("n", [1, 3])
    def test_query_count_constant_in_the_number_of_translations(
        self, client, django_assert_num_queries, n
    ):
        original = make_article(language="fr", slug="orig", countries=["RU"])
        for language in ["en", "es", "de"][:n]:
            make_article(
                language=language, slug=f"t-{language}", translation_of=original, countries=["RU"]
            )
        # The article page's queries, as tests/public/test_views.py counts them (its body
        # shows no picture).
        with django_assert_num_queries(10):
            assert client.get(french_url(original)).status_code == 200


class TestCreateTranslation:
    def test_service_copies_subjects_pictures_and_tags_into_a_draft(self, editor):
        putin = make_leader(name="Vladimir Putin", slug="vladimir-putin")
        picture = make_picture(size=(64, 48))
        original = make_article(
            language="fr",
            slug="sommet",
            countries=["RU", "KP"],
            leaders=[putin],
            tags=["Diplomatie"],
            lead_picture=picture,
        )
        draft = create_translation(article=original, language="en", user=editor)
        assert draft.status == Article.Status.DRAFT
        assert draft.language == "en"
        assert draft.translation_of == original
        assert sorted(c.code for c in draft.countries.all()) == ["KP", "RU"]
        assert list(draft.leaders.all()) == [putin]
        assert [t.name for t in draft.tags.all()] == ["Diplomatie"]
        assert draft.lead_picture == picture
        assert list(draft.authors.all()) == [editor]

    def test_service_refuses_a_language_already_there(self, editor, pair):
        original, _english = pair
        with pytest.raises(ValidationError):
            create_translation(article=original, language="en", user=editor)
        with pytest.raises(ValidationError):
            create_translation(article=original, language="fr", user=editor)

    def test_admin_button_and_form(self, editor_client, pair):
        original, _english = pair
        change = editor_client.get(f"/admin/articles/article/{original.pk}/change/")
        translate_url = f"/admin/articles/article/{original.pk}/translate/"
        assert f'href="{translate_url}"' in change.content.decode()
        form = editor_client.get(translate_url).content.decode()
        assert 'value="de"' in form and 'value="en"' not in form
        response = editor_client.post(translate_url, {"language": "de"})
        draft = Article.objects.get(language="de")
        assert response.status_code == 302
        assert response["Location"] == f"/admin/articles/article/{draft.pk}/change/"
        assert draft.translation_of == original and draft.status == Article.Status.DRAFT

    def test_admin_action_goes_to_the_form(self, editor_client, pair):
        original, _english = pair
        response = editor_client.post(
            "/admin/articles/article/",
            {"action": "create_translation", "_selected_action": [original.pk]},
        )
        assert response.status_code == 302
        assert response["Location"] == f"/admin/articles/article/{original.pk}/translate/"
