"""Finds the countries, leaders and tags a text names, in one pass.

Every form we know (CLDR names, capitals, demonyms, aliases, tag names) is
folded (case, accents, apostrophes) and put in one Aho-Corasick automaton, so
the time to read a text does not depend on how many forms there are. Each hit
is then checked where it stands: on word boundaries, with its capital letter
when the form needs one, and against the contexts that show it means something
else ("Chad Smith", "Guinea Street"); then against the whole article, which
tells whether "Turkey" first in a sentence is the bird and "Georgia" the US state.

``suggest(text, language, title=...)`` returns :class:`Suggestions`; the forms
come from :mod:`articles.suggest.knowledge`, which builds and caches the index;
``detect(index, ...)`` works on any index (tests, benchmark).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

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
# Before a first name or surname these make the next words a person's name: "M. Maurice".
HONORIFICS = frozenset(
    {"m", "mme", "mlle", "monsieur", "madame", "mr", "mrs", "ms", "mister", "dr", "prof"}
    | {"sr", "sra", "srta", "senor", "senora", "hr", "herr", "frau"}
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
    country: str | None = None  # a leader's country (ISO code): subject leader, subject country


class Case:
    FOLDED = "folded"
    CAPITAL = "capital"  # first letter must be a capital: "Turkey", "Chad"
    EXACT = "exact"  # every letter as written: "US", "RDC"


@dataclass(frozen=True)
class Sense:
    """Cues that, anywhere in an article, show a name means something other than the country."""

    other: re.Pattern  # folded cues of the other meaning: "atlanta", "north carolina"
    own: re.Pattern | None = None  # folded cues of the country: "caucasus"

    @classmethod
    def from_cues(cls, other, own=()):
        return cls(other=_cue_pattern(other), own=_cue_pattern(own) if own else None)


def _cue_pattern(cues):
    keys = sorted({fold_key(cue) for cue in cues}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


@dataclass(frozen=True)
class Form:
    text: str
    targets: tuple
    case: str = Case.FOLDED
    ambiguous: bool = False  # also a first name or a US state: check the neighbours
    reject: tuple = ()  # (before, after): folded words that show another meaning
    language_word: bool = False  # "en russe" is the language, not the country
    common_noun: bool = False  # in lower case a word of its own: "turkey", "china"
    sense: Sense | None = None  # the article's cues decide between the country and another

    @cached_property
    def key(self):
        return fold_key(self.text)

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
    in_title: bool = False
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


class Hit:
    """How sure a match is, before the rest of the article is read."""

    SURE = "sure"
    # A capital where every word has one (first word of a sentence, Title Case headline):
    # a common-noun form counts only if the article does not use the noun.
    UNSURE = "unsure"
    NOUN = "noun"  # the common noun itself, in lower case: not a match, but a cue


class Index:
    """The automaton for one language, built once from a list of forms."""

    def __init__(self, forms, *, language, street_before=(), street_after=(), given_names=()):
        self.language = language
        self.street_before = tuple(street_before)
        self.street_after = frozenset(street_after)
        self.given_names = frozenset(fold_key(name) for name in given_names)
        by_key = defaultdict(list)
        # The country targets by ISO code, for the countries of subject leaders.
        self.countries = {}
        for form in forms:
            key = fold_key(form.text)
            if key:
                by_key[key].append(form)
            for target in form.targets:
                if target.kind == COUNTRY:
                    self.countries.setdefault(target.key, target)
        self.size = len(by_key)
        self.automaton = ahocorasick.Automaton()
        for key, key_forms in by_key.items():
            self.automaton.add_word(key, (len(key), tuple(key_forms)))
        if by_key:
            self.automaton.make_automaton()

    def find(self, text):
        """Yield ``(start, end, form)`` for each accepted hit, ends exclusive, in ``text``.

        Each hit on its own: :func:`detect` also weighs what the whole article says.
        """
        for start, end, form, state in self.scan(text):
            if state != Hit.NOUN:
                yield start, end, form

    def scan(self, text, *, title=False, folded=None):
        """Yield ``(start, end, form, state)``, the state one of :class:`Hit`'s.

        ``folded``: ``fold_with_map(text)``, when the caller has it already.
        """
        if not self.size or not text:
            return
        capitals_everywhere = title and _title_case(text)
        folded, positions = folded or fold_with_map(text)
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
                if not self._accepts(form, text, start, end, folded, first, last + 1):
                    continue
                if text[start].islower():
                    state = Hit.NOUN if form.common_noun else Hit.SURE
                elif form.common_noun and (capitals_everywhere or _starts_sentence(text, start)):
                    state = Hit.UNSURE
                else:
                    state = Hit.SURE
                yield start, end, form, state

    def _accepts(self, form, text, start, end, folded, first, stop):
        span = text[start:end]
        # Letters of scripts without case (Hangul, Han) pass either test.
        if form.case == Case.EXACT:
            if any(c.islower() for c in span):
                return False
        elif form.case == Case.CAPITAL and span[:1].islower():
            return form.common_noun  # not a match, but the article uses the noun
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
            not_before, not_after = form.reject
            if any(before.endswith(f" {phrase} ") for phrase in not_before):
                return False
            if after_word in not_after:
                return False
        return not (form.ambiguous and self._in_a_name(text, start, end))

    def _in_a_name(self, text, start, end):
        """True when the match is part of a person's or place's name: "Chad Smith",
        "Michael Jordan", "M. Maurice", "Saint-Maurice", "Georgia-Pacific"."""
        following = re.match(r"(?: |[-‐‑])([^\W\d_])", text[end : end + 2])
        # German capitalises every noun, so a capital after the name says nothing there.
        if (
            following
            and following.group(1).isupper()
            and (text[end] != " " or self.language != "de")
        ):
            return True
        if start and text[start - 1] in HYPHENS:
            joined = re.search(r"([^\W\d_]+)[-‐‑]$", text[max(0, start - 40) : start])
            return bool(joined) and joined.group(1)[0].isupper()
        previous = re.search(r"(?:^|\s)([^\W\d_][\w'’.-]*) $", text[max(0, start - 60) : start])
        if not previous:
            return False
        word = previous.group(1)
        if fold_key(word.rstrip(".")) in HONORIFICS:
            return True
        if word.endswith(".") or not word[0].isupper():
            return False  # "… in Amman. Jordan said": the sentence ended
        if fold_key(word) in self.given_names:
            return True
        head = text[: start - len(word) - 1].rstrip()
        return bool(head) and not head.endswith(_SENTENCE_START)


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


def _starts_sentence(text, start):
    head = text[:start].rstrip(" \t")
    return not head or head.endswith("\n") or head.rstrip().endswith(_SENTENCE_START)


def _title_case(title):
    """ "Turkey Prices Soar Before Thanksgiving": most longer words capitalised."""
    words = [w for w in _WORD.findall(title)[1:] if len(w) > 3]
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


def _structure(text):
    """Where the first sentence and the first paragraph of ``text`` end."""
    stripped = len(text) - len(text.lstrip())
    paragraph = _PARAGRAPH_BREAK.search(text, stripped)
    lead_end = paragraph.start() if paragraph else len(text)
    return sentence_end(text, stripped, lead_end), lead_end


def detect(index, text, *, title=""):
    """Suggestions for ``text`` (plain, paragraphs split by blank lines) and its ``title``."""
    fields = []
    for name, content in (("title", title), ("text", text)):
        if content:
            folded = fold_with_map(content)
            scanned = list(index.scan(content, title=name == "title", folded=folded))
            fields.append((name, content, folded, scanned))
    stands = _read_as_a_whole(fields)
    found = {}
    for field_name, content, _folded, scanned in fields:
        sentence_end, lead_end = _structure(content) if field_name == "text" else (0, 0)
        hits = defaultdict(set)
        # A set: the same words can be several forms of one target (CLDR and data file).
        for start, end, form, state in scanned:
            if not stands(form, state):
                continue
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
                item.in_title |= field_name == "title"
                item.lead |= weight >= 2
                item.spans.append(
                    {"field": field_name, "start": start, "end": end, "text": content[start:end]}
                )
    by_kind = defaultdict(list)
    for item in found.values():
        by_kind[item.target.kind].append(item)
    # A headline that names someone or somewhere says where the story is; a place
    # named once in the first sentence besides is scenery. People named there are
    # the story's actors whatever the headline says.
    headline_named = any(item.in_title for item in found.values())
    for kind, items in by_kind.items():
        _mark_subjects(items, headline_named=headline_named and kind == COUNTRY)
    _add_leaders_countries(index, by_kind)
    for items in by_kind.values():
        items.sort(key=lambda s: (not s.subject, -s.score, s.target.name))
    return Suggestions(countries=by_kind[COUNTRY], leaders=by_kind[LEADER], tags=by_kind[TAG])


def _add_leaders_countries(index, by_kind):
    """A subject leader makes their country a subject (Modi → India)."""
    countries = {item.target.key: item for item in by_kind[COUNTRY]}
    for leader in by_kind[LEADER]:
        code = leader.target.country
        if not (leader.subject and code) or code not in index.countries:
            continue
        item = countries.get(code)
        if item is None:
            item = countries[code] = Suggestion(target=index.countries[code])
            by_kind[COUNTRY].append(item)
        item.subject = True


def _read_as_a_whole(fields):
    """Which hits stand once the whole article, headline and text, has been read.

    A capital that says nothing ("Turkey" first in a sentence) counts unless the
    article uses the common noun ("the turkey") and never the name mid-sentence.
    A form with two meanings ("Georgia") is dropped when the article has more cues
    for the other meaning (Atlanta, North Carolina) than for the country (Tbilisi).
    """
    hits = [(form, state) for *_field, scanned in fields for *_span, form, state in scanned]
    nouns = {form.key for form, state in hits if state == Hit.NOUN}
    names = {form.key for form, state in hits if state == Hit.SURE and form.common_noun}
    doubtful = nouns - names
    senses = defaultdict(set)
    for form, state in hits:
        if form.sense is not None and state != Hit.NOUN:
            senses[form.sense].update(form.targets)
    other_meaning = set()
    for sense, targets in senses.items():
        own = _count_cues(sense.own, fields) + sum(
            1
            for form, state in hits
            if state != Hit.NOUN and not form.ambiguous and targets & set(form.targets)
        )
        if _count_cues(sense.other, fields) > own:
            other_meaning.add(sense)

    def stands(form, state):
        if state == Hit.NOUN or (state == Hit.UNSURE and form.key in doubtful):
            return False
        return form.sense not in other_meaning

    return stands


def _count_cues(pattern, fields):
    """Cues are proper nouns: "Colorado" counts, the Spanish adjective "colorado" not."""
    if pattern is None:
        return 0
    return sum(
        1
        for _name, text, (folded, positions), _scanned in fields
        for match in pattern.finditer(folded)
        if text[positions[match.start()]].isupper()
    )


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


def _mark_subjects(items, *, headline_named=False):
    """A subject is named in the headline or first sentence, or named again and again.

    Passing mentions (once, or far less than the main subjects) are left for
    the editor to pick. With ``headline_named``, what the first sentence names
    only once is scenery ("arrived in Dakar, first stop of a tour that will take
    him to Ghana"), not a subject.
    """
    top = max(item.score for item in items)
    for item in items:
        prominent = item.in_title or (item.prominent and (not headline_named or item.count >= 2))
        item.subject = prominent or (item.count >= 2 and 2 * item.score >= top)


def suggest(text, language, *, title=""):
    """Countries, leaders and tags named in ``text`` and ``title``, scored."""
    # Imported here: the engine itself needs no models, the cached index does.
    from articles.suggest.knowledge import get_index

    return detect(get_index(language), text, title=title)
