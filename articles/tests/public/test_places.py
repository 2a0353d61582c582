"""Pages worth landing on: who governs a country, a leader's terms, countries by
region, the 404 page's search box, the favicon and web manifest."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from articles.models import Article
from articles.public import places
from articles.tests.helpers.factories import country, make_article, make_leader, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def russia_leaders():
    putin = make_leader(
        name="Vladimir Putin", slug="vladimir-putin", in_office_from=datetime.date(2012, 5, 7)
    )
    mishustin = make_leader(name="Mikhail Mishustin", slug="mikhail-mishustin")
    # Known to the editors only: not guessed into an office.
    make_leader(name="Sergueï Lavrov", slug="sergei-lavrov")
    return putin, mishustin


class TestCountryPage:
    def test_current_heads_link_to_their_pages(self, client, russia_leaders):
        putin, mishustin = russia_leaders
        make_article(countries=["RU"])
        html = client.get(reverse("articles:country", args=["russia"])).content.decode()
        start = html.index('<dl class="heads">')
        heads = html[start : html.index("</dl>", start)]
        assert re.findall(r"<dt>([^<]*)</dt>", heads) == ["Chef de l’État", "Chef du gouvernement"]
        assert f'<a href="{putin.get_absolute_url()}">Vladimir Putin</a>' in heads
        assert f'<a href="{mishustin.get_absolute_url()}">Mikhail Mishustin</a>' in heads
        assert "Lavrov" not in heads

    def test_a_term_an_editor_ended_is_not_current(self, russia_leaders):
        putin, _mishustin = russia_leaders
        putin.in_office_to = datetime.date(2024, 1, 1)
        putin.save()
        heads = places.current_heads(country("RU"), language="en")
        assert [(h.leader.slug, h.kind, h.title) for h in heads] == [
            ("mikhail-mishustin", "government", "Prime Minister")
        ]

    def test_heads_from_the_knowledge_base_dates(self, russia_leaders):
        # On 1 January 2010 Putin was Prime Minister, and Mishustin nothing yet.
        heads = places.current_heads(country("RU"), language="fr", today=datetime.date(2010, 1, 1))
        assert [(h.leader.slug, h.kind) for h in heads] == [("vladimir-putin", "government")]

    def test_introduction_lead_story_and_latest_coverage(self, client):
        older = make_article(title="Plus ancien", countries=["FR"])
        newest = make_article(
            title="Le plus récent",
            countries=["FR"],
            published_at=older.published_at + datetime.timedelta(hours=1),
        )
        make_article(title="Brouillon secret", countries=["FR"], status=Article.Status.DRAFT)
        html = client.get(reverse("articles:country", args=["france"])).content.decode()
        assert "France dans nos pages\u202f: 2 articles, les plus récents d’abord." in html
        lead = html[html.index('class="country-lead"') : html.index('id="latest-title"')]
        assert newest.title in lead and older.title not in lead
        latest = html[html.index('id="latest-title"') :]
        assert older.title in latest
        assert "Brouillon secret" not in html

    def test_a_country_description_is_its_introduction(self, client):
        france = country("FR")
        france.description = "Une république « laïque »."
        france.save()
        html = client.get(france.get_absolute_url()).content.decode()
        assert "Une république «\xa0laïque\xa0»." in html


class TestLeaderPage:
    def test_role_and_years_in_office(self, client, russia_leaders):
        putin, _mishustin = russia_leaders
        html = client.get(putin.get_absolute_url()).content.decode()
        start = html.index('<ul class="terms">')
        terms = html[start : html.index("</ul>", start)]
        # Newest first: president again, prime minister, president, prime minister (1999).
        assert re.findall(r"<li>([^<]*) <span", terms) == [
            "Président de la République",
            "Premier ministre",
            "Président de la République",
            "Premier ministre",
        ]
        assert "depuis 2012" in terms
        # Acting president from 31 December 1999.
        assert "2008–2012" in terms and "1999–2008" in terms and "1999–2000" in terms

    def test_a_leader_the_file_does_not_know_shows_the_database_dates(self, client):
        leader = make_leader(slug="quelqu-un", in_office_from=datetime.date(2019, 3, 1))
        html = client.get(leader.get_absolute_url()).content.decode()
        assert "En fonction depuis le 1 mars 2019" in html.replace("1er", "1")


class TestCountryIndex:
    def test_only_covered_countries_grouped_by_region(self, client):
        make_article(countries=["FR", "JP"])
        make_article(countries=["BR"], status=Article.Status.DRAFT)
        html = client.get(reverse("articles:countries")).content.decode()
        regions = re.findall(r'<h2 id="region-\d+">([^<]*)</h2>', html)
        assert regions == ["Europe", "Asie"]
        assert "France" in html and "Japon" in html
        assert "Brésil" not in html and "Zambie" not in html

    @pytest.mark.parametrize(
        ("code", "region"),
        [("FR", "150"), ("KP", "142"), ("US", "019"), ("NG", "002"), ("FJ", "009"), ("IS", "150")],
    )
    def test_region_of(self, code, region):
        assert places.region_of(code) == region

    def test_every_inhabited_country_has_a_region(self):
        from articles.models import Country

        unplaced = {c.code for c in Country.objects.all() if not places.region_of(c.code)}
        # Uninhabited islands of the far south: "Elsewhere".
        assert unplaced <= {"AQ", "BV", "HM", "TF"}


def test_not_found_page_has_a_search_box(client):
    response = client.get("/pas-de-page-ici/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="not-found-q"' in html and 'name="q"' in html
    assert f'action="{reverse("articles:search")}"' in html
    assert '<label id="not-found-search" for="not-found-q">' in html


def test_favicon_and_manifest_are_linked_and_exist(client):
    make_article(authors=[make_user()])
    html = client.get("/").content.decode()
    assert re.search(
        r'<link rel="icon" href="/static/favicon[^"]*\.svg" type="image/svg\+xml">', html
    )
    assert re.search(r'<link rel="manifest" href="/static/site[^"]*\.webmanifest">', html)
    manifest = json.loads(Path(finders.find("site.webmanifest")).read_text(encoding="utf-8"))
    assert manifest["name"] and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        assert finders.find(icon["src"])
    svg = Path(finders.find("favicon.svg")).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'viewBox="0 0 64 64"' in svg
