"""Writing pictures: every way a picture enters or changes the library goes through here.

An upload is cleaned (``cleaning.clean_upload``) before anything is written; then
the cleaned original and every rendition are written through the storage API,
before the row is saved, so a reader's request only ever finds finished files.
Rendering happens in the saving request (a 4000 × 3000 photograph takes a few
seconds, see bench/pictures.py): an editor waits once, no reader ever does, and
there is no worker to run. ``manage.py render_pictures`` backfills what is missing.
"""

import io
import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Picture
from articles.models.pictures import picture_upload_to
from articles.pictures import rendering
from articles.pictures.cleaning import CleanPicture, clean_upload

TITLE_LENGTH = Picture._meta.get_field("title").max_length


def render_records(*, source, width, height, sha256, focal, storage):
    """Write the missing renditions; return them as the ``Picture.renditions`` list."""
    planned = rendering.ensure_renditions(
        source=source, width=width, height=height, sha256=sha256, focal=focal, storage=storage
    )
    return [{**r.as_dict(), "bytes": storage.size(r.name)} for r in planned]


def store_clean_picture(clean, *, focal=(0.5, 0.5), storage):
    """Write ``clean`` under a new random name and render it; return (name, renditions).

    Knows nothing of models, so the data migration that filled the library uses it too.
    """
    name = storage.save(
        picture_upload_to(None, f"picture.{clean.extension}"), ContentFile(clean.content)
    )
    try:
        records = render_records(
            source=lambda: io.BytesIO(clean.content),
            width=clean.width,
            height=clean.height,
            sha256=clean.sha256,
            focal=focal,
            storage=storage,
        )
    except Exception:
        storage.delete(name)
        raise
    return name, records


def title_from_name(name):
    """A library title from an uploaded file's name: "port_de_nuit.jpg" → "port de nuit"."""
    stem = posixpath.basename(str(name or "").replace("\\", "/")).rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split())[:TITLE_LENGTH]


def _cleaned(file, cleaned):
    if cleaned is not None:
        return cleaned
    if isinstance(file, CleanPicture):
        return file
    try:
        return clean_upload(file)
    except ValidationError as refusal:
        raise ValidationError({"file": refusal.error_list}) from None


def create_picture(*, file, alt_text, uploaded_by=None, cleaned=None, **fields):
    """A new library picture from an upload (or an upload a form already cleaned)."""
    picture = Picture(alt_text=alt_text, uploaded_by=uploaded_by, **fields)
    return save_picture(picture=picture, file=file, cleaned=cleaned)


def save_picture(*, picture, file=None, cleaned=None, **changes):
    """Save ``picture`` with ``changes``; a ``file`` replaces its picture.

    Refusals (a bad file, missing alt text) raise ``ValidationError`` before
    anything is written. Caption, credit and copyright left empty are filled
    from the file's metadata, read before it was stripped.
    """
    for name, value in changes.items():
        setattr(picture, name, value)
    previous = _stored_state(picture)
    clean = _cleaned(file, cleaned) if (file is not None or cleaned is not None) else None
    if clean is not None:
        picture.caption = picture.caption or clean.caption
        picture.credit = picture.credit or clean.credit
        picture.copyright = picture.copyright or clean.copyright
        picture.width, picture.height, picture.sha256 = clean.width, clean.height, clean.sha256
        picture.title = picture.title or title_from_name(getattr(file, "name", ""))
    elif not picture.file:
        raise ValidationError({"file": _("Choose a picture file.")})
    if not picture.title:
        picture.title = (picture.caption or picture.alt_text)[:TITLE_LENGTH]
    picture.full_clean(exclude=["file"] if clean is not None else None)

    storage = picture.file.storage
    written = None
    if clean is not None:
        written, picture.renditions = store_clean_picture(
            clean, focal=picture.focal, storage=storage
        )
        picture.file.name = written
    elif previous is None or previous["focal"] != picture.focal or not picture.renditions:
        picture.renditions = _render_stored(picture, storage)
    try:
        with transaction.atomic():
            picture.save()
    except Exception:
        if written:
            _delete_files(storage, [written], picture.renditions, picture.sha256, picture.pk)
        raise
    if previous is not None:
        stale_file = [previous["file"]] if previous["file"] != picture.file.name else []
        current = {r["name"] for r in picture.renditions}
        stale = [r for r in previous["renditions"] if r["name"] not in current]
        if stale_file or stale:
            transaction.on_commit(
                lambda: _delete_files(
                    storage, stale_file, stale, previous["sha256"], exclude_pk=None
                )
            )
    return picture


def _stored_state(picture):
    if picture.pk is None:
        return None
    row = Picture.objects.filter(pk=picture.pk).values(
        "file", "focal_x", "focal_y", "renditions", "sha256"
    )
    row = row.first()
    if row is None:
        return None
    row["focal"] = (row["focal_x"], row["focal_y"])
    return row


def _delete_files(storage, originals, renditions, sha256, exclude_pk):
    """Delete ``originals`` and the ``renditions`` no other picture of the same content uses."""
    others = Picture.objects.filter(sha256=sha256)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    used = {
        r["name"]
        for renditions_ in others.values_list("renditions", flat=True)
        for r in renditions_
    }
    for name in [*originals, *(r["name"] for r in renditions if r["name"] not in used)]:
        storage.delete(name)


def uses(picture):
    """What ``picture`` illustrates: articles (lead or body) and leaders."""
    return {
        "lead_of": list(picture.lead_of.all()),
        "in_bodies": list(picture.in_bodies.all()),
        "portrait_of": list(picture.portrait_of.all()),
    }


@transaction.atomic
def delete_picture(*, picture):
    """Delete an unused picture and, once committed, its files."""
    if any(uses(picture).values()):
        raise ValidationError(
            _("This picture is in use; take it off its articles and leaders first."),
            code="in_use",
        )
    storage, name, renditions = picture.file.storage, picture.file.name, picture.renditions
    sha256, pk = picture.sha256, picture.pk
    picture.delete()
    transaction.on_commit(lambda: _delete_files(storage, [name], renditions, sha256, pk))


def render_missing(*, picture):
    """Write the renditions ``picture`` lacks (after a recipe change or a lost file) and
    list them on it. Returns how many files were missing."""
    storage = picture.file.storage
    planned = rendering.plan(
        width=picture.width, height=picture.height, sha256=picture.sha256, focal=picture.focal
    )
    missing = [r for r in planned if not storage.exists(r.name)]
    if not missing and [r["name"] for r in picture.renditions] == [r.name for r in planned]:
        return 0
    records = _render_stored(picture, storage)
    Picture.objects.filter(pk=picture.pk).update(renditions=records)
    picture.renditions = records
    return len(missing)


def shares_renditions(picture):
    """Does another picture of the same content use ``picture``'s renditions?"""
    return Picture.objects.filter(sha256=picture.sha256).exclude(pk=picture.pk).exists()


def discard_files(picture, *, keep_renditions):
    """Delete the files of a picture whose row did not reach the database (its
    transaction rolled back), without asking the database."""
    storage = picture.file.storage
    names = [picture.file.name]
    if not keep_renditions:
        names += [r["name"] for r in picture.renditions]
    for name in names:
        storage.delete(name)


def _render_stored(picture, storage):
    """Renditions made again from the picture's stored (already cleaned) original."""
    return render_records(
        source=lambda: storage.open(picture.file.name, "rb"),
        width=picture.width,
        height=picture.height,
        sha256=picture.sha256,
        focal=picture.focal,
        storage=storage,
    )
