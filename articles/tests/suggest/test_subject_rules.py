"""Subjects as copy is written: sentences of our own, the shipped knowledge base."""

import datetime

import pytest

from articles.suggest.engine import detect, sentence_end
from articles.suggest.knowledge import inflections
from articles.tests.helpers.knowledge_index import index

DATE = datetime.date(2026, 11, 20)


def read(language, text, title=""):
    result = detect(index(language), text, title=title, date=DATE)
    return {
        "countries": {s.target.key for s in result.countries},
        "subjects": {s.target.key for s in result.countries if s.subject},
        "leaders": {s.target.key for s in result.leaders},
        "subject_leaders": {s.target.key for s in result.leaders if s.subject},
    }


def test_a_subject_leader_makes_their_country_a_subject():
    found = read(
        "en",
        "Narendra Modi opened a metro line on Sunday and promised ten more by 2030.\n\n"
        "Modi said the works would create jobs.",
        title="Modi opens new metro line",
    )
    assert found["subject_leaders"] == {"narendra-modi"}
    assert found["subjects"] == {"IN"}


def test_a_country_set_aside_in_the_first_sentence_is_not_a_subject():
    text = (
        "Washington is not the only power courting Gulf investors: Beijing and Brussels "
        "have sent envoys to Riyadh and Doha this month.\n\n"
        "Saudi officials said talks with China went well, and Qatar expects a deal."
    )
    found = read("en", text)
    assert "US" in found["countries"]
    assert "US" not in found["subjects"]
    assert {"SA", "CN", "QA"} <= found["subjects"]


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        ("fr", "Contrairement au Brésil, le Chili a signé l'accord avec l'Union européenne.", "BR"),
        ("es", "A diferencia de Perú, Chile firmó el acuerdo con la Unión Europea.", "PE"),
        ("de", "Anders als Polen hat Tschechien den Vertrag unterschrieben.", "PL"),
    ],
)
def test_a_country_named_for_contrast_is_not_a_subject(language, text, named):
    found = read(language, text)
    assert named in found["countries"] and named not in found["subjects"]
    assert len(found["subjects"]) == 1


def test_a_person_named_jordan_makes_every_jordan_in_the_article_the_person():
    found = read(
        "en",
        "Jordan said the bill would pass before Christmas.\n\n"
        "Rep. Jim Jordan, the Ohio Republican, chairs the committee. Jordan added that "
        "the vote could slip.",
        title="Jordan vows to pass spending bill",
    )
    assert "JO" not in found["countries"]


def test_the_country_jordan_stays_when_the_article_names_it_otherwise_too():
    found = read(
        "en",
        "Jordan reopened its border crossing with Syria on Monday.\n\n"
        "Officials in Amman said trucks would pass again. Michael Jordan was not involved.",
    )
    assert "JO" in found["subjects"]


def test_the_headline_follows_the_articles_sense_of_georgia():
    found = read(
        "en",
        "Georgia election officials in Atlanta said the count would finish on Friday.\n\n"
        "Voters across Georgia waited for hours in Fulton County.",
        title="Georgia count drags on",
    )
    assert "GE" not in found["countries"]


def test_the_capitalised_country_after_o_en_is_the_country():
    found = read("es", "Hubo protestas en México o en Argentina, Alberto Fernández respondió.")
    assert {"MX", "AR"} <= found["countries"]
    assert "alberto-fernandez" in found["leaders"]


def test_en_ruso_is_still_the_language():
    assert read("es", "El discurso fue traducido en ruso y en inglés.")["countries"] == set()


def test_rep_does_not_end_the_sentence():
    text = "Rep. Jim Jordan spoke on Tuesday. Then the House voted."
    assert sentence_end(text) == text.index("Then")


def test_german_genitive_names_the_leader():
    found = read("de", "Macrons Rede und Putins Drohungen prägten den Gipfel.")
    assert {"emmanuel-macron", "vladimir-putin"} <= found["leaders"]


def test_genitive_forms_are_german_only_and_keep_s_endings():
    assert inflections(["Willy Brandt", "Merz", "Lula"], "de") == ["Willy Brandts", "Lulas"]
    assert inflections(["Willy Brandt"], "fr") == []
