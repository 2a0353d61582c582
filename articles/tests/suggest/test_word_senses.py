"""Names a country shares with people, a common noun or a US state.

Every sentence here was written after the rules it tests, in place of the rules
that fitted one test story each (see entity_aliases.json's '_doc').
"""

import pytest

from articles.suggest.engine import suggest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]


def countries(text, language, title=""):
    return {item.target.key for item in suggest(text, language, title=title).countries}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "L'île Maurice a voté dimanche.", {"MU"}),
        ("fr", "Le Premier ministre de Maurice a promis de relever les petites retraites.", {"MU"}),
        ("fr", "Les Mauriciens votent dimanche.", {"MU"}),
        ("es", "El primer ministro de Mauricio anunció elecciones anticipadas.", {"MU"}),
        ("de", "Mauritius wählt ein neues Parlament.", {"MU"}),
        ("en", "Chad Smith's band toured Chad last year.", {"TD"}),
        ("en", "Turkey and Greece held talks on Monday.", {"TR", "GR"}),
        ("de", "Die Türkei und Georgien unterzeichnen ein Abkommen.", {"TR", "GE"}),
    ],
)
def test_the_country(language, text, expected):
    assert countries(text, language) == expected


class TestPeople:
    """A country's name inside a person's name is the person."""

    @pytest.mark.parametrize(
        ("language", "text"),
        [
            ("fr", "Maurice Lévy a quitté Publicis."),
            ("fr", "Le publicitaire Maurice Lévy a quitté la présidence du groupe en 2017."),
            ("es", "Mauricio Macri habló con la prensa."),
            ("de", "Der Werber Maurice Lévy verlässt Publicis."),
            ("en", "Georgia O'Keeffe painted the desert."),
            ("en", "Jordan Bardella leads the National Rally."),
        ],
    )
    def test_a_capitalised_name_next_to_it(self, language, text):
        assert countries(text, language) == set()

    def test_a_known_given_name_even_first_in_a_sentence(self):
        assert countries("Michael Jordan scored thirty points.", "en") == set()
        assert countries("Amman agreed. Jordan said so on Monday.", "en") == {"JO"}

    def test_after_an_honorific(self):
        assert countries("M. Maurice, maire du village, a ouvert la séance.", "fr") == set()
        assert countries("Mr. Jordan, a retired teacher, said no.", "en") == set()

    def test_hyphened_to_a_capitalised_word(self):
        assert countries("Un concert à Saint-Maurice a réuni deux mille personnes.", "fr") == set()
        assert countries("Georgia-Pacific will close a paper mill.", "en") == set()


class TestCommonNouns:
    """Lower case "turkey" is the bird; "Turkey" mid-sentence the country."""

    def test_a_capital_mid_sentence_is_the_country(self):
        text = "Turkey sent more troops. Exporters in Turkey sold more turkey to Iraq this year."
        assert countries(text, "en") == {"TR", "IQ"}

    def test_first_in_a_sentence_it_is_the_noun_the_article_uses(self):
        text = "Turkey is the centrepiece of the meal. We cooked the turkey for six hours."
        assert countries(text, "en") == set()

    def test_a_title_case_headline_says_nothing_by_its_capitals(self):
        noun = "A frozen turkey costs less than it did in 2020."
        assert countries(noun, "en", title="Why Turkey Is Cheaper This Year") == set()
        country = "Voters go to the polls in May."
        assert countries(country, "en", title="Turkey Holds Early Elections") == {"TR"}


class TestGeorgia:
    """The US state or the country, decided once per article by the cues it has."""

    @pytest.mark.parametrize(
        ("language", "text"),
        [
            ("en", "Georgia's new voting law was signed by the governor in Atlanta."),
            ("en", "Peach growers in Georgia and Alabama expect a late harvest."),
            ("en", "The mill near Savannah, Ga., will close. Georgia loses its last one."),
            (
                "fr",
                "Le gouverneur a signé à Atlanta. La Géorgie devient le dixième État à le faire.",
            ),
            ("fr", "Les producteurs de Géorgie et de Caroline du Sud craignent le gel."),
            ("es", "Los agricultores de Georgia y Florida esperan lluvias."),
        ],
    )
    def test_the_us_state(self, language, text):
        assert countries(text, language) == set()

    @pytest.mark.parametrize(
        ("language", "text", "expected"),
        [
            ("en", "Georgia's prime minister met the president of Azerbaijan.", {"GE", "AZ"}),
            ("fr", "La Géorgie, petit pays du Caucase, a voté une loi contestée.", {"GE"}),
            ("es", "El Gobierno de Georgia, en el Cáucaso, rechazó la propuesta.", {"GE"}),
            # "colorado" in lower case is Spanish for red, not the state.
            ("es", "Georgia exporta un vino colorado muy apreciado.", {"GE"}),
        ],
    )
    def test_the_country(self, language, text, expected):
        assert countries(text, language) == expected

    def test_cues_for_the_country_outweigh_one_for_the_state(self):
        text = "Le président de la Géorgie, pays du Caucase, a été reçu à Atlanta."
        assert countries(text, "fr") == {"GE"}
        # The capital names the country whatever else happens; here it vouches for "Georgia".
        text = "Georgia's president, visiting Atlanta, said Tbilisi would not yield."
        (georgia,) = suggest(text, "en").countries
        assert georgia.matched == ["Georgia", "Tbilisi"]
