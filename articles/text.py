"""Text helpers shared by tags, slugs and matching: folding case and accents."""

import unicodedata

from anyascii import anyascii
from django import forms
from django.db import models
from django.utils.text import slugify


def _without_accents(text):
    # The one folding rule: case folded, compatibility forms decomposed, marks dropped.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text):
    """Case- and accent-insensitive key: "Corée" and "COREE" fold alike.

    Letters of scripts without combining accents (Cyrillic, Hangul) are kept.
    """
    return " ".join(unicodedata.normalize("NFC", _without_accents(text)).split())


_FOLDED_CHARS = {}


def fold_char(ch):
    """``fold``'s rule for one character ("É" → "e", a lone accent → ""), for matchers
    that map folded text back to the original. Hangul stays decomposed in jamo."""
    folded = _FOLDED_CHARS.get(ch)
    if folded is None:
        folded = _FOLDED_CHARS[ch] = _without_accents(ch)
    return folded


def folded_slug(text):
    """The one slug rule: ASCII, the same for names differing only in case or accents.

    "Xi Jinping reçoit Moon Jae-in à Pékin" → "xi-jinping-recoit-moon-jae-in-a-pekin";
    other scripts are transliterated ("Путин" → "putin"), so every address is plain ASCII
    whether the slug was typed, prepopulated by the admin, imported or loaded.
    """
    return slugify(anyascii(fold(text)))


class FoldedSlugFormField(forms.SlugField):
    """A slug box that folds what is typed ("reçoit" → "recoit") instead of refusing it."""

    def to_python(self, value):
        value = super().to_python(value)
        return folded_slug(value) if value else value


class FoldedSlugField(models.SlugField):
    """An ASCII slug (the admin prepopulates it in ASCII too); typed accents are folded."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FoldedSlugFormField, **kwargs})
