"""The library in the admin: uploads, refusals, thumbnails, search, and who sees what."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Picture
from articles.tests.helpers.factories import make_article, make_editor, make_reporter
from articles.tests.helpers.pictures import camera_jpeg, make_picture, png_bytes, upload
from articles.tests.pictures.test_picture_library import stored_files

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_picture_add")
LIST_URL = reverse("admin:articles_picture_changelist")


def change_url(picture):
    return reverse("admin:articles_picture_change", args=[picture.pk])


def add_form(file, **fields):
    return {
        "file": file,
        "title": "",
        "alt_text": "Des grues sur le port, au lever du jour",
        "caption": "",
        "credit": "",
        "copyright": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        **fields,
    }


class TestUpload:
    def test_an_upload_is_cleaned_stored_and_rendered(self, editor_client, editor):
        data = camera_jpeg(size=(640, 480), artist="Anna Petrova", description="Le port à l’aube")
        response = editor_client.post(ADD_URL, add_form(upload(data, "b_secret_scoop.jpg")))
        assert response.status_code == 302, response.context["adminform"].form.errors
        picture = Picture.objects.get()
        assert picture.uploaded_by == editor
        assert "secret" not in picture.file.name and picture.file.name.endswith(".jpg")
        assert (picture.caption, picture.credit) == ("Le port à l’aube", "Anna Petrova")
        assert picture.title == "b secret scoop"
        assert picture.renditions

    @pytest.mark.parametrize(
        ("data", "name", "reason"),
        [
            (b"%PDF-1.4 quarterly report", "report.jpg", "PDF"),
            (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.jpg", "SVG"),
            (b"", "empty.jpg", "vide"),
        ],
    )
    def test_a_bad_file_is_refused_with_its_reason_and_the_text_kept(
        self, editor_client, data, name, reason
    ):
        response = editor_client.post(
            ADD_URL,
            add_form(upload(data, name), caption="Légende « à garder »", credit="Anna Petrova"),
        )
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert reason in " ".join(form.errors["file"])
        page = response.content.decode()
        assert "Légende « à garder »" in page or "Légende &laquo; à garder &raquo;" in page
        assert 'value="Anna Petrova"' in page
        assert not Picture.objects.exists()
        assert stored_files() == []

    def test_no_alt_text_means_nothing_is_stored(self, editor_client):
        response = editor_client.post(ADD_URL, add_form(upload(camera_jpeg()), alt_text=" "))
        assert response.status_code == 200
        assert "alt_text" in response.context["adminform"].form.errors
        assert stored_files() == []

    def test_editing_the_caption_keeps_the_file(self, editor_client, editor):
        picture = make_picture(uploaded_by=editor)
        data = add_form("", caption="Nouvelle légende")
        del data["file"]
        response = editor_client.post(change_url(picture), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        before = picture.file.name
        picture.refresh_from_db()
        assert picture.caption == "Nouvelle légende"
        assert picture.file.name == before

    def test_a_picture_in_use_cannot_be_deleted(self, editor_client):
        picture = make_picture()
        make_article(lead_picture=picture)
        response = editor_client.post(
            reverse("admin:articles_picture_delete", args=[picture.pk]), {"post": "yes"}
        )
        assert response.status_code == 200
        assert Picture.objects.filter(pk=picture.pk).exists()


class TestList:
    def test_thumbnails_are_small_renditions_never_the_original(self, editor_client):
        picture = make_picture(size=(1200, 800))
        page = editor_client.get(LIST_URL).content.decode()
        thumbnail = picture.fitting(80, "WEBP")
        assert thumbnail["width"] == 320
        assert picture.rendition_url(thumbnail) in page
        assert picture.file.name not in page
        assert "/media/" not in page

    def test_search_by_title_caption_and_credit(self, editor_client):
        port = make_picture(title="Port de Nakhodka", caption="Des grues", credit="Anna Petrova")
        make_picture(title="Parlement", caption="La façade", credit="Jean Martin")
        for term in ("nakhodka", "grues", "petrova"):
            response = editor_client.get(LIST_URL, {"q": term})
            assert list(response.context["cl"].result_list) == [port], term

    def test_the_list_costs_the_same_queries_for_more_pictures(self, editor_client, editor):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert editor_client.get(LIST_URL).status_code == 200
            return len(queries)

        make_picture(uploaded_by=editor)
        few = count()
        for _ in range(4):
            make_picture(uploaded_by=make_editor())
        assert count() == few


class TestReporters:
    @pytest.fixture
    def pictures(self):
        me, other = make_reporter(username="me"), make_reporter(username="other")
        mine = make_picture(uploaded_by=me, title="mine")
        theirs = make_picture(uploaded_by=other, title="theirs")
        make_article(lead_picture=theirs, status=Article.Status.DRAFT, authors=[other])
        public = make_picture(uploaded_by=other, title="public")
        make_article(lead_picture=public, authors=[other])
        on_my_article = make_picture(uploaded_by=other, title="for me")
        make_article(lead_picture=on_my_article, status=Article.Status.DRAFT, authors=[me, other])
        return me, {"mine": mine, "theirs": theirs, "public": public, "mine_too": on_my_article}

    def test_a_reporter_sees_their_own_the_public_and_their_articles_pictures(
        self, client, pictures
    ):
        me, p = pictures
        client.force_login(me)
        listed = set(client.get(LIST_URL).context["cl"].result_list)
        assert listed == {p["mine"], p["public"], p["mine_too"]}
        assert client.get(change_url(p["theirs"])).status_code == 302  # "does not exist"
        assert client.get(p["theirs"].rendition_url(p["theirs"].renditions[0])).status_code == 404

    def test_a_reporter_changes_only_their_own_unpublished_uploads(self, client, pictures):
        me, p = pictures
        client.force_login(me)
        form = add_form("", caption="Changée")
        del form["file"]
        assert client.post(change_url(p["mine"]), form).status_code == 302
        for other in ("public", "mine_too"):
            client.post(change_url(p[other]), form)
            p[other].refresh_from_db()
            assert p[other].caption != "Changée"
        make_article(lead_picture=p["mine"], authors=[me])
        assert client.post(change_url(p["mine"]), {**form, "caption": "Encore"}).status_code == 403

    def test_a_reporter_uploads(self, client):
        me = make_reporter()
        client.force_login(me)
        response = client.post(
            ADD_URL, add_form(SimpleUploadedFile("x.png", png_bytes(), "image/png"))
        )
        assert response.status_code == 302
        assert Picture.objects.get().uploaded_by == me

    def test_the_roles_have_the_library_permissions(self):
        reporter = set(Group.objects.get(name="Reporter").permissions.values_list("codename"))
        editor = set(Group.objects.get(name="Editor").permissions.values_list("codename"))
        assert {("add_picture",), ("change_picture",), ("view_picture",)} <= reporter
        assert ("delete_picture",) not in reporter
        assert ("delete_picture",) in editor
