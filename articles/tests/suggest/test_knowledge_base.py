import datetime
import json

import pytest
from django.core.management import call_command

from articles.models import Leader
from articles.suggest.knowledge_base import (
    DATA_FILE,
    leader_records,
    load_data,
    load_shipped_leaders,
    main_term,
)

pytestmark = pytest.mark.django_db


def _data(people, offices=None):
    return {
        "reference_date": "2026-12-01",
        "titles": {
            "president": {
                "fr": ["Président de la République", "Présidente de la République"],
                "en": ["President", "President"],
            },
            "pm": {"fr": ["Premier ministre", "Première ministre"], "en": ["PM", "PM"]},
            "un_sg": {"fr": ["Secrétaire général de l'ONU", "Secrétaire générale de l'ONU"]},
        },
        "offices": offices
        or {
            "FR-hos": {"country": "FR", "title": "president", "heads": "state"},
            "FR-hog": {"country": "FR", "title": "pm", "heads": "government"},
            "UN-sg": {"org": "UN", "title": "un_sg", "heads": "organization"},
        },
        "people": people,
    }


def _write(tmp_path, data):
    path = tmp_path / "leaders.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    load_data.cache_clear()
    return path


def test_the_current_office_gives_the_role_and_dates_else_the_last_one():
    terms = [["RU-hos", "2000-05-07", "2008-05-07"], ["RU-hos", "2012-05-07", None]]
    assert main_term(terms, datetime.date(2026, 12, 1)) == terms[1]
    past = [["FR-hog", "1997-06-02", "2002-05-06"], ["FR-hos", "2002-05-06", "2007-05-16"]]
    assert main_term(past, datetime.date(2026, 12, 1)) == past[1]


def test_records_carry_role_in_the_site_language_feminine_forms_and_native_spelling():
    data = _data(
        [
            {
                "name": "Élisabeth Borne",
                "female": True,
                "terms": [["FR-hog", "2022-05-16", "2024-01-09"]],
                "aliases": ["Elisabeth Borne"],
            },
            {
                "name": "Vladimir Exemple",
                "terms": [["FR-hos", "2020-01-01", None]],
                "native": "Владимир",
                "wikidata": "Q7747",
            },
            {"name": "Une Secrétaire", "female": True, "terms": [["UN-sg", "2020-01-01", None]]},
        ]
    )
    borne, vladimir, secretary = leader_records(data, language="fr")
    assert (borne.slug, borne.role, borne.country) == ("elisabeth-borne", "Première ministre", "FR")
    assert borne.in_office_to == datetime.date(2024, 1, 9)
    assert vladimir.aliases == ["Владимир"] and vladimir.wikidata_id == "Q7747"
    assert secretary.country is None and secretary.role == "Secrétaire générale de l'ONU"


def test_loading_twice_gives_the_same_rows(tmp_path):
    path = _write(
        tmp_path,
        _data(
            [
                {
                    "name": "Jeanne Exemple",
                    "female": True,
                    "terms": [["FR-hos", "2021-01-01", None]],
                },
                {"name": "Paul Exemple", "terms": [["UN-sg", "2019-01-01", None]]},
            ]
        ),
    )
    first = load_shipped_leaders(path)
    rows = list(Leader.objects.order_by("slug").values())
    second = load_shipped_leaders(path)
    assert (first.created, second.created, second.updated, second.unchanged) == (2, 0, 0, 2)
    assert list(Leader.objects.order_by("slug").values()) == rows
    assert Leader.objects.get(slug="paul-exemple").country is None


def test_an_editors_change_survives_a_reload_and_a_new_file_updates_the_rest(tmp_path):
    people = [
        {"name": "Jeanne Exemple", "female": True, "terms": [["FR-hos", "2021-01-01", None]]},
        {"name": "Paul Exemple", "terms": [["FR-hog", "2021-01-01", None]]},
    ]
    load_shipped_leaders(_write(tmp_path, _data(people)))
    jeanne = Leader.objects.get(slug="jeanne-exemple")
    jeanne.role = "Présidente, selon la rédaction"
    jeanne.save()
    people[0]["terms"][0][2] = "2026-01-01"
    people[1]["terms"][0][2] = "2026-01-01"
    report = load_shipped_leaders(_write(tmp_path, _data(people)))
    jeanne.refresh_from_db()
    paul = Leader.objects.get(slug="paul-exemple")
    assert jeanne.role == "Présidente, selon la rédaction" and jeanne.in_office_to is None
    assert jeanne.source == Leader.Source.EDITOR
    assert paul.in_office_to == datetime.date(2026, 1, 1)
    assert (report.updated, report.kept) == (1, ["Jeanne Exemple"])


def test_a_leader_an_editor_entered_first_is_never_overwritten(tmp_path):
    from articles.tests.helpers.factories import make_leader

    make_leader(name="Paul Exemple", slug="paul-exemple", country_code="FR", role="Maire")
    load_shipped_leaders(
        _write(
            tmp_path, _data([{"name": "Paul Exemple", "terms": [["FR-hos", "2021-01-01", None]]}])
        )
    )
    assert Leader.objects.get(slug="paul-exemple").role == "Maire"


def test_the_shipped_file_loads_every_person_with_the_forms_copy_uses():
    load_data.cache_clear()
    call_command("load_leaders", stdout=None)
    people = load_data(DATA_FILE)["people"]
    assert Leader.objects.count() == len(people)
    macron = Leader.objects.get(slug="emmanuel-macron")
    assert macron.country.code == "FR" and macron.role == "Président de la République"
    assert "Macron" in macron.alias_list
    assert Leader.objects.get(slug="vladimir-putin").in_office_from == datetime.date(2012, 5, 7)
    assert "Путин" in Leader.objects.get(slug="vladimir-putin").aliases
    assert Leader.objects.get(slug="antonio-guterres").country is None
    assert Leader.objects.filter(source=Leader.Source.KNOWLEDGE_BASE).count() == len(people)
