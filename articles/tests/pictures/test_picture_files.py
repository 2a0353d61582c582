"""Upload cleaning and renditions, on generated files: what is refused, what is kept."""

import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, IptcImagePlugin

from articles.pictures import rendering
from articles.pictures.cleaning import clean_upload
from articles.tests.helpers.pictures import (
    assert_no_metadata,
    camera_jpeg,
    png_bytes,
    upload,
    with_iptc,
)


class TestCleaning:
    def test_metadata_is_stripped_and_caption_credit_kept(self):
        data = camera_jpeg(artist="Anna Petrova", description="Le port de Vladivostok à l’aube")
        picture = clean_upload(upload(data))
        assert picture.format == "JPEG" and picture.extension == "jpg"
        assert picture.credit == "Anna Petrova"
        assert picture.caption == "Le port de Vladivostok à l’aube"
        assert_no_metadata(picture.content)

    def test_iptc_caption_and_credit_win_over_exif(self):
        data = with_iptc(
            camera_jpeg(artist="exif artist"),
            {
                (2, 120): "Des dockers déchargent un cargo.".encode(),
                (2, 110): b"Agence du Pacifique",
                (2, 116): "© Rédaction 2026".encode(),
            },
        )
        with Image.open(io.BytesIO(data)) as check:
            assert IptcImagePlugin.getiptcinfo(check), "the test file has no IPTC"
        picture = clean_upload(upload(data))
        assert picture.caption == "Des dockers déchargent un cargo."
        assert picture.credit == "Agence du Pacifique"
        assert picture.copyright == "© Rédaction 2026"
        assert_no_metadata(picture.content)

    def test_xmp_is_stripped(self):
        xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
        data = camera_jpeg(xmp=xmp)
        assert b"xmpmeta" in data
        assert_no_metadata(clean_upload(upload(data)).content)

    def test_orientation_is_applied_before_stripping(self):
        # Orientation 6: the camera was turned; the stored pixels must be upright.
        picture = clean_upload(upload(camera_jpeg(size=(400, 300), orientation=6)))
        assert (picture.width, picture.height) == (300, 400)
        with Image.open(io.BytesIO(picture.content)) as image:
            assert image.size == (300, 400)
            # The yellow mark (top-left of the scene) is now top-right.
            assert image.getpixel((290, 5))[2] < 100
            assert image.getpixel((5, 5))[2] > 100

    def test_the_extension_follows_the_content_not_the_name(self):
        picture = clean_upload(upload(png_bytes(), name="report.pdf"))
        assert (picture.format, picture.extension, picture.content_type) == (
            "PNG",
            "png",
            "image/png",
        )

    def test_cmyk_jpeg_becomes_rgb(self):
        buffer = io.BytesIO()
        Image.new("CMYK", (80, 60), (0, 200, 200, 0)).save(buffer, format="JPEG")
        picture = clean_upload(upload(buffer.getvalue()))
        with Image.open(io.BytesIO(picture.content)) as image:
            assert image.mode == "RGB"
            red, green, blue = image.getpixel((40, 30))
            assert red > 200 and green < 100 and blue < 100

    def test_16_bit_png_is_scaled_not_clipped(self):
        buffer = io.BytesIO()
        Image.new("I;16", (40, 40), 32768).save(buffer, format="PNG")
        picture = clean_upload(upload(buffer.getvalue(), name="scan.png"))
        with Image.open(io.BytesIO(picture.content)) as image:
            assert image.mode == "L"
            assert 120 <= image.getpixel((10, 10)) <= 135

    def test_transparent_png_stays_transparent(self):
        picture = clean_upload(upload(png_bytes("RGBA", colour=(0, 0, 0, 0)), name="logo.png"))
        with Image.open(io.BytesIO(picture.content)) as image:
            assert image.mode == "RGBA"
            assert image.getpixel((1, 1))[3] == 0

    def test_png_html_polyglot_is_cleaned(self):
        data = png_bytes() + b"<html><script>alert(document.cookie)</script></html>"
        picture = clean_upload(upload(data, name="polyglot.png"))
        assert_no_metadata(picture.content)
        assert b"<html" not in picture.content

    def test_png_text_chunks_are_dropped(self):
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        info.add_text("Author", "ReporterCam owner")
        picture = clean_upload(upload(png_bytes(pnginfo=info), name="chunks.png"))
        assert_no_metadata(picture.content)
        with Image.open(io.BytesIO(picture.content)) as image:
            assert "Comment" not in image.info and "Author" not in image.info


class TestRefusals:
    @pytest.mark.parametrize(
        ("data", "name", "code", "words"),
        [
            (b"", "empty.jpg", "empty", "vide"),
            (
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                "drawing.jpg",
                "not_image",
                "SVG",
            ),
            (b"%PDF-1.7\n1 0 obj<<>>endobj", "picture.png", "not_image", "PDF"),
            (b"%!PS-Adobe-3.0 EPSF-3.0\n", "logo.jpg", "not_image", "EPS"),
            (b"<!DOCTYPE html><html><body>hi</body></html>", "page.gif", "not_image", "page web"),
            (b"just some words, nothing else", "notes.webp", "not_image", "JPEG, PNG"),
        ],
        ids=["empty", "svg", "pdf", "eps", "html", "text"],
    )
    def test_not_a_picture(self, data, name, code, words):
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(data, name))
        assert refused.value.code == code
        assert words in refused.value.messages[0]

    def test_tiff_is_refused_by_name(self):
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20)).save(buffer, format="TIFF")
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(buffer.getvalue(), "scan.jpg"))
        assert "TIFF" in refused.value.messages[0]

    def test_truncated_jpeg(self):
        data = camera_jpeg(size=(800, 600))
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(data[: len(data) // 2]))
        assert refused.value.code == "damaged"

    def test_decompression_bomb_is_refused_before_decoding(self):
        buffer = io.BytesIO()
        Image.new("1", (20000, 20000)).save(buffer, format="PNG")
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(buffer.getvalue(), "bomb.png"))
        assert refused.value.code == "too_many_pixels"

    def test_pixel_limit_is_read_from_the_header(self, settings):
        settings.MAX_IMAGE_PIXELS = 10_000
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(png_bytes(size=(200, 100))))
        assert "200 × 100" in refused.value.messages[0]

    def test_byte_limit(self, settings):
        settings.MAX_IMAGE_UPLOAD_BYTES = 100
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(camera_jpeg()))
        assert refused.value.code == "too_large"

    def test_animated_gif_of_two_thousand_frames(self):
        frames = [Image.new("L", (8, 8), (i * 37) % 256) for i in range(2000)]
        buffer = io.BytesIO()
        frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
        with pytest.raises(ValidationError) as refused:
            clean_upload(upload(buffer.getvalue(), "anim.gif"))
        assert refused.value.code == "animated"
        with Image.open(buffer) as check:
            assert check.n_frames == 2000

    def test_a_still_gif_is_accepted(self):
        buffer = io.BytesIO()
        Image.new("P", (30, 20), 3).save(buffer, format="GIF", comment=b"ReporterCam")
        picture = clean_upload(upload(buffer.getvalue(), "still.gif"))
        assert picture.format == "GIF"
        assert_no_metadata(picture.content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=8),
)
def test_mangled_files_are_refused_or_cleaned(cut, flips):
    """Whatever the bytes, a clear refusal or a clean picture: never another error."""
    data = bytearray(camera_jpeg(size=(120, 90), artist="Anna Petrova"))
    for position, value in flips:
        if position < len(data):
            data[position] = value
    data = bytes(data[: max(cut, 1)]) if cut else bytes(data)
    try:
        picture = clean_upload(upload(data))
    except ValidationError as refusal:
        assert refusal.messages[0]
    else:
        assert_no_metadata(picture.content)


class CountingStorage(FileSystemStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = []
        self._guard = threading.Lock()

    def _save(self, name, content):
        with self._guard:
            self.saved.append(name)
        return super()._save(name, content)


class TestRenditions:
    def test_widths_never_exceed_the_picture(self):
        assert rendering.widths_for(700) == [320, 480, 640, 700]
        assert rendering.widths_for(5000) == list(rendering.WIDTHS)
        assert rendering.widths_for(2048) == list(rendering.WIDTHS)
        assert rendering.widths_for(200) == [200]

    def test_crop_box_follows_the_focal_point(self):
        # A wide picture, focal point on the right: the square sits at the right edge.
        assert rendering.crop_box(1600, 900, "1x1", (0.95, 0.5)) == (700, 0, 1600, 900)
        assert rendering.crop_box(1600, 900, "1x1", (0.5, 0.5)) == (350, 0, 1250, 900)
        assert rendering.crop_box(1600, 900, "1x1", (0.0, 0.0)) == (0, 0, 900, 900)
        # A tall picture, focal point high up: the 16:9 band sits at the top.
        assert rendering.crop_box(900, 1600, "16x9", (0.5, 0.1)) == (0, 0, 900, 506)

    def test_small_pictures_get_no_crops(self):
        assert rendering.crops_for(200, 150) == []
        assert rendering.crops_for(1200, 800) == ["16x9", "4x3", "1x1"]

    def test_names_change_with_content_and_focal_point(self):
        one = rendering.plan(width=1200, height=800, sha256="a" * 64)
        same = rendering.plan(width=1200, height=800, sha256="a" * 64)
        other = rendering.plan(width=1200, height=800, sha256="b" * 64)
        moved = rendering.plan(width=1200, height=800, sha256="a" * 64, focal=(0.2, 0.5))
        assert [r.name for r in one] == [r.name for r in same]
        assert not {r.name for r in one} & {r.name for r in other}
        # A new focal point re-cuts the crops only: the widths keep their files.
        assert {r.name for r in one if r.shape == "w"} == {r.name for r in moved if r.shape == "w"}
        crops = {r.name for r in one if r.shape != "w"}
        assert crops.isdisjoint({r.name for r in moved if r.shape != "w"})

    def test_every_rendition_is_written_once_and_clean(self, tmp_path):
        picture = clean_upload(upload(camera_jpeg(size=(1400, 1000), artist="Anna Petrova")))
        storage = CountingStorage(location=tmp_path)
        opened = []

        def source():
            opened.append(1)
            return io.BytesIO(picture.content)

        planned = rendering.ensure_renditions(
            source=source,
            width=picture.width,
            height=picture.height,
            sha256=picture.sha256,
            storage=storage,
        )
        assert sorted(storage.saved) == sorted(r.name for r in planned)
        assert {r.format for r in planned} == {"WEBP", "JPEG"}
        for rendition in planned:
            content = storage.open(rendition.name).read()
            assert rendering.size_of(content) == (rendition.width, rendition.height)
            assert_no_metadata(content)
        again = rendering.ensure_renditions(
            source=source,
            width=picture.width,
            height=picture.height,
            sha256=picture.sha256,
            storage=storage,
        )
        assert again == planned
        assert len(opened) == 1, "a second save re-read the picture"

    def test_concurrent_saves_render_once(self, tmp_path):
        picture = clean_upload(upload(camera_jpeg(size=(900, 700))))
        storage = CountingStorage(location=tmp_path)
        errors = []

        def work():
            try:
                rendering.ensure_renditions(
                    source=lambda: io.BytesIO(picture.content),
                    width=picture.width,
                    height=picture.height,
                    sha256=picture.sha256,
                    storage=storage,
                )
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        planned = rendering.plan(width=900, height=700, sha256=picture.sha256)
        assert sorted(storage.saved) == sorted(r.name for r in planned)
