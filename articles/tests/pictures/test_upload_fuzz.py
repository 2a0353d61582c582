"""Bad files through the admin's upload forms: each is refused with a message, or
accepted and cleaned. Never a 500, never a stored file that keeps metadata, never a
picture half-saved."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from articles.models import Article, Picture
from articles.tests.helpers.pictures import assert_no_metadata, camera_jpeg, png_bytes, upload
from articles.tests.pictures.test_picture_library import stored_files
from articles.tests.test_admin import form_data

pytestmark = pytest.mark.django_db

NAME = re.compile(r"pictures/\d{4}/\d{2}/[A-Za-z0-9_-]{24}\.(jpg|png|webp|gif)")


def _save(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def bomb():
    return _save(Image.new("1", (20000, 20000)), "PNG")


def truncated_jpeg():
    data = camera_jpeg(size=(800, 600), artist="Anna Petrova")
    return data[: len(data) // 3]


def cmyk_jpeg():
    return _save(Image.new("CMYK", (200, 150), (0, 200, 200, 0)), "JPEG")


def sixteen_bit_png():
    return _save(Image.new("I;16", (120, 90), 40000), "PNG")


def animated_gif():
    frames = [Image.new("L", (8, 8), (i * 37) % 256) for i in range(2000)]
    return _save(frames[0], "GIF", save_all=True, append_images=frames[1:])


def polyglot():
    return png_bytes(size=(80, 60)) + b"<html><script>alert(document.cookie)</script></html>"


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'

# (name, bytes or maker, upload name, refused?)
CASES = [
    ("decompression bomb", bomb, "huge.png", True),
    ("truncated JPEG", truncated_jpeg, "cut.jpg", True),
    ("CMYK JPEG", cmyk_jpeg, "print.jpg", False),
    ("16-bit PNG", sixteen_bit_png, "scan.png", False),
    ("animated GIF of 2,000 frames", animated_gif, "anim.gif", True),
    ("PNG + HTML polyglot", polyglot, "polyglot.png", False),
    ("SVG renamed .jpg", SVG, "drawing.jpg", True),
    ("path in the name", lambda: camera_jpeg(artist="Anna Petrova"), "../x.jpg", False),
    ("300-character name", lambda: camera_jpeg(), ("é" * 296) + ".jpg", False),
    ("empty file", b"", "empty.jpg", True),
    ("PDF named .png", b"%PDF-1.7\n%%EOF", "report.png", True),
    ("camera JPEG with GPS", lambda: camera_jpeg(artist="Anna Petrova"), "gps.jpg", False),
]


def _data(maker):
    return maker() if callable(maker) else maker


def assert_clean_store(picture):
    assert NAME.fullmatch(picture.file.name), picture.file.name
    with default_storage.open(picture.file.name, "rb") as stored:
        content = stored.read()
    assert_no_metadata(content)
    assert b"<html" not in content and b"<script" not in content
    for rendition in picture.renditions:
        with default_storage.open(rendition["name"], "rb") as stored:
            assert_no_metadata(stored.read())
    # Everything stored belongs to the picture: nothing half-written beside it.
    expected = {picture.file.name, *(r["name"] for r in picture.renditions)}
    assert set(stored_files()) == expected


@pytest.mark.parametrize(("case", "maker", "name", "refused"), CASES, ids=[c[0] for c in CASES])
def test_the_library_upload_form(editor_client, case, maker, name, refused):
    response = editor_client.post(
        reverse("admin:articles_picture_add"),
        {
            "file": upload(_data(maker), name),
            "alt_text": "Une image à l’essai",
            "caption": "Légende « gardée »",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code in (200, 302), case
    if refused:
        assert response.status_code == 200, case
        errors = response.context["adminform"].form.errors["file"]
        assert errors and all(message.strip() for message in errors)
        assert "Légende" in response.content.decode()
        assert not Picture.objects.exists()
        assert stored_files() == []
    else:
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert_clean_store(Picture.objects.get())


@pytest.mark.parametrize(
    ("case", "maker", "name", "refused"),
    [c for c in CASES if c[0] in {"truncated JPEG", "SVG renamed .jpg", "PNG + HTML polyglot"}],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_the_article_form_upload(editor, editor_client, case, maker, name, refused):
    data = form_data(editor, new_picture=upload(_data(maker), name), new_picture_alt="Essai")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    if refused:
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["new_picture"]
        assert "Sommet à Vladivostok" in response.content.decode()
        assert not Article.objects.exists() and not Picture.objects.exists()
        assert stored_files() == []
    else:
        assert response.status_code == 302
        article = Article.objects.get()
        assert_clean_store(article.lead_picture)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.integers(min_value=1, max_value=3000),
    flips=st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 255)), max_size=6),
)
def test_mangled_uploads_never_break_the_form(editor_client, cut, flips):
    data = bytearray(camera_jpeg(size=(90, 60), artist="Anna Petrova"))
    for position, value in flips:
        if position < len(data):
            data[position] = value
    response = editor_client.post(
        reverse("admin:articles_picture_add"),
        {
            "file": upload(bytes(data[:cut]), "mangled.jpg"),
            "alt_text": "Essai",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["adminform"].form.errors["file"]
        assert not Picture.objects.exists()
    else:
        picture = Picture.objects.get()
        assert_clean_store(picture)
        Picture.objects.all().delete()
    for name in stored_files():
        default_storage.delete(name)
