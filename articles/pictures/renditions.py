"""Cropped renditions of lead pictures (16:9, 4:3, 1:1) for structured data and sharing.

Search engines show an article's picture in several shapes; we hand them crops
of the right shape rather than let them cut heads off. A crop is offered only
when the picture is big enough for it, generated with Pillow on first request,
kept in storage, and served only while its article is published.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from PIL import Image, ImageOps

from articles.models import Article, storable_id

RATIOS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
# Google asks for at least 50,000 pixels per article image.
MIN_PIXELS = 50_000
MAX_WIDTH = 1600


def crop_size(width, height, ratio):
    """The largest (width, height) of shape ``ratio`` that fits in the picture."""
    w, h = RATIOS[ratio]
    if width * h >= height * w:
        return height * w // h, height
    return width, width * h // w


def output_size(width, height, ratio):
    crop_w, crop_h = crop_size(width, height, ratio)
    if crop_w > MAX_WIDTH:
        crop_h = crop_h * MAX_WIDTH // crop_w
        crop_w = MAX_WIDTH
    return crop_w, crop_h


def _digest(article):
    return hashlib.sha256(article.lead_image.name.encode()).hexdigest()[:12]


def available(article):
    """[(ratio, width, height)] of the crops this article's picture allows.

    Uses the stored dimensions only: no file is opened to build a page.
    """
    if not (article.lead_image and article.lead_image_width and article.lead_image_height):
        return []
    sizes = []
    for ratio in RATIOS:
        width, height = output_size(article.lead_image_width, article.lead_image_height, ratio)
        if width * height >= MIN_PIXELS:
            sizes.append((ratio, width, height))
    return sizes


def rendition_url(article, ratio):
    # The picture's digest is in the name: a new picture gets new addresses.
    return reverse(
        "articles:rendition",
        kwargs={"pk": article.pk, "name": f"{ratio}-{_digest(article)}"},
    )


def _storage_path(article, ratio):
    return f"renditions/{article.pk}/{ratio}-{_digest(article)}.jpg"


def _render(article, ratio):
    with article.lead_image.open("rb") as source, Image.open(source) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L"):
            # JPEG has no transparency: lay the picture on white.
            background = Image.new("RGB", image.size, "white")
            background.paste(image.convert("RGBA"), mask=image.convert("RGBA").split()[-1])
            image = background
        crop = ImageOps.fit(
            image.convert("RGB"),
            output_size(*image.size, ratio),
            method=Image.Resampling.LANCZOS,
            centering=(0.5, 0.4),  # faces tend to sit above the middle
        )
        buffer = io.BytesIO()
        crop.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def ensure_rendition(article, ratio):
    path = _storage_path(article, ratio)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(_render(article, ratio)))
    return path


def serve_rendition(request, pk, name):
    ratio, _sep, digest = name.partition("-")
    if not storable_id(pk):
        raise Http404
    article = get_object_or_404(Article.objects.published(), pk=pk)
    if ratio not in {r for r, _w, _h in available(article)} or digest != _digest(article):
        raise Http404
    try:
        path = ensure_rendition(article, ratio)
    except OSError:
        raise Http404 from None
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/jpeg")
    response.headers["Cache-Control"] = "public, max-age=86400"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
