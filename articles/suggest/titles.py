"""Leaders named by their title only: "le président russe", "the South Korean
president", "Kreml-Chef", "el mandatario brasileño", "le pape".

A role word next to a country the matcher found (its demonym or name, before or
after the role as the language writes it) points to an office of that country;
the person who held it on the article's date is the leader meant. Offices come
from the knowledge base (``data/leaders.json``: who held which office, when) and
from the leaders editors add, their role read with the same words.
"""

import datetime
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from articles.suggest.folding import fold_key, fold_with_map

# What a role word asks for.
PRESIDENT, STATE, GOVERNMENT, MONARCH, CHANCELLOR, COUNTERPART = (
    "president",
    "state",
    "government",
    "monarch",
    "chancellor",
    "counterpart",  # the same office as the leader named before: "son homologue italien"
)
# Titles of heads of state that copy never calls "president".
MONARCH_TITLES = frozenset(
    {"monarch", "emperor", "emir", "sultan", "prince", "grand_duke", "co_prince", "pope"}
    | {"supreme_leader"}
)
# Heads of government whose title is "president" (of the government, of the council).
PRESIDENT_GOVERNMENTS = frozenset({"spanish_pm", "italian_pm", "head_of_government"})

ROLES = {
    "fr": {
        PRESIDENT: ["président{,e}", "président{,e} de la République"],
        STATE: ["chef de l'État", "cheffe de l'État"],
        GOVERNMENT: [
            "Premier ministre",
            "Première ministre",
            "chef du gouvernement",
            "cheffe du gouvernement",
            "président{,e} du gouvernement",
            "président{,e} du Conseil",
        ],
        CHANCELLOR: ["chancelier", "chancelière"],
        MONARCH: ["roi", "reine", "monarque", "souverain{,e}", "émir", "sultan", "empereur"],
        COUNTERPART: ["homologue"],
    },
    "en": {
        PRESIDENT: ["president"],
        STATE: ["head of state"],
        GOVERNMENT: ["prime minister", "premier", "head of government"],
        CHANCELLOR: ["chancellor"],
        MONARCH: ["king", "queen", "monarch", "emir", "sultan", "emperor"],
        COUNTERPART: ["counterpart"],
    },
    "es": {
        PRESIDENT: ["presidente", "presidenta", "mandatari{o,a}"],
        STATE: ["jef{e,a} de{,l} Estado"],
        GOVERNMENT: [
            "primer ministro",
            "primera ministra",
            "jef{e,a} de{,l} Gobierno",
            "jef{e,a} del Ejecutivo",
            "president{e,a} del Gobierno",
            "president{e,a} del Consejo de Ministros",
        ],
        CHANCELLOR: ["canciller"],
        MONARCH: ["rey", "reina", "monarca", "emir", "sultán", "emperador"],
        COUNTERPART: ["homólog{o,a}"],
    },
    "de": {
        PRESIDENT: ["{,Staats,Bundes}präsident{,in,en}"],
        STATE: ["Staatschef{,in,s}", "Staatsoberhaupt{,s,es}"],
        GOVERNMENT: [
            "Premierminister{,in,s}",
            "Regierungschef{,in,s}",
            "Ministerpräsident{,in,en}",
        ],
        CHANCELLOR: ["{,Bundes}kanzler{,in,s}"],
        MONARCH: ["König{,in,s}", "Monarch{,in,en}", "Emir{,s}", "Sultan{,s}", "Kaiser{,in,s}"],
        COUNTERPART: ["Amtskolleg{e,en,in}", "Kolleg{e,en,in}"],
    },
}
# Titles that name their office with no country beside them.
OFFICE_PHRASES = {
    "fr": {
        "VA-hos": ["pape", "souverain pontife", "Saint-Père"],
        "UN-sg": ["secrétaire général{,e} de{s Nations unies, l'ONU}", "patron de l'ONU"],
        "EU-commission": ["président{,e} de la Commission européenne"],
        "EU-council": ["président{,e} du Conseil européen"],
        "NATO-sg": ["secrétaire général{,e} de l'{OTAN,Alliance atlantique}"],
        "AU-commission": ["président{,e} de la Commission de l'Union africaine"],
        "RU-hos": ["maître du Kremlin", "chef du Kremlin"],
        "US-hos": ["locataire de la Maison{-, }Blanche"],
    },
    "en": {
        "VA-hos": ["pope", "pontiff", "Holy Father"],
        "UN-sg": ["UN Secretary{-, }General", "Secretary{-, }General of the United Nations"],
        "EU-commission": [
            "President of the European Commission",
            "European Commission President",
            "EU Commission President",
        ],
        "EU-council": ["President of the European Council", "European Council President"],
        "NATO-sg": ["NATO Secretary{-, }General", "NATO chief"],
        "AU-commission": ["African Union Commission chair{,man,person,woman}"],
        "RU-hos": ["Kremlin chief", "Kremlin leader"],
    },
    "es": {
        "VA-hos": ["el papa", "del papa", "al papa", "sumo pontífice", "Santo Padre"],
        "UN-sg": ["secretari{o,a} general de {la ONU,las Naciones Unidas}"],
        "EU-commission": ["president{e,a} de la Comisión Europea"],
        "EU-council": ["president{e,a} del Consejo Europeo"],
        "NATO-sg": ["secretari{o,a} general de la OTAN"],
        "RU-hos": ["jefe del Kremlin", "líder del Kremlin"],
        "US-hos": ["inquilino de la Casa Blanca"],
    },
    "de": {
        "VA-hos": ["Papst{,es}", "Pontifex", "Heilige{,n} Vater{,s}"],
        "UN-sg": ["UN-Generalsekretär{,in,s}", "Uno-Generalsekretär{,in,s}"],
        "EU-commission": ["EU-Kommissionspräsident{,in,en}", "Kommissionspräsident{,in,en}"],
        "EU-council": ["EU-Ratspräsident{,en}"],
        "NATO-sg": ["Nato-Generalsekretär{,in,s}"],
        "RU-hos": ["Kreml{-,}Chef{,s}"],
        "US-hos": ["Hausherr{,n} im Weißen Haus"],
    },
}
# Words between a role and the country after it: "président de la Russie",
# "President of the United States", "Präsident Frankreichs".
_AFTER_ROLE = {
    "fr": r" (?:de la |de l'|du |des |de |d')?",
    "en": r" of (?:the )?",
    "es": r" (?:de la |de los |de las |del |de )?",
    "de": r" (?:der |des |von )?",
}
# Languages that put the country first: "the Russian president", "Russia's president",
# "der russische Präsident", "US-Präsident".
_BEFORE_ROLE = {"en": r"(?:'s?)? |-", "de": r" |-"}
# Before the reference, words that make it someone else: the former, late or next one.
NOT_NOW = frozenset(
    fold_key(word)
    for words in (
        "ancien ancienne anciens futur future prochain prochaine feu défunt vice ex",
        "former late future next then incoming deputy vice ex",
        "antiguo antigua futuro futura próximo próxima difunto vice ex",
        "ehemalige ehemaligen ehemaliger frühere früheren früherer künftige künftigen",
        "designierte designierten verstorbene verstorbenen gewählte gewählten",
        "stellvertretende stellvertretenden",
    )
    for word in words.split()
)
# After it: elected but not yet in office.
NOT_YET = frozenset(fold_key(w) for w in ["élu", "élue", "elect", "electo", "electa", "designate"])


def expand(pattern):
    """ "président{,e}" → ["président", "présidente"]."""
    match = re.search(r"\{([^{}]*)\}", pattern)
    if not match:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [v for option in match.group(1).split(",") for v in expand(head + option + tail)]


def _alternation(phrases):
    keys = sorted({fold_key(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


@dataclass(frozen=True)
class Patterns:
    roles: dict  # folded role → what it asks for
    role_then_country: re.Pattern  # matched against what precedes a country
    country_then_role: re.Pattern | None  # against what follows it
    offices: dict  # folded phrase → office key
    office_phrases: re.Pattern | None


@lru_cache(maxsize=8)
def patterns(language):
    roles = {
        fold_key(text): asks
        for asks, items in ROLES.get(language, {}).items()
        for pattern in items
        for text in expand(pattern)
    }
    words = _alternation(roles) if roles else r"(?!)"
    before = _BEFORE_ROLE.get(language)
    offices = {
        fold_key(text): office
        for office, items in OFFICE_PHRASES.get(language, {}).items()
        for pattern in items
        for text in expand(pattern)
    }
    return Patterns(
        roles=roles,
        role_then_country=re.compile(rf"(?<![\w-])({words}){_AFTER_ROLE.get(language, ' ')}$"),
        country_then_role=re.compile(rf"(?:{before}|(?<=-))({words})(?![\w-])") if before else None,
        offices=offices,
        office_phrases=re.compile(rf"(?<![\w-])(?:{_alternation(offices)})(?![\w-])")
        if offices
        else None,
    )


@dataclass
class Office:
    key: str
    country: str | None
    heads: str  # state, government, state+government, organization
    title: str
    terms: list = field(default_factory=list)  # (from, to, target); to None: in office

    def holders(self, date):
        return [
            target
            for start, end, target in self.terms
            if start and start <= date and (end is None or end > date)
        ]


class Offices:
    """Who held which office when, by office and by country."""

    def __init__(self, offices=()):
        self.by_key = {office.key: office for office in offices}
        self.by_country = defaultdict(list)
        self.by_holder = defaultdict(list)
        for office in offices:
            if office.country:
                self.by_country[office.country].append(office)
            for _start, _end, target in office.terms:
                self.by_holder[target].append(office)

    def __bool__(self):
        return bool(self.by_key)

    def counterpart(self, target, date):
        """What "his counterpart" asks for after ``target``: the office they hold."""
        held = [
            (end or date, office)
            for office in self.by_holder.get(target, ())
            for start, end, holder in office.terms
            if holder == target and start and start <= date
        ]
        if not held:
            return PRESIDENT
        # The office held on the date, else the last one left.
        office = max(held, key=lambda item: item[0])[1]
        return GOVERNMENT if office.heads == "government" else PRESIDENT

    def holders(self, country, asks, date):
        """The people a role word (``asks``) next to ``country`` means on ``date``."""
        offices = self.by_country.get(country, ())
        state = [o for o in offices if o.heads in ("state", "state+government")]
        government = [o for o in offices if o.heads == "government"]
        combined = [o for o in offices if o.heads == "state+government"]
        if asks == STATE:
            choices = [state]
        elif asks == GOVERNMENT:
            choices = [government, combined]
        elif asks == MONARCH:
            choices = [[o for o in state if o.title in MONARCH_TITLES]]
        elif asks == CHANCELLOR:
            choices = [[o for o in government if o.title == "chancellor"]]
        else:
            choices = [
                [o for o in state if o.title not in MONARCH_TITLES],
                [o for o in government if o.title in PRESIDENT_GOVERNMENTS],
            ]
        for candidates in choices:
            found = [t for office in candidates for t in office.holders(date)]
            if found:
                return found
        return []


@lru_cache(maxsize=1024)
def role_asks(role):
    """What an editor's role text ("Président de la République", "Chancelier") stands
    for, read with the role words of every language; None if none of them."""
    key = fold_key(role)
    for language in ROLES:
        asks = patterns(language).roles.get(key)
        if asks:
            return asks
    for language in ROLES:
        for word, asks in sorted(patterns(language).roles.items(), key=lambda r: -len(r[0])):
            if re.match(rf"{re.escape(word)}(?!\w)", key):
                return asks
    return None


def references(index, text, folded, country_hits, date, named=()):
    """``(start, end, leader target)`` for each title-only reference in ``text``.

    ``country_hits``: the ``(start, end, country target)`` the matcher accepted;
    ``folded``: ``fold_with_map(text)``; ``named``: the leaders' ``(start, end,
    target)``, for "son homologue" (the office of the leader named before).
    """
    offices = index.offices
    if not offices:
        return []
    found = _office_phrases(index, text, folded, date)
    language_patterns = patterns(index.language)
    folded_text, positions = folded
    for start, end, country in country_hits:
        # The span in the folded text: positions are in order, so bisect finds it.
        first, stop = bisect_left(positions, start), bisect_left(positions, end)
        for ref_start, ref_end, asks in _roles_beside(
            language_patterns, folded_text, positions, first, stop, text, end
        ):
            if _not_now(ref_start, ref_end, text):
                continue
            if asks == COUNTERPART:
                before = [hit for hit in (*named, *found) if hit[1] <= ref_start]
                if not before:
                    continue
                asks = offices.counterpart(max(before, key=lambda hit: hit[1])[2], date)
            for target in offices.holders(country.key, asks, date):
                found.append((ref_start, ref_end, target))
    return found


def _roles_beside(language_patterns, folded, positions, first, stop, text, end):
    """Role words right before or right after the country at ``folded[first:stop]``."""
    head = folded[max(0, first - 60) : first]
    match = language_patterns.role_then_country.search(head)
    # "President of the Russian Academy": the country word begins a longer name.
    # When a person's name follows instead, the name says who it is.
    if match and not _capital_follows(text, end):
        role_start = positions[first - len(head) + match.start(1)]
        yield role_start, end, language_patterns.roles[match.group(1)]
    if language_patterns.country_then_role is not None:
        match = language_patterns.country_then_role.match(folded, stop)
        if match:
            role_end = positions[match.end(1) - 1] + 1
            # "Russian President Vladimir Putin", "Russian Premier League"
            if not _capital_follows(text, role_end):
                yield positions[first], role_end, language_patterns.roles[match.group(1)]


def _capital_follows(text, end):
    return bool(re.match(r"[ -][^\W\d_]", text[end : end + 2])) and text[end + 1].isupper()


def _not_now(start, end, text):
    """ "the former Russian president", "le président élu": not the holder on the date."""
    before = text[max(0, start - 30) : start]
    words = fold_with_map(before)[0].replace("'", " ").split()
    if words and words[-1] in NOT_NOW:
        return True
    if text[start - 3 : start].casefold() == "ex-":
        return True
    after = re.match(r"[ -]?([\w]+)", text[end : end + 20])
    return bool(after) and fold_key(after.group(1)) in NOT_YET


def _office_phrases(index, text, folded, date):
    language_patterns = patterns(index.language)
    if language_patterns.office_phrases is None:
        return []
    folded_text, positions = folded
    found = []
    for match in language_patterns.office_phrases.finditer(folded_text):
        start, end = positions[match.start()], positions[match.end() - 1] + 1
        if _not_now(start, end, text):
            continue
        office = index.offices.by_key.get(language_patterns.offices[match.group()])
        if office is None:
            continue
        found.extend((start, end, target) for target in office.holders(date))
    return found


def today():
    return datetime.date.today()
