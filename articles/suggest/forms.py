"""What the matcher looks for and what it returns: targets, forms, suggestions."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from articles.suggest.folding import fold_key

COUNTRY, LEADER, TAG = "country", "leader", "tag"
KINDS = (COUNTRY, LEADER, TAG)


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
    NAME = "name"  # part of a person's name ("Jim Jordan"): not a match, but a cue
