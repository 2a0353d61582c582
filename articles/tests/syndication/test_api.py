import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from articles.models import Article, Tag
from articles.syndication import api
from articles.tests.helpers.factories import make_article, make_leader, make_user
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "ninjs-schema_2.2.json").read_text()
)

# jsonschema only checks formats it has a library for; these two matter here.
FORMATS = FormatChecker(formats=())


@FORMATS.checks("uri")
def _is_uri(value):
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value):
    return datetime.datetime.fromisoformat(value).tzinfo is not None


VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FORMATS)


def assert_ninjs(item):
    errors = sorted(VALIDATOR.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def get_list(client, **params):
    response = client.get(reverse("articles:ninjs_articles"), params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    data = response.json()
    for item in data["items"]:
        assert_ninjs(item)
    return data


def uris(data):
    return [item["uri"] for item in data["items"]]


def absolute(path):
    return "http://testserver" + path


def test_schema_is_the_iptc_one():
    assert SCHEMA["$id"] == "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"
    Draft202012Validator.check_schema(SCHEMA)


def test_validator_catches_a_bad_item():
    # Guards the tests below: an invalid item must be reported.
    assert list(VALIDATOR.iter_errors({"uri": "not a uri", "type": "essay"}))
    assert list(VALIDATOR.iter_errors({"uri": "http://x.test/", "firstcreated": "hier"}))
    assert list(VALIDATOR.iter_errors({"uri": "http://x.test/", "surprise": 1}))


@pytest.fixture
def coverage():
    now = timezone.now()
    putin = make_leader(name="Vladimir Poutine", slug="vladimir-poutine")
    ru = make_article(
        title="Sommet à « Vladivostok »",
        language="fr",
        countries=["RU"],
        leaders=[putin],
        tags=["Sommets"],
        published_at=now - datetime.timedelta(hours=1),
    )
    kp = make_article(
        title="Pyongyang replies",
        language="en",
        countries=["KP"],
        tags=["Diplomatie"],
        published_at=now - datetime.timedelta(hours=2),
    )
    make_article(status=Article.Status.DRAFT, countries=["RU"], leaders=[putin], tags=["Sommets"])
    make_article(
        published_at=now + datetime.timedelta(hours=1),
        countries=["RU"],
        leaders=[putin],
        tags=["Sommets"],
    )
    return {"ru": ru, "kp": kp, "putin": putin}


class TestItem:
    def test_full_item(self, client):
        author = make_user(first_name="Anne", last_name="Dupont")
        putin = make_leader(name="Vladimir Poutine", wikidata_id="Q7747")
        article = make_article(
            title="Poutine reçoit Kim",
            standfirst="Premier sommet.",
            body="<p>Un deux trois.</p>",
            dateline="Vladivostok",
            credit="avec AFP",
            language="fr",
            authors=[author],
            countries=["RU", "KP"],
            leaders=[putin],
            tags=["Sommets", "Diplomatie"],
            lead_picture=make_picture(
                size=(1200, 800),
                alt_text="Deux dirigeants",
                caption="À la gare de Vladivostok.",
                credit="Photo X",
                copyright="© Rédaction",
            ),
        )
        response = client.get(reverse("articles:ninjs_article", args=[article.pk]))
        assert response.status_code == 200
        item = response.json()
        assert_ninjs(item)
        assert item["uri"] == absolute(article.get_absolute_url())
        assert item["type"] == "text"
        assert item["language"] == "fr"
        assert item["headlines"] == [{"role": "main", "value": "Poutine reçoit Kim"}]
        assert item["descriptions"][0]["value"] == "Premier sommet."
        assert item["bodies"][0]["value"] == "<p>Un deux trois.</p>"
        assert item["bodies"][0]["wordcount"] == 3
        assert item["by"] == "Anne Dupont, avec AFP"
        assert item["located"] == "Vladivostok"
        assert item["people"] == [
            {
                "name": "Vladimir Poutine",
                "rel": "about",
                "uri": absolute(putin.get_absolute_url()),
                "literal": putin.slug,
            }
        ]
        assert sorted(p["uri"] for p in item["places"]) == sorted(
            absolute(reverse("articles:country", args=[s])) for s in ["russia", "north-korea"]
        )
        assert {p["name"] for p in item["places"]} == {"Russie", "Corée du Nord"}
        assert sorted(s["uri"] for s in item["subjects"]) == sorted(
            absolute(t.get_absolute_url()) for t in Tag.objects.all()
        )
        (picture,) = item["associations"]
        assert picture["name"] == "leadpicture"
        assert picture["type"] == "picture"
        widest = article.lead_picture.widths("JPEG")[-1]
        assert picture["uri"] == absolute(article.lead_picture.rendition_url(widest))
        assert picture["by"] == "Photo X"
        assert picture["copyrightnotice"] == "© Rédaction"
        assert {"role": "alt", "value": "Deux dirigeants"} in picture["descriptions"]
        assert {"role": "caption", "value": "À la gare de Vladivostok."} in picture["descriptions"]
        names = [r["name"] for r in picture["renditions"]]
        assert names == ["w320", "w480", "w640", "w800", "w1024", "w1200", "16x9", "4x3", "1x1"]
        assert picture["renditions"][5]["width"] == 1200
        # Nothing points at the original.
        assert article.lead_picture.file.name not in response.content.decode()
        for rendition in picture["renditions"]:
            served = client.get(rendition["href"])
            assert served.status_code == 200
            assert served["Content-Type"] == rendition["contenttype"] == "image/jpeg"
        assert datetime.datetime.fromisoformat(item["firstcreated"]) == article.published_at

    def test_minimal_item_is_valid_too(self, client):
        article = make_article(standfirst="", dateline="", credit="")
        item = client.get(reverse("articles:ninjs_article", args=[article.pk])).json()
        assert_ninjs(item)
        assert "associations" not in item
        assert "descriptions" not in item

    def test_drafts_and_future_articles_are_404(self, client):
        draft = make_article(status=Article.Status.DRAFT)
        future = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
        for article in (draft, future):
            response = client.get(reverse("articles:ninjs_article", args=[article.pk]))
            assert response.status_code == 404
            assert response.json()["error"]

    def test_unknown_and_huge_ids_are_404(self, client):
        for pk in [987654, 9 * 10**30]:
            response = client.get(f"/api/ninjs/articles/{pk}/")
            assert response.status_code == 404
            assert response.json()["status"] == 404

    def test_read_only(self, client, coverage):
        url = reverse("articles:ninjs_article", args=[coverage["ru"].pk])
        assert client.post(url).status_code == 405
        assert client.delete(reverse("articles:ninjs_articles")).status_code == 405


class TestList:
    def test_exactly_the_published_articles(self, client, coverage):
        data = get_list(client)
        assert uris(data) == [
            absolute(coverage["ru"].get_absolute_url()),
            absolute(coverage["kp"].get_absolute_url()),
        ]
        assert data["count"] == 2
        assert data["pages"] == 1
        assert data["next"] is None

    def test_pages(self, client):
        now = timezone.now()
        articles = [
            make_article(published_at=now - datetime.timedelta(minutes=i)) for i in range(5)
        ]
        first = get_list(client, page_size=2)
        assert uris(first) == [absolute(a.get_absolute_url()) for a in articles[:2]]
        assert first["pages"] == 3
        third = client.get(first["next"].replace("page=2", "page=3")).json()
        assert uris(third) == [absolute(articles[4].get_absolute_url())]
        assert third["previous"].endswith("page=2") or "page=2" in third["previous"]

    @pytest.mark.parametrize(
        ("param", "value", "expected"),
        [
            ("country", "russia", ["ru"]),
            ("country", "KP", ["kp"]),
            ("leader", "vladimir-poutine", ["ru"]),
            ("tag", "diplomatie", ["kp"]),
            ("language", "en", ["kp"]),
            ("language", "de", []),
        ],
    )
    def test_filters(self, client, coverage, param, value, expected):
        data = get_list(client, **{param: value})
        assert uris(data) == [absolute(coverage[k].get_absolute_url()) for k in expected]

    def test_updated_since(self, client, coverage):
        Article.objects.filter(pk=coverage["kp"].pk).update(
            updated_at=timezone.now() - datetime.timedelta(days=10)
        )
        Article.objects.filter(pk=coverage["ru"].pk).update(
            updated_at=timezone.now() - datetime.timedelta(days=10),
            published_at=timezone.now() - datetime.timedelta(minutes=1),
        )
        since = (timezone.now() - datetime.timedelta(minutes=30)).isoformat()
        data = get_list(client, updated_since=since)
        assert [i["altids"][0]["value"] for i in data["items"]] == [str(coverage["ru"].pk)]
        # An unencoded "+" arrives as a space; a date alone means midnight.
        assert get_list(client, updated_since=since.replace("+", " "))["count"] == 1
        assert get_list(client, updated_since="2000-01-01")["count"] == 2

    @pytest.mark.parametrize(
        "params",
        [
            {"country": "atlantide"},
            {"leader": "personne"},
            {"tag": "rien-du-tout"},
        ],
    )
    def test_unknown_subject_is_json_404(self, client, coverage, params):
        response = client.get(reverse("articles:ninjs_articles"), params)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]

    @pytest.mark.parametrize(
        "params",
        [
            {"page": "abc"},
            {"page": "0"},
            {"page": "-1"},
            {"page": "2"},
            {"page": "9" * 40},
            {"page_size": "0"},
            {"page_size": "1000"},
            {"page_size": "1.5"},
            {"language": "xx"},
            {"updated_since": "hier"},
            {"updated_since": "2019-13-45"},
            {"updated_since": "2019-02-30T10:00:00"},
            {"colour": "red"},
        ],
    )
    def test_bad_values_are_json_400(self, client, coverage, params):
        response = client.get(reverse("articles:ninjs_articles"), params)
        assert response.status_code == 400, params
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]

    def test_empty_first_page_is_fine(self, client):
        data = get_list(client)
        assert data == {
            "count": 0,
            "page": 1,
            "pages": 1,
            "next": None,
            "previous": None,
            "items": [],
        }


class TestQueryCounts:
    @pytest.mark.parametrize("count", [1, 8])
    def test_list(self, client, django_assert_num_queries, count):
        putin = make_leader()
        pictures = [make_picture(size=(64, 48)) for _ in range(2)]
        for i in range(count):
            make_article(
                countries=["RU", "KP"],
                leaders=[putin],
                tags=[f"Sujet {i}", "Diplomatie"],
                lead_picture=pictures[i % 2],
            )
        # count, page, then authors, countries, leaders, tags.
        with django_assert_num_queries(6):
            data = get_list(client, page_size=5)
        assert len(data["items"]) == min(count, 5)

    @pytest.mark.parametrize("count", [1, 8])
    def test_filtered_list(self, client, django_assert_num_queries, count):
        putin = make_leader(slug="poutine")
        for i in range(count):
            make_article(countries=["RU"], leaders=[putin], tags=[f"Sujet {i}", "Diplomatie"])
        # + the country, the leader and the tag looked up.
        with django_assert_num_queries(9):
            get_list(client, country="russia", leader="poutine", tag="diplomatie")

    @pytest.mark.parametrize("count", [1, 6])
    def test_detail(self, client, django_assert_num_queries, count):
        article = make_article(
            countries=["RU", "KP", "FR", "DE", "US", "CN"][:count],
            leaders=[make_leader() for _ in range(count)],
            tags=[f"Sujet {i}" for i in range(count)],
        )
        with django_assert_num_queries(5):
            client.get(reverse("articles:ninjs_article", args=[article.pk]))


def test_every_demo_like_item_validates(client):
    """A spread of odd but legal content: accents, quotes, markup, no subjects."""
    make_article(title="« Guillemets » & <balises>", body="<p>É</p>", language="de")
    make_article(title="Путин", standfirst="Кратко", language="ru")
    data = get_list(client, page_size=api.MAX_PAGE_SIZE)
    assert len(data["items"]) == 2
