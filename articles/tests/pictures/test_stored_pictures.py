"""Objects that already have a stored picture save again, through every admin flow.

Each test works on an object whose picture is already in storage and loaded back from
the database, as an editor's second visit would: the stored file must never be read
again to validate it.
"""

import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, AuthorProfile, Country, Leader, Picture, Tag
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_leader, uploaded_image
from articles.tests.helpers.pictures import make_picture
from articles.workflow import history

pytestmark = pytest.mark.django_db


def make_pictured_article(*, authors, status=Article.Status.DRAFT, **fields):
    article = make_article(
        title="Barrage sur le Mékong : la saison sèche commence tôt",
        status=status,
        authors=authors,
        tags=["Climat", "Asie du Sud-Est"],
        lead_picture=make_picture(
            size=(120, 80),
            alt_text="Le fleuve au pied d’un barrage, à l’étiage",
            caption="Le niveau du fleuve en novembre.",
            credit="Photo de la rédaction",
        ),
        **fields,
    )
    # Loaded back, as the admin loads it: the picture is a stored file now.
    return Article.objects.get(pk=article.pk)


def make_portrayed_leader():
    leader = make_leader(
        name="Ursula von der Leyen",
        country_code="DE",
        portrait=make_picture(size=(60, 80), alt_text="Portrait"),
    )
    return Leader.objects.get(pk=leader.pk)


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def post_change_form(client, obj, **changes):
    """GET the change form, then POST it back as a browser would, with ``changes``."""
    page = client.get(change_url(obj))
    assert page.status_code == 200
    data = form_data(page, form_id=f"{obj._meta.model_name}_form")
    data.update(changes)
    return client.post(change_url(obj), data)


def assert_saved(response):
    errors = response.context["adminform"].form.errors if response.context else None
    assert response.status_code == 302, errors


class TestPicturedArticle:
    def test_editing_any_field_saves(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        stored = article.lead_picture_id
        assert_saved(post_change_form(editor_client, article, standfirst="Un chapeau corrigé."))
        article.refresh_from_db()
        assert article.standfirst == "Un chapeau corrigé."
        assert article.lead_picture_id == stored
        assert (article.lead_picture.width, article.lead_picture.height) == (120, 80)

    def test_publishing_from_the_change_form(self, editor_client, editor, client):
        article = make_pictured_article(authors=[editor])
        assert_saved(post_change_form(editor_client, article, _transition="publish"))
        article.refresh_from_db()
        assert article.is_published

    def test_unpublishing_from_the_change_form(self, editor_client, editor):
        article = make_pictured_article(authors=[editor], status=Article.Status.PUBLISHED)
        assert_saved(post_change_form(editor_client, article, _transition="unpublish"))
        article.refresh_from_db()
        assert article.status == Article.Status.UNPUBLISHED

    def test_replacing_the_picture_then_saving_again(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        first = article.lead_picture_id
        response = post_change_form(
            editor_client,
            article,
            new_picture=uploaded_image("new.png", size=(90, 60)),
            new_picture_alt="Un carré rouge",
        )
        assert_saved(response)
        article.refresh_from_db()
        assert article.lead_picture_id != first
        assert (article.lead_picture.width, article.lead_picture.height) == (90, 60)
        assert_saved(post_change_form(editor_client, article, title="Titre revu"))
        article.refresh_from_db()
        assert article.title == "Titre revu"

    def test_restoring_a_revision(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        with reversion.create_revision():
            reversion.add_to_revision(article)
        Article.objects.filter(pk=article.pk).update(title="Titre remplacé")
        version = history.versions_of(article).get()
        response = editor_client.post(
            reverse("admin:articles_article_restore", args=[article.pk, version.pk])
        )
        assert response.status_code == 302
        assert response.url == change_url(article)
        article.refresh_from_db()
        assert article.title == "Barrage sur le Mékong : la saison sèche commence tôt"
        assert article.lead_picture_id == version.field_dict["lead_picture_id"]

    def test_recovering_a_deleted_article(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        pk, stored = article.pk, article.lead_picture_id
        delete = editor_client.post(
            reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"}
        )
        assert delete.status_code == 302
        version = history.deleted_versions().get()
        response = editor_client.post(reverse("admin:articles_article_recover", args=[version.pk]))
        assert response.status_code == 302
        recovered = Article.objects.get(pk=pk)
        assert recovered.status == Article.Status.DRAFT
        assert recovered.lead_picture_id == stored


def test_editing_a_leader_with_a_portrait(editor_client):
    leader = make_portrayed_leader()
    stored = leader.portrait_id
    assert_saved(post_change_form(editor_client, leader, role="Présidente de la Commission"))
    leader.refresh_from_db()
    assert leader.role == "Présidente de la Commission"
    assert leader.portrait_id == stored


# One way to make a pictured object per model with a file field; a model added
# without an entry here fails the walk below until it gets one.
PICTURED = {
    Article: lambda editor: make_pictured_article(authors=[editor]),
    Leader: lambda editor: make_portrayed_leader(),
    Picture: lambda editor: Picture.objects.get(pk=make_picture(uploaded_by=editor).pk),
}


def test_every_model_with_a_file_field_saves_twice_through_its_admin(editor_client, editor):
    with_files = [
        model
        for model in apps.get_app_config("articles").get_models()
        if any(isinstance(field, models.FileField) for field in model._meta.get_fields())
    ]
    assert with_files, "no model with a file field: the walk would prove nothing"
    assert set(with_files) <= set(PICTURED), "add a factory to PICTURED for the new model"
    for model in with_files:
        assert admin.site.is_registered(model)
        obj = PICTURED[model](editor)
        for _ in range(2):
            assert_saved(post_change_form(editor_client, obj))
            obj.refresh_from_db()


class TestRevisionsOfASave:
    def test_a_failed_save_leaves_no_revision(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        assert not history.versions_of(article).exists()
        response = post_change_form(editor_client, article, title="")
        assert response.status_code == 200
        assert "title" in response.context["adminform"].form.errors
        assert not Version.objects.exists()

    def test_the_first_save_keeps_the_state_before_it(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        assert_saved(post_change_form(editor_client, article, title="Titre retouché"))
        titles = [v.field_dict["title"] for v in history.versions_of(article)]
        assert titles == ["Titre retouché", "Barrage sur le Mékong : la saison sèche commence tôt"]

    def test_the_comment_names_only_the_changed_fields(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        assert_saved(
            post_change_form(
                editor_client,
                article,
                new_picture=uploaded_image("autre.png", size=(50, 50)),
                new_picture_alt="Un autre carré",
            )
        )
        comment = history.versions_of(article).first().revision.comment
        label = str(Article._meta.get_field("lead_picture").verbose_name)
        assert comment.lower().count(label.lower()) == 1
        tags = str(Article._meta.get_field("tags").verbose_name)
        assert tags.lower() not in comment.lower()

    def test_retyping_the_tags_in_another_order_is_no_change(self, editor_client, editor):
        article = make_pictured_article(authors=[editor])
        assert_saved(
            post_change_form(
                editor_client, article, tags="asie du sud-est, Climat", standfirst="Autre chapeau"
            )
        )
        comment = history.versions_of(article).first().revision.comment
        assert str(Article._meta.get_field("tags").verbose_name).lower() not in comment.lower()
        assert sorted(article.tags.names()) == ["Asie du Sud-Est", "Climat"]


def test_every_demo_article_and_leader_saves_through_the_admin(demo, editor_client):
    articles = list(Article.objects.all())
    leaders = list(Leader.objects.all())
    assert any(article.lead_picture for article in articles)
    assert any(leader.portrait for leader in leaders)
    for obj in [*articles, *leaders]:
        assert_saved(post_change_form(editor_client, obj))


def test_every_other_demo_object_saves_through_the_admin_twice(demo, editor_client):
    # Tags, the countries the stories are about, pictures and bylines: an editor may
    # open and save any of them, and save again what they just saved.
    objects = [
        *Tag.objects.all(),
        *Country.objects.filter(articles__isnull=False).distinct(),
        *Picture.objects.all()[:3],
        *AuthorProfile.objects.all(),
        *Article.objects.all()[:2],
    ]
    assert {type(obj) for obj in objects} == {Tag, Country, Picture, AuthorProfile, Article}
    for obj in objects:
        for _ in range(2):
            assert_saved(post_change_form(editor_client, obj))
