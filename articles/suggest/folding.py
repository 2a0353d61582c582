"""Text folding for the matcher: case, accents, apostrophes and hyphens, with an
offset map back to the original text so that every match keeps its place."""

import re

from articles.text import fold_char

APOSTROPHES = "'’‘ʼ`´"
HYPHENS = "-‐‑‒"
# Folded as the rest of the site folds (articles.text), plus one apostrophe and one hyphen.
_FOLD_CACHE = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")}


def fold_cached(ch):
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        folded = _FOLD_CACHE[ch] = fold_char(ch)
    return folded


class _Table(dict):
    """``str.translate`` table that folds each character the first time it is met."""

    def __missing__(self, code):
        ch = chr(code)
        folded = self[code] = " " if ch.isspace() else fold_cached(ch)
        return folded


_TABLE = _Table()
_SPACES = re.compile(" {2,}")


def fold_with_map(text):
    """Fold ``text`` and map each folded character back to its index in ``text``.

    Runs of white space become one space so that "Corée  du\\nNord" matches.
    """
    folded = text.translate(_TABLE)
    if len(folded) != len(text):
        # A character folded to none or several ("ß", "œ", a lone accent): one by one.
        return _fold_slowly(text)
    runs = list(_SPACES.finditer(folded))
    if not runs:
        return folded, list(range(len(text)))
    # Each run of spaces keeps its first, which stands for the whole run.
    positions, previous = [], 0
    for run in runs:
        positions.extend(range(previous, run.start() + 1))
        previous = run.end()
    positions.extend(range(previous, len(text)))
    return _SPACES.sub(" ", folded), positions


def _fold_slowly(text):
    out, positions = [], []
    space = False
    for index, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                positions.append(index)
            space = True
            continue
        space = False
        for c in fold_cached(ch):
            out.append(c)
            positions.append(index)
    return "".join(out), positions


def fold_key(text):
    return fold_with_map(text.strip())[0].strip()
