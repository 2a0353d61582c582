"""Upload → renditions → article page, on the file system and on a local S3.

Every read and write of a picture goes through Django's storage API, so the same
path works with django-storages: here against a moto S3 server this test starts.
"""

import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from articles.models import Picture
from articles.tests.helpers.factories import make_article, make_editor
from articles.tests.helpers.pictures import assert_no_metadata, camera_jpeg, upload

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-media"


@pytest.fixture(scope="module")
def s3_server():
    pytest.importorskip("storages.backends.s3")
    moto_server = pytest.importorskip("moto.server")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                # Private bucket: readers get renditions through /pictures/, never S3.
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
    }
    yield client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in objects:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture(params=["filesystem", "s3"])
def storage_kind(request):
    if request.param == "s3":
        request.getfixturevalue("s3")
    return request.param


def test_upload_renditions_and_page(client, storage_kind, settings):
    editor = make_editor()
    client.force_login(editor)
    data = camera_jpeg(size=(1200, 800), artist="Anna Petrova", description="Le port")
    response = client.post(
        reverse("admin:articles_picture_add"),
        {
            "file": upload(data, "b_secret_scoop.jpg"),
            "alt_text": "Des grues sur le quai",
            "title": "",
            "caption": "",
            "credit": "",
            "copyright": "",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    picture = Picture.objects.get()
    assert picture.credit == "Anna Petrova"
    backend = type(default_storage._wrapped).__name__
    assert backend == ("S3Storage" if storage_kind == "s3" else "FileSystemStorage")
    with default_storage.open(picture.file.name, "rb") as stored:
        assert_no_metadata(stored.read())
    for rendition in picture.renditions:
        assert default_storage.exists(rendition["name"]), rendition["name"]

    article = make_article(lead_picture=picture, authors=[editor])
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    urls = set(re.findall(r"(/pictures/\d+/[^\s\"]+)", page))
    assert {picture.rendition_url(r) for r in picture.widths("WEBP")} <= urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        content = b"".join(response.streaming_content)
        rendition = picture.rendition_named(url.rsplit("/", 1)[-1])
        name = rendition["name"]
        with default_storage.open(name, "rb") as stored:
            assert content == stored.read()
        assert_no_metadata(content)
    if storage_kind == "s3":
        # Nothing went to the local disk.
        assert not Path(settings.MEDIA_ROOT).exists() or not any(
            Path(settings.MEDIA_ROOT).rglob("*.*")
        )


def test_s3_keys_are_random_and_the_bucket_is_private(client, s3, s3_server):
    import urllib.request

    editor = make_editor()
    client.force_login(editor)
    client.post(
        reverse("admin:articles_picture_add"),
        {
            "file": upload(camera_jpeg(size=(500, 400)), "b_secret_scoop.jpg"),
            "alt_text": "Photo",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys and not any("secret" in key for key in keys)
    original = Picture.objects.get().file.name
    assert original in keys
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_server}/{BUCKET}/{original}")  # noqa: S310
    assert refused.value.code == 403
