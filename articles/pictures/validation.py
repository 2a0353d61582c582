"""Validation of uploaded pictures: only real, complete, reasonably sized images."""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def is_stored(file):
    """True for a model's file that is already in storage, not a new upload."""
    return isinstance(file, FieldFile) and file._committed


def validate_image_file(file):
    """Refuse anything that is not a whole JPEG, PNG, WebP or GIF of sane size.

    Pillow only reads headers on open, so the pixels are decoded too: a
    truncated file fails here rather than when a reader's page renders it.

    Only a new upload is checked. A file already in storage passed this check when
    it was uploaded; reading it again would cost a download and a decode on every
    save, and the file Django opened for its dimensions may be closed by now.
    """
    if file is None or is_stored(file):
        return
    if getattr(file, "size", 0) and file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        raise ValidationError(
            _("The picture is too large (%(size)d MB); the limit is %(limit)d MB.")
            % {
                "size": file.size // (1024 * 1024),
                "limit": settings.MAX_IMAGE_UPLOAD_BYTES // (1024 * 1024),
            },
            code="too_large",
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                if image.format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("Pictures must be JPEG, PNG, WebP or GIF, not %(format)s.")
                        % {"format": image.format},
                        code="format",
                    )
                width, height = image.size
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _(
                            "The picture is %(width)d × %(height)d pixels; the limit is "
                            "%(limit)d megapixels."
                        )
                        % {
                            "width": width,
                            "height": height,
                            "limit": settings.MAX_IMAGE_PIXELS // 1_000_000,
                        },
                        code="too_many_pixels",
                    )
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The picture is too large to decode safely."), code="too_many_pixels"
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            _("This file is not a picture Newsroom can read (JPEG, PNG, WebP or GIF)."),
            code="not_image",
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The picture is damaged or incomplete; please export it again."),
            code="damaged",
        ) from None
    finally:
        if position is not None:
            file.seek(position)


class SafeImageFormField(forms.ImageField):
    """Django's image field, but reporting why a file is refused."""

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        validate_image_file(file)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def deconstruct(self):
        # Only the form field differs; the column is a plain ImageField's.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
