"""/pictures/<pk>/<name>: public renditions cached for a year, drafts for their people only."""

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image

from articles.models import Article
from articles.pictures import services
from articles.tests.helpers.factories import make_article, make_editor, make_reporter
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=31536000, immutable"


def content(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def published_picture():
    picture = make_picture(size=(700, 500))
    make_article(lead_picture=picture)
    return picture


@pytest.fixture
def draft():
    author = make_reporter(username="author")
    picture = make_picture(size=(700, 500), uploaded_by=author)
    make_article(lead_picture=picture, status=Article.Status.DRAFT, authors=[author])
    return author, picture


class TestPublic:
    def test_served_with_a_year_of_cache(self, client, published_picture):
        for rendition in published_picture.renditions:
            response = client.get(published_picture.rendition_url(rendition))
            assert response.status_code == 200
            assert response["Cache-Control"] == PUBLIC
            assert (
                response["Content-Type"]
                == {"WEBP": "image/webp", "JPEG": "image/jpeg"}[rendition["format"]]
            )
            assert response["X-Content-Type-Options"] == "nosniff"
            with default_storage.open(rendition["name"], "rb") as stored:
                assert content(response) == stored.read()

    def test_nothing_is_decoded_to_serve(self, client, published_picture, monkeypatch):
        def refuse(*args, **kwargs):
            raise AssertionError("a picture was decoded on a reader's request")

        monkeypatch.setattr(Image, "open", refuse)
        monkeypatch.setattr(services.rendering, "ensure_renditions", refuse)
        url = published_picture.rendition_url(published_picture.widths("WEBP")[0])
        assert client.get(url).status_code == 200

    def test_unknown_names_and_ids_are_404(self, client, published_picture):
        base = f"/pictures/{published_picture.pk}/"
        for name in ["x.jpg", "..%2f..%2fsettings.py", published_picture.file.name.split("/")[-1]]:
            assert client.get(base + name).status_code == 404, name
        assert client.get(f"/pictures/{9 * 10**30}/x.jpg").status_code == 404
        assert client.get("/pictures/999999/x.jpg").status_code == 404

    def test_the_original_is_never_served(self, client, published_picture):
        original = published_picture.file.name
        assert client.get(f"/media/{original}").status_code == 404
        assert client.get(f"/pictures/{published_picture.pk}/{original}").status_code == 404

    def test_only_get_and_head(self, client, published_picture):
        url = published_picture.rendition_url(published_picture.renditions[0])
        assert client.head(url).status_code == 200
        assert client.post(url).status_code == 405

    def test_a_stale_crop_redirects_to_the_current_one(self, client, published_picture):
        old = published_picture.crop("4x3")
        services.save_picture(picture=published_picture, focal_x=0.1)
        new = published_picture.crop("4x3")
        assert old["name"] != new["name"]
        response = client.get(f"/pictures/{published_picture.pk}/{old['name'].split('/')[-1]}")
        assert response.status_code == 301
        assert response["Location"] == published_picture.rendition_url(new)

    def test_a_rendition_lost_from_storage_is_404(self, client, published_picture):
        rendition = published_picture.renditions[0]
        default_storage.delete(rendition["name"])
        assert client.get(published_picture.rendition_url(rendition)).status_code == 404


class TestDrafts:
    def test_a_reader_gets_404(self, client, draft):
        _author, picture = draft
        for rendition in picture.renditions:
            assert client.get(picture.rendition_url(rendition)).status_code == 404

    def test_another_reporter_gets_404(self, client, draft):
        _author, picture = draft
        client.force_login(make_reporter(username="intruder"))
        assert client.get(picture.rendition_url(picture.renditions[0])).status_code == 404

    @pytest.mark.parametrize("who", ["author", "editor", "co-author"])
    def test_its_people_get_it_uncached(self, client, draft, who):
        author, picture = draft
        if who == "editor":
            user = make_editor()
        elif who == "co-author":
            user = make_reporter()
            picture.lead_of.get().authors.add(user)
        else:
            user = author
        client.force_login(user)
        response = client.get(picture.rendition_url(picture.renditions[0]))
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"

    def test_public_once_the_article_is_published_and_private_again_after(self, client, draft):
        _author, picture = draft
        url = picture.rendition_url(picture.renditions[0])
        article = picture.lead_of.get()
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.PUBLISHED, published_at=timezone.now()
        )
        assert client.get(url).status_code == 200
        Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
        assert client.get(url).status_code == 404
