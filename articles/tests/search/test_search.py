"""Reader search, on whichever database the suite runs (SQLite or PostgreSQL)."""

import datetime
import random
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import ARTICLE_LANGUAGES, Article
from articles.search.backends import base as backends
from articles.search.backends import get_backend
from articles.search.engine import Filters, search
from articles.search.query import MAX_QUERY_LENGTH, parse
from articles.tests.helpers.factories import country, make_article, make_editor, make_leader
from articles.workflow import moves as workflow

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")
POSTGRES = connection.vendor == "postgresql"


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def titles(query, **filters):
    found = search(query, Filters(**filters))
    return [a.title for a in found.results] if found else []


def page_titles(response):
    return [a.title for a in response.context["articles"] or []]


@pytest.fixture
def putin():
    return make_leader(
        name="Vladimir Putin", slug="vladimir-putin", aliases="Poutine\nПутин", role="Président"
    )


class TestRanking:
    def test_headline_beats_standfirst_beats_body(self):
        make_article(title="Autre chose", body="<p>Un mot: banquise.</p>", published_at=days_ago(1))
        make_article(title="Rien", standfirst="La banquise fond.", published_at=days_ago(2))
        make_article(title="La banquise recule", published_at=days_ago(3))
        assert titles("banquise") == ["La banquise recule", "Rien", "Autre chose"]

    def test_a_filter_keeps_the_headline_tier_to_its_matches(self):
        # The headline hits are checked against the whole query, filter included.
        make_article(
            title="Autre", body="<p>Banquise.</p>", countries=["KP"], published_at=days_ago(1)
        )
        make_article(title="La banquise recule", countries=["KP"], published_at=days_ago(3))
        make_article(title="Banquise ailleurs", countries=["RU"], published_at=days_ago(2))
        assert titles("banquise", country="KP") == ["La banquise recule", "Autre"]
        assert titles("banquise recule") == ["La banquise recule"]

    def test_recency_breaks_ties(self):
        for n, title in [(3, "Ancien"), (1, "Récent"), (2, "Moyen")]:
            make_article(
                title=title, standfirst="", body="<p>Glacier.</p>", published_at=days_ago(n)
            )
        assert titles("glacier") == ["Récent", "Moyen", "Ancien"]

    def test_a_new_publication_time_reorders_ties(self):
        old = make_article(title="Ancien", body="<p>Glacier.</p>", published_at=days_ago(5))
        make_article(title="Récent", body="<p>Glacier.</p>", published_at=days_ago(2))
        old.published_at = days_ago(1)
        old.save()
        assert titles("glacier") == ["Ancien", "Récent"]

    def test_recency_breaks_ties_past_the_first_candidates(self):
        # More equal scores than the index hands over at first (100 candidates).
        hours = list(range(1, 131))
        random.Random(4).shuffle(hours)
        Article.objects.bulk_create(
            Article(
                title="Glacier",
                slug=f"g{hour}",
                body="<p>Texte.</p>",
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - datetime.timedelta(hours=hour),
            )
            for hour in hours
        )
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        found = search("glacier").results
        assert [a.slug for a in found[0:20]] == [f"g{hour}" for hour in range(1, 21)]
        assert [a.slug for a in found[100:110]] == [f"g{hour}" for hour in range(101, 111)]

    def test_all_words_must_match(self):
        make_article(title="Sommet à Hanoï")
        make_article(title="Sommet à Singapour")
        assert titles("sommet hanoi") == ["Sommet à Hanoï"]

    def test_many_better_drafts_do_not_hide_published_articles(self, settings):
        older = make_article(title="Glacier ancien", published_at=days_ago(3))
        Article.objects.bulk_create(
            Article(title=f"Glacier glacier {n}", slug=f"d{n}", standfirst="Glacier glacier.")
            for n in range(130)
        )
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        make_article(title="Rien", body="<p>Un glacier.</p>", published_at=days_ago(1))
        assert titles("glacier") == [older.title, "Rien"]
        # Drafts fill the whole scored window: the headline match falls back
        # among the other matches, by date, but is still found.
        settings.SEARCH_RANK_WINDOW = 50
        assert titles("glacier") == ["Rien", older.title]

    def test_body_matches_follow_publication_not_creation_order(self, monkeypatch):
        # Read newest first from a few articles only, as on a large archive.
        monkeypatch.setattr(backends, "SCAN_MIN", 10)
        monkeypatch.setattr(backends, "SCAN_PER_RESULT", 2)
        late = make_article(title="Tardif", body="<p>Glacier.</p>", status=Article.Status.DRAFT)
        Article.objects.bulk_create(
            Article(
                title=f"Dépêche {n}",
                slug=f"b{n}",
                body="<p>Glacier.</p>" if n % 2 else "<p>Autre sujet.</p>",
                status=Article.Status.PUBLISHED,
                published_at=days_ago(1 + n / 100),
            )
            for n in range(150)
        )
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        workflow.publish(article=late, user=make_editor())
        found = search("glacier").results
        assert [a.title for a in found[0:3]] == ["Tardif", "Dépêche 1", "Dépêche 3"]
        assert [a.title for a in found[70:76]] == [f"Dépêche {n}" for n in range(139, 150, 2)]
        assert len(found) == 76

    @pytest.mark.skipif(POSTGRES, reason="SQLite's reading of the newest articles")
    def test_a_common_word_reads_the_index_once_from_the_window_up(self, monkeypatch):
        monkeypatch.setattr(backends, "SCAN_MIN", 10)
        monkeypatch.setattr(backends, "SCAN_PER_RESULT", 2)
        # Published last but created first: the smallest id of the newest articles.
        late = make_article(title="Tardif", body="<p>Glacier.</p>", status=Article.Status.DRAFT)
        for n in range(30):
            make_article(title=f"Dépêche {n}", body="<p>Glacier.</p>", published_at=days_ago(n))
        workflow.publish(article=late, user=make_editor())
        with CaptureQueriesContext(connection) as queries:
            found = [a.title for a in search("glacier").results[0:4]]
        assert found == ["Tardif", "Dépêche 0", "Dépêche 1", "Dépêche 2"]
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        # Not one index query per article read: FTS5 sets each one up anew.
        assert "rowid = articles_article.id" not in sql
        assert "rowid >= (SELECT min(w.id)" in sql

    @pytest.mark.skipif(POSTGRES, reason="SQLite's headline tier")
    @pytest.mark.parametrize("list_up_to", [5000, 1])
    def test_the_headline_tier_is_checked_against_the_whole_query(self, monkeypatch, list_up_to):
        # A few matches: a list of them; many: one index query per headline hit.
        from articles.search.backends import sqlite

        monkeypatch.setattr(sqlite, "HEAD_CHECK_LIST", list_up_to)
        make_article(title="Glacier au Nord", countries=["KP"], published_at=days_ago(1))
        make_article(title="Glacier au Sud", countries=["KR"])
        make_article(title="Autre", body="<p>Un glacier.</p>", countries=["KP"])
        with CaptureQueriesContext(connection) as queries:
            assert titles("glacier", country="KP") == ["Glacier au Nord", "Autre"]
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "+articles_search_head.rowid IN" in sql

    def test_a_rare_word_is_found_past_the_newest_articles(self, monkeypatch):
        monkeypatch.setattr(backends, "SCAN_MIN", 10)
        monkeypatch.setattr(backends, "SCAN_PER_RESULT", 2)
        old = make_article(title="Archive", body="<p>Banquise.</p>", published_at=days_ago(900))
        for n in range(30):
            make_article(title=f"Récent {n}", published_at=days_ago(n / 10))
        assert [a.title for a in search("banquise").results[0:20]] == [old.title]


class TestFolding:
    @pytest.mark.parametrize(
        ("text", "query"),
        [
            ("Le dirigeant coréen", "coreen"),
            ("Visite à Pékin", "pekin"),
            ("Visite à Pekin", "PÉKIN"),
            ("Straße nach Berlin", "STRASSE"),
            ("Reunión en Panmunjom", "reunion"),
        ],
    )
    def test_accent_and_case_insensitive(self, text, query):
        make_article(title=text)
        make_article(title="Sans rapport")
        assert titles(query) == [text]

    @pytest.mark.skipif(not POSTGRES, reason="stemming needs PostgreSQL")
    def test_word_forms_on_postgresql(self):
        make_article(title="Un sommet historique", language="fr")
        make_article(title="Two summits in one year", language="en")
        assert titles("sommets") == ["Un sommet historique"]
        assert titles("summit") == ["Two summits in one year"]


class TestEntities:
    @pytest.mark.parametrize("query", ["Putin", "Poutine", "Путин", "poutine", "Vladimir Putin"])
    def test_leader_names_find_linked_articles(self, client, putin, query):
        make_article(title="Rencontre au Kremlin", leaders=[putin])
        make_article(title="Autre sujet")
        make_article(title="Vladimir Putin à Pékin", leaders=[putin], published_at=days_ago(9))
        response = client.get(URL, {"q": query})
        assert sorted(page_titles(response)) == ["Rencontre au Kremlin", "Vladimir Putin à Pékin"]
        assert putin.get_absolute_url() in response.content.decode()
        # The leader's other names are highlighted too.
        assert "<mark>Putin</mark> à Pékin" in response.content.decode()

    @pytest.mark.parametrize(
        "query", ["Corée du Nord", "coree du nord", "North Korea", "Nordkorea", "北朝鮮", "КНДР"]
    )
    def test_country_names_in_any_language_find_linked_articles(self, client, query):
        make_article(title="Essai de missile", countries=["KP"])
        make_article(title="Autre sujet", countries=["FR"])
        response = client.get(URL, {"q": query})
        assert page_titles(response) == ["Essai de missile"]
        assert country("KP").get_absolute_url() in response.content.decode()

    def test_leader_names_are_kept_until_a_leader_changes(self, putin):
        make_article(title="Sommet à Moscou", leaders=[putin])
        assert titles("Poutine") == ["Sommet à Moscou"]
        with CaptureQueriesContext(connection) as queries:
            assert titles("Poutine") == ["Sommet à Moscou"]
        assert not [q for q in queries if "articles_leader" in q["sql"]]
        putin.aliases += "\nVova"
        putin.save()
        assert titles("Vova") == ["Sommet à Moscou"]

    def test_entity_and_other_words_must_both_match(self, putin):
        make_article(title="Un sommet", leaders=[putin])
        make_article(title="Un discours", leaders=[putin])
        make_article(title="Un sommet sans lui")
        assert titles("Poutine sommet") == ["Un sommet"]

    def test_plain_words_show_no_card(self, client):
        make_article(title="Le sommet")
        response = client.get(URL, {"q": "sommet"})
        assert "entity-card" not in response.content.decode()

    def test_parse_spots_longest_name(self):
        parsed = parse("sommet Corée du Nord", leaders=[])
        assert parsed.countries == ["KP"]
        assert [g.words for g in parsed.groups] == [["sommet"], ["coree", "du", "nord"]]


class TestPublishedOnly:
    def test_drafts_scheduled_and_unpublished_never_appear(self, client):
        make_article(title="Glacier publié")
        make_article(title="Glacier brouillon", status=Article.Status.DRAFT)
        make_article(title="Glacier programmé", published_at=timezone.now() + datetime.timedelta(1))
        gone = make_article(title="Glacier retiré")
        workflow.unpublish(article=gone, user=make_editor())
        response = client.get(URL, {"q": "glacier"})
        assert page_titles(response) == ["Glacier publié"]
        assert "brouillon" not in response.content.decode()

    def test_publishing_adds_and_deleting_removes(self):
        draft = make_article(title="Banquise", status=Article.Status.DRAFT)
        assert titles("banquise") == []
        workflow.publish(article=draft, user=make_editor())
        assert titles("banquise") == ["Banquise"]
        draft.delete()
        assert titles("banquise") == []

    def test_edits_are_indexed(self):
        article = make_article(title="Ancien titre")
        article.title = "Nouveau titre"
        article.save()
        assert titles("nouveau") == ["Nouveau titre"]
        assert titles("ancien") == []

    def test_index_change_is_rolled_back_with_the_article(self):
        article = make_article(title="Ancien titre")
        with pytest.raises(RuntimeError), transaction.atomic():
            article.title = "Nouveau titre"
            article.save()
            assert titles("nouveau") == ["Nouveau titre"]
            raise RuntimeError
        assert titles("nouveau") == []
        assert titles("ancien") == ["Ancien titre"]

    def test_subject_changes_are_indexed(self, putin):
        article = make_article(title="Rencontre")
        assert titles("Poutine") == []
        article.leaders.add(putin)
        assert titles("Poutine") == ["Rencontre"]
        putin.articles.remove(article)
        assert titles("Poutine") == []
        article.countries.add(country("KP"))
        assert titles("North Korea") == ["Rencontre"]
        country("KP").articles.clear()
        assert titles("North Korea") == []

    def test_rebuild_command(self):
        make_article(title="Banquise")
        with connection.cursor() as cursor:
            get_backend().clear(cursor)
        assert titles("banquise") == []
        call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert titles("banquise") == ["Banquise"]


class TestPage:
    def test_snippet_is_highlighted_and_escaped(self, client):
        make_article(
            title="Le glacier",
            body="<p>Début. " + "Mot " * 80 + "Le glacier &lt;script&gt; recule.</p>",
        )
        html = client.get(URL, {"q": "glacier"}).content.decode()
        assert "<mark>glacier</mark> &lt;script&gt; recule" in html
        assert "<script>" not in html.split("<main")[1]

    def test_pagination_keeps_the_query(self, client):
        for n in range(25):
            make_article(title=f"Glacier {n}")
        first = client.get(URL, {"q": "glacier"})
        assert len(first.context["articles"]) == 20
        assert "?q=glacier&amp;page=2" in first.content.decode()
        second = client.get(URL, {"q": "glacier", "page": 2})
        assert len(second.context["articles"]) == 5

    def test_facets_count_and_filter(self, client, putin):
        make_article(title="Glacier A", countries=["KP"], leaders=[putin], tags=["Climat"])
        make_article(title="Glacier B", countries=["KP", "RU"], language="en")
        make_article(title="Glacier C", countries=["RU"], published_at=days_ago(800))
        response = client.get(URL, {"q": "glacier"})
        facets = {f["param"]: {str(i["label"]): i["count"] for i in f["items"]} for f in
                  response.context["facet_list"]}  # fmt: skip
        assert facets["country"] == {"Corée du Nord": 2, "Russie": 2}
        assert facets["leader"] == {"Vladimir Putin": 1}
        assert facets["tag"] == {"Climat": 1}
        names = {code: str(name) for code, name in ARTICLE_LANGUAGES}
        assert facets["lang"] == {names["fr"]: 2, names["en"]: 1}
        assert sum(facets["year"].values()) == 3

        def filtered(**params):
            return sorted(page_titles(client.get(URL, {"q": "glacier", **params})))

        assert filtered(country="kp") == ["Glacier A", "Glacier B"]
        assert filtered(leader="vladimir-putin") == ["Glacier A"]
        assert filtered(tag="climat") == ["Glacier A"]
        assert filtered(lang="en") == ["Glacier B"]
        old = timezone.localdate(days_ago(800))
        assert filtered(start=old.isoformat(), end=old.isoformat()) == ["Glacier C"]
        assert filtered(leader="nobody") == []

    def test_a_tag_filter_is_answered_by_the_index(self, client):
        from articles.models import Tag, TaggedArticle

        article = make_article(title="Glacier A", tags=["Climat"])
        make_article(title="Glacier B", tags=["Énergie"])
        with CaptureQueriesContext(connection) as queries:
            assert titles("glacier", tag="climat") == ["Glacier A"]
        assert "articles_taggedarticle" not in " ".join(q["sql"] for q in queries.captured_queries)
        # Tagging and untagging reindex the article.
        energy = Tag.objects.get(slug="energie")
        TaggedArticle.objects.create(content_object=article, tag=energy)
        assert sorted(titles("glacier", tag="energie")) == ["Glacier A", "Glacier B"]
        TaggedArticle.objects.filter(content_object=article, tag__slug="climat").delete()
        assert titles("glacier", tag="climat") == []
        article.tags.clear()
        assert titles("glacier", tag="energie") == ["Glacier B"]
        assert titles("glacier", tag="inconnu") == []

    def test_facets_count_the_best_matches_and_say_so(self, client, settings):
        settings.SEARCH_RESULT_LIMIT = 2
        make_article(title="Glacier glacier A", countries=["KP"], published_at=days_ago(3))
        make_article(title="Glacier glacier B", countries=["KP"], published_at=days_ago(2))
        make_article(title="Rien", body="<p>Un glacier.</p>", countries=["RU"])
        response = client.get(URL, {"q": "glacier"})
        facets = {f["param"]: {str(i["label"]): i["count"] for i in f["items"]} for f in
                  response.context["facet_list"]}  # fmt: skip
        assert facets["country"] == {"Corée du Nord": 2}
        # Counted and paged up to the limit, and the page says there are more.
        assert response.context["paginator"].count == 2
        html = response.content.decode()
        assert "Plus de 2 articles pour «\u00a0glacier\u00a0»" in html
        assert "Comptés parmi les 2 articles les plus pertinents" in html
        settings.SEARCH_RESULT_LIMIT = 1000
        response = client.get(URL, {"q": "glacier"})
        assert response.context["paginator"].count == 3
        assert "Plus de" not in response.content.decode()

    def test_years_are_counted_in_the_site_time_zone(self, client):
        year = timezone.localdate().year
        new_year = timezone.make_aware(datetime.datetime(year, 1, 1))
        make_article(title="Glacier A", published_at=new_year)
        make_article(title="Glacier B", published_at=new_year - datetime.timedelta(seconds=1))
        make_article(title="Glacier C", published_at=new_year - datetime.timedelta(days=400))
        make_article(title="Glacier D", published_at=new_year - datetime.timedelta(days=9000))
        facets = search("glacier").facets()
        # The oldest is beyond the years the facet offers.
        assert facets["years"] == [
            {"year": year, "count": 1},
            {"year": year - 1, "count": 1},
            {"year": year - 2, "count": 1},
        ]
        assert facets["languages"] == [{"language": "fr", "count": 4}]

    def test_counts_and_facets_are_cached_until_the_index_changes(
        self, client, django_assert_num_queries
    ):
        article = make_article(title="Glacier A", countries=["KP"])
        make_article(title="Glacier B", countries=["RU"])

        def counts():
            response = client.get(URL, {"q": "glacier"})
            facets = {f["param"]: {str(i["label"]): i["count"] for i in f["items"]} for f in
                      response.context["facet_list"]}  # fmt: skip
            return response.context["paginator"].count, facets["country"]

        assert counts() == (2, {"Corée du Nord": 1, "Russie": 1})
        # SQLite: headline tier scores, their dates, the page; PostgreSQL: the
        # tsqueries, then one statement that ranks and loads the page. No
        # leaders' names (kept in the process), no count, no facets.
        with django_assert_num_queries(2 if POSTGRES else 3):
            assert counts() == (2, {"Corée du Nord": 1, "Russie": 1})
        workflow.unpublish(article=article, user=make_editor())
        assert counts() == (1, {"Russie": 1})
        article.delete()
        make_article(title="Glacier C", tags=["Climat"])
        assert counts() == (2, {"Russie": 1})

    def test_query_count_is_constant(self, client, django_assert_num_queries, putin):
        # Leaders' names (a leader was added); the ranking of the best thousand
        # (count, facets): on SQLite the headline tier (scores, dates) and the
        # other matches by date (two queries), on PostgreSQL the tsqueries, the
        # headline tier and the other matches; the page; four facet queries
        # (languages and years read together).
        expected = 9 if POSTGRES else 10
        make_article(title="Banquise seule")
        with django_assert_num_queries(expected):
            client.get(URL, {"q": "banquise"})
        for n in range(15):
            make_article(
                title=f"Glacier {n}",
                countries=["KP", "RU", "CN"][: n % 3 + 1],
                leaders=[putin, make_leader()],
                tags=[f"Tag {n}", "Climat"],
                language=["fr", "en", "de"][n % 3],
                published_at=days_ago(400 * n + 1),
            )
        with django_assert_num_queries(expected):
            client.get(URL, {"q": "glacier"})


BAD_QUERIES = [
    '"',
    '"unbalanced',
    "-",
    "--",
    "*",
    "glacier*",
    "NEAR(",
    "NEAR(glacier brouillon, 2)",
    "title:glacier",
    "col:",
    "AND OR NOT",
    "glacier AND brouillon",
    "glacier NOT brouillon",
    "'; DROP TABLE articles_article; --",
    "1' OR '1'='1",
    "\x00\x01\x1f glacier",
    "^glacier",
    "{title body}: glacier",
    "()",
    "&|!<->:*",
    "x" * 10_000,
    "glacier " * 2_000,
    "",
    "   ",
]


class TestBadInput:
    @pytest.mark.parametrize("query", BAD_QUERIES)
    def test_never_an_error_never_a_draft(self, client, query):
        make_article(title="Glacier publié")
        draft = make_article(title="Brouillon confidentiel glacier", status=Article.Status.DRAFT)
        response = client.get(URL, {"q": query})
        assert response.status_code == 200
        assert draft not in (response.context["articles"] or [])
        assert "Brouillon confidentiel" not in response.content.decode()

    def test_long_query_is_capped_with_a_note(self, client):
        make_article(title="Glacier")
        response = client.get(URL, {"q": "glacier " + "x" * 10_000})
        assert response.status_code == 200
        assert len(response.context["query"]) <= MAX_QUERY_LENGTH
        assert "seul son début a été pris en compte" in response.content.decode()

    def test_nothing_found_is_friendly(self, client):
        response = client.get(URL, {"q": "introuvable"})
        assert "Aucun article pour «\u00a0introuvable\u00a0»" in response.content.decode()

    @pytest.mark.parametrize(
        "params",
        [
            {"country": "KPX"},
            {"start": "2024-13-45"},
            {"lang": "xx"},
            {"page": "abc"},
            {"page": "99999"},
            {"leader": "../../"},
            {"tag": "\x00"},
        ],
    )
    def test_bad_filters_are_ignored(self, client, params):
        make_article(title="Glacier")
        response = client.get(URL, {"q": "glacier", **params})
        assert response.status_code == 200
        assert page_titles(response) == ["Glacier"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                [*"\"*-:()^{}+~&|!<>'%_\\", "NEAR(", "AND", "OR", "NOT", "title:", "glacier"]
            ),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_random_queries_never_fail_nor_leak(client, query):
    if not Article.objects.exists():
        make_article(title="Glacier publié", body="<p>Mot commun.</p>")
        make_article(title="Secret brouillon", status=Article.Status.DRAFT)
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "Secret brouillon" not in response.content.decode()


class TestAdmin:
    def test_admin_search_uses_the_index(self, client, putin):
        client.force_login(make_editor())
        make_article(title="Rencontre au Kremlin", leaders=[putin])
        make_article(title="Brouillon sur Poutine", status=Article.Status.DRAFT)
        make_article(title="Autre sujet")
        response = client.get(reverse("admin:articles_article_changelist"), {"q": "poutine"})
        assert response.status_code == 200
        found = sorted(a.title for a in response.context["cl"].result_list)
        assert found == ["Brouillon sur Poutine", "Rencontre au Kremlin"]

    def test_admin_bad_query(self, client):
        client.force_login(make_editor())
        make_article(title="Glacier")
        response = client.get(reverse("admin:articles_article_changelist"), {"q": '"NEAR(*'})
        assert response.status_code == 200


def test_masthead_has_a_search_form(client):
    html = client.get(reverse("articles:home")).content.decode()
    assert re.search(r'<form[^>]*role="search"[^>]*action="/search/"', html)


def test_rank_window_scores_only_the_newest_headline_matches(settings):
    settings.SEARCH_RANK_WINDOW = 100
    old = make_article(
        title="Glacier", standfirst="Glacier.", body="<p>Texte.</p>", published_at=days_ago(30)
    )
    Article.objects.bulk_create(
        Article(
            title="Glacier",
            slug=f"r{n}",
            body="<p>Texte.</p>",
            status=Article.Status.PUBLISHED,
            published_at=days_ago(1),
        )
        for n in range(150)
    )
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    results = search("glacier").results
    assert old not in results[0:20]
    # Older headline matches follow the scored ones, by date.
    assert results[150:151] == [old]
    settings.SEARCH_RANK_WINDOW = None
    assert search("glacier").results[0:1] == [old]


def test_an_old_headline_match_outranks_newer_body_matches(settings):
    # Few headlines hold the word: the scored window reaches far back for them.
    settings.SEARCH_RANK_WINDOW = 2
    old = make_article(title="Banquise", published_at=days_ago(300))
    Article.objects.bulk_create(
        Article(
            title=f"Autre {n}",
            slug=f"a{n}",
            status=Article.Status.PUBLISHED,
            published_at=days_ago(1 + n / 10),
        )
        for n in range(40)
    )
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    recent = make_article(title="Rien", body="<p>La banquise.</p>", published_at=days_ago(0))
    assert search("banquise").results[0:2] == [old, recent]


def test_a_leader_named_in_a_headline_under_another_spelling_ranks_first(putin):
    tagged = make_article(title="Sanctions prolongées", leaders=[putin], published_at=days_ago(1))
    headline = make_article(
        title="Putin receives Kim", leaders=[putin], language="en", published_at=days_ago(2)
    )
    mention = make_article(
        title="Autre sujet", body="<p>Путин a parlé.</p>", published_at=days_ago(0)
    )
    # The headline names him, another article is about him, a third quotes his name.
    assert search("Poutine").results[0:3] == [headline, tagged, mention]


class TestCountryNames:
    def test_reads_only_the_locales_of_article_languages(self, monkeypatch):
        # A new worker's first search paid for all of CLDR (about 700 locales).
        from babel import Locale

        from articles.models.article import ARTICLE_LANGUAGES
        from articles.search import query

        parsed = []
        real_parse = Locale.parse

        def counting_parse(identifier, *args, **kwargs):
            parsed.append(str(identifier))
            return real_parse(identifier, *args, **kwargs)

        monkeypatch.setattr(query.Locale, "parse", counting_parse)
        query.country_names.cache_clear()
        try:
            names = query.country_names()
        finally:
            query.country_names.cache_clear()
        languages = {code for code, _name in ARTICLE_LANGUAGES}
        assert {p.split("_")[0] for p in parsed} <= languages
        assert len(parsed) <= 2 * len(languages)
        # Reader searches in any article language still find the country.
        assert names["coree du nord"] == {"KP"}
        assert names["nordkorea"] == {"KP"}
        assert names["corea del norte"] == {"KP"}
