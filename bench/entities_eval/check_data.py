"""Sanity checks for articles/suggest/data/leaders.json.

    .venv/bin/python bench/entities_eval/check_data.py [path]

Fails (exit 1) when a UN member has no head of state at the reference date (an
office whose ``pending`` note says the compiler does not know the holder is a warning), when
two terms of one office overlap, when an ISO code, office, title or date is not
valid, or when two people share a name or slug; prints counts and the aliases
two people share (a surname that would name both) as warnings.
"""

import datetime
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "articles" / "suggest" / "data" / "leaders.json"
UN_MEMBERS = set(
    """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
    CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR
    GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW
    KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP
    NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC
    SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US
    UY UZ VU VE VN YE ZM ZW""".split()  # noqa: SIM905 (193 codes, easier to read as text)
)
assert len(UN_MEMBERS) == 193
HEADS = {"state", "government", "state+government", "organization"}
LANGUAGES = ("fr", "en", "es", "de")
Q_ID = re.compile(r"^Q[1-9][0-9]*$")


def date(text):
    return datetime.date.fromisoformat(text) if text else None


def check(data):
    errors, warnings = [], []
    iso = {code for code in Locale.parse("en").territories if re.fullmatch(r"[A-Z]{2}", code)}
    reference = date(data["reference_date"])
    titles, offices, orgs = data["titles"], data["offices"], data["organizations"]
    for key, title in titles.items():
        for lang in LANGUAGES:
            if len(title.get(lang, ())) != 2:
                errors.append(f"title {key}: needs [masculine, feminine] in {lang}")
    for key, office in offices.items():
        if office.get("title") not in titles:
            errors.append(f"office {key}: unknown title {office.get('title')!r}")
        if office.get("heads") not in HEADS:
            errors.append(f"office {key}: heads must be one of {sorted(HEADS)}")
        if "country" in office and office["country"] not in iso:
            errors.append(f"office {key}: {office['country']!r} is not an ISO 3166-1 code")
        if "org" in office and office["org"] not in orgs:
            errors.append(f"office {key}: unknown organisation {office['org']!r}")
        if ("country" in office) == ("org" in office):
            errors.append(f"office {key}: needs a country or an org, not both")
    terms = defaultdict(list)
    names, slugs, aliases = Counter(), Counter(), defaultdict(set)
    for person in data["people"]:
        name = person["name"]
        names[name] += 1
        slugs[person.get("slug") or slug_of(name)] += 1
        if person.get("wikidata") and not Q_ID.match(person["wikidata"]):
            errors.append(f"{name}: wikidata id {person['wikidata']!r} is not a Q-id")
        for alias in [name, *person.get("aliases", ()), person.get("native") or name]:
            aliases[alias.casefold()].add(name)
        if not person.get("terms"):
            errors.append(f"{name}: no term")
        for office, start, end in person.get("terms", ()):
            if office not in offices:
                errors.append(f"{name}: unknown office {office}")
                continue
            try:
                start_date, end_date = date(start), date(end)
            except ValueError as error:
                errors.append(f"{name}: {error}")
                continue
            if start_date is None or (end_date and end_date < start_date):
                errors.append(f"{name}: term in {office} from {start} to {end}")
                continue
            terms[office].append((start_date, end_date, name))
    for name, count in names.items():
        if count > 1:
            errors.append(f"{name}: listed {count} times")
    for slug, count in slugs.items():
        if count > 1:
            errors.append(f"slug {slug}: {count} people")
    for alias, people in sorted(aliases.items()):
        if len(people) > 1:
            warnings.append(f"alias {alias!r} names {', '.join(sorted(people))}")
    for office, office_terms in terms.items():
        office_terms.sort()
        for (start1, end1, name1), (start2, _end2, name2) in itertools.pairwise(office_terms):
            if end1 is None or start2 < end1:
                errors.append(f"{office}: {name1} ({start1}–{end1 or 'now'}) overlaps {name2}")
    holders = {
        office
        for office, office_terms in terms.items()
        for start, end, _name in office_terms
        if start <= reference and (end is None or end > reference)
    }
    for code in sorted(UN_MEMBERS):
        state = [
            key
            for key, office in offices.items()
            if office.get("country") == code and office["heads"] in ("state", "state+government")
        ]
        if not state:
            errors.append(f"{code}: no head-of-state office")
        elif not any(key in holders or offices[key].get("collective") for key in state):
            pending = [offices[key]["pending"] for key in state if offices[key].get("pending")]
            if pending:
                warnings.append(f"{code}: holder unknown to the compiler: {pending[0]}")
            else:
                errors.append(f"{code}: nobody holds {', '.join(state)} on {reference}")
    return errors, warnings, terms, holders


def slug_of(name):
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", folded).strip("-")


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    data = json.loads(path.read_text(encoding="utf-8"))
    errors, warnings, terms, holders = check(data)
    people = data["people"]
    reference = date(data["reference_date"])
    current = {
        name
        for office_terms in terms.values()
        for start, end, name in office_terms
        if start <= reference and (end is None or end > reference)
    }
    print(f"reference date {data['reference_date']}")
    print(f"{len(people)} people, {len(data['offices'])} offices, {len(holders)} offices held")
    print(f"{sum(1 for p in people if p.get('unverified'))} unverified")
    print(f"{sum(1 for p in people if p.get('wikidata'))} with a Wikidata id")
    print(f"{len(current)} people in office on the reference date")
    for warning in warnings:
        print("warning:", warning)
    for error in errors:
        print("ERROR:", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
