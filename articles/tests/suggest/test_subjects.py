"""Which countries and leaders a story is about (subjects), beyond what it names."""

import pytest

from articles.suggest.engine import suggest
from articles.tests.helpers.factories import make_leader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]


def subjects(text, language, title=""):
    result = suggest(text, language, title=title)
    return (
        {s.target.key for s in result.countries if s.subject},
        {s.target.key for s in result.leaders if s.subject},
        {s.target.key for s in result.countries},
    )


def test_a_subject_leader_makes_their_country_a_subject_even_unnamed():
    make_leader(name="Friedrich Merz", slug="friedrich-merz", country_code="DE", aliases="Merz")
    countries, leaders, named = subjects(
        "Bundeskanzler Friedrich Merz hat in Paris über Rüstung gesprochen.",
        "de",
        title="Merz wirbt für gemeinsame Rüstungsprojekte",
    )
    assert leaders == {"friedrich-merz"}
    assert "DE" in countries and "DE" in named


def test_a_leader_of_an_organisation_makes_no_country_a_subject():
    from articles.models import Leader

    Leader.objects.create(name="Mark Rutte", slug="mark-rutte", aliases="Rutte")
    countries, leaders, _named = subjects(
        "Mark Rutte a appelé les alliés à dépenser davantage.", "fr", title="Rutte insiste"
    )
    assert leaders == {"mark-rutte"} and countries == set()


def test_places_named_once_in_the_first_sentence_are_scenery_when_the_headline_names_the_story():
    make_leader(name="Lula", slug="lula", country_code="BR")
    text = (
        "Le président Lula est arrivé jeudi à Dakar, première étape d’une tournée qui le mènera "
        "aussi au Ghana et au Nigeria.\n\nIl a signé des accords agricoles."
    )
    countries, _leaders, named = subjects(text, "fr", title="Lula en tournée en Afrique")
    assert {"SN", "GH", "NG"} <= named
    assert countries == {"BR"}
    # Without a headline naming anyone, the first sentence still says what the story is about.
    countries, _leaders, _named = subjects(text, "fr")
    assert {"SN", "GH", "NG"} <= countries
