"""Text helpers shared by tags, slugs and matching: folding case and accents."""

import unicodedata

from django.utils.text import slugify


def fold(text):
    """Case- and accent-insensitive key: "Corée" and "COREE" fold alike.

    Letters of scripts without combining accents (Cyrillic, Hangul) are kept.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).split())


def folded_slug(text):
    """A slug that is the same for names differing only in case or accents."""
    return slugify(fold(text), allow_unicode=True)
