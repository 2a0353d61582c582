"""Where sentences and the lead end, so that what copy names first weighs most."""

import re

_SENTENCE_END = re.compile(r"[.!?…](?:[»”\"')\]]*)\s+(?=[«“\"(]?\s*[^\W\d_])")
# A full stop after these is not the end of a sentence: "M. Poutine", "Dr. Kim".
ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sr",
        "sra",
        "srta",
        "hr",
        "fr",
        "prof",
        "gen",
        "col",
        # Titles before a name in English, Spanish and German copy: "Rep. Jim Jordan".
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "lt",
        "sgt",
        "capt",
        "adm",
        "pres",
        "gral",
        "dip",
        "lic",
        "dra",
        "ing",
        "abg",
        "bzw",
        "nr",
        "vs",
    ]
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
WORD = re.compile(r"[^\W_][\w'.-]*")
SENTENCE_START = tuple('.!?:;«“"(—–\n')


def starts_sentence(text, start):
    head = text[:start].rstrip(" \t")
    return not head or head.endswith("\n") or head.rstrip().endswith(SENTENCE_START)


def title_case(title):
    """ "Turkey Prices Soar Before Thanksgiving": most longer words capitalised."""
    words = [w for w in WORD.findall(title)[1:] if len(w) > 3]
    return bool(words) and 2 * sum(w[0].isupper() for w in words) > len(words)


def sentence_end(text, start=0, stop=None):
    """Index just past the first sentence of ``text[start:stop]`` (its end if none)."""
    stop = len(text) if stop is None else stop
    for match in _SENTENCE_END.finditer(text, start, stop):
        word = re.search(r"(\w+)\W*$", text[start : match.start() + 1])
        if word and (word.group(1).casefold() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        return match.end()
    return stop


def structure(text):
    """Where the first sentence and the first paragraph of ``text`` end."""
    stripped = len(text) - len(text.lstrip())
    paragraph = _PARAGRAPH_BREAK.search(text, stripped)
    lead_end = paragraph.start() if paragraph else len(text)
    return sentence_end(text, stripped, lead_end), lead_end
