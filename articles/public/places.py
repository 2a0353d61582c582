"""What country and leader pages say beyond their coverage: who governs, where it is.

Offices come from the leader knowledge base shipped with the product
(``articles/suggest/data/leaders.json``): who heads the state and the
government of each country, and each person's terms. The database decides who
a page links to and whether an editor has ended a term; the file says which
office a person holds. Regions come from CLDR's zones per territory (Babel):
a country is in the continent of its first zone, "Europe/Paris" → Europe.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models import Leader
from articles.suggest.knowledge_base import load_data
from articles.text import folded_slug

# UN M49 codes CLDR names in every language: Africa, Americas, Asia, Europe, Oceania.
REGION_OF_ZONE = {
    "Africa": "002",
    "America": "019",
    "Asia": "142",
    "Europe": "150",
    "Australia": "009",
    "Pacific": "009",
    "Arctic": "150",
}
# Islands whose zones are named after an ocean.
REGION_OF_TERRITORY = {
    "IS": "150",
    "FO": "150",
    "BM": "019",
    "FK": "019",
    "GS": "019",
    "CV": "002",
    "SH": "002",
    "ST": "002",
    "MU": "002",
    "SC": "002",
    "KM": "002",
    "MG": "002",
    "RE": "002",
    "YT": "002",
    "MV": "142",
    "IO": "142",
    "CX": "009",
    "CC": "009",
    "XK": "150",
}
REGION_ORDER = ["150", "002", "019", "142", "009"]

KINDS = {
    "state": _("Head of state"),
    "government": _("Head of government"),
    "state+government": _("Head of state and government"),
}


def region_of(code):
    """The M49 code of the continent ``code`` is in, or "" when CLDR does not say."""
    if code in REGION_OF_TERRITORY:
        return REGION_OF_TERRITORY[code]
    for zone in get_global("territory_zones").get(code) or []:
        region = REGION_OF_ZONE.get(zone.split("/", 1)[0])
        if region:
            return region
    return ""


def region_name(region, language=None):
    language = (language or translation.get_language() or "fr").replace("-", "_")
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("fr").territories
    return names.get(region, "") if region else ""


def regions(countries, language=None):
    """``[(region name, [countries])]`` in continent order; unplaced countries last."""
    groups = {}
    for country in countries:
        groups.setdefault(region_of(country.code), []).append(country)
    order = [*REGION_ORDER, *sorted(set(groups) - set(REGION_ORDER))]
    return [
        (region_name(region, language) or _("Elsewhere"), groups[region])
        for region in order
        if region in groups
    ]


# Offices --------------------------------------------------------------------


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Term:
    office: str
    title: str
    start: datetime.date | None
    end: datetime.date | None

    @property
    def years(self):
        """ "2012–" or "2000–2008": the years the term spans."""
        start = self.start.year if self.start else "?"
        return f"{start}–{self.end.year if self.end else ''}"


@lru_cache(maxsize=1)
def _people():
    data = load_data()
    return {person.get("slug") or folded_slug(person["name"]): person for person in data["people"]}


@lru_cache(maxsize=1)
def _holders_by_country():
    """Country code → [(office id, slug, start, end)] for every term of its head offices."""
    data = load_data()
    by_country = {}
    for slug, person in _people().items():
        for office, start, end in person["terms"]:
            code = data["offices"][office].get("country")
            if code:
                by_country.setdefault(code, []).append((office, slug, _date(start), _date(end)))
    return by_country


def _title(office, person, language):
    data = load_data()
    titles = data["titles"][data["offices"][office]["title"]]
    masculine, feminine = titles.get(language) or titles["en"]
    return feminine if person.get("female") else masculine


def terms_of(leader, language=None):
    """The leader's terms in head offices, newest first (empty when the file does not know them)."""
    person = _people().get(leader.slug)
    if person is None:
        return []
    language = language or translation.get_language() or "fr"
    terms = {}
    for office, start, end in person["terms"]:
        # An editor who ended the term in the admin has the last word.
        end = _date(end) or leader.in_office_to
        term = Term(office, _title(office, person, language), _date(start), end)
        # One line for the same office held in several realms at once (Charles III).
        terms.setdefault((term.title, term.start, term.end), term)
    return sorted(terms.values(), key=lambda t: t.start or datetime.date.min, reverse=True)


@dataclass(frozen=True)
class Head:
    leader: Leader
    kind: str
    title: str

    @property
    def kind_label(self):
        return KINDS[self.kind]


def current_heads(country, language=None, today=None):
    """The country's head of state and head of government today, as the database knows them.

    One query. A term the file gives as current is left out when an editor has
    ended it (``in_office_to`` in the past); a leader of the country whom only
    the editors know is not guessed into an office.
    """
    today = today or timezone.localdate()
    language = language or translation.get_language() or "fr"
    data = load_data()
    current = [
        (office, slug)
        for office, slug, start, end in _holders_by_country().get(country.code, [])
        if (start is None or start <= today) and (end is None or end > today)
    ]
    if not current:
        return []
    leaders = {
        leader.slug: leader
        for leader in Leader.objects.filter(slug__in=[slug for _office, slug in current]).filter(
            Q(in_office_to__isnull=True) | Q(in_office_to__gt=today)
        )
    }
    heads = []
    for office, slug in current:
        leader = leaders.get(slug)
        if leader is not None:
            kind = data["offices"][office].get("heads", "state")
            heads.append(Head(leader, kind, _title(office, _people()[slug], language)))
    # Head of state first, then of government.
    return sorted(heads, key=lambda head: list(KINDS).index(head.kind))
