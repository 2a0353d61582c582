"""Renditions of a picture: responsive widths in WebP and JPEG, and shaped crops.

Renditions are made once, when a picture is saved, never on a reader's request.
Their names carry a digest of the picture's content and of the rendition's
recipe, so a file once written never changes and can be cached for a year; a new
picture, a new focal point or a new recipe gets new names.
"""

import hashlib
import io
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from articles.pictures.cleaning import encode, flatten, normalise_mode

# Widths for srcset: a phone at DPR 1 to a wide screen at DPR 2.
WIDTHS = (320, 480, 640, 800, 1024, 1280, 1600, 2048)
FORMATS = ("WEBP", "JPEG")
# Shapes that search engines and social cards ask for, cut around the focal point.
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
CROP_MAX_WIDTH = 1600
# Google asks for at least 50,000 pixels per article picture.
CROP_MIN_PIXELS = 50_000
QUALITY = {"WEBP": 80, "JPEG": 82}
EXTENSIONS = {"WEBP": "webp", "JPEG": "jpg"}
# Bump to give every rendition a new name when the recipe changes.
RECIPE = "1"


@dataclass(frozen=True)
class Rendition:
    """One file derived from a picture: ``shape`` is "w" for a plain width, else a ratio."""

    shape: str
    width: int
    height: int
    format: str
    name: str

    def as_dict(self):
        return asdict(self)


def crop_box(width, height, ratio, focal=(0.5, 0.5)):
    """The largest box of shape ``ratio`` in the picture, centred on ``focal`` if it can be."""
    w, h = CROPS[ratio]
    if width * h >= height * w:
        box_w, box_h = height * w // h, height
    else:
        box_w, box_h = width, width * h // w
    fx, fy = (min(max(float(value), 0.0), 1.0) for value in focal)
    left = min(max(round(fx * width - box_w / 2), 0), width - box_w)
    top = min(max(round(fy * height - box_h / 2), 0), height - box_h)
    return left, top, left + box_w, top + box_h


def crop_size(width, height, ratio):
    """(width, height) of the ``ratio`` crop as stored: the box, at most CROP_MAX_WIDTH."""
    left, top, right, bottom = crop_box(width, height, ratio)
    box_w, box_h = right - left, bottom - top
    if box_w > CROP_MAX_WIDTH:
        return CROP_MAX_WIDTH, box_h * CROP_MAX_WIDTH // box_w
    return box_w, box_h


def widths_for(width):
    """The srcset widths a picture ``width`` pixels wide gets: never wider than itself."""
    widths = [w for w in WIDTHS if w < width]
    widest = min(width, WIDTHS[-1])
    return widths if widths and widths[-1] == widest else [*widths, widest]


def crops_for(width, height):
    """The ratios whose crop is big enough to offer."""
    ratios = []
    for ratio in CROPS:
        crop_w, crop_h = crop_size(width, height, ratio)
        if crop_w * crop_h >= CROP_MIN_PIXELS:
            ratios.append(ratio)
    return ratios


def _name(prefix, sha256, focal, shape, width, fmt):
    recipe = f"{RECIPE}:{sha256}:{shape}:{width}:{fmt}"
    if shape != "w":
        # Only crops move with the focal point; widths keep their names (and files).
        recipe += f":{focal[0]:.3f}:{focal[1]:.3f}"
    digest = hashlib.sha256(recipe.encode()).hexdigest()[:16]
    return f"{prefix}/{sha256[:2]}/{sha256[:16]}/{shape}-{width}-{digest}.{EXTENSIONS[fmt]}"


def plan(*, width, height, sha256, focal=(0.5, 0.5), prefix="renditions"):
    """Every rendition a picture of this size gets, with its storage name; no file read."""
    planned = []
    for target in widths_for(width):
        target_h = max(1, round(height * target / width))
        for fmt in FORMATS:
            name = _name(prefix, sha256, focal, "w", target, fmt)
            planned.append(Rendition("w", target, target_h, fmt, name))
    for ratio in crops_for(width, height):
        crop_w, crop_h = crop_size(width, height, ratio)
        for fmt in FORMATS:
            name = _name(prefix, sha256, focal, ratio, crop_w, fmt)
            planned.append(Rendition(ratio, crop_w, crop_h, fmt, name))
    return planned


def _resized(image, size):
    if image.size == size:
        return image
    # reducing_gap lets Pillow shrink by whole factors first: much faster, same look.
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def render(image, rendition, focal=(0.5, 0.5)):
    """Bytes of ``rendition`` from the decoded, upright ``image``."""
    if rendition.shape == "w":
        out = _resized(image, (rendition.width, rendition.height))
    else:
        box = crop_box(image.width, image.height, rendition.shape, focal)
        out = _resized(image.crop(box), (rendition.width, rendition.height))
    if rendition.format == "JPEG":
        out = flatten(out)
    return encode(out, rendition.format, quality=QUALITY[rendition.format])


@contextmanager
def render_lock(key, *, timeout=300, wait=120):
    """One renderer per picture across processes (through the shared cache when it is Redis).

    A second caller waits for the first to finish, then finds the files written.
    """
    lock = f"picture-render:{key}"
    deadline = time.monotonic() + wait
    while not cache.add(lock, 1, timeout):
        if time.monotonic() > deadline:
            break  # a stuck holder: rendering twice is better than never
        time.sleep(0.05)
    try:
        yield
    finally:
        cache.delete(lock)


class _Memory:
    """Bytes of renditions rendered lately in this process, by name, up to
    ``settings.PICTURE_RENDER_MEMORY`` bytes (0, the default, keeps nothing).

    Names carry the content and recipe, so remembered bytes are always right. Tests
    turn it on for the demo, whose same photographs are loaded again and again.
    """

    def __init__(self):
        self.files = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, name):
        with self.lock:
            return self.files.get(name)

    def keep(self, name, data):
        limit = getattr(settings, "PICTURE_RENDER_MEMORY", 0)
        if not limit or len(data) > limit:
            return
        with self.lock:
            if name not in self.files:
                self.files[name] = data
                self.size += len(data)
            while self.size > limit:
                _name, dropped = self.files.popitem(last=False)
                self.size -= len(dropped)


memory = _Memory()


def ensure_renditions(*, source, width, height, sha256, focal=(0.5, 0.5), storage=None):
    """Write the missing renditions of a picture; return the whole plan.

    ``source`` is a callable returning a readable binary file of the stored picture,
    called only if something is missing, so a second save of the same picture opens
    nothing. The picture is decoded once for all renditions.
    """
    storage = storage or default_storage
    planned = plan(width=width, height=height, sha256=sha256, focal=focal)
    with render_lock(sha256):
        missing = []
        for rendition in planned:
            if storage.exists(rendition.name):
                continue
            remembered = memory.get(rendition.name) if memory.files else None
            if remembered is not None:
                storage.save(rendition.name, ContentFile(remembered))
            else:
                missing.append(rendition)
        if not missing:
            return planned
        with source() as file, Image.open(file) as opened:
            image = normalise_mode(ImageOps.exif_transpose(opened))
            image.load()
            # Widest first: each smaller size is resized from the picture once, in turn.
            for rendition in sorted(missing, key=lambda r: -r.width):
                data = render(image, rendition, focal)
                storage.save(rendition.name, ContentFile(data))
                memory.keep(rendition.name, data)
    return planned


def size_of(data):
    """(width, height) of encoded picture bytes, reading the header only."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size
