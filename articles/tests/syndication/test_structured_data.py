import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import ArticleNote, Tag, author_url
from articles.syndication import structured_data
from articles.tests.helpers.factories import make_article, make_leader, make_user
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    assert response.status_code == 200
    (block,) = LD.findall(response.content.decode())
    return json.loads(block)


def graph(response):
    return {node["@type"]: node for node in json_ld(response)["@graph"]}


def meta(response, key):
    html = response.content.decode()
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return found


def absolute(path):
    return "http://testserver" + path


@pytest.fixture
def story():
    putin = make_leader(name="Vladimir Poutine", wikidata_id="Q7747", aliases="Poutine\nPutin")
    kim = make_leader(name="Kim Jong-un", country_code="KP")
    author = make_user(first_name="Anne", last_name="Dupont")
    return make_article(
        title="Poutine reçoit le dirigeant nord-coréen",
        standfirst="Premier sommet entre les deux hommes à Vladivostok.",
        body="<p>Un deux trois quatre</p><p>cinq <strong>six</strong>.</p>",
        dateline="Vladivostok",
        language="fr",
        authors=[author],
        countries=["RU", "KP"],
        leaders=[putin, kim],
        tags=["Diplomatie"],
        lead_picture=make_picture(size=(1200, 800), alt_text="Deux dirigeants se serrent la main"),
        published_at=datetime.datetime(2019, 4, 25, 7, 30, tzinfo=datetime.UTC),
    )


class TestNewsArticle:
    def test_fields(self, client, story):
        data = json_ld(client.get(story.get_absolute_url()))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == story.title
        assert data["url"] == absolute(story.get_absolute_url())
        assert data["inLanguage"] == "fr"
        assert data["dateline"] == "Vladivostok"
        assert data["wordCount"] == 6
        assert data["datePublished"] == "2019-04-25T09:30:00+02:00"
        modified = datetime.datetime.fromisoformat(data["dateModified"])
        assert modified.utcoffset() is not None
        assert modified == story.updated_at
        (author,) = story.authors.all()
        assert data["author"] == [
            {
                "@type": "Person",
                "name": "Anne Dupont",
                "url": absolute(author_url(author)),
            }
        ]
        assert data["publisher"]["name"] == "Newsroom"
        assert data["publisher"]["url"] == "http://testserver/"
        assert data["articleSection"] in {"Russie", "Corée du Nord"}
        assert data["keywords"] == ["Diplomatie"]

    def test_about_and_mentions_with_wikidata(self, client, story):
        data = json_ld(client.get(story.get_absolute_url()))
        about = {thing["name"]: thing for thing in data["about"]}
        mentions = {thing["name"]: thing for thing in data["mentions"]}
        # Named in the headline: what it is about; only tagged: mentioned.
        assert set(about) == {"Vladimir Poutine"}
        assert about["Vladimir Poutine"]["sameAs"] == "https://www.wikidata.org/wiki/Q7747"
        assert about["Vladimir Poutine"]["@type"] == "Person"
        assert set(mentions) == {"Kim Jong-un", "Russie", "Corée du Nord"}
        assert "sameAs" not in mentions["Kim Jong-un"]
        assert mentions["Russie"]["@type"] == "Country"
        assert mentions["Russie"]["url"] == absolute(reverse("articles:country", args=["russia"]))

    def test_images_in_three_shapes(self, client, story):
        data = json_ld(client.get(story.get_absolute_url()))
        shapes = [(image["width"], image["height"]) for image in data["image"]]
        assert shapes == [(1200, 675), (1066, 800), (800, 800)]
        for image in data["image"]:
            response = client.get(image["url"].removeprefix("http://testserver"))
            assert response.status_code == 200
            assert response["Content-Type"] == "image/jpeg"
            with Image.open(io.BytesIO(b"".join(response.streaming_content))) as picture:
                assert picture.format == "JPEG"
                assert picture.size == (image["width"], image["height"])

    def test_small_picture_is_used_as_is(self, client):
        article = make_article(lead_picture=make_picture(size=(120, 90), alt_text="Petit"))
        data = json_ld(client.get(article.get_absolute_url()))
        (only,) = article.lead_picture.widths("JPEG")
        assert data["image"] == [
            {
                "@type": "ImageObject",
                "url": "http://testserver" + article.lead_picture.rendition_url(only),
                "width": 120,
                "height": 90,
            }
        ]

    def test_tall_picture_gets_only_the_shapes_it_allows(self, client):
        article = make_article(
            lead_picture=make_picture(size=(300, 900), alt_text="Portrait en pied")
        )
        data = json_ld(client.get(article.get_absolute_url()))
        # 16:9 from 300 px wide is 300 × 168 = 50,400 px: just enough; 1:1 is 300 × 300.
        assert [(i["width"], i["height"]) for i in data["image"]] == [
            (300, 168),
            (300, 225),
            (300, 300),
        ]

    def test_no_picture_no_image(self, client):
        article = make_article()
        assert "image" not in json_ld(client.get(article.get_absolute_url()))

    def test_headline_cannot_break_out_of_the_script(self, client):
        title = 'Alerte </script><script>alert("x")</script> & <!-- fin'
        article = make_article(title=title, standfirst="</SCRIPT> aussi")
        response = client.get(article.get_absolute_url())
        html = response.content.decode()
        block = html[html.index('<script type="application/ld+json">') :]
        block = block[: block.index("</script>")]
        assert "<" not in block.removeprefix('<script type="application/ld+json">')
        data = json_ld(response)
        assert data["headline"] == title
        assert data["description"] == "</SCRIPT> aussi"
        assert "<script>alert" not in html

    def test_script_json_escapes_what_html_parsers_see(self):
        text = structured_data.script_json({"a": "</script><!--&\u2028"})
        assert "<" not in text and ">" not in text and "&" not in text
        assert json.loads(text) == {"a": "</script><!--&\u2028"}

    def test_corrections_from_the_workflow_notes(self, client, story):
        """Corrections (not updates) from the workflow's ArticleNote: kind, text, created_at."""
        for kind, text, day in [
            ("correction", "Le sommet a eu lieu jeudi.", 26),
            ("update", "Ajout d’une réaction de Séoul.", 27),
        ]:
            ArticleNote.objects.create(
                article=story,
                kind=kind,
                text=text,
                created_at=datetime.datetime(2019, 4, day, 8, 0, tzinfo=datetime.UTC),
            )
        data = json_ld(client.get(story.get_absolute_url()))
        assert data["correction"] == [
            {
                "@type": "CorrectionComment",
                "text": "Le sommet a eu lieu jeudi.",
                "datePublished": "2019-04-26T10:00:00+02:00",
            }
        ]

    def test_without_corrections_there_is_no_correction_key(self, client, story):
        assert "correction" not in json_ld(client.get(story.get_absolute_url()))


class TestSharingTags:
    def test_article(self, client, story):
        response = client.get(story.get_absolute_url())
        html = response.content.decode()
        url = absolute(story.get_absolute_url())
        assert f'<link rel="canonical" href="{url}">' in html
        assert meta(response, "description") == [story.standfirst]
        assert meta(response, "og:type") == ["article"]
        assert meta(response, "og:title") == [story.title]
        assert meta(response, "og:url") == [url]
        assert meta(response, "og:description") == [story.standfirst]
        assert meta(response, "og:locale") == ["fr_FR"]
        data = json_ld(response)
        assert meta(response, "og:image") == [data["image"][0]["url"]]
        assert meta(response, "og:image:alt") == ["Deux dirigeants se serrent la main"]
        assert meta(response, "article:published_time") == [data["datePublished"]]
        assert meta(response, "twitter:card") == ["summary_large_image"]
        assert meta(response, "twitter:title") == [story.title]
        assert meta(response, "twitter:image") == [data["image"][0]["url"]]

    def test_quotes_in_titles_are_escaped_in_attributes(self, client):
        article = make_article(title='Le « oui » et le "non" <b>', standfirst="")
        response = client.get(article.get_absolute_url())
        assert meta(response, "og:title") == ["Le « oui » et le &quot;non&quot; &lt;b&gt;"]
        assert meta(response, "twitter:card") == ["summary"]
        assert meta(response, "description") == []

    def test_long_standfirst_is_shortened(self, client):
        article = make_article(standfirst="mot " * 200)
        (description,) = meta(client.get(article.get_absolute_url()), "description")
        assert len(description) <= structured_data.DESCRIPTION_LENGTH


class TestSubjectPages:
    def test_leader_is_a_person(self, client, story):
        leader = story.leaders.get(name="Vladimir Poutine")
        leader.role = "Président de la Fédération de Russie"
        leader.bio = "Au pouvoir depuis 2000."
        leader.save()
        nodes = graph(client.get(leader.get_absolute_url()))
        person = nodes["Person"]
        assert person["name"] == "Vladimir Poutine"
        assert person["url"] == absolute(leader.get_absolute_url())
        assert person["sameAs"] == "https://www.wikidata.org/wiki/Q7747"
        assert person["jobTitle"] == "Président de la Fédération de Russie"
        assert person["alternateName"] == ["Poutine", "Putin"]
        assert person["nationality"]["name"] == "Russie"
        assert nodes["ItemList"]["itemListElement"] == [
            {
                "@type": "ListItem",
                "position": 1,
                "url": absolute(story.get_absolute_url()),
                "name": story.title,
            }
        ]

    def test_country_is_a_country(self, client, story):
        response = client.get(reverse("articles:country", args=["russia"]))
        nodes = graph(response)
        assert nodes["Country"]["name"] == "Russie"
        assert nodes["Country"]["identifier"] == "RU"
        assert [i["url"] for i in nodes["ItemList"]["itemListElement"]] == [
            absolute(story.get_absolute_url())
        ]
        assert meta(response, "og:title") == ["Russie"]

    def test_tag_and_home_are_item_lists(self, client, story):
        tag = Tag.objects.get(name="Diplomatie")
        for url in [tag.get_absolute_url(), reverse("articles:home")]:
            response = client.get(url)
            item_list = graph(response)["ItemList"]
            assert item_list["numberOfItems"] == 1
            assert item_list["itemListElement"][0]["url"] == absolute(story.get_absolute_url())
            html = response.content.decode()
            assert f'<link rel="canonical" href="{absolute(url)}">' in html

    def test_index_pages_list_leaders_and_countries(self, client, story):
        leaders = graph(client.get(reverse("articles:leaders")))["ItemList"]
        assert [i["name"] for i in leaders["itemListElement"]] == [
            "Kim Jong-un",
            "Vladimir Poutine",
        ]
        assert leaders["itemListElement"][1]["url"] == absolute(
            story.leaders.get(name="Vladimir Poutine").get_absolute_url()
        )
        countries = graph(client.get(reverse("articles:countries")))["ItemList"]
        names = [i["name"] for i in countries["itemListElement"]]
        # Covered countries only, by region as the page shows them (Europe, then Asia).
        assert names == ["Russie", "Corée du Nord"]
        assert [i["position"] for i in countries["itemListElement"]] == [1, 2]

    @pytest.mark.parametrize("name", ["articles:leaders", "articles:countries"])
    def test_index_pages_stay_constant_in_queries(self, client, story, name):
        from django.core.cache import cache

        def queries():
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                assert client.get(reverse(name)).status_code == 200
            return len(captured)

        before = queries()
        for i in range(5):
            make_article(leaders=[make_leader()], countries=[["FR", "DE", "ES", "IT", "JP"][i]])
        assert queries() == before

    def test_item_list_positions_continue_on_page_two(self, client, monkeypatch):
        now = timezone.now()
        articles = [
            make_article(published_at=now - datetime.timedelta(minutes=i)) for i in range(3)
        ]
        from articles.public.views import HomeView

        # monkeypatch takes the attribute back off the class: assigning the inherited
        # value back would shadow the mixin's for every later test.
        monkeypatch.setattr(HomeView, "paginate_by", 2)
        response = client.get(reverse("articles:home"), {"page": 2})
        item_list = graph(response)["ItemList"]
        assert item_list["itemListElement"] == [
            {
                "@type": "ListItem",
                "position": 3,
                "url": absolute(articles[2].get_absolute_url()),
                "name": articles[2].title,
            }
        ]
        assert '<link rel="canonical" href="http://testserver/?page=2">' in (
            response.content.decode()
        )


class TestQueryCounts:
    @pytest.mark.parametrize("count", [1, 4])
    def test_article_page_is_constant_in_its_subjects(
        self, client, django_assert_num_queries, count
    ):
        leaders = [make_leader(wikidata_id=f"Q{i + 1}") for i in range(count)]
        article = make_article(
            countries=["RU", "KP", "FR", "DE"][:count],
            leaders=leaders,
            subjects=[*["RU", "KP", "FR", "DE"][:count], *leaders],
            tags=[f"Sujet {i}" for i in range(count)],
            lead_picture=make_picture(size=(800, 600)),
        )
        # article and its picture, countries, leaders, tags, notes (no body pictures to
        # ask for), related articles, authors, subjects, published translations, page
        # stamps.
        with django_assert_num_queries(10):
            assert client.get(article.get_absolute_url()).status_code == 200

    @pytest.mark.parametrize("count", [1, 5])
    def test_leader_page_is_constant_in_its_articles(
        self, client, django_assert_num_queries, count
    ):
        leader = make_leader(wikidata_id="Q7747")
        for _ in range(count):
            make_article(leaders=[leader], subjects=[leader])
        # leader, its links counted up to a bound, the list counted up to a bound,
        # articles, the teasers' bylines and main subjects, page stamps.
        with django_assert_num_queries(7):
            assert client.get(leader.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ("<p>un</p><p>deux</p>", 2),
        ("<p>l’<em>article</em> — court !</p>", 2),
        ("<h2>Titre</h2><ul><li>a</li><li>b</li></ul>", 3),
        ("", 0),
    ],
)
def test_word_count(html, words):
    assert structured_data.word_count(html) == words


def test_every_page_kind_has_its_own_json_ld_builder(client):
    from articles.syndication.schema_org import BUILDERS

    leader = make_leader(name="Moon Jae-in", country_code="KR")
    author = make_user(username="plume", first_name="Léa", last_name="Plume")
    article = make_article(
        title="Sommet", leaders=[leader], countries=["KR"], authors=[author], tags=["Diplomatie"]
    )
    pages = {
        "article": article.get_absolute_url(),
        "leader": leader.get_absolute_url(),
        "country": article.countries.get().get_absolute_url(),
        "author": author_url(author),
        "listing": article.tags.get().get_absolute_url(),
    }
    seen = {}
    for kind, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        seen[kind] = response.context["meta"]["kind"]
        data = json_ld(response)
        types = [data["@type"]] if "@type" in data else [n["@type"] for n in data["@graph"]]
        assert (
            types[0]
            == {
                "article": "NewsArticle",
                "leader": "Person",
                "author": "Person",
                "country": "Country",
                "listing": "ItemList",
            }[kind]
        )
    assert seen == {kind: kind for kind in pages}
    assert set(BUILDERS) == set(seen.values())
