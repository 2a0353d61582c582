"""Uploaded pictures made safe to store: decided by content, limited, stripped of metadata.

An upload is trusted for nothing: not its name, not its extension, not its content
type. Pillow decides the format from the bytes (JPEG, PNG, WebP or GIF only), the
size and pixel limits are checked from the header before anything is decoded, and
the stored file is a new encoding of the pixels, so EXIF, IPTC and XMP (GPS
position, camera serial numbers, names), comments and whatever a polyglot hid after
the image never reach storage. Before they go, a caption and a credit are read from
the metadata, for the editor to keep or change.
"""

import contextlib
import hashlib
import io
import warnings
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
CONTENT_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
}

# What people upload by mistake or on purpose, by its first bytes: named in the refusal.
_KNOWN_OTHERS = [
    (b"%PDF", "PDF"),
    (b"%!PS", "EPS"),
    (b"\xc5\xd0\xd3\xc6", "EPS"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"8BPS", "Photoshop"),
]

# EXIF tags a newsroom can use: ImageDescription, Artist, Copyright.
_EXIF_DESCRIPTION, _EXIF_ARTIST, _EXIF_COPYRIGHT = 0x010E, 0x013B, 0x8298
# IPTC IIM datasets: caption/abstract, by-line, credit, source, copyright notice.
_IPTC_CAPTION, _IPTC_BYLINE, _IPTC_CREDIT = (2, 120), (2, 80), (2, 110)
_IPTC_SOURCE, _IPTC_COPYRIGHT = (2, 115), (2, 116)


@dataclass(frozen=True)
class CleanPicture:
    """A picture ready to store: new bytes, their format and what the metadata said."""

    content: bytes
    format: str
    width: int
    height: int
    caption: str = ""
    credit: str = ""
    copyright: str = ""
    sha256: str = field(default="", compare=False)

    @property
    def extension(self):
        return EXTENSIONS[self.format]

    @property
    def content_type(self):
        return CONTENT_TYPES[self.format]


def refuse(message, code):
    raise ValidationError(message, code=code)


def read_upload(file, *, max_bytes=None):
    """The upload's bytes, refusing an empty or over-large file before reading it whole."""
    max_bytes = max_bytes or settings.MAX_IMAGE_UPLOAD_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        refuse(_too_large_message(size, max_bytes), "too_large")
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        refuse(_too_large_message(len(data), max_bytes), "too_large")
    if not data:
        refuse(_("The file is empty."), "empty")
    return data


def _too_large_message(size, limit):
    return _("The picture is too large (%(size)d MB); the limit is %(limit)d MB.") % {
        "size": size // (1024 * 1024),
        "limit": limit // (1024 * 1024),
    }


def _not_a_picture(data):
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in head:
        return _("SVG drawings are not accepted: they can carry scripts. Export a PNG instead.")
    if head.startswith((b"<!doctype html", b"<html")):
        return _("This file is a web page, not a picture.")
    for magic, name in _KNOWN_OTHERS:
        if data.startswith(magic):
            return _(
                "%(format)s files are not accepted: export the picture as JPEG, PNG or WebP."
            ) % {"format": name}
    return _("This file is not a picture Newsroom can read (JPEG, PNG, WebP or GIF).")


def open_checked(data, *, max_pixels=None):
    """Open ``data`` as one of the allowed formats and check its size, without decoding."""
    max_pixels = max_pixels or settings.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # damaged metadata: dropped anyway
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            animated = getattr(image, "is_animated", False)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse(_("The picture is too large to decode safely."), "too_many_pixels")
    except UnidentifiedImageError:
        refuse(_not_a_picture(data), "not_image")
    except (OSError, SyntaxError, ValueError, EOFError):
        refuse(_("The picture is damaged or incomplete; please export it again."), "damaged")
    width, height = image.size
    if width < 1 or height < 1:
        refuse(_("The picture has no pixels."), "damaged")
    if width * height > max_pixels:
        refuse(
            _("The picture is %(width)d × %(height)d pixels; the limit is %(limit)d megapixels.")
            % {"width": width, "height": height, "limit": max_pixels // 1_000_000},
            "too_many_pixels",
        )
    if animated:
        refuse(
            _("Animated pictures are not accepted: export one frame as JPEG or PNG."),
            "animated",
        )
    return image


def _text(value):
    if isinstance(value, list):
        value = value[0] if value else b""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    elif isinstance(value, str):
        # Pillow reads EXIF text as Latin-1; most software writes UTF-8 there.
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("latin-1").decode("utf-8")
    return " ".join(str(value or "").replace("\x00", " ").split())[:500]


def read_metadata(image):
    """(caption, credit, copyright) from the file's IPTC, then EXIF, fields."""
    found = {"caption": "", "credit": "", "copyright": ""}
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, ValueError, IndexError):
        iptc = {}
    try:
        exif = image.getexif()
    except (OSError, SyntaxError, ValueError):
        exif = {}
    found["caption"] = _text(iptc.get(_IPTC_CAPTION)) or _text(exif.get(_EXIF_DESCRIPTION))
    credit = _text(iptc.get(_IPTC_CREDIT)) or _text(iptc.get(_IPTC_BYLINE))
    found["credit"] = credit or _text(exif.get(_EXIF_ARTIST))
    copyright_ = _text(iptc.get(_IPTC_COPYRIGHT)) or _text(iptc.get(_IPTC_SOURCE))
    found["copyright"] = copyright_ or _text(exif.get(_EXIF_COPYRIGHT))
    return found


def normalise_mode(image):
    """Pixels in a mode every browser and encoder handles: RGB, RGBA or L, 8 bits."""
    mode = image.mode
    if mode in ("RGB", "RGBA", "L"):
        return image
    if mode.startswith("I;16") or mode in ("I", "F"):
        # 16-bit and float greys: scale to 8 bits rather than clip everything to white.
        scale = 1 / 256 if mode != "F" else 255
        return image.convert("I").point(lambda value: value * scale).convert("L")
    if mode in ("P", "PA", "LA", "RGBa", "La") or "transparency" in image.info:
        return image.convert("RGBA")
    return image.convert("RGB")


def encode(image, fmt, *, icc_profile=None, quality=90):
    """Bytes of ``image`` in ``fmt`` with no metadata but an optional colour profile."""
    buffer = io.BytesIO()
    options = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if fmt == "JPEG":
        if image.mode != "RGB" and image.mode != "L":
            image = flatten(image)
        options.update(quality=quality, optimize=True, progressive=True)
    elif fmt == "WEBP":
        options.update(quality=quality, method=4)
    elif fmt == "PNG":
        options.update(optimize=image.width * image.height <= 4_000_000)
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def flatten(image):
    """An RGB copy of ``image``, transparent parts laid on white."""
    if image.mode in ("RGB", "L"):
        return image
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def clean_upload(file, *, max_bytes=None, max_pixels=None):
    """Check ``file`` and return it as a ``CleanPicture``, or raise ``ValidationError``.

    The returned bytes are a new encoding of the upright pixels in the detected
    format; nothing of the upload but its pixels (and an RGB colour profile) is kept.
    """
    data = read_upload(file, max_bytes=max_bytes)
    image = open_checked(data, max_pixels=max_pixels)
    fmt = image.format
    try:
        with warnings.catch_warnings():
            # Damaged metadata is dropped anyway: Pillow's complaints about it are noise.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            metadata = read_metadata(image)
            image.load()
            upright = ImageOps.exif_transpose(image)
        icc = image.info.get("icc_profile")
        pixels = normalise_mode(upright)
        # A CMYK or 16-bit profile describes pixels we no longer have.
        keep_icc = icc if pixels.mode == image.mode and pixels.mode in ("RGB", "RGBA") else None
        pixels.info = {}
        if fmt == "GIF" and pixels.mode == "RGBA" and pixels.getextrema()[3][0] == 255:
            pixels = pixels.convert("RGB")
        content = encode(pixels, fmt, icc_profile=keep_icc)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse(_("The picture is too large to decode safely."), "too_many_pixels")
    except (OSError, SyntaxError, ValueError, EOFError, IndexError):
        refuse(_("The picture is damaged or incomplete; please export it again."), "damaged")
    finally:
        image.close()
    return CleanPicture(
        content=content,
        format=fmt,
        width=pixels.width,
        height=pixels.height,
        sha256=hashlib.sha256(content).hexdigest(),
        **metadata,
    )
