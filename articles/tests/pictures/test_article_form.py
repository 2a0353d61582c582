"""The lead picture in the article form: library choice, upload in place, what a user may use."""

import json

import pytest
import reversion
from django.urls import reverse

from articles.models import Article, Picture
from articles.tests.helpers.factories import make_article, make_editor, make_reporter
from articles.tests.helpers.pictures import camera_jpeg, make_picture, upload
from articles.tests.pictures.test_picture_library import stored_files
from articles.tests.test_admin import form_data
from articles.workflow import history

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_an_upload_in_place_becomes_the_lead_picture(client):
    editor = make_editor()
    client.force_login(editor)
    data = form_data(
        editor,
        new_picture=upload(camera_jpeg(size=(640, 480), artist="Anna Petrova"), "scoop.jpg"),
        new_picture_alt="Des grues sur le quai",
        new_picture_caption="Le port à l’aube",
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302
    article = Article.objects.get()
    picture = article.lead_picture
    assert (picture.alt_text, picture.caption, picture.credit) == (
        "Des grues sur le quai",
        "Le port à l’aube",
        "Anna Petrova",
    )
    assert picture.uploaded_by == editor
    page = client.get(change_url(article)).content.decode()
    # The current picture as a thumbnail (a rendition), and the preview script.
    assert picture.rendition_url(picture.fitting(320, "WEBP")) in page
    assert "articles/js/picture-preview.js" in page
    assert 'data-picture-preview=""' in page or "data-picture-preview" in page


def test_an_invalid_form_keeps_the_text_and_stores_nothing(client):
    editor = make_editor()
    client.force_login(editor)
    data = form_data(
        editor,
        title="",
        standfirst="Un chapeau « à garder » tel quel.",
        new_picture=upload(camera_jpeg(), "photo.jpg"),
        new_picture_alt="Une photo",
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "title" in response.context["adminform"].form.errors
    page = response.content.decode()
    assert "Un chapeau « à garder » tel quel." in page or "&laquo;" in page
    assert 'value="Une photo"' in page
    assert not Picture.objects.exists()
    assert stored_files() == []


def test_a_reporter_cannot_use_another_reporters_draft_picture(client):
    me, other = make_reporter(), make_reporter()
    theirs = make_picture(uploaded_by=other)
    make_article(lead_picture=theirs, status=Article.Status.DRAFT, authors=[other])
    mine = make_picture(uploaded_by=me)
    client.force_login(me)
    response = client.post(ADD_URL, form_data(me, lead_picture=theirs.pk))
    assert response.status_code == 200
    assert "lead_picture" in response.context["adminform"].form.errors
    body = f'<figure><img src="{theirs.rendition_url(theirs.widths()[0])}" alt="x"></figure>'
    response = client.post(ADD_URL, form_data(me, body=body, lead_picture=mine.pk))
    assert response.status_code == 200
    assert f"#{theirs.pk}" in " ".join(response.context["adminform"].form.errors["body"])
    assert not Article.objects.filter(authors=me).exists()
    # Their own upload is fine, in the lead and in the body.
    body = f'<figure><img src="{mine.rendition_url(mine.widths()[0])}" alt="x"></figure>'
    response = client.post(ADD_URL, form_data(me, body=body, lead_picture=mine.pk))
    assert response.status_code == 302
    article = Article.objects.get(authors=me)
    assert article.lead_picture == mine and list(article.body_pictures.all()) == [mine]


class TestRevisions:
    def test_restoring_brings_the_lead_picture_back(self, client):
        editor = make_editor()
        first, second = make_picture(), make_picture()
        article = make_article(lead_picture=first, authors=[editor])
        with reversion.create_revision():
            reversion.add_to_revision(article)
        Article.objects.filter(pk=article.pk).update(lead_picture=second)
        version = history.versions_of(article).get()
        article.refresh_from_db()
        assert history.restore(article=article, version=version, user=editor) == []
        article.refresh_from_db()
        assert article.lead_picture == first

    def test_a_revision_from_before_the_library_leaves_the_picture(self):
        editor = make_editor()
        picture = make_picture()
        article = make_article(lead_picture=picture, authors=[editor], title="Ancien titre")
        with reversion.create_revision():
            reversion.add_to_revision(article)
        version = history.versions_of(article).get()
        # As stored before the library: no lead_picture in the revision at all.
        data = json.loads(version.serialized_data)
        del data[0]["fields"]["lead_picture"]
        data[0]["fields"]["lead_image"] = "articles/2024/01/old.jpg"
        version.serialized_data = json.dumps(data)
        version.save()
        Article.objects.filter(pk=article.pk).update(title="Nouveau titre")
        article.refresh_from_db()
        version = history.versions_of(article).get()
        history.restore(article=article, version=version, user=editor)
        article.refresh_from_db()
        assert article.title == "Ancien titre"
        assert article.lead_picture == picture
