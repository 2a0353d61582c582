import datetime
import io
import re
import zoneinfo

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, Picture, Tag
from articles.tests.helpers.factories import (
    country,
    image_bytes,
    make_article,
    make_leader,
)
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db


def form_data(editor, **overrides):
    data = {
        "title": "Sommet à Vladivostok : « une première »",
        "slug": "sommet-a-vladivostok",
        "standfirst": "Kim Jong-un et Vladimir Poutine se sont vus sur l’île Rousski.",
        "body": "<p>Texte de l’article, écrit par la rédaction.</p>",
        "language": "fr",
        "dateline": "Vladivostok",
        "authors": [editor.pk],
        "credit": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "countries": [country("KP").pk, country("RU").pk],
        "leaders": [],
        "tags": "Sommet, Diplomatie",
        "lead_picture": "",
        "new_picture_alt": "",
        "new_picture_caption": "",
        "new_picture_credit": "",
    }
    data.update(overrides)
    return data


PARIS = zoneinfo.ZoneInfo("Europe/Paris")
ADD_URL = reverse("admin:articles_article_add")


class TestAddAndChange:
    def test_editor_adds_a_draft(self, editor_client, editor):
        putin = make_leader(name="Vladimir Putin")
        response = editor_client.post(ADD_URL, form_data(editor, leaders=[putin.pk]))
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get()
        assert article.status == "draft"
        assert article.published_at is None
        assert list(article.authors.all()) == [editor]
        assert {c.code for c in article.countries.all()} == {"KP", "RU"}
        assert list(article.leaders.all()) == [putin]
        assert sorted(t.name for t in article.tags.all()) == ["Diplomatie", "Sommet"]

    def test_editor_publishes_from_the_form(self, editor_client, editor, client):
        response = editor_client.post(ADD_URL, form_data(editor, _transition="publish"))
        assert response.status_code == 302
        article = Article.objects.get()
        assert article.published_at is not None
        assert Article.objects.published().get() == article

    def test_editor_changes_an_article(self, editor_client, editor):
        article = make_article(status="draft", authors=[editor], tags=["Ancien"])
        url = reverse("admin:articles_article_change", args=[article.pk])
        assert editor_client.get(url).status_code == 200
        data = form_data(editor, title="Titre corrigé", slug=article.slug, tags="Nouveau")
        response = editor_client.post(url, data)
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title == "Titre corrigé"
        assert [t.name for t in article.tags.all()] == ["Nouveau"]

    def test_body_is_sanitised_through_the_admin(self, editor_client, editor):
        body = '<p onmouseover="x()">Bonjour</p><script>alert(1)</script>'
        editor_client.post(ADD_URL, form_data(editor, body=body))
        assert Article.objects.get().body == "<p>Bonjour</p>"

    def test_authors_default_to_the_signed_in_editor(self, editor_client, editor):
        response = editor_client.get(ADD_URL)
        assert response.context["adminform"].form.initial["authors"] == [editor.pk]

    def test_view_on_site_for_published_articles(self, editor_client):
        article = make_article()
        url = reverse("admin:articles_article_change", args=[article.pk])
        html = editor_client.get(url).content.decode()
        assert "viewsitelink" in html

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(ADD_URL)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


class TestBadInput:
    def test_empty_title_and_body_keep_the_text(self, editor_client, editor):
        data = form_data(editor, title="", body="", standfirst="Mon chapeau, « intact ».")
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert "title" in errors
        assert "body" in errors
        assert "Mon chapeau, « intact »." in response.content.decode()
        assert not Article.objects.exists()

    def test_same_slug_same_day_is_a_clear_error(self, editor_client, editor):
        tomorrow = timezone.localtime() + datetime.timedelta(days=1)
        make_article(slug="sommet-a-vladivostok", published_at=tomorrow.replace(hour=10))
        data = form_data(
            editor,
            _transition="schedule",
            schedule_at_0=tomorrow.strftime("%d/%m/%Y"),
            schedule_at_1="18:00:00",
        )
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert "publié le même jour utilise déjà ce slug" in response.content.decode()
        assert Article.objects.count() == 1

    def test_script_in_title_is_stored_as_text_and_escaped(self, editor_client, editor, client):
        data = form_data(editor, title="<script>alert(1)</script>", _transition="publish")
        editor_client.post(ADD_URL, data)
        article = Article.objects.get()
        assert article.title == "<script>alert(1)</script>"
        html = client.get(article.get_absolute_url()).content.decode()
        assert "<script>alert(1)</script>" not in html

    @pytest.mark.parametrize(
        ("name", "content", "reason"),
        [
            ("notes.png", b"%PDF-1.4 not a picture at all", "fichiers PDF ne sont pas acceptés"),
            ("cut.png", image_bytes(size=(400, 300))[:200], "endommagée ou incomplète"),
            ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "SVG"),
            ("words.jpg", b"just words", "pas une image lisible"),
        ],
    )
    def test_bad_lead_pictures_are_refused_with_a_reason(
        self, editor_client, editor, name, content, reason
    ):
        upload = SimpleUploadedFile(name, content, content_type="image/png")
        data = form_data(editor, new_picture=upload, new_picture_alt="Une photo")
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert "new_picture" in errors
        assert reason in " ".join(errors["new_picture"])
        assert not Article.objects.exists()
        assert not Picture.objects.exists()

    def test_decompression_bomb_is_refused(self, editor_client, editor):
        buffer = io.BytesIO()
        Image.new("1", (20000, 20000)).save(buffer, format="PNG")  # 400 MP, tiny file
        upload = SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")
        response = editor_client.post(
            ADD_URL, form_data(editor, new_picture=upload, new_picture_alt="x")
        )
        assert response.status_code == 200
        assert "new_picture" in response.context["adminform"].form.errors
        assert not Article.objects.exists()

    def test_picture_without_alt_text_is_refused(self, editor_client, editor):
        upload = SimpleUploadedFile("p.png", image_bytes(), content_type="image/png")
        response = editor_client.post(ADD_URL, form_data(editor, new_picture=upload))
        assert response.status_code == 200
        assert "new_picture_alt" in response.context["adminform"].form.errors
        assert not Picture.objects.exists()

    def test_good_picture_is_accepted(self, editor_client, editor):
        upload = SimpleUploadedFile("p.png", image_bytes(size=(90, 60)), content_type="image/png")
        data = form_data(editor, new_picture=upload, new_picture_alt="Un carré rouge")
        assert editor_client.post(ADD_URL, data).status_code == 302
        article = Article.objects.get()
        assert (article.lead_picture.width, article.lead_picture.height) == (90, 60)
        assert article.lead_picture.alt_text == "Un carré rouge"
        assert article.lead_picture.uploaded_by == editor

    def test_tags_differing_in_case_or_accents_become_one(self, editor_client, editor):
        editor_client.post(ADD_URL, form_data(editor, tags="Corée, coree, CORÉE, Sommet"))
        article = Article.objects.get()
        assert sorted(t.name for t in article.tags.all()) == ["Corée", "Sommet"]
        assert Tag.objects.count() == 2

    def test_existing_tag_spelling_wins(self, editor_client, editor):
        Tag.objects.create(name="Corée du Nord")
        editor_client.post(ADD_URL, form_data(editor, tags="coree du nord"))
        assert [t.name for t in Article.objects.get().tags.all()] == ["Corée du Nord"]
        assert Tag.objects.count() == 1

    def test_over_long_tag_is_a_clear_error(self, editor_client, editor):
        response = editor_client.post(ADD_URL, form_data(editor, tags="x" * 150))
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert "100 caractères" in " ".join(errors["tags"])
        assert not Article.objects.exists()


class TestChangelist:
    URL = reverse("admin:articles_article_changelist")

    @pytest.mark.parametrize("rows", [5, 100])
    def test_query_count_does_not_grow_with_rows(
        self, editor_client, django_assert_num_queries, rows
    ):
        leader = make_leader()
        for _ in range(rows):
            make_article(countries=["FR", "DE"], leaders=[leader], tags=["a", "b"])
        # PostgreSQL asks the planner's estimate before counting (a short list is
        # then counted exactly): one query more, whatever the rows.
        with django_assert_num_queries(14 + (connection.vendor == "postgresql")):
            response = editor_client.get(self.URL)
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == rows

    def test_columns_and_filters(self, editor_client):
        leader = make_leader(name="Kim Jong-un")
        make_article(title="Sommet", countries=["KP"], leaders=[leader], tags=["Diplomatie"])
        response = editor_client.get(self.URL)
        html = response.content.decode()
        assert "Corée du Nord" in html
        assert "Diplomatie" in html
        for name in ["status", "language", "countries", "leaders", "tags"]:
            assert f"?{name}" in html or f"{name}__" in html

    def test_filter_and_search(self, editor_client):
        make_article(title="Vladivostok", countries=["KP"])
        make_article(title="Paris", countries=["FR"])
        response = editor_client.get(self.URL, {"q": "Vladivostok"})
        assert [a.title for a in response.context["cl"].result_list] == ["Vladivostok"]
        response = editor_client.get(self.URL, {"countries__id__exact": country("FR").pk})
        assert [a.title for a in response.context["cl"].result_list] == ["Paris"]

    def test_publish_and_unpublish_actions(self, editor_client):
        draft = make_article(status="draft")
        editor_client.post(self.URL, {"action": "publish_articles", "_selected_action": [draft.pk]})
        assert Article.objects.published().filter(pk=draft.pk).exists()
        editor_client.post(
            self.URL, {"action": "unpublish_articles", "_selected_action": [draft.pk]}
        )
        assert not Article.objects.published().filter(pk=draft.pk).exists()

    def test_autocomplete_for_countries_leaders_and_authors(self, editor_client):
        make_leader(name="Vladimir Putin")
        url = reverse("admin:autocomplete")
        for field, term, expected in [
            ("countries", "Corée", "Corée du Nord"),
            ("leaders", "Putin", "Vladimir Putin"),
            ("authors", "editor", "editor"),
        ]:
            response = editor_client.get(
                url,
                {
                    "term": term,
                    "app_label": "articles",
                    "model_name": "article",
                    "field_name": field,
                },
            )
            assert response.status_code == 200, field
            assert expected in [r["text"] for r in response.json()["results"]]


class TestLeaderAndCountryAdmin:
    def test_leader_list_shows_portrait_and_filters_by_country(self, editor_client):
        kim = make_leader(
            name="Kim Jong-un", country_code="KP", portrait=make_picture(size=(30, 40))
        )
        putin = make_leader(
            name="Vladimir Putin", country_code="RU", portrait=make_picture(size=(30, 40))
        )
        url = reverse("admin:articles_leader_changelist")
        response = editor_client.get(url, {"country__id__exact": country("KP").pk})
        assert [leader.name for leader in response.context["cl"].result_list] == ["Kim Jong-un"]
        html = response.content.decode()
        shown = re.findall(r'<img src="([^"]+)" alt="" width="40"', html)
        assert shown == [kim.portrait.rendition_url(kim.portrait.widths("WEBP")[0])]
        assert f"/pictures/{putin.portrait_id}/" not in html
        # The thumbnail is a rendition, which the site serves.
        picture = editor_client.get(shown[0])
        assert picture.status_code == 200
        assert (
            b"".join(picture.streaming_content)
            == default_storage.open(kim.portrait.widths("WEBP")[0]["name"]).read()
        )

    def test_a_leader_without_portrait_gets_a_dash(self, editor_client):
        make_leader(name="Kim Jong-un", country_code="KP")
        response = editor_client.get(reverse("admin:articles_leader_changelist"))
        assert "<img" not in response.content.decode().split('id="result_list"')[1]

    def test_a_leader_portrait_comes_from_the_library(self, editor_client):
        portrait = make_picture(size=(90, 120), alt_text="Portrait de Kim Jong-un")
        leader = make_leader(name="Kim Jong-un", country_code="KP", portrait=portrait)
        page = editor_client.get(reverse("admin:articles_leader_changelist")).content.decode()
        assert portrait.rendition_url(portrait.widths("WEBP")[0]) in page
        page = editor_client.get(reverse("admin:articles_leader_change", args=[leader.pk]))
        assert portrait.rendition_url(portrait.widths("WEBP")[0]) in page.content.decode()
        assert portrait.file.name not in page.content.decode()

    def test_country_search(self, editor_client):
        url = reverse("admin:articles_country_changelist")
        response = editor_client.get(url, {"q": "Russie"})
        assert "RU" in [c.code for c in response.context["cl"].result_list]
        response = editor_client.get(url, {"q": "KP"})
        assert [c.code for c in response.context["cl"].result_list] == ["KP"]


class TestTagAdmin:
    URL = reverse("admin:articles_tag_changelist")

    def test_usage_counts(self, editor_client):
        make_article(tags=["Sommet"])
        make_article(tags=["Sommet", "Corée"])
        response = editor_client.get(self.URL)
        usage = {t.name: t.usage for t in response.context["cl"].result_list}
        assert usage == {"Corée": 1, "Sommet": 2}

    def test_rename(self, editor_client):
        tag = Tag.objects.create(name="Somet")
        url = reverse("admin:articles_tag_change", args=[tag.pk])
        assert editor_client.post(url, {"name": "Sommet"}).status_code == 302
        tag.refresh_from_db()
        assert (tag.name, tag.slug) == ("Sommet", "sommet")

    def test_rename_onto_an_existing_tag_says_merge(self, editor_client):
        Tag.objects.create(name="Corée")
        tag = Tag.objects.create(name="Coree du sud")
        url = reverse("admin:articles_tag_change", args=[tag.pk])
        response = editor_client.post(url, {"name": "COREE"})
        assert response.status_code == 200
        assert "fusionnez" in response.content.decode()

    def test_merge_keeps_every_articles_coverage(self, editor_client):
        a = make_article(tags=["Corée du Nord"])
        b = make_article(tags=["RPDC"])
        c = make_article(tags=["Corée du Nord", "RPDC", "Nord-Corée"])
        tags = Tag.objects.all()
        survivor = Tag.objects.get(name="Corée du Nord")
        selected = {"action": "merge_tags", "_selected_action": [t.pk for t in tags]}
        confirm_page = editor_client.post(self.URL, selected)
        assert confirm_page.status_code == 200
        assert "Fusionner" in confirm_page.content.decode()
        response = editor_client.post(self.URL, {**selected, "survivor": survivor.pk})
        assert response.status_code == 302
        assert list(Tag.objects.all()) == [survivor]
        for article in (a, b, c):
            assert [t.name for t in article.tags.all()] == ["Corée du Nord"]

    def test_suggest_existing_tags(self, editor_client):
        make_article(tags=["Sommet", "Diplomatie"])
        make_article(tags=["Sommets régionaux", "Diplomatie"])
        make_article(tags=["Sommets régionaux"])
        make_article(tags=["Grand sommet"])
        url = reverse("admin:articles_tag_suggest")
        answer = editor_client.get(url, {"term": "som"}).json()
        # Starting with the term first, most used first; then the others containing it.
        assert [r["text"] for r in answer["results"]] == [
            "Sommets régionaux",
            "Sommet",
            "Grand sommet",
        ]
        assert all(r["id"] == r["text"] for r in answer["results"])

    @pytest.mark.parametrize("term", ["coree", "CORÉE", "corée du", "Coree-du-nord"])
    def test_suggest_folds_case_and_accents(self, editor_client, term):
        make_article(tags=["Corée du Nord", "Sommet"])
        url = reverse("admin:articles_tag_suggest")
        results = editor_client.get(url, {"term": term}).json()["results"]
        assert [r["text"] for r in results] == ["Corée du Nord"]

    def test_suggest_with_nothing_to_match(self, editor_client):
        make_article(tags=["Sommet"])
        url = reverse("admin:articles_tag_suggest")
        for term in ["", "  ", "«»", "zzz"]:
            assert editor_client.get(url, {"term": term}).json()["results"] == []

    def test_suggest_needs_staff(self, client):
        response = client.get(reverse("admin:articles_tag_suggest"), {"term": "som"})
        assert response.status_code == 302

    def test_suggest_needs_a_tag_permission(self, client):
        from django.contrib.auth import get_user_model

        make_article(tags=["Sommet"])
        staff = get_user_model().objects.create_user("stagiaire", is_staff=True)
        client.force_login(staff)
        response = client.get(reverse("admin:articles_tag_suggest"), {"term": "som"})
        assert response.status_code == 403


def test_only_one_tags_entry_in_the_admin(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "/admin/taggit/" not in html
    assert "/admin/articles/tag/" in html
