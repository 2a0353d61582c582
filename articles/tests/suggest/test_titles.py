"""Leaders named by their title only resolve to the office holder on the article's date."""

import datetime

import pytest

from articles.models import Leader
from articles.suggest.engine import detect, suggest
from articles.suggest.titles import COUNTERPART, GOVERNMENT, PRESIDENT, STATE, role_asks
from articles.tests.helpers.factories import country
from articles.tests.helpers.knowledge_index import index

LATE_2026 = datetime.date(2026, 11, 20)


def leaders(text, language, *, date=LATE_2026, title=""):
    return {s.target.key for s in detect(index(language), text, title=title, date=date).leaders}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le président russe a reçu les ambassadeurs.", "vladimir-putin"),
        ("fr", "La cheffe du gouvernement italien a répondu mardi.", "giorgia-meloni"),
        ("fr", "Le président italien a promulgué la loi.", "sergio-mattarella"),
        ("fr", "Le chef de l'État brésilien est arrivé.", "luiz-inacio-lula-da-silva"),
        ("fr", "Le président de la Russie a parlé.", "vladimir-putin"),
        ("fr", "Le président espagnol a défendu son budget.", "pedro-sanchez"),
        ("fr", "Le chancelier allemand a parlé.", "friedrich-merz"),
        ("fr", "Le pape a prié pour la paix.", "leo-xiv"),
        ("en", "The South Korean president flew to Tokyo.", "lee-jae-myung"),
        ("en", "Russia's president warned the West.", "vladimir-putin"),
        ("en", "The President of France spoke first.", "emmanuel-macron"),
        ("en", "The Indian prime minister arrived late.", "narendra-modi"),
        ("en", "The NATO Secretary General visited Kyiv.", "mark-rutte"),
        ("es", "El mandatario brasileño viajó a Pekín.", "luiz-inacio-lula-da-silva"),
        ("es", "El presidente del Gobierno español habló.", "pedro-sanchez"),
        ("es", "La primera ministra italiana llegó a Madrid.", "giorgia-meloni"),
        ("es", "El papa recibió a los cardenales.", "leo-xiv"),
        ("de", "Der Kreml-Chef drohte erneut.", "vladimir-putin"),
        ("de", "Der französische Präsident sprach in Berlin.", "emmanuel-macron"),
        ("de", "Ein Treffen mit dem US-Präsidenten ist geplant.", "donald-trump"),
        ("de", "Russlands Präsident schwieg.", "vladimir-putin"),
        ("de", "Die Rede des Präsidenten Frankreichs war kurz.", "emmanuel-macron"),
    ],
)
def test_a_title_next_to_a_country_names_the_holder(language, text, expected):
    assert leaders(text, language) == {expected}


@pytest.mark.parametrize(
    ("language", "text", "date", "expected"),
    [
        ("fr", "Le président russe a parlé.", datetime.date(2010, 3, 1), "dmitry-medvedev"),
        ("en", "The South Korean president spoke.", datetime.date(2019, 1, 1), "moon-jae-in"),
        ("de", "Der Papst betete.", datetime.date(2015, 1, 1), "pope-francis"),
        ("es", "El presidente estadounidense habló.", datetime.date(2022, 1, 1), "joe-biden"),
    ],
)
def test_the_holder_is_the_one_in_office_on_the_articles_date(language, text, date, expected):
    assert leaders(text, language, date=date) == {expected}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "L'ancien président russe a publié ses mémoires."),
        ("fr", "L'ex-président brésilien a été entendu."),
        ("fr", "Le président russe élu prêtera serment."),
        ("en", "The former South Korean president was jailed."),
        ("en", "The US president-elect named his cabinet."),
        ("en", "The president of the Russian Academy of Sciences spoke."),
        ("en", "The Russian Premier League resumes on Friday."),
        ("es", "El expresidente brasileño declaró."),
        ("de", "Der frühere französische Präsident schrieb ein Buch."),
        ("fr", "Les présidents russe et chinois se sont vus."),
    ],
)
def test_former_elected_or_other_presidents_are_not_the_holder(language, text):
    assert leaders(text, language) == set()


def test_a_name_beside_the_title_counts_once():
    result = detect(index("fr"), "Le président russe Vladimir Poutine a parlé.", date=LATE_2026)
    assert [(s.target.key, s.count) for s in result.leaders] == [("vladimir-putin", 1)]


def test_the_title_alone_counts_as_a_mention_of_a_named_leader():
    text = "Vladimir Poutine est arrivé à Pékin.\n\nLe président russe a ensuite rencontré Xi."
    result = detect(index("fr"), text, date=LATE_2026)
    putin = next(s for s in result.leaders if s.target.key == "vladimir-putin")
    assert putin.count == 2


def test_a_counterpart_holds_the_same_office_as_the_leader_before():
    text = "Giorgia Meloni a reçu son homologue espagnol, puis Macron son homologue italien."
    assert leaders(text, "fr") == {
        "giorgia-meloni",
        "pedro-sanchez",
        "emmanuel-macron",
        "sergio-mattarella",
    }


def test_the_holders_country_becomes_a_subject():
    result = detect(
        index("es"),
        "El mandatario brasileño firmó el acuerdo en Brasilia.",
        title="El mandatario brasileño firma un acuerdo",
        date=LATE_2026,
    )
    assert {s.target.key for s in result.leaders if s.subject} == {"luiz-inacio-lula-da-silva"}
    assert "BR" in {s.target.key for s in result.countries if s.subject}


@pytest.mark.parametrize(
    ("role", "asks"),
    [
        ("Président de la République", PRESIDENT),
        ("Première ministre", GOVERNMENT),
        ("Bundeskanzlerin", "chancellor"),
        ("Chef de l'État", STATE),
        ("Prime Minister of Luxembourg", GOVERNMENT),
        ("homologue", COUNTERPART),
        ("Ministre des Affaires étrangères", None),
    ],
)
def test_an_editors_role_text_reads_as_an_office(role, asks):
    assert role_asks(role) == asks


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_entity_index")
def test_a_leader_an_editor_added_is_the_holder_in_their_dates():
    Leader.objects.create(
        name="Anna Testeur",
        slug="anna-testeur",
        country=country("LU"),
        role="Première ministre",
        in_office_from=datetime.date(2030, 1, 1),
    )
    text = "Le Premier ministre du Luxembourg a parlé."
    assert {s.target.key for s in suggest(text, "fr", date=datetime.date(2030, 6, 1)).leaders} == {
        "anna-testeur"
    }
    assert suggest(text, "fr", date=datetime.date(2029, 6, 1)).leaders == []
