"""Demonyms, capitals and spellings of country names that copy uses (country_forms.json)."""

import json

import pytest

from articles.suggest import knowledge
from articles.suggest.engine import suggest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]


def countries(text, language):
    return {item.target.key for item in suggest(text, language).countries}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Voters in Guinea Bissau return to the polls on Sunday.", {"GW"}),
        ("fr", "La Guinée Bissau a rouvert ses frontières.", {"GW"}),
        ("es", "Elecciones en Guinea Bissau y en Timor Leste.", {"GW", "TL"}),
        ("en", "The Gabonese president flew to Libreville overnight.", {"GA"}),
        ("es", "El gobierno estadunidense anunció nuevas sanciones.", {"US"}),
        ("fr", "Les autorités burkinabè ont reçu l’émissaire à Ouagadougou.", {"BF"}),
        ("de", "Die kasachische Regierung tagte in Astana.", {"KZ"}),
        ("fr", "Le ministre ougandais a quitté Kampala pour Kigali.", {"UG", "RW"}),
        ("es", "Los manifestantes hondureños marcharon en Tegucigalpa.", {"HN"}),
        ("de", "In Kopenhagen trafen sich dänische und isländische Minister.", {"DK", "IS"}),
        ("en", "A Kyrgyz delegation landed in Bishkek after talks in Tashkent.", {"KG", "UZ"}),
        ("fr", "Les troupes sud-soudanaises se sont retirées.", {"SS"}),
    ],
)
def test_forms_copy_uses_name_their_country(language, text, expected):
    assert countries(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Ajoutez le sucre et la farine, puis laissez reposer."),
        ("en", "Sofia Coppola presented her film in Venice's old cinema."),
        ("es", "La paz llegó tras años de guerra civil."),
    ],
)
def test_words_and_names_that_look_like_forms_name_no_country(language, text):
    assert countries(text, language) <= {"IT"}


def test_every_country_form_is_written_for_a_real_country_in_our_four_languages():
    forms = json.loads(knowledge.FORMS_FILE.read_text(encoding="utf-8"))["countries"]
    names = knowledge.cldr_names("en")
    assert all(code in names for code in forms)
    assert all(set(per_language) <= {"fr", "en", "es", "de"} for per_language in forms.values())
    merged = knowledge.aliases_data()["countries"]
    assert "estadunidense{,s}" in merged["US"]["es"] and "?Washington" in merged["US"]["es"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Cypriot and Luxembourgish ministers met in Nicosia.", {"CY", "LU"}),
        ("fr", "Le gouvernement cap-verdien a reçu des pêcheurs gambiens à Praia.", {"CV", "GM"}),
        ("es", "Delegaciones bahameñas y trinitenses viajaron a Bridgetown.", {"BS", "TT", "BB"}),
        ("de", "Die tongaische Regierung bat Samoas Premier um Hilfe.", {"TO", "WS"}),
        ("en", "Male voters outnumbered women at the booths.", set()),
        ("fr", "Les roseaux bordent le lac ; un roseau plie mais ne rompt pas.", set()),
    ],
)
def test_small_states_have_their_forms_too(language, text, expected):
    assert countries(text, language) == expected


def test_every_un_member_has_forms_beyond_its_name_in_each_language():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench" / "entities_eval"))
    from check_data import UN_MEMBERS

    merged = knowledge.aliases_data()["countries"]
    for language in ("fr", "en", "es", "de"):
        assert {code for code in UN_MEMBERS if not merged.get(code, {}).get(language)} == set()
