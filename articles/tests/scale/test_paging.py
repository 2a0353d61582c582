"""Reader lists cost the same on page 1 and page 200, with 50 articles or 100,000:
counts are bounded, busy subjects are read off the article index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Leader, Tag
from articles.public.views import HomeView
from articles.scale import paging
from articles.scale.paging import BoundedPaginator, by_subject
from articles.tests.helpers.factories import country, make_article, make_leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 5)
    monkeypatch.setattr(BoundedPaginator, "count_limit", 5)


def _sql(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries]


def test_a_short_list_says_how_many_pages(client, monkeypatch):
    monkeypatch.setattr(HomeView, "paginate_by", 2)
    for _ in range(3):
        make_article()
    paginator = BoundedPaginator(Article.objects.published().for_listing(), 2)
    assert (paginator.count, paginator.num_pages) == (3, 2)
    html = client.get("/").content.decode()
    assert "Page 1 sur 2" in html


def test_a_long_list_says_which_page_only(client, monkeypatch, small_limit):
    monkeypatch.setattr(HomeView, "paginate_by", 2)
    for _ in range(8):
        make_article()
    html = client.get("/", {"page": 2}).content.decode()
    assert "Page 2<" in html and "Page 2 sur" not in html
    assert 'rel="next" href="?page=3"' in html and 'rel="prev" href="?page=1"' in html


def test_a_long_list_is_not_counted_whole(client, small_limit):
    for _ in range(8):
        make_article()
    paginator = BoundedPaginator(Article.objects.published().for_listing(), 3)
    assert paginator.count is None and paginator.num_pages is None
    pages = [paginator.page(n) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [p.has_next() for p in pages] == [True, True, False]
    assert pages[2].start_index() == 7 and pages[2].end_index() == 8
    seen = [a.pk for p in pages for a in p]
    assert seen == list(Article.objects.published().for_listing().values_list("pk", flat=True))
    with pytest.raises(paging.EmptyPage):
        paginator.page(4)


def test_the_home_page_counts_at_most_the_bound(client, small_limit, monkeypatch):
    monkeypatch.setattr(HomeView, "paginate_by", 3)
    for _ in range(8):
        make_article()
    response, sql = _sql(client, "/")
    counts = [s for s in sql if "COUNT(" in s]
    assert len(counts) == 1 and "LIMIT 6" in counts[0]
    assert response.context["paginator"].num_pages is None
    assert response.context["page_obj"].has_next()


def test_past_the_last_page_is_a_404(client, small_limit):
    for _ in range(8):
        make_article()
    assert client.get("/", {"page": "1"}).status_code == 200
    assert client.get("/", {"page": "99"}).status_code == 404
    assert client.get("/", {"page": "0"}).status_code == 404
    assert client.get("/", {"page": "last"}).status_code == 404


def test_later_pages_skip_rows_by_id_only(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    for _ in range(5):
        make_article()
    paginator = BoundedPaginator(Article.objects.published().for_listing(), 2)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.page(2)
    listing = [q["sql"] for q in queries.captured_queries if "OFFSET" in q["sql"]]
    assert len(listing) == 1
    # The offset is taken in a subquery selecting ids only.
    inner = listing[0][listing[0].index("IN (SELECT") :]
    assert inner.startswith('IN (SELECT U0."id"') and '"body"' not in inner
    expected = list(Article.objects.published().for_listing().values_list("pk", flat=True))[2:4]
    assert [a.pk for a in page] == expected


@pytest.mark.parametrize("name", ["countries", "leaders", "tags"])
def test_a_busy_subject_lists_the_same_articles_read_off_the_index(name, small_limit):
    leader = make_leader(name="Kim Jong-un", country_code="KP")
    subjects = {"countries": ["KP"], "leaders": [leader], "tags": ["Corée"]}
    for n in range(7):
        make_article(**{name: subjects[name]} if n % 3 else {})
    make_article(status=Article.Status.DRAFT, **{name: subjects[name]})
    subject = {
        "countries": lambda: country("KP"),
        "leaders": lambda: leader,
        "tags": lambda: Tag.objects.get(name="Corée"),
    }[name]()
    listing = Article.objects.published().for_listing()
    joined = list(listing.filter(**{name: subject}).values_list("pk", flat=True))
    busy = by_subject(listing, name, subject)
    assert "EXISTS" in str(busy.query)
    assert list(busy.values_list("pk", flat=True)) == joined


def test_a_quiet_subject_is_joined(small_limit):
    make_article(countries=["KP"])
    busy = by_subject(Article.objects.published(), "countries", country("KP"))
    assert "EXISTS" not in str(busy.query)
    assert busy.count() == 1


def test_a_busy_subject_walks_the_newest_articles_index(client, small_limit):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    for _ in range(7):
        make_article(countries=["KP"])
    queryset = by_subject(Article.objects.published().for_listing(), "countries", country("KP"))
    sql, params = queryset[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "article_status_newest" in plan and "TEMP B-TREE" not in plan, plan


def test_leader_pages_still_list_their_articles(client, small_limit):
    leader = make_leader(name="Kim Jong-un", country_code="KP", slug="kim")
    for _ in range(7):
        make_article(leaders=[leader], title="Avec Kim")
    make_article(title="Sans Kim")
    response = client.get("/leaders/kim/")
    assert [a.title for a in response.context["articles"]] == ["Avec Kim"] * 7
    assert Leader.objects.count() >= 1


def test_a_busy_country_without_description_is_not_counted(client, small_limit):
    # Beyond the bound there is no number to print: the sentence is left out.
    for _ in range(7):
        make_article(countries=["KP"])
    kp = country("KP")
    kp.description = ""
    kp.save()
    response = client.get(kp.get_absolute_url())
    assert response.status_code == 200
    assert "dans nos pages" not in response.content.decode()
