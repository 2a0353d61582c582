"""Snippets and highlighting, done in Python so both backends show the same thing."""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.search.documents import LIGATURES, search_fold

_WORD = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 240


# A page's snippets read thousands of words, mostly the same few hundred:
# folding each (Unicode normalisation) cost more than the rest of the page.
@lru_cache(maxsize=100_000)
def _matches(word, terms):
    """Whether ``word`` is one of ``terms`` (a tuple of folded words), or a form of one."""
    folded = search_fold(word)
    for term in terms:
        if folded.startswith(term):
            return True
        # Word forms the index may have matched: "sommets" for "sommet" and back.
        if len(term) >= 5 and folded.startswith(term[:-2]) and len(folded) <= len(term) + 1:
            return True
    return False


# The combining marks of Latin, Greek and Cyrillic letters: enough to fold
# the words an ASCII term can match.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _may_match(text, terms):
    """False if no word of ``text`` can match ``terms``, found by folding ``text``
    at once (C speed): a body that matched by its headline is not read word by word.

    Terms are folded words, mostly ASCII; others are looked for word by word.
    """
    if not all(term.isascii() for term in terms):
        return True
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold())).translate(LIGATURES)
    return any((term[:-2] if len(term) >= 5 else term) in folded for term in terms)


def highlight(text, terms):
    """``text`` escaped, with words matching ``terms`` in <mark>."""
    terms = tuple(terms)
    out, last = [], 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece is escaped above)


def snippet(text, terms, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around the first matching word, highlighted."""
    terms = tuple(terms)
    words = _WORD.finditer(text) if _may_match(text, terms) else ()
    first = next((m for m in words if _matches(m.group(), terms)), None)
    start = 0 if first is None else max(0, first.start() - length // 3)
    if start:
        # Start on a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = highlight(text[start:end], terms)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{piece}{suffix}")  # noqa: S308
