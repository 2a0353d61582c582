"""Text folding for the matcher: case, accents, apostrophes and hyphens, with an
offset map back to the original text so that every match keeps its place."""

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


def fold_with_map(text):
    """Fold ``text`` and map each folded character back to its index in ``text``.

    Runs of white space become one space so that "Corée  du\\nNord" matches.
    """
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
