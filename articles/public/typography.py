"""Typography for display: French spacing, names that do not break, times with their zone.

Applied when a page is rendered, never to what is stored: search, feeds and
copy-paste see the text as written.
"""

import re
import zoneinfo
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_location, get_timezone_name
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from articles.text import fold

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before ; : ! ?
_SPACE = r"(?:[ \t\u00a0\u202f]|&nbsp;)"
_OPENING = re.compile(rf"«{_SPACE}*")
_CLOSING = re.compile(rf"{_SPACE}*»")
_HIGH_PUNCTUATION = re.compile(rf"{_SPACE}+(?=[;:!?](?:\s|$|<|&nbsp;))")
_TAG = re.compile(r"(<[^>]*>)")
# A hyphenated name: a capital, then letters, then hyphens joining short parts
# ("Jong-un", "Jae-in", "Jean-Yves", "Saint-Pétersbourg").
_HYPHENATED_NAME = re.compile(r"(?<![\w-])[^\W\d_a-zß-ÿ][^\W\d_]*(?:-[^\W\d_]{1,14})+(?![\w-])")


def _french_text(text):
    text = _OPENING.sub("«" + NBSP, text)
    text = _CLOSING.sub(NBSP + "»", text)
    return _HIGH_PUNCTUATION.sub(NNBSP, text)


def _unbroken_names(text):
    # A span rather than U+2011: a copied name keeps its hyphen, and every font has it.
    return _HYPHENATED_NAME.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>', text)


def _typeset_html(html, language):
    french = (language or "").startswith("fr")
    parts = []
    # Inside <a> and <b> too, never inside a tag, nor inside a span made here.
    for part in _TAG.split(html):
        if part.startswith("<"):
            parts.append(part)
            continue
        if french:
            part = _french_text(part)
        parts.append(_unbroken_names(part))
    return "".join(parts)


def french_spacing_html(html):
    """Apply French spacing to the text of ``html``, never inside tags."""
    return "".join(
        part if part.startswith("<") else _french_text(part) for part in _TAG.split(html)
    )


def typeset(value, language, *, is_html=False):
    """Escape ``value`` (unless it is sanitised HTML) and typeset it for ``language``."""
    html = str(value) if is_html else str(conditional_escape(value))
    return mark_safe(_typeset_html(html, language))  # noqa: S308 — escaped, or sanitised by nh3


# Times -------------------------------------------------------------------


def _babel_locale(language):
    try:
        return Locale.parse((language or "fr").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("fr")


# Datelines that are no zone's city: capitals and summit towns of the copy.
_DATELINE_ZONES = {
    "America/New_York": ["Washington", "Boston"],
    "America/Los_Angeles": ["San Francisco", "Hollywood"],
    "America/Toronto": ["Ottawa", "Montréal", "Montreal"],
    "America/Sao_Paulo": ["Brasília", "Brasilia", "Rio de Janeiro"],
    "Asia/Shanghai": ["Pékin", "Beijing", "Peking", "Pekín"],
    "Asia/Kolkata": ["New Delhi", "New Delhi", "Delhi", "Bombay", "Mumbai", "Nueva Delhi"],
    "Asia/Karachi": ["Islamabad"],
    "Asia/Ho_Chi_Minh": ["Hanoï", "Hanoi"],
    "Asia/Jerusalem": ["Jérusalem", "Tel-Aviv", "Tel Aviv"],
    "Asia/Almaty": ["Astana"],
    "Africa/Lagos": ["Abuja"],
    "Africa/Johannesburg": ["Pretoria", "Le Cap", "Cape Town"],
    "Africa/Casablanca": ["Rabat"],
    "Australia/Sydney": ["Canberra"],
    "Pacific/Auckland": ["Wellington"],
    "Europe/Istanbul": ["Ankara"],
    "Europe/Moscow": ["Saint-Pétersbourg", "Saint Petersburg", "Sotchi", "Sochi"],
    "Europe/Zurich": ["Genève", "Geneva", "Genf", "Ginebra", "Davos", "Berne", "Bern"],
    "Europe/Paris": ["Strasbourg", "Marseille", "Lyon", "Bordeaux"],
    "Europe/Berlin": ["Bonn", "Munich", "München", "Francfort", "Frankfurt"],
    "Europe/Brussels": ["Bruxelles", "Brussels", "Brüssel"],
}


@lru_cache(maxsize=1)
def _zones_by_city():
    """Folded city name → IANA zone, from the zone names and CLDR's city names.

    "Vladivostok", "Séoul", "Seoul", "Moscou": a dateline naming a zone's city
    gives the story's local time.
    """
    cities = {}
    for name in sorted(zoneinfo.available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "US/")):
            continue
        cities.setdefault(fold(name.rsplit("/", 1)[1].replace("_", " ")), name)
    for language in ("fr", "en", "es", "de"):
        for name, info in Locale.parse(language).time_zones.items():
            city = info.get("city") if hasattr(info, "get") else None
            if city and "/" in name:
                cities.setdefault(fold(city), name)
    for name, towns in _DATELINE_ZONES.items():
        for town in towns:
            cities.setdefault(fold(town), name)
    return cities


def dateline_zone(dateline):
    """The zone of the city a dateline names ("Vladivostok" → Asia/Vladivostok), or None."""
    name = _zones_by_city().get(fold(dateline or ""))
    if name is None:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def local_moment(value, dateline=""):
    """``value`` in the dateline's zone, else in the site's."""
    return timezone.localtime(value, dateline_zone(dateline) or timezone.get_current_timezone())


def zoned_time(value, language, dateline=""):
    """The time with its zone named: « 16 h 00 (heure de Paris) », "4:00 PM (Paris time)"."""
    moment = local_moment(value, dateline)
    locale = _babel_locale(language)
    zone = moment.tzinfo
    city = get_timezone_location(zone, locale=locale, return_city=True)
    if locale.language == "fr":
        clock = f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"
        of = "d’" if fold(city)[:1] in "aeiouyh" else "de "
        return f"{clock} (heure {of}{city})".replace(" (", NBSP + "(", 1)
    clock = format_time(moment, format="short", locale=locale)
    if locale.language == "en":
        return f"{clock} ({city} time)"
    return f"{clock} ({get_timezone_name(moment, 'long', locale=locale)})"


def zoned_date(value, language, dateline=""):
    """The day in the zone ``zoned_time`` names, written out: « 25 avril 2019 »."""
    return format_date(local_moment(value, dateline), format="long", locale=_babel_locale(language))
