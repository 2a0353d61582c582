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

import datetime
import re
from collections import defaultdict

import ahocorasick

from articles.suggest.folding import HYPHENS, fold_cached, fold_key, fold_with_map
from articles.suggest.forms import (
    COUNTRY,
    KINDS,
    LEADER,
    TAG,
    Case,
    Form,
    Hit,
    Sense,
    Suggestion,
    Suggestions,
    Target,
)
from articles.suggest.sentences import (
    ABBREVIATIONS,
    SENTENCE_START,
    WORD,
    sentence_end,
    starts_sentence,
    structure,
    title_case,
)
from articles.suggest.subjects import (
    add_leaders_countries,
    aside,
    longest_first,
    mark_subjects,
    read_as_a_whole,
)
from articles.suggest.titles import Offices, references

# Scripts written without spaces between words: their forms match anywhere.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Before a first name or surname these make the next words a person's name: "M. Maurice".
HONORIFICS = frozenset(
    {"m", "mme", "mlle", "monsieur", "madame", "mr", "mrs", "ms", "mister", "dr", "prof"}
    | {"sr", "sra", "srta", "senor", "senora", "hr", "herr", "frau"}
)

__all__ = [
    "COUNTRY",
    "KINDS",
    "LEADER",
    "TAG",
    "Case",
    "Form",
    "Hit",
    "Index",
    "Sense",
    "Suggestion",
    "Suggestions",
    "Target",
    "detect",
    "fold_key",
    "fold_with_map",
    "sentence_end",
    "suggest",
]


class Index:
    """The automaton for one language, built once from a list of forms."""

    def __init__(
        self,
        forms,
        *,
        language,
        street_before=(),
        street_after=(),
        given_names=(),
        offices=None,
    ):
        self.language = language
        # Who held which office when: "le président russe" is the holder on the article's date.
        self.offices = offices if offices is not None else Offices()
        self.street_before = tuple(street_before)
        # One search instead of a test per word: "rue de", "avenue", "Street".
        self._street_before = (
            re.compile(" (?:" + "|".join(map(re.escape, self.street_before)) + ") $")
            if self.street_before
            else None
        )
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
            if state in (Hit.SURE, Hit.UNSURE):
                yield start, end, form

    def scan(self, text, *, title=False, folded=None):
        """Yield ``(start, end, form, state)``, the state one of :class:`Hit`'s.

        ``folded``: ``fold_with_map(text)``, when the caller has it already.
        """
        if not self.size or not text:
            return
        capitals_everywhere = title and title_case(text)
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
                if form.ambiguous and self._in_a_name(text, start, end):
                    # Not a match, but it tells the article means the person: "Jim Jordan".
                    if start == 0 or text[start - 1] not in HYPHENS:
                        yield start, end, form, Hit.NAME
                    continue
                if text[start].islower():
                    state = Hit.NOUN if form.common_noun else Hit.SURE
                elif form.common_noun and (capitals_everywhere or starts_sentence(text, start)):
                    state = Hit.UNSURE
                elif form.ambiguous and (title or starts_sentence(text, start)):
                    # "Jordan said": a name or the country; the article decides.
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
            (self._street_before and self._street_before.search(before))
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
        return True

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
        # "Rep. Jim Jordan", "Sen. Ted Cruz": a title's full stop ends no sentence.
        title = re.search(r"(\w+)\.$", head)
        if title and fold_key(title.group(1)) in ABBREVIATIONS | HONORIFICS:
            return True
        return bool(head) and not head.endswith(SENTENCE_START)


def _adds_accents(span, form):
    """ "chiné" is a word of its own, not "Chine" in lower case: folding drops only
    accents the copy left out, not accents the copy has and the name has not."""
    span, form = span.casefold(), form.casefold()
    if len(span) != len(form):
        return False
    return any(
        a != b and fold_cached(a) != a and fold_cached(b) == b
        for a, b in zip(span, form, strict=True)
    )


def _next_word(folded, stop):
    match = WORD.match(folded, stop + 1) if folded[stop : stop + 1] == " " else None
    return match.group().rstrip(".") if match else ""


def detect(index, text, *, title="", date=None):
    """Suggestions for ``text`` (plain, paragraphs split by blank lines) and its ``title``.

    ``date``: the article's, for the leaders named by their title only (default today).
    """
    date = date or datetime.date.today()
    fields = []
    for name, content in (("title", title), ("text", text)):
        if content:
            folded = fold_with_map(content)
            scanned = list(index.scan(content, title=name == "title", folded=folded))
            fields.append((name, content, folded, scanned))
    stands = read_as_a_whole(fields)
    found = {}
    for field_name, content, folded, scanned in fields:
        first_end, lead_end = structure(content) if field_name == "text" else (0, 0)
        hits = defaultdict(set)
        # A set: the same words can be several forms of one target (CLDR and data file).
        for start, end, form, state in scanned:
            if not stands(form, state):
                continue
            for target in form.targets:
                hits[target.kind].add((start, end, target))
        _add_references(index, hits, content, folded, date)
        for kind_hits in hits.values():
            for start, end, target in longest_first(kind_hits):
                if field_name == "title" or (
                    start < first_end and not aside(content, start, end, index.language)
                ):
                    weight, prominent = 3, True
                elif start < first_end or start < lead_end:
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
        mark_subjects(items, headline_named=headline_named and kind == COUNTRY)
    add_leaders_countries(index, by_kind)
    for items in by_kind.values():
        items.sort(key=lambda s: (not s.subject, -s.score, s.target.name))
    return Suggestions(countries=by_kind[COUNTRY], leaders=by_kind[LEADER], tags=by_kind[TAG])


# Between a name and its title: "Vladimir Poutine, le président russe", "(the Pope)".
_BESIDE = re.compile(r"[\s,(–—-]*(?:\w{1,3}['’]?\s*)?")


def _add_references(index, hits, content, folded, date):
    """Leaders named by their title only; not when their name stands right beside it
    ("le président russe Vladimir Poutine" names him once)."""
    named = hits[LEADER]
    by_leader = defaultdict(list)
    for other_start, other_end, other in named:
        by_leader[other.key].append((other_start, other_end))
    # Whole country names only: "Guinean" in "Papua New Guinean" is not Guinea.
    countries = longest_first(hits[COUNTRY])
    for start, end, target in references(
        index, content, folded, countries, date, named=list(named)
    ):
        if not any(
            _BESIDE.fullmatch(
                content[other_end:start] if other_end <= start else content[end:other_start]
            )
            for other_start, other_end in by_leader[target.key]
        ):
            named.add((start, end, target))


def suggest(text, language, *, title="", date=None):
    """Countries, leaders and tags named in ``text`` and ``title``, scored."""
    # Imported here: the engine itself needs no models, the cached index does.
    from articles.suggest.knowledge import get_index

    return detect(get_index(language), text, title=title, date=date)
