import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Tag
from articles.tests.helpers.factories import make_article, make_user

URL = "admin:articles_article_suggest_from_text"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]


@pytest.fixture(autouse=True)
def _demo_content(db):
    call_command("load_demo", stdout=io.StringIO())


def post(client, **data):
    return client.post(reverse(URL), {"language": "fr", **data})


class TestSuggestView:
    def test_suggests_from_unsaved_text_with_subjects_marked(self, editor_client):
        Tag.objects.create(name="Sommet")
        response = post(
            editor_client,
            title="Kim Jong-un en Russie",
            standfirst="Le dirigeant nord-coréen a rencontré Vladimir Poutine.",
            body="<p>Un sommet à Vladivostok.</p><p>Washington observe, Pékin aussi.</p>",
        )
        assert response.status_code == 200
        data = response.json()
        assert set(data) == {"countries", "leaders", "tags"}
        countries = {c["key"]: c for c in data["countries"]}
        assert set(countries) == {"RU", "KP", "US", "CN"}
        assert countries["KP"]["subject"] and countries["RU"]["subject"]
        assert not countries["US"]["subject"] and not countries["CN"]["subject"]
        assert countries["US"]["matched"] == ["Washington"]
        assert countries["KP"]["name"] == "Corée du Nord" and countries["KP"]["id"]
        leaders = {leader["key"]: leader for leader in data["leaders"]}
        assert set(leaders) == {"kim-jong-un", "vladimir-putin"}
        assert [t["name"] for t in data["tags"]] == ["Sommet"]

    def test_the_language_of_the_form_is_used(self, editor_client):
        data = post(editor_client, body="<p>Südkoreas Regierung.</p>", language="de").json()
        assert [c["key"] for c in data["countries"]] == ["KR"]
        data = post(editor_client, body="<p>Südkoreas Regierung.</p>", language="zz").json()
        assert data["countries"] == []

    def test_queries_do_not_grow_with_the_matches(
        self, editor_client, django_assert_max_num_queries
    ):
        post(editor_client, body="<p>Rien.</p>")
        with django_assert_max_num_queries(4) as few:
            post(editor_client, body="<p>Rien.</p>")
        with django_assert_max_num_queries(len(few.captured_queries)):
            post(editor_client, body="<p>" + "Russie, Chine, Japon, Poutine. " * 50 + "</p>")

    def test_only_post(self, editor_client):
        assert editor_client.get(reverse(URL)).status_code == 405

    def test_too_long_text_is_refused_clearly(self, editor_client):
        response = post(editor_client, body="<p>" + "a" * 500_001 + "</p>")
        assert response.status_code == 400
        assert "trop long" in response.json()["error"]

    def test_needs_article_permissions(self, client):
        client.force_login(make_user(staff=True))
        response = post(client, body="<p>Russie</p>")
        assert response.status_code == 403
        assert "error" in response.json()

    def test_anonymous_is_sent_to_login(self, client):
        response = post(client, body="<p>Russie</p>")
        assert response.status_code == 302 and "/login/" in response["Location"]


class TestArticleForm:
    def test_add_form_loads_the_script_with_its_url(self, editor_client):
        page = editor_client.get(reverse("admin:articles_article_add")).content.decode()
        assert "articles/js/suggest.js" in page
        assert f'data-suggest-url="{reverse(URL)}"' in page
        assert "articles/css/suggest.css" in page

    def test_import_suggestions_are_offered_on_the_change_form(self, editor_client):
        stored = {"countries": [{"id": 1, "key": "JP", "name": "Japon", "matched": ["Tokyo"]}]}
        article = make_article(suggestions=stored)
        url = reverse("admin:articles_article_change", args=[article.pk])
        page = editor_client.get(url).content.decode()
        assert "data-stored-suggestions=" in page
        assert "Tokyo" in page
        plain = make_article()
        page = editor_client.get(reverse("admin:articles_article_change", args=[plain.pk]))
        assert "data-stored-suggestions" not in page.content.decode()
        assert json.loads(json.dumps(stored)) == article.suggestions


def test_country_admin_shows_and_searches_aliases(editor_client):
    from articles.tests.helpers.factories import country

    kp = country("KP")
    kp.aliases = "Royaume ermite"
    kp.save()
    page = editor_client.get(reverse("admin:articles_country_change", args=[kp.pk]))
    assert 'name="aliases"' in page.content.decode()
    found = editor_client.get(reverse("admin:articles_country_changelist"), {"q": "ermite"})
    assert list(found.context["cl"].result_list) == [kp]
