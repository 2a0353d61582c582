import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article
from articles.pictures import renditions
from articles.tests.helpers.factories import make_article, uploaded_image
from articles.tests.syndication.test_structured_data import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_article(lead_image=uploaded_image(size=(1200, 800)), lead_image_alt="Photo")


@pytest.mark.parametrize(
    ("size", "ratio", "expected"),
    [
        ((1200, 800), "16x9", (1200, 675)),
        ((1200, 800), "4x3", (1066, 800)),
        ((1200, 800), "1x1", (800, 800)),
        ((300, 900), "16x9", (300, 168)),
        ((4000, 3000), "16x9", (1600, 900)),
        ((4000, 3000), "4x3", (1600, 1200)),
    ],
)
def test_output_size(size, ratio, expected):
    assert renditions.output_size(*size, ratio) == expected


def test_only_shapes_big_enough_are_offered():
    article = Article(lead_image="articles/x.png", lead_image_width=400, lead_image_height=200)
    # 16:9 is 355 × 200 = 71,000 px; 4:3 is 266 × 200 = 53,200; 1:1 is 200 × 200 = 40,000.
    assert [r for r, _w, _h in renditions.available(article)] == ["16x9", "4x3"]
    assert renditions.available(Article()) == []


def test_generated_once_then_served_from_storage(client, story):
    url = renditions.rendition_url(story, "1x1")
    assert client.get(url).status_code == 200
    path = renditions._storage_path(story, "1x1")
    assert default_storage.exists(path)
    modified = default_storage.get_modified_time(path)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"
    assert default_storage.get_modified_time(path) == modified


def test_a_new_picture_gets_new_addresses(client, story):
    old = renditions.rendition_url(story, "16x9")
    story.lead_image = uploaded_image(name="autre.png", size=(1200, 800))
    story.save()
    new = renditions.rendition_url(story, "16x9")
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


class TestRenditions:
    def _url(self, article, ratio="16x9"):
        data = json_ld(self._client.get(article.get_absolute_url()))
        (image,) = [i for i in data["image"] if f"/{ratio}-" in i["url"]]
        return image["url"].removeprefix("http://testserver")

    @pytest.fixture(autouse=True)
    def _client(self, client):
        self._client = client

    def test_not_served_for_drafts_or_future_articles(self, client, story):
        url = self._url(story)
        Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
        assert client.get(url).status_code == 404
        Article.objects.filter(pk=story.pk).update(
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(days=1),
        )
        assert client.get(url).status_code == 404

    def test_unknown_shape_or_stale_digest_is_404(self, client, story):
        url = self._url(story)
        assert client.get(url.replace("16x9", "2x1")).status_code == 404
        assert client.get(url.replace("16x9-", "16x9-0")).status_code == 404
        assert client.get(reverse("articles:rendition", args=[999999, "1x1-x"])).status_code == 404
        assert client.get(f"/renditions/{9 * 10**30}/1x1-x.jpg").status_code == 404

    def test_shape_the_picture_does_not_allow_is_404(self, client):
        article = make_article(lead_image=uploaded_image(size=(120, 90)), lead_image_alt="x")
        name = renditions.rendition_url(article, "16x9").rsplit("/", 1)[-1].removesuffix(".jpg")
        assert client.get(reverse("articles:rendition", args=[article.pk, name])).status_code == 404

    def test_transparent_png_becomes_a_jpeg(self, client):
        buffer = io.BytesIO()
        Image.new("RGBA", (800, 600), (0, 0, 0, 0)).save(buffer, format="PNG")
        article = make_article(
            lead_image=SimpleUploadedFile("t.png", buffer.getvalue(), content_type="image/png"),
            lead_image_alt="Transparent",
        )
        response = client.get(self._url(article, "1x1"))
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as picture:
            assert picture.mode == "RGB"
            assert picture.getpixel((10, 10)) == (255, 255, 255)
