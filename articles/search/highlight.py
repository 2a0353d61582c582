"""Snippets and highlighting, done in Python so both backends show the same thing."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.search.documents import search_fold

_WORD = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 240


def _matches(word, terms):
    folded = search_fold(word)
    for term in terms:
        if folded.startswith(term):
            return True
        # Word forms the index may have matched: "sommets" for "sommet" and back.
        if len(term) >= 5 and folded.startswith(term[:-2]) and len(folded) <= len(term) + 1:
            return True
    return False


def highlight(text, terms):
    """``text`` escaped, with words matching ``terms`` in <mark>."""
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
    first = next((m for m in _WORD.finditer(text) if _matches(m.group(), terms)), None)
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
