"""Turning what a reader typed into safe terms, and spotting countries and leaders.

Nothing the reader typed reaches the database as syntax: the query is folded
(case, accents), cut into words, and each word is passed as a quoted phrase or
a bound parameter. Operators, quotes and column names are just ignored.
"""

import json
import re
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import babel
from babel import Locale
from babel.localedata import locale_identifiers

from articles.models import ARTICLE_LANGUAGES, SITE_LANGUAGES
from articles.search.documents import country_token, leader_token, search_fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# The longest entity name we look for, in words ("Saint-Vincent-et-les-Grenadines").
MAX_NAME_WORDS = 6

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(raw):
    """The query as shown back to the reader: capped, without control characters."""
    return " ".join(_CONTROL.sub(" ", (raw or "")[:MAX_QUERY_LENGTH]).split())


def words(text):
    """Folded words of ``text``, as the index sees them."""
    return _WORD.findall(search_fold(text))


@dataclass
class Group:
    """One reader's word, or several forming an entity's name.

    An article matches the group if it contains the words as a phrase, or one
    of the entities' other names (``alternatives``, lists of words), or is
    linked to one of the group's entities.
    """

    words: list
    tokens: list = field(default_factory=list)
    alternatives: list = field(default_factory=list)

    @property
    def phrases(self):
        """Every phrase that matches the group: the reader's words first."""
        return [phrase for phrase in [self.words, *self.alternatives] if phrase]


@dataclass
class ParsedQuery:
    text: str
    groups: list
    countries: list = field(default_factory=list)
    leaders: list = field(default_factory=list)

    @property
    def terms(self):
        return [word for group in self.groups for word in group.words]

    def __bool__(self):
        return bool(self.groups)


def _too_short(key, site_language):
    # Short Latin names from other languages ("Man", "Ciad") collide with common
    # words; two CJK characters ("朝鲜") are a perfectly good name.
    if not key.isascii():
        return len(key) < 2
    return len(key) < (3 if site_language else 4)


# Built by `manage.py build_search_names`: reading CLDR costs a new worker a few
# hundred milliseconds, this file a few.
NAMES_FILE = Path(__file__).resolve().parent / "data" / "country_names.json"


def name_languages():
    """The languages whose country names search knows: those articles are written in."""
    return sorted(code for code, _name in ARTICLE_LANGUAGES)


@lru_cache(maxsize=1)
def country_names():
    """Every CLDR name of every country in the languages articles are written in, folded.

    {"coree du nord": {"KP"}, ...}. Read from ``NAMES_FILE`` when it was built
    for these languages and this CLDR (Babel) version, else from CLDR itself.
    """
    try:
        data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("languages") == name_languages() and data.get("babel") == babel.__version__:
        return {key: set(codes) for key, codes in data["names"].items()}
    return build_country_names(name_languages())


def build_country_names(languages):
    """Country names from CLDR, in ``languages`` only (about 700 locales in all)."""
    names = {}
    languages = set(languages)
    for identifier in locale_identifiers():
        language, *rest = identifier.split("_")
        # Regional variants (fr_CA, en_GB...) rename few countries; scripts (zh_Hant) do.
        if language not in languages or any(part.isupper() or part.isdigit() for part in rest):
            continue
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, LookupError):
            continue
        site_language = language in SITE_LANGUAGES
        for code, name in territories.items():
            if len(code) != 2 or not code.isalpha():
                continue
            key = " ".join(words(name))
            if _too_short(key, site_language):
                continue
            names.setdefault(key, set()).add(code)
    return names


def write_names_file(path=NAMES_FILE):
    """Write the country names of ``name_languages()`` for ``country_names()`` to read."""
    languages = name_languages()
    names = build_country_names(languages)
    data = {
        "languages": languages,
        "babel": babel.__version__,
        "names": {key: sorted(codes) for key, codes in sorted(names.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    country_names.cache_clear()
    return len(names)


def leader_names(leaders):
    """{"poutine": {leader}, "vladimir putin": {leader}, "putin": {leader}, ...}."""
    names = {}
    for leader in leaders:
        spellings = [leader.name, *leader.alias_list]
        keys = {" ".join(words(s)) for s in spellings}
        # One part of a name alone ("Trump", "Kim", "Abe") is how readers often search.
        for spelling in spellings:
            parts = words(spelling)
            if len(parts) > 1:
                keys |= {part for part in (parts[0], parts[-1]) if len(part) > 2}
        for key in keys:
            if key:
                names.setdefault(key, set()).add(leader)
    return names


def known_leaders():
    """Every leader's searchable names (see ``leader_names``) and leaders by slug.

    Kept per process and rebuilt when a country, leader or tag changes
    anywhere (the version the suggestion index shares), so a search costs no
    query for them.
    """
    from articles.models import Leader
    from articles.suggest import knowledge

    version = knowledge.current_version()
    with _leaders_lock:
        stale = time.monotonic() - _leaders["loaded"] > knowledge.index_max_age()
        if _leaders["version"] != version or stale:
            leaders = list(Leader.objects.only("pk", "name", "name_fr", "slug", "aliases", "role"))
            _leaders.update(
                version=version,
                names=leader_names(leaders),
                by_slug={leader.slug: leader for leader in leaders},
                loaded=time.monotonic(),
            )
        return _leaders["names"], _leaders["by_slug"]


_leaders = {"version": None, "names": {}, "by_slug": {}, "loaded": 0.0}
_leaders_lock = threading.Lock()


def other_names(codes, leaders):
    """Folded names the articles may use for these countries and leaders.

    A country's name in each site language; a leader's name and aliases, and
    the surname alone ("Putin" for "Vladimir Putin"): an article headlined with
    it ranks as one naming the leader. First names alone would match others.
    """
    from articles.models import Country

    for code in codes:
        for language in sorted(SITE_LANGUAGES):
            yield words(Country(code=code).name_in(language))
    for leader in leaders:
        for spelling in [leader.name, *leader.alias_list]:
            parts = words(spelling)
            yield parts
            if len(parts) > 1 and len(parts[-1]) > 3:
                yield parts[-1:]


def parse(raw, *, leaders=None):
    """Split ``raw`` into groups, recognising country and leader names in it.

    ``leaders`` are the Leader objects to recognise, by default all of them
    (``known_leaders()``). Returns a ParsedQuery; its ``countries`` are
    country codes.
    """
    text = clean_query(raw)
    found = words(text)[:MAX_TERMS]
    by_country = country_names()
    by_leader = known_leaders()[0] if leaders is None else leader_names(leaders)
    groups, countries, matched_leaders = [], [], []
    i = 0
    while i < len(found):
        for size in range(min(MAX_NAME_WORDS, len(found) - i), 0, -1):
            key = " ".join(found[i : i + size])
            codes = by_country.get(key, set())
            people = by_leader.get(key, set())
            if codes or people:
                tokens = [country_token(c) for c in sorted(codes)]
                tokens += [leader_token(p.pk) for p in sorted(people, key=lambda p: p.pk)]
                names = {tuple(name) for name in other_names(codes, people)}
                names.discard(tuple(found[i : i + size]))
                alternatives = [list(name) for name in sorted(names)]
                groups.append(
                    Group(words=found[i : i + size], tokens=tokens, alternatives=alternatives)
                )
                countries += [c for c in sorted(codes) if c not in countries]
                matched_leaders += [p for p in people if p not in matched_leaders]
                i += size
                break
        else:
            groups.append(Group(words=[found[i]]))
            i += 1
    return ParsedQuery(text=text, groups=groups, countries=countries, leaders=matched_leaders)
