"""The leaders shipped with the product (``data/leaders.json``), loaded into ``Leader``.

``leader_records`` turns the data file (people, their terms in offices) into one
record per person: the office they hold at the file's reference date (else their
last one) gives the role and dates. ``sync_leaders`` writes records into the
database and is what both ``manage.py load_leaders`` and ``manage.py
import_wikidata`` call: it creates what is missing, updates what it wrote itself
and nobody touched since, and never overwrites an editor's change (a row whose
fields no longer match the digest stored when it was last synced is the editor's
from then on).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.languages.names import french_leader_name
from articles.models import Country, Leader
from articles.text import folded_slug

DATA_FILE = Path(__file__).resolve().parent / "data" / "leaders.json"
# The fields a sync writes; an editor changing any of them takes the row over.
SYNCED_FIELDS = ("name", "country_id", "role", "in_office_from", "in_office_to", "aliases")


@lru_cache(maxsize=4)
def load_data(path=DATA_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass
class LeaderRecord:
    slug: str
    name: str
    country: str | None  # ISO code; None for the heads of international organisations
    role: str
    in_office_from: datetime.date | None
    in_office_to: datetime.date | None
    aliases: list = field(default_factory=list)
    wikidata_id: str = ""


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def title(data, office, *, female, language):
    titles = data["titles"][data["offices"][office]["title"]]
    masculine, feminine = titles.get(language) or titles["en"]
    return feminine if female else masculine


def main_term(terms, reference):
    """The first term held on ``reference``, else the one that ended last."""
    current = [
        t for t in terms if _date(t[1]) <= reference and (t[2] is None or _date(t[2]) > reference)
    ]
    if current:
        return current[0]
    return max(terms, key=lambda t: _date(t[2]) or datetime.date.max)


def person_slug(person):
    return person.get("slug") or folded_slug(person["name"])


def leader_records(data, *, language=None):
    """One :class:`LeaderRecord` per person of the data file, roles in ``language``."""
    language = language or settings.LANGUAGE_CODE
    reference = _date(data["reference_date"])
    records = []
    for person in data["people"]:
        office, start, end = main_term(person["terms"], reference)
        aliases = [*person.get("aliases", ())]
        if person.get("native"):
            aliases.append(person["native"])
        records.append(
            LeaderRecord(
                slug=person_slug(person),
                name=person["name"],
                country=data["offices"][office].get("country"),
                role=title(data, office, female=person.get("female", False), language=language),
                in_office_from=_date(start),
                in_office_to=_date(end),
                aliases=list(dict.fromkeys(a for a in aliases if a != person["name"])),
                wikidata_id=person.get("wikidata", ""),
            )
        )
    return records


def digest(leader):
    values = [str(getattr(leader, name) or "") for name in SYNCED_FIELDS]
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list = field(default_factory=list)  # names an editor changed: left as they are
    skipped: list = field(default_factory=list)  # records whose country is not in the database

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.kept)} kept as editors left them, {len(self.skipped)} skipped"
        )


@transaction.atomic
def sync_leaders(records, *, source, fields=None, now=None):
    """Write ``records`` into ``Leader``; ``fields`` limits what an update may change."""
    now = now or timezone.now()
    countries = dict(Country.objects.values_list("code", "pk"))
    by_slug = {leader.slug: leader for leader in Leader.objects.all()}
    by_wikidata = {leader.wikidata_id: leader for leader in by_slug.values() if leader.wikidata_id}
    report = SyncReport()
    for record in records:
        if record.country and record.country not in countries:
            report.skipped.append(record.name)
            continue
        values = {
            "name": record.name,
            "country_id": countries.get(record.country),
            "role": record.role[: Leader._meta.get_field("role").max_length],
            "in_office_from": record.in_office_from,
            "in_office_to": record.in_office_to,
            "aliases": "\n".join(record.aliases),
        }
        if fields is not None:
            values = {name: value for name, value in values.items() if name in fields}
        slug = record.slug
        leader = (record.wikidata_id and by_wikidata.get(record.wikidata_id)) or by_slug.get(slug)
        if leader and record.wikidata_id and leader.wikidata_id not in ("", record.wikidata_id):
            # Two people of one name: the newcomer's slug says which one it is.
            slug, leader = f"{slug}-{record.wikidata_id.lower()}", None
        if leader is None:
            leader = Leader(
                slug=slug,
                wikidata_id=record.wikidata_id,
                name_fr=french_leader_name(record.name),
                **values,
            )
            _save(leader, source=source, now=now)
            by_slug[leader.slug] = leader
            report.created += 1
            continue
        if leader.source == Leader.Source.EDITOR or leader.synced_digest != digest(leader):
            if leader.source != Leader.Source.EDITOR:
                Leader.objects.filter(pk=leader.pk).update(source=Leader.Source.EDITOR)
            report.kept.append(leader.name)
            continue
        if not leader.wikidata_id and record.wikidata_id:
            values["wikidata_id"] = record.wikidata_id
        changed = {name: value for name, value in values.items() if getattr(leader, name) != value}
        if not changed:
            report.unchanged += 1
            continue
        for name, value in changed.items():
            setattr(leader, name, value)
        _save(leader, source=source, now=now)
        report.updated += 1
    return report


def _save(leader, *, source, now):
    leader.source, leader.last_synced = source, now
    leader.synced_digest = digest(leader)
    leader.full_clean(validate_unique=False)
    leader.save()


def load_shipped_leaders(path=DATA_FILE):
    """Load the knowledge base shipped with the product; safe to run again."""
    return sync_leaders(leader_records(load_data(path)), source=Leader.Source.KNOWLEDGE_BASE)
