"""The validator of the image fields of before the picture library.

Only migration 0001 names it (through ``articles.images``); the fields are gone
since 0015. A new upload is checked by the one upload check there is,
``cleaning.clean_upload``; a file already in storage is not read again.
"""

from django.db.models.fields.files import FieldFile

from articles.pictures.cleaning import clean_upload


def is_stored(file):
    """True for a model's file that is already in storage, not a new upload."""
    return isinstance(file, FieldFile) and file._committed


def validate_image_file(file):
    if file is None or is_stored(file):
        return
    position = file.tell() if hasattr(file, "tell") else None
    try:
        clean_upload(file)
    finally:
        if position is not None:
            file.seek(position)
