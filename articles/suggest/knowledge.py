"""What the suggestion engine knows, and the cached index built from it.

Countries: CLDR names (Babel) in each language we publish in, the forms of
``data/entity_aliases.json`` (capitals, metonyms, demonyms, inflected names)
and the aliases editors add in the admin. Leaders: name and aliases. Tags:
their names. The index of a language is built once per process and rebuilt
when a country, leader or tag changes: saves and deletes bump a version kept
in the shared cache, so every worker notices.
"""

import datetime
import json
import re
import threading
import time
import uuid
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import SITE_LANGUAGES, Country, Leader, Tag
from articles.suggest.engine import (
    COUNTRY,
    LEADER,
    TAG,
    Case,
    Form,
    Index,
    Sense,
    Target,
    fold_key,
)
from articles.suggest.titles import (
    CHANCELLOR,
    GOVERNMENT,
    MONARCH,
    Office,
    Offices,
    role_asks,
)

DATA_FILE = Path(__file__).resolve().parent / "data" / "entity_aliases.json"
FORMS_FILE = Path(__file__).resolve().parent / "data" / "country_forms.json"
VERSION_KEY = "articles:entities:version"
# Without a shared cache (no REDIS_URL) a worker does not see another worker's
# changes; it rebuilds after this many seconds anyway.
DEFAULT_MAX_AGE = 300

_BRACES = re.compile(r"\{([^{}]*)\}")
_lock = threading.Lock()
_local = {"version": None, "snapshot": None, "indexes": {}, "loaded": 0.0}


def suggest_languages():
    return tuple(getattr(settings, "NEWSROOM_SUGGEST_LANGUAGES", SITE_LANGUAGES))


def expand(pattern):
    """ "nord-coréen{,ne,s}" → ["nord-coréen", "nord-coréenne", "nord-coréens"]."""
    match = _BRACES.search(pattern)
    if not match:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [v for option in match.group(1).split(",") for v in expand(head + option + tail)]


@lru_cache(maxsize=1)
def aliases_data():
    """entity_aliases.json, with the demonyms and capitals of country_forms.json merged in."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    extra = json.loads(FORMS_FILE.read_text(encoding="utf-8"))["countries"]
    for code, per_language in extra.items():
        mine = data["countries"].setdefault(code, {})
        for language, forms in per_language.items():
            mine[language] = [*mine.get(language, ()), *forms]
    return data


@lru_cache(maxsize=16)
def cldr_names(language):
    try:
        return Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return {}


def name_case(name):
    """Acronyms match as written; short names need their capital ("Iran", "Mali")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return Case.EXACT
    return Case.CAPITAL if len(letters) <= 4 else Case.FOLDED


@lru_cache(maxsize=64)
def country_sense(code):
    """The cues that tell the other meaning of ``code``'s '?' forms, if the data file has any."""
    cues = aliases_data().get("senses", {}).get(code)
    if not cues:
        return None
    return Sense.from_cues(cues["other_cues"], cues.get("own_cues", ()))


def data_form(text, targets, data):
    """A form written in the data file, with its markers read."""
    ambiguous = text.startswith("?")
    common_noun = text.startswith("^")
    cased = ambiguous or common_noun
    text = text.lstrip("?^")
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        case = Case.EXACT
    else:
        case = Case.CAPITAL if cased else Case.FOLDED
    rules = data["reject"]["forms"].get(text)
    reject = ()
    if rules:
        reject = (
            tuple(fold_key(p) for p in rules.get("before", ())),
            frozenset(fold_key(p) for p in rules.get("after", ())),
        )
    return Form(
        text=text,
        targets=targets,
        case=case,
        ambiguous=ambiguous,
        reject=reject,
        language_word=" " not in text and text[:1].islower(),
        common_noun=common_noun and case == Case.CAPITAL,
        sense=country_sense(targets[0].key) if ambiguous else None,
    )


def _split_cldr(name):
    """ "Myanmar (Birmanie)" → "Myanmar" and "Birmanie"; "Guinea-Bissau" → also "Guinea Bissau"."""
    names = [name]
    inner = re.fullmatch(r"(.+?) \((.+)\)", name)
    if inner:
        names = [inner.group(1), inner.group(2)]
    # Copy drops the hyphen between capitalised parts: "Guinea Bissau", "Timor Leste".
    spaced = [
        n.replace("-", " ")
        for n in names
        if re.fullmatch(r"[^\W\d_][\w']*(?:-[^\W\d_a-z][\w']*)+", n)
    ]
    return names + spaced


def build_forms(snapshot, language):
    """Every form to look for in text written in ``language``."""
    countries = {
        c["code"]: Target(kind=COUNTRY, id=c["id"], key=c["code"], name=c["name"])
        for c in snapshot["countries"]
    }
    forms = _country_forms(snapshot["countries"], countries, language)
    for leader in snapshot["leaders"]:
        target = leader_target(leader)
        names = [leader["name"], *leader["aliases"]]
        for name in [*names, *inflections(names, language)]:
            # A surname alone is a proper noun: "Trump", not "trump card".
            case = name_case(name)
            if case == Case.FOLDED and " " not in name.strip():
                case = Case.CAPITAL
            forms.append(Form(text=name, targets=(target,), case=case))
    for tag in snapshot["tags"]:
        target = Target(kind=TAG, id=tag["id"], key=tag["name"], name=tag["name"])
        forms.append(Form(text=tag["name"], targets=(target,), case=name_case(tag["name"])))
        if tag.get("name_en"):
            # English copy names the same tag: "Diplomacy" suggests "Diplomatie".
            forms.append(
                Form(text=tag["name_en"], targets=(target,), case=name_case(tag["name_en"]))
            )
    return forms


# Languages whose copy inflects names: the German genitive "Macrons", "Willy Brandts".
_GENITIVE_S = {"de"}
_LATIN_END = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]$")


def inflections(names, language):
    """The inflected forms copy in ``language`` gives these names and their owner."""
    if language not in _GENITIVE_S:
        return []
    known = set(names)
    return [
        f"{name}s"
        for name in names
        # "Merz'" and "Lopez'" take an apostrophe, which the plain name matches already.
        if _LATIN_END.search(name) and name[-1].casefold() not in "sxzß" and f"{name}s" not in known
    ]


def _country_forms(rows, targets, language):
    data = aliases_data()
    languages = (language,) if language in suggest_languages() else suggest_languages()
    forms = []
    # Forms the data file writes with their markers win over the same plain names.
    written = set()
    for lang in languages:
        for code, per_language in data["countries"].items():
            if code not in targets:
                continue
            for pattern in per_language.get(lang, ()):
                for text in expand(pattern):
                    form = data_form(text, (targets[code],), data)
                    forms.append(form)
                    written.add((code, fold_key(form.text)))
        for phrase, codes in data["multi"].get(lang, {}).items():
            multi = tuple(targets[c] for c in codes if c in targets)
            if multi:
                forms.append(Form(text=phrase, targets=multi))
        ignored = {fold_key(n) for n in data["ignore"].get(lang, ())}
        names = cldr_names(lang)
        for code, target in targets.items():
            for name in _split_cldr(names.get(code, "")):
                key = fold_key(name)
                if key and key not in ignored and (code, key) not in written:
                    forms.append(Form(text=name, targets=(target,), case=name_case(name)))
    ignored = {fold_key(n) for n in data["ignore"].get(language, ())}
    for row in rows:
        target = targets[row["code"]]
        # The name in the database is in the site's language (French).
        name, key = row["name"], fold_key(row["name"])
        usable = key not in ignored and (target.key, key) not in written
        if language == settings.LANGUAGE_CODE and usable:
            forms.append(Form(text=name, targets=(target,), case=name_case(name)))
        for alias in row["aliases"]:
            forms.append(Form(text=alias, targets=(target,), case=name_case(alias)))
    return forms


def leader_target(leader):
    return Target(
        kind=LEADER,
        id=leader["id"],
        key=leader["slug"],
        name=leader["name"],
        country=leader.get("country"),
    )


def build_offices(snapshot):
    """Who held which office when: the knowledge base's terms for the leaders it
    ships, the role and dates an editor gave for the others."""
    from articles.suggest.knowledge_base import load_data, person_slug

    data = load_data()
    shipped = {person_slug(person): person for person in data["people"]}
    offices = {
        key: Office(
            key=key,
            country=office.get("country"),
            heads=office["heads"],
            title=office["title"],
        )
        for key, office in data["offices"].items()
    }
    for leader in snapshot["leaders"]:
        target = leader_target(leader)
        person = shipped.get(leader["slug"])
        if person is not None:
            for key, start, end in person["terms"]:
                offices[key].terms.append((_date(start), _date(end), target))
            continue
        if not (leader.get("role") and leader.get("country") and leader.get("in_office_from")):
            continue
        asks = role_asks(leader["role"])
        if asks:
            heads = "government" if asks in (GOVERNMENT, CHANCELLOR) else "state"
            title = {GOVERNMENT: "prime_minister", MONARCH: "monarch"}.get(asks, asks)
            office = offices.setdefault(
                f"{leader['country']}-{heads}-{title}-editor",
                Office(key="", country=leader["country"], heads=heads, title=title),
            )
            office.terms.append((leader["in_office_from"], leader.get("in_office_to"), target))
    return Offices(offices.values())


def _date(text):
    return datetime.date.fromisoformat(text) if isinstance(text, str) else text


def build_index(snapshot, language):
    data = aliases_data()
    street = data["reject"]
    return Index(
        build_forms(snapshot, language),
        language=language,
        street_before=[fold_key(w) for w in street["street_before"]],
        street_after=[fold_key(w) for w in street["street_after"]],
        given_names=data["given_names"]["names"],
        offices=build_offices(snapshot),
    )


def load_snapshot():
    """The countries, leaders and tags, in three queries."""
    return {
        "countries": [
            {**row, "aliases": _lines(row["aliases"])}
            for row in Country.objects.values("id", "code", "name", "aliases")
        ],
        "leaders": [
            {
                **row,
                # The French name is one more spelling to recognise.
                "aliases": [*_lines(row["aliases"]), *([row["name_fr"]] if row["name_fr"] else [])],
                "country": row.pop("country__code"),
            }
            for row in Leader.objects.values(
                "id",
                "slug",
                "name",
                "name_fr",
                "aliases",
                "country__code",
                "role",
                "in_office_from",
                "in_office_to",
            )
        ],
        "tags": list(Tag.objects.values("id", "name", "name_en")),
    }


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def current_version():
    """A token that changes whenever a country, leader or tag does, in any process."""
    token = cache.get(VERSION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(VERSION_KEY, token, timeout=None)
        token = cache.get(VERSION_KEY, token)
    return token


def index_max_age():
    """Seconds a process keeps what it built before reloading, whatever the version says."""
    return getattr(settings, "NEWSROOM_SUGGEST_INDEX_MAX_AGE", DEFAULT_MAX_AGE)


def get_index(language):
    """The index for ``language``, rebuilt when the shared version has changed."""
    version, max_age = current_version(), index_max_age()
    with _lock:
        if _local["version"] != version or time.monotonic() - _local["loaded"] > max_age:
            _local.update(
                version=version, snapshot=load_snapshot(), indexes={}, loaded=time.monotonic()
            )
        index = _local["indexes"].get(language)
        if index is None:
            index = _local["indexes"][language] = build_index(_local["snapshot"], language)
        return index


def invalidate():
    """Forget every index, here and in every process sharing the cache."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    with _lock:
        _local.update(version=None, snapshot=None, indexes={})


@receiver([post_save, post_delete], sender=Country, dispatch_uid="entities_country")
@receiver([post_save, post_delete], sender=Leader, dispatch_uid="entities_leader")
@receiver([post_save, post_delete], sender=Tag, dispatch_uid="entities_tag")
def _knowledge_changed(sender, **kwargs):
    invalidate()
