import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Leader
from articles.tests.helpers.factories import make_leader

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "helpers" / "data" / "wikidata-leaders-sample.json"


def test_the_export_creates_leaders_with_their_current_office_and_forms():
    call_command("import_wikidata", str(SAMPLE), stdout=None)
    putin = Leader.objects.get(wikidata_id="Q7747")
    assert putin.in_office_from == datetime.date(2012, 5, 7) and putin.in_office_to is None
    assert putin.role == "Président de la République"
    assert "Vladimir Vladimirovitch Poutine" in putin.alias_list
    ingrid = Leader.objects.get(wikidata_id="Q900000001")
    assert (ingrid.country.code, ingrid.role) == ("NO", "Première ministre")
    assert ingrid.source == Leader.Source.WIKIDATA and ingrid.last_synced is not None
    # A date known to the year only; a person with no label; a binding without a country.
    assert Leader.objects.get(wikidata_id="Q900000002").in_office_from == datetime.date(2001, 1, 1)
    assert not Leader.objects.filter(wikidata_id__in=["Q900000003", "Q900000004"]).exists()


def test_a_refresh_updates_what_it_wrote_keeps_stored_aliases_and_spares_editors():
    editor = make_leader(name="Ingrid Essai", slug="ingrid-essai", country_code="NO", role="PM")
    make_leader(name="Autre", wikidata_id="Q900000002", country_code="FR", aliases="Témoin")
    Leader.objects.filter(wikidata_id="Q900000002").update(source=Leader.Source.KNOWLEDGE_BASE)
    call_command("import_wikidata", str(SAMPLE), stdout=None)
    putin = Leader.objects.get(wikidata_id="Q7747")
    putin.in_office_from = datetime.date(1999, 12, 31)
    putin.save()  # an editor's save: the row is now theirs
    call_command("import_wikidata", str(SAMPLE), stdout=None)
    putin.refresh_from_db()
    editor.refresh_from_db()
    assert putin.in_office_from == datetime.date(1999, 12, 31)
    assert putin.source == Leader.Source.EDITOR
    assert editor.role == "PM" and editor.wikidata_id == ""
    # A knowledge-base row changed outside a sync (no digest) is kept too.
    assert Leader.objects.get(wikidata_id="Q900000002").name == "Autre"


def test_a_namesake_with_another_wikidata_id_gets_a_slug_of_their_own():
    make_leader(name="Ingrid Essai", slug="ingrid-essai", country_code="SE", wikidata_id="Q5")
    call_command("import_wikidata", str(SAMPLE), stdout=None)
    assert Leader.objects.get(wikidata_id="Q900000001").slug == "ingrid-essai-q900000001"


def test_a_knowledge_base_row_is_refreshed_by_its_wikidata_id(tmp_path):
    from articles.suggest.knowledge_base import LeaderRecord, sync_leaders

    sync_leaders(
        [
            LeaderRecord(
                slug="vladimir-putin",
                name="Vladimir Putin",
                country="RU",
                role="Président de la République",
                in_office_from=datetime.date(2012, 5, 7),
                in_office_to=datetime.date(2020, 1, 1),
                aliases=["Poutine"],
                wikidata_id="Q7747",
            )
        ],
        source=Leader.Source.KNOWLEDGE_BASE,
    )
    call_command("import_wikidata", str(SAMPLE), stdout=None)
    putin = Leader.objects.get(slug="vladimir-putin")
    assert putin.in_office_to is None and putin.source == Leader.Source.WIKIDATA
    assert putin.alias_list[0] == "Poutine" and "Putin" in putin.alias_list
    assert Leader.objects.filter(wikidata_id="Q7747").count() == 1


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"results": 3}', encoding="utf-8")
    with pytest.raises(CommandError, match="SPARQL JSON"):
        call_command("import_wikidata", str(bad))
    with pytest.raises(CommandError):
        call_command("import_wikidata", str(tmp_path / "missing.json"))
