"""Finds the countries, leaders and tags a text names, in one pass.

Every form we know (CLDR names, capitals, demonyms, aliases, tag names) is
folded (case, accents, apostrophes) and put in one Aho-Corasick automaton, so
the time to read a text does not depend on how many forms there are. Each hit
is then checked where it stands: on word boundaries, with its capital letter
when the form needs one, and against the contexts that show it means something
else ("Chad Smith", "Guinea Street", "Atlanta, Georgia").

``suggest(text, language, title=...)`` returns :class:`Suggestions`; the forms
come from :mod:`articles.suggest.knowledge`, which builds and caches the index;
``detect(index, ...)`` works on any index (tests, benchmark).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from articles.text import fold_char

COUNTRY, LEADER, TAG = "country", "leader", "tag"
KINDS = (COUNTRY, LEADER, TAG)

APOSTROPHES = "'’‘ʼ`´"
HYPHENS = "-‐‑‒"
# Scripts written without spaces between words: their forms match anywhere.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
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
    ]
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W_][\w'.-]*")
_SENTENCE_START = tuple('.!?:;«“"(—–\n')

# Folded as the rest of the site folds (articles.text), plus one apostrophe and one hyphen.
_FOLD_CACHE = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")}


def _fold_char(ch):
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
        for c in _fold_char(ch):
            out.append(c)
            positions.append(index)
    return "".join(out), positions


def fold_key(text):
    return fold_with_map(text.strip())[0].strip()


@dataclass(frozen=True)
class Target:
    """What a form points to: a country (key: ISO code), leader (slug) or tag (name)."""

    kind: str
    id: int
    key: str
    name: str


class Case:
    FOLDED = "folded"
    CAPITAL = "capital"  # first letter must be a capital: "Turkey", "Chad"
    EXACT = "exact"  # every letter as written: "US", "RDC"


@dataclass(frozen=True)
class Form:
    text: str
    targets: tuple
    case: str = Case.FOLDED
    ambiguous: bool = False  # also a first name or a US state: check the neighbours
    reject: tuple = ()  # (before, after, near) folded word lists
    language_word: bool = False  # "en russe" is the language, not the country

    @property
    def combining(self):
        return self.text.endswith("-")


@dataclass
class Suggestion:
    target: Target
    score: int = 0
    count: int = 0
    subject: bool = False
    prominent: bool = False
    lead: bool = False
    spans: list = field(default_factory=list)

    @property
    def matched(self):
        seen = []
        for span in self.spans:
            if span["text"] not in seen:
                seen.append(span["text"])
        return seen

    def as_dict(self):
        return {
            "id": self.target.id,
            "key": self.target.key,
            "name": self.target.name,
            "score": self.score,
            "count": self.count,
            "subject": self.subject,
            "matched": self.matched,
            "spans": self.spans,
        }


@dataclass
class Suggestions:
    countries: list
    leaders: list
    tags: list

    def by_kind(self):
        return {"countries": self.countries, "leaders": self.leaders, "tags": self.tags}

    def as_dict(self):
        return {name: [s.as_dict() for s in items] for name, items in self.by_kind().items()}


class Index:
    """The automaton for one language, built once from a list of forms."""

    def __init__(self, forms, *, language, street_before=(), street_after=()):
        self.language = language
        self.street_before = tuple(street_before)
        self.street_after = frozenset(street_after)
        by_key = defaultdict(list)
        for form in forms:
            key = fold_key(form.text)
            if key:
                by_key[key].append(form)
        self.size = len(by_key)
        self.automaton = ahocorasick.Automaton()
        for key, key_forms in by_key.items():
            self.automaton.add_word(key, (len(key), tuple(key_forms)))
        if by_key:
            self.automaton.make_automaton()

    def find(self, text):
        """Yield ``(start, end, form)`` for each accepted hit, ends exclusive, in ``text``."""
        if not self.size or not text:
            return
        folded, positions = fold_with_map(text)
        length = len(folded)
        for last, (size, forms) in self.automaton.iter(folded):
            first = last - size + 1
            unspaced = _UNSPACED.search(folded[first])
            if not unspaced and first > 0 and folded[first - 1].isalnum():
                continue
            start, end = positions[first], positions[last] + 1
            for form in forms:
                if form.combining:
                    if last + 1 >= length or not folded[last + 1].isalpha():
                        continue
                elif not unspaced and last + 1 < length and folded[last + 1].isalnum():
                    continue
                if self._accepts(form, text, start, end, folded, first, last + 1):
                    yield start, end, form

    def _accepts(self, form, text, start, end, folded, first, stop):
        span = text[start:end]
        # Letters of scripts without case (Hangul, Han) pass either test.
        if form.case == Case.EXACT:
            if any(c.islower() for c in span):
                return False
        elif form.case == Case.CAPITAL and span[:1].islower():
            return False
        if span[:1].islower() and _adds_accents(span, form.text):
            return False
        # "l'État de Géorgie": an elided article counts as a word of its own.
        before = " " + folded[max(0, first - 40) : first].replace("'", " ").rstrip() + " "
        after_word = _next_word(folded, stop)
        is_country = any(t.kind == COUNTRY for t in form.targets)
        if is_country and (
            any(before.endswith(f" {word} ") for word in self.street_before)
            or after_word in self.street_after
        ):
            return False
        if form.language_word and self.language in ("fr", "es") and before.endswith(" en "):
            return False
        if form.reject:
            not_before, not_after, not_near = form.reject
            if any(before.endswith(f" {phrase} ") for phrase in not_before):
                return False
            if after_word in not_after:
                return False
            window = folded[max(0, first - 80) : stop + 80]
            if not_near and set(_WORD.findall(window)) & not_near:
                return False
        return not (form.ambiguous and _next_to_a_name(text, start, end, self.language))


def _adds_accents(span, form):
    """ "chiné" is a word of its own, not "Chine" in lower case: folding drops only
    accents the copy left out, not accents the copy has and the name has not."""
    span, form = span.casefold(), form.casefold()
    if len(span) != len(form):
        return False
    return any(
        a != b and _fold_char(a) != a and _fold_char(b) == b
        for a, b in zip(span, form, strict=True)
    )


def _next_word(folded, stop):
    match = _WORD.match(folded, stop + 1) if folded[stop : stop + 1] == " " else None
    return match.group().rstrip(".") if match else ""


def _next_to_a_name(text, start, end, language):
    """True when a capitalised word touches the match: "Chad Smith", "Michael Jordan"."""
    following = re.match(r" ([^\W\d_])", text[end : end + 2])
    # German capitalises every noun, so a capital after the name says nothing there.
    if following and following.group(1).isupper() and language != "de":
        return True
    previous = re.search(r"(?:^|\s)([^\W\d_][\w'’-]*) $", text[max(0, start - 60) : start])
    if not previous or not previous.group(1)[0].isupper():
        return False
    head = text[: start - len(previous.group(1)) - 1].rstrip()
    return bool(head) and not head.endswith(_SENTENCE_START)


def sentence_end(text, start=0, stop=None):
    """Index just past the first sentence of ``text[start:stop]`` (its end if none)."""
    stop = len(text) if stop is None else stop
    for match in _SENTENCE_END.finditer(text, start, stop):
        word = re.search(r"(\w+)\W*$", text[start : match.start() + 1])
        if word and (word.group(1).casefold() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        return match.end()
    return stop


def _structure(text):
    """Where the first sentence and the first paragraph of ``text`` end."""
    stripped = len(text) - len(text.lstrip())
    paragraph = _PARAGRAPH_BREAK.search(text, stripped)
    lead_end = paragraph.start() if paragraph else len(text)
    return sentence_end(text, stripped, lead_end), lead_end


def detect(index, text, *, title=""):
    """Suggestions for ``text`` (plain, paragraphs split by blank lines) and its ``title``."""
    found = {}
    for field_name, content in (("title", title), ("text", text)):
        if not content:
            continue
        sentence_end, lead_end = _structure(content) if field_name == "text" else (0, 0)
        hits = defaultdict(set)
        # A set: the same words can be several forms of one target (CLDR and data file).
        for start, end, form in index.find(content):
            for target in form.targets:
                hits[target.kind].add((start, end, target))
        for kind_hits in hits.values():
            for start, end, target in _longest_first(kind_hits):
                if field_name == "title" or start < sentence_end:
                    weight, prominent = 3, True
                elif start < lead_end:
                    weight, prominent = 2, False
                else:
                    weight, prominent = 1, False
                item = found.setdefault(target, Suggestion(target=target))
                item.score += weight
                item.count += 1
                item.prominent |= prominent
                item.lead |= weight >= 2
                item.spans.append(
                    {"field": field_name, "start": start, "end": end, "text": content[start:end]}
                )
    by_kind = defaultdict(list)
    for item in found.values():
        by_kind[item.target.kind].append(item)
    for items in by_kind.values():
        _mark_subjects(items)
        items.sort(key=lambda s: (not s.subject, -s.score, s.target.name))
    return Suggestions(countries=by_kind[COUNTRY], leaders=by_kind[LEADER], tags=by_kind[TAG])


def _longest_first(hits):
    """Drop hits inside a longer one of the same kind ("Corée du Sud" over "Corée").

    Several targets on the very same span all stay ("les deux Corées").
    """
    kept, reach, chosen = [], -1, None
    for start, end, target in sorted(hits, key=lambda h: (h[0], h[0] - h[1], h[2].id)):
        if (start, end) == chosen:
            kept.append((start, end, target))
        elif start >= reach:
            kept.append((start, end, target))
            chosen, reach = (start, end), end
    return kept


def _mark_subjects(items):
    """A subject is named in the headline or first sentence, or named again and again.

    Passing mentions (once, or far less than the main subjects) are left for
    the editor to pick.
    """
    top = max(item.score for item in items)
    for item in items:
        item.subject = item.prominent or (item.count >= 2 and 2 * item.score >= top)


def suggest(text, language, *, title=""):
    """Countries, leaders and tags named in ``text`` and ``title``, scored."""
    # Imported here: the engine itself needs no models, the cached index does.
    from articles.suggest.knowledge import get_index

    return detect(get_index(language), text, title=title)
