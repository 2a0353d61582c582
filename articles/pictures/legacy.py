"""Moving the pictures of before the library (Article.lead_image, Leader.portrait) into it.

Used by data migrations only, with their historical models. Each old file is read
through the storage API, cleaned like a new upload (EXIF and the rest dropped,
random name) and rendered; the Picture keeps the old path so its old address can
redirect. Running it again moves only what is not moved yet. A file that is gone
or refused is reported and skipped: the article or leader then has no picture.
"""

import sys

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction

PORTRAIT_ALT = "Portrait de {name}"


def _picture(Picture, *, storage, path, alt_text, caption="", credit="", uploaded_by=None):
    from articles.pictures.cleaning import clean_upload
    from articles.pictures.services import store_clean_picture, title_from_name

    existing = Picture.objects.filter(legacy_path=path).first()
    if existing is not None:
        return existing
    try:
        with storage.open(path, "rb") as file:
            clean = clean_upload(file)
    except (OSError, ValidationError) as problem:
        sys.stderr.write(f"Picture {path} not moved into the library: {problem}\n")
        return None
    name, renditions = store_clean_picture(clean, storage=storage)
    return Picture.objects.create(
        file=name,
        title=title_from_name(path),
        alt_text=" ".join(alt_text.split())[:300] or "Photo",
        caption=caption or clean.caption,
        credit=credit or clean.credit,
        copyright=clean.copyright,
        width=clean.width,
        height=clean.height,
        sha256=clean.sha256,
        renditions=renditions,
        legacy_path=path,
        uploaded_by=uploaded_by,
    )


def move_into_library(apps, schema_editor, storage=None):
    storage = storage or default_storage
    Article = apps.get_model("articles", "Article")
    Leader = apps.get_model("articles", "Leader")
    Picture = apps.get_model("articles", "Picture")
    articles = Article.objects.exclude(lead_image="").filter(lead_picture__isnull=True)
    for article in articles.prefetch_related("authors"):
        authors = list(article.authors.all())
        picture = _picture(
            Picture,
            storage=storage,
            path=article.lead_image.name,
            alt_text=article.lead_image_alt or article.title,
            caption=article.lead_image_caption,
            credit=article.lead_image_credit,
            uploaded_by=authors[0] if authors else None,
        )
        if picture is not None:
            Article.objects.filter(pk=article.pk).update(lead_picture=picture)
    for leader in Leader.objects.exclude(portrait="").filter(portrait_picture__isnull=True):
        picture = _picture(
            Picture,
            storage=storage,
            path=leader.portrait.name,
            alt_text=PORTRAIT_ALT.format(name=leader.name),
        )
        if picture is not None:
            Leader.objects.filter(pk=leader.pk).update(portrait_picture=picture)


def back_to_files(apps, schema_editor):
    """The reverse: the old fields point at the cleaned originals again."""
    Article = apps.get_model("articles", "Article")
    Leader = apps.get_model("articles", "Leader")
    for article in Article.objects.filter(lead_picture__isnull=False).select_related(
        "lead_picture"
    ):
        picture = article.lead_picture
        Article.objects.filter(pk=article.pk).update(
            lead_image=picture.file.name,
            lead_image_width=picture.width,
            lead_image_height=picture.height,
            lead_image_alt=picture.alt_text,
            lead_image_caption=picture.caption,
            lead_image_credit=picture.credit,
        )
    for leader in Leader.objects.filter(portrait_picture__isnull=False).select_related(
        "portrait_picture"
    ):
        picture = leader.portrait_picture
        Leader.objects.filter(pk=leader.pk).update(
            portrait=picture.file.name, portrait_width=picture.width, portrait_height=picture.height
        )


def delete_moved_files(apps, schema_editor, storage=None):
    """Delete the old files once moved: they still hold their EXIF (GPS, names)."""
    storage = storage or default_storage
    Picture = apps.get_model("articles", "Picture")
    paths = list(Picture.objects.exclude(legacy_path="").values_list("legacy_path", flat=True))

    def delete():
        for path in paths:
            storage.delete(path)

    transaction.on_commit(delete)
