"""The Picture model and its services: what is stored, under which name, and what is public."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from articles.models import Article, Picture
from articles.pictures import rendering, services
from articles.tests.helpers.factories import make_article
from articles.tests.helpers.pictures import (
    assert_no_metadata,
    camera_jpeg,
    make_picture,
    png_bytes,
    upload,
    with_iptc,
)

pytestmark = pytest.mark.django_db


def stored_files():
    """Every file under MEDIA_ROOT, walked through the storage API."""
    found = []

    def walk(folder):
        folders, files = default_storage.listdir(folder)
        found.extend(f"{folder}/{name}".lstrip("/") for name in files)
        for sub in folders:
            walk(f"{folder}/{sub}".lstrip("/"))

    if default_storage.exists(""):
        walk("")
    return sorted(found)


class TestCreate:
    def test_stored_under_a_random_name_with_the_detected_extension(self):
        picture = make_picture(data=png_bytes(size=(500, 400)), name="b_secret_scoop.pdf")
        assert re.fullmatch(r"pictures/\d{4}/\d{2}/[A-Za-z0-9_-]{24}\.png", picture.file.name)
        assert "secret" not in picture.file.name
        other = make_picture(data=png_bytes(size=(500, 400)), name="b_secret_scoop.pdf")
        assert other.file.name != picture.file.name

    def test_stored_original_and_renditions_carry_no_metadata(self):
        data = camera_jpeg(size=(900, 600), artist="Anna Petrova", description="Le port")
        picture = make_picture(data=data)
        with default_storage.open(picture.file.name, "rb") as stored:
            assert_no_metadata(stored.read())
        assert picture.renditions
        for rendition in picture.renditions:
            with default_storage.open(rendition["name"], "rb") as stored:
                content = stored.read()
            assert_no_metadata(content)
            assert len(content) == rendition["bytes"]
            assert rendering.size_of(content) == (rendition["width"], rendition["height"])

    def test_every_planned_rendition_is_written_at_save(self):
        picture = make_picture(size=(1400, 1000))
        planned = rendering.plan(width=1400, height=1000, sha256=picture.sha256)
        assert sorted(r["name"] for r in picture.renditions) == sorted(r.name for r in planned)
        assert {r["shape"] for r in picture.renditions} == {"w", "16x9", "4x3", "1x1"}
        assert (picture.width, picture.height) == (1400, 1000)

    def test_caption_and_credit_are_filled_from_the_metadata_when_empty(self):
        data = with_iptc(
            camera_jpeg(artist="exif"),
            {(2, 120): b"Des dockers au travail.", (2, 110): b"Agence du Pacifique"},
        )
        picture = make_picture(data=data)
        assert picture.caption == "Des dockers au travail."
        assert picture.credit == "Agence du Pacifique"
        kept = make_picture(data=data, caption="Légende de la rédaction", credit="")
        assert kept.caption == "Légende de la rédaction"
        assert kept.credit == "Agence du Pacifique"

    def test_title_defaults_to_the_file_name(self):
        assert make_picture(name="port_de-nuit.jpg").title == "port de nuit"
        assert make_picture(name="../x.jpg").title == "x"
        named = make_picture(name=("é" * 300) + ".jpg")
        assert named.title == "é" * 200

    def test_upright_pixels_are_stored(self):
        picture = make_picture(data=camera_jpeg(size=(400, 300), orientation=6))
        assert (picture.width, picture.height) == (300, 400)


class TestRefusals:
    def test_a_bad_file_writes_nothing(self):
        with pytest.raises(ValidationError) as refused:
            services.create_picture(file=upload(b"%PDF-1.7 nothing"), alt_text="x")
        assert "PDF" in refused.value.message_dict["file"][0]
        assert not Picture.objects.exists()
        assert stored_files() == []

    def test_missing_alt_text_writes_nothing(self):
        with pytest.raises(ValidationError) as refused:
            services.create_picture(file=upload(camera_jpeg()), alt_text="   ")
        assert "alt_text" in refused.value.message_dict
        assert stored_files() == []

    def test_a_focal_point_outside_the_picture_is_refused(self):
        with pytest.raises(ValidationError) as refused:
            services.create_picture(file=upload(camera_jpeg()), alt_text="x", focal_x=1.5)
        assert "focal_x" in refused.value.message_dict
        assert stored_files() == []

    def test_the_database_refuses_empty_alt_text_and_a_focal_point_outside(self):
        picture = make_picture()
        with pytest.raises(IntegrityError), transaction.atomic():
            Picture.objects.filter(pk=picture.pk).update(alt_text="")
        with pytest.raises(IntegrityError), transaction.atomic():
            Picture.objects.filter(pk=picture.pk).update(focal_y=-0.1)

    def test_a_failed_row_save_removes_the_files_it_wrote(self, monkeypatch):
        def fail(*args, **kwargs):
            raise IntegrityError("simulated")

        monkeypatch.setattr(Picture, "save", fail)
        with pytest.raises(IntegrityError):
            make_picture()
        assert stored_files() == []


class TestChanges:
    def test_moving_the_focal_point_recuts_the_crops_only(self, django_capture_on_commit_callbacks):
        picture = make_picture(size=(1200, 800))
        before = {r["name"]: r for r in picture.renditions}
        with django_capture_on_commit_callbacks(execute=True):
            services.save_picture(picture=picture, focal_x=0.9)
        after = {r["name"]: r for r in picture.renditions}
        widths = {n for n, r in before.items() if r["shape"] == "w"}
        assert widths <= set(after)
        old_crops = set(before) - widths
        assert old_crops and old_crops.isdisjoint(after)
        assert not any(default_storage.exists(name) for name in old_crops)
        assert all(default_storage.exists(name) for name in after)
        # The square now sits on the right: 1200 − 800 = 400 from the left.
        square = picture.crop("1x1")
        with default_storage.open(square["name"], "rb") as stored:
            assert Image.open(io.BytesIO(stored.read())).size == (800, 800)

    def test_editing_the_caption_renders_nothing(self, monkeypatch):
        picture = make_picture()
        monkeypatch.setattr(
            rendering, "ensure_renditions", lambda **kw: pytest.fail("rendered again")
        )
        services.save_picture(picture=picture, caption="Nouvelle légende")
        picture.refresh_from_db()
        assert picture.caption == "Nouvelle légende"

    def test_replacing_the_file_deletes_the_old_one_after_commit(
        self, django_capture_on_commit_callbacks
    ):
        picture = make_picture(size=(500, 400))
        old_name, old_renditions = picture.file.name, picture.renditions
        with django_capture_on_commit_callbacks(execute=True):
            services.save_picture(
                picture=picture, file=upload(png_bytes(size=(640, 480)), "autre.png")
            )
        assert picture.file.name.endswith(".png") and picture.width == 640
        assert not default_storage.exists(old_name)
        assert not any(default_storage.exists(r["name"]) for r in old_renditions)

    def test_deleting_keeps_renditions_another_picture_of_the_same_content_uses(
        self, django_capture_on_commit_callbacks
    ):
        data = camera_jpeg(size=(700, 500))
        one, two = make_picture(data=data), make_picture(data=data)
        assert one.sha256 == two.sha256
        with django_capture_on_commit_callbacks(execute=True):
            services.delete_picture(picture=one)
        assert not default_storage.exists(one.file.name)
        assert all(default_storage.exists(r["name"]) for r in two.renditions)
        with django_capture_on_commit_callbacks(execute=True):
            services.delete_picture(picture=two)
        assert stored_files() == []

    def test_a_picture_in_use_is_not_deleted(self):
        picture = make_picture()
        make_article(lead_picture=picture)
        with pytest.raises(ValidationError):
            services.delete_picture(picture=picture)
        assert Picture.objects.filter(pk=picture.pk).exists()


class TestPublic:
    def test_only_pictures_of_published_articles_are_public(self):
        on_published, on_draft, on_future, in_body, loose = (make_picture() for _ in range(5))
        make_article(lead_picture=on_published)
        make_article(lead_picture=on_draft, status=Article.Status.DRAFT)
        make_article(
            lead_picture=on_future, published_at=timezone.now() + datetime.timedelta(hours=2)
        )
        make_article().body_pictures.add(in_body)
        make_article(status=Article.Status.DRAFT).body_pictures.add(loose)
        assert set(Picture.objects.public()) == {on_published, in_body}
        assert Picture.objects.public().count() == 2

    def test_a_picture_on_a_draft_and_a_published_article_is_public_once(self):
        picture = make_picture()
        make_article(lead_picture=picture)
        make_article(lead_picture=picture)
        make_article(lead_picture=picture, status=Article.Status.DRAFT)
        assert list(Picture.objects.public()) == [picture]
