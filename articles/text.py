"""Text helpers shared by tags, slugs and matching: folding case and accents."""

import unicodedata

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
    """A slug that is the same for names differing only in case or accents."""
    return slugify(fold(text), allow_unicode=True)
