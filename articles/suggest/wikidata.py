"""Refreshing leaders from a Wikidata SPARQL export (``manage.py import_wikidata FILE``).

The export is the JSON the Wikidata Query Service returns for the query in the
README: one binding per (person, country, head of state or of government,
start, end). ``records_from_export`` groups them by person and keeps the term
held at the reference date (else the last one), like the shipped knowledge
base; ``sync_leaders`` then writes them without touching an editor's rows.
"""

import datetime
import json
import re

from django.conf import settings
from django.utils.translation import gettext as _

from articles.models import Leader
from articles.suggest.knowledge_base import DATA_FILE, LeaderRecord, load_data, sync_leaders
from articles.text import folded_slug

_Q_ID = re.compile(r"(Q[1-9][0-9]*)$")
FEMALE = "Q6581072"
# Titles used when the knowledge base has no office for the country.
GENERIC = {
    "state": {
        "fr": "Chef de l'État",
        "en": "Head of State",
        "es": "Jefe de Estado",
        "de": "Staatsoberhaupt",
    },
    "government": {
        "fr": "Chef du gouvernement",
        "en": "Head of Government",
        "es": "Jefe de Gobierno",
        "de": "Regierungschef",
    },
}


class ExportError(ValueError):
    """A file that is not a Wikidata SPARQL JSON export of the expected query."""


def _value(binding, name):
    return (binding.get(name) or {}).get("value", "")


def _date(text):
    # "2012-05-07T00:00:00Z"; Wikidata writes unknown days as 00 at lower precisions.
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return datetime.date(year, max(month, 1), max(day, 1))


def read_export(text):
    try:
        bindings = json.loads(text)["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as error:
        raise ExportError(_("not a SPARQL JSON export (%(error)s)") % {"error": error}) from error
    if not isinstance(bindings, list):
        raise ExportError(_("not a SPARQL JSON export (no list of results)"))
    return bindings


def _titles(language):
    data = load_data(DATA_FILE)
    by_country = {}
    for office in data["offices"].values():
        heads = office["heads"]
        for head in ("state", "government"):
            if office.get("country") and head in heads.split("+"):
                by_country.setdefault((office["country"], head), office["title"])

    def title(country, head, female):
        key = by_country.get((country, head))
        if key is None:
            return GENERIC[head].get(language, GENERIC[head]["en"])
        masculine, feminine = data["titles"][key].get(language) or data["titles"][key]["en"]
        return feminine if female else masculine

    return title


def records_from_export(bindings, *, reference=None, language=None):
    """One :class:`LeaderRecord` per person, with the aliases already stored kept."""
    reference = reference or datetime.date.fromisoformat(load_data(DATA_FILE)["reference_date"])
    title = _titles(language or settings.LANGUAGE_CODE)
    people = {}
    for binding in bindings:
        match = _Q_ID.search(_value(binding, "person"))
        head = _value(binding, "role")
        if not match or head not in GENERIC or not _value(binding, "iso"):
            continue
        person = people.setdefault(
            match.group(1),
            {"name": _value(binding, "personLabel"), "terms": [], "aliases": [], "female": False},
        )
        person["female"] |= _value(binding, "gender").endswith(FEMALE)
        start, end = _date(_value(binding, "start")), _date(_value(binding, "end"))
        term = (start, end, _value(binding, "iso"), head)
        if term not in person["terms"]:
            person["terms"].append(term)
        for alias in _value(binding, "aliases").split("|"):
            if alias.strip() and alias.strip() not in person["aliases"]:
                person["aliases"].append(alias.strip())
    stored = dict(Leader.objects.exclude(wikidata_id="").values_list("wikidata_id", "aliases"))
    records = []
    for qid, person in people.items():
        if not person["name"] or _Q_ID.fullmatch(person["name"]):
            continue  # no label in the languages asked for
        start, end, country, head = _main(person["terms"], reference)
        aliases = [line for line in (stored.get(qid) or "").splitlines() if line.strip()]
        aliases += [a for a in person["aliases"] if a not in aliases and a != person["name"]]
        records.append(
            LeaderRecord(
                slug=folded_slug(person["name"]),
                name=person["name"],
                country=country,
                role=title(country, head, person["female"]),
                in_office_from=start,
                in_office_to=end,
                aliases=aliases,
                wikidata_id=qid,
            )
        )
    return records


def _main(terms, reference):
    current = [
        t
        for t in terms
        if (t[0] is None or t[0] <= reference) and (t[1] is None or t[1] > reference)
    ]
    if current:
        return max(current, key=lambda t: t[0] or datetime.date.min)
    return max(terms, key=lambda t: t[1] or datetime.date.max)


def import_export(text):
    return sync_leaders(records_from_export(read_export(text)), source=Leader.Source.WIKIDATA)
