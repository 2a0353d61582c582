"""Serving renditions: ``/pictures/<pk>/<name>``, read through the storage API only.

Nothing is decoded or rendered here; the files were written when the picture was
saved. A public picture's renditions are cached for a year (their names change
with their content). A picture no reader may see yet is served, uncached, to the
staff who may see it, and is a plain 404 for everyone else.
"""

import logging
import posixpath
import re

from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe

from articles.models import Picture
from articles.pictures import access

logger = logging.getLogger(__name__)

MAX_ID = 2**63 - 1  # beyond a bigint the database would raise instead of finding nothing
PUBLIC = "public, max-age=31536000, immutable"
PRIVATE = "private, no-store"
CONTENT_TYPES = {"WEBP": "image/webp", "JPEG": "image/jpeg"}
_NAME = re.compile(r"^(?P<shape>w|16x9|4x3|1x1)-(?P<width>[0-9]+)-[0-9a-f]{16}\.(?P<ext>webp|jpg)$")


def _picture(pk):
    if pk > MAX_ID:
        raise Http404
    picture = Picture.objects.filter(pk=pk).only("pk", "file", "renditions", "uploaded_by").first()
    if picture is None:
        raise Http404
    return picture


def _successor(picture, name):
    """The current rendition standing for a stale ``name`` (a crop before the focal
    point moved, a recipe before a change), or None."""
    match = _NAME.match(name)
    if match is None:
        return None
    shape, ext = match["shape"], match["ext"]
    fmt = "WEBP" if ext == "webp" else "JPEG"
    if shape != "w":
        return picture.crop(shape, fmt)
    width = int(match["width"])
    return next((r for r in picture.widths(fmt) if r["width"] == width), None)


def rendition_response(picture, rendition, *, public):
    storage = picture.file.storage
    try:
        file = storage.open(rendition["name"], "rb")
    except OSError:
        # Listed but not in storage: `manage.py render_pictures` writes it again.
        logger.warning("Rendition missing from storage: %s", rendition["name"])
        raise Http404 from None
    response = FileResponse(file, content_type=CONTENT_TYPES[rendition["format"]])
    response.headers["Cache-Control"] = PUBLIC if public else PRIVATE
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = (
        f'inline; filename="{posixpath.basename(rendition["name"])}"'
    )
    return response


def serve(request, picture, name, *, public, redirect_to):
    rendition = picture.rendition_named(name)
    if rendition is None:
        successor = _successor(picture, name)
        if successor is None:
            raise Http404
        response = HttpResponsePermanentRedirect(redirect_to(successor))
        response.headers["Cache-Control"] = "public, max-age=3600" if public else PRIVATE
        return response
    return rendition_response(picture, rendition, public=public)


@require_safe
def serve_picture(request, pk, name):
    picture = _picture(pk)
    public = Picture.objects.is_public(pk)
    if not public and not access.can_see(request.user, picture):
        raise Http404
    return serve(request, picture, name, public=public, redirect_to=picture.rendition_url)
