"""The article change list costs the same at any size: no per-row date functions,
no reading of every article's links, one count (an estimate on PostgreSQL)."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.scale.admin_lists import EstimatedCountPaginator, planner_estimate
from articles.tests.helpers.factories import country, make_article, make_editor, make_reporter

pytestmark = pytest.mark.django_db
URL = "/admin/articles/article/"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="redac"))
    return client


def at(year, month, day=15, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def titles(response):
    return sorted(a.title for a in response.context["cl"].result_list)


def choices(response, parameter):
    for spec in response.context["cl"].filter_specs:
        if getattr(spec, "parameter_name", None) == parameter:
            return [label for value, label in spec.lookup_choices]
    raise AssertionError(f"no filter {parameter}")


def test_no_date_hierarchy_and_no_second_count():
    model_admin = admin.site._registry[Article]
    assert model_admin.date_hierarchy is None
    assert model_admin.show_full_result_count is False


def test_years_with_articles_then_the_months_of_the_chosen_one(editor_client):
    make_article(title="Vieux", published_at=at(2019, 5))
    make_article(title="Mars", published_at=at(2024, 3))
    make_article(title="Juin", published_at=at(2024, 6))
    make_article(title="Brouillon", status=Article.Status.DRAFT)
    response = editor_client.get(URL)
    # 2020-2023 have nothing: not offered.
    assert choices(response, "published") == ["2024", "2019"]

    response = editor_client.get(URL, {"published": "2024"})
    assert titles(response) == ["Juin", "Mars"]
    labels = choices(response, "published")
    assert labels[0] == "2024"
    assert len(labels) == 4  # 2024, its two months, 2019
    assert labels[-1] == "2019"

    response = editor_client.get(URL, {"published": "2024-03"})
    assert titles(response) == ["Mars"]


def test_months_follow_the_site_time_zone(editor_client):
    # 23:30 in Paris on 31 March is already April in UTC... the other way round:
    # 00:30 on 1 April in Paris is still March in UTC.
    make_article(title="Avril", published_at=at(2024, 4, 1, 0) + datetime.timedelta(minutes=30))
    response = editor_client.get(URL, {"published": "2024-04"})
    assert titles(response) == ["Avril"]
    assert titles(editor_client.get(URL, {"published": "2024-03"})) == []


def test_a_bad_date_value_lists_everything(editor_client):
    make_article(title="Un")
    for value in ["20x4", "2024-13", "99999", "2024-3"]:
        response = editor_client.get(URL, {"published": value})
        assert response.status_code == 200
        assert titles(response) == ["Un"]


def test_no_per_row_date_function_in_any_query(editor_client):
    make_article(published_at=at(2023, 1))
    make_article(published_at=at(2024, 2))
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(URL, {"published": "2024"})
        editor_client.get(URL, {"published": "2024-02"})
    sql = " ".join(q["sql"] for q in queries.captured_queries).lower()
    for function in ["django_datetime_trunc", "django_datetime_extract", "date_trunc", "extract("]:
        assert function not in sql


def test_year_checks_seek_the_date_index(editor_client):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    make_article(published_at=at(2024, 2))
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(URL)
    checks = [
        q["sql"] for q in queries.captured_queries if "EXISTS" in q["sql"] and "p0" in q["sql"]
    ]
    assert len(checks) == 1
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + checks[0])
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "SEARCH" in plan and "published_at" in plan, plan


def test_subject_filters_offer_only_used_subjects_without_reading_all_links(editor_client):
    make_article(title="Sommet", countries=["KP"], tags=["Diplomatie"])
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(URL)
    html = response.content.decode()
    assert f"countries__id__exact={country('KP').pk}" in html
    assert f"countries__id__exact={country('FR').pk}" not in html
    sql = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "articles_country"' in q["sql"] and "_prefetch_related_val" not in q["sql"]
    ]
    assert len(sql) == 1
    assert "EXISTS" in sql[0] and "DISTINCT" not in sql[0]


def test_a_reporter_sees_only_the_subjects_of_their_articles(client):
    reporter = make_reporter(username="pigiste")
    make_article(title="À moi", countries=["KP"], authors=[reporter])
    make_article(title="Pas à moi", countries=["FR"])
    client.force_login(reporter)
    html = client.get(URL).content.decode()
    assert f"countries__id__exact={country('KP').pk}" in html
    assert f"countries__id__exact={country('FR').pk}" not in html


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params or {}).status_code == 200
    return len(queries.captured_queries), [q["sql"] for q in queries.captured_queries]


def test_query_count_does_not_grow_with_articles_or_subjects(editor_client):
    make_article(countries=["KP"], tags=["Un"], published_at=at(2024, 1))
    params = {"published": "2024", "status__exact": "published"}
    few, _ = _queries(editor_client, params)
    for n in range(12):
        make_article(
            countries=["KP", "FR", "JP"][: n % 3 + 1],
            tags=[f"Sujet {n}", "Un"],
            published_at=at(2020 + n % 5, n % 12 + 1),
        )
    many, _ = _queries(editor_client, params)
    assert many == few


def test_one_count_when_filtered(editor_client):
    make_article(title="Sommet", countries=["KP"])
    make_article(title="Autre", countries=["FR"])
    _, sql = _queries(editor_client, {"countries__id__exact": country("KP").pk})
    # One count of the list (by_subject's bounded count of links aside).
    assert len([s for s in sql if "COUNT(" in s.upper() and "LIMIT" not in s]) == 1


def test_counts_are_exact_below_the_threshold_and_on_sqlite():
    for _ in range(3):
        make_article()
    paginator = EstimatedCountPaginator(Article.objects.all(), 100)
    assert paginator.count == 3


def test_a_long_list_on_postgresql_is_counted_by_the_planner():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's estimate")
    for _ in range(3):
        make_article()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    paginator = EstimatedCountPaginator(Article.objects.filter(status="published"), 100)
    paginator.estimate_above = 0
    with CaptureQueriesContext(connection) as queries:
        count = paginator.count
    assert count == planner_estimate(Article.objects.filter(status="published"))
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)


def test_a_busy_subject_filter_reads_the_article_index(editor_client, monkeypatch):
    from articles.scale import paging

    monkeypatch.setattr(paging, "COUNT_LIMIT", 2)
    make_article(title="Un", countries=["KP"])
    make_article(title="Deux", countries=["KP", "FR"])
    make_article(title="Trois", countries=["FR"])
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(URL, {"countries__id__exact": country("KP").pk})
    assert titles(response) == ["Deux", "Un"]
    listing = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "articles_article"."id", "articles_article"."title"')
    ]
    assert len(listing) == 1
    assert "EXISTS" in listing[0] and "INNER JOIN" not in listing[0]
    # Nor DISTINCT, in the list or its count: one subject cannot repeat an article.
    assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries if "COUNT" in q["sql"])
    assert "DISTINCT" not in listing[0]
    # An id that is not one: Django's own answer, the list with "?e=1".
    response = editor_client.get(URL, {"countries__id__exact": "x"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


def test_two_subjects_at_once_list_each_article_once(editor_client):
    make_article(title="Deux", countries=["KP", "FR"])
    kp, fr = country("KP").pk, country("FR").pk
    response = editor_client.get(f"{URL}?countries__id__exact={kp}&countries__id__exact={fr}")
    assert response.status_code == 200
    assert [a.title for a in response.context["cl"].result_list] in (["Deux"], [])
    assert response.context["cl"].queryset.query.distinct or not titles(response)
