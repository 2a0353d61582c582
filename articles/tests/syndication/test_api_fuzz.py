"""The ninjs API never answers 500 nor HTML: every parameter and path fuzzed (hypothesis)."""

import datetime
import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.syndication import api
from articles.tests.helpers.factories import make_article, make_leader

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Digits of every script, signs, spaces, NULs, surrogates left out (not encodable in a URL).
awkward_text = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=30),
    st.sampled_from(
        ["²", "١٢", "٣", "𝟙", "1\x00", "\x00", "+1", " 1 ", "1e3", "0x10", "1_000", "Ⅻ", "-0"]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
    st.datetimes(
        timezones=st.sampled_from([None, datetime.timezone(datetime.timedelta(hours=14))])
    ).map(lambda value: value.isoformat()),
)
parameters = st.dictionaries(
    st.one_of(st.sampled_from(sorted(api.PARAMETERS)), st.text(max_size=10)),
    awkward_text,
    max_size=4,
)


@pytest.fixture
def some_articles():
    leader = make_leader(name="Vladimir Poutine", slug="vladimir-poutine")
    make_article(title="Sommet", countries=["RU"], leaders=[leader], tags=["Sommet"])
    make_article(title="Autre", language="en")


def assert_json_answer(response, where):
    assert response.status_code in {200, 400, 404, 405}, (where, response.status_code)
    assert response["Content-Type"] == "application/json", where
    data = json.loads(response.content)
    if response.status_code != 200:
        assert data["error"] and data["status"] == response.status_code, where


@FUZZ
@given(params=parameters)
def test_list_parameters(client, some_articles, params):
    url = "/api/ninjs/articles/?" + urlencode(params)
    assert_json_answer(client.get(url), url)


@FUZZ
@given(raw=awkward_text)
def test_article_ids(client, some_articles, raw):
    url = f"/api/ninjs/articles/{quote(raw, safe='')}/"
    assert_json_answer(client.get(url), url)


@FUZZ
@given(path=st.text(st.characters(blacklist_categories=["Cs"]), max_size=30))
def test_any_path_under_the_api(client, path):
    url = "/api/ninjs/" + quote(path)
    assert_json_answer(client.get(url), url)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_json_405(client, method):
    response = getattr(client, method)("/api/ninjs/articles/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert_json_answer(response, method)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "²"},
        {"page": "١"},
        {"page_size": "𝟙"},
        {"page": "1\x00"},
        {"country": "ru\x00"},
        {"tag": "\x00"},
        {"updated_since": "0001-01-01T00:00:00+14:00"},
        {"updated_since": "9999-12-31T23:59:59-14:00"},
    ],
)
def test_strict_numbers_and_odd_values_are_400(client, some_articles, params):
    response = client.get("/api/ninjs/articles/?" + urlencode(params))
    assert response.status_code == 400, params
    assert_json_answer(response, params)


@pytest.mark.parametrize("raw", ["abc", "²", "1.5", "-1", "0", "12abc"])
def test_bad_ids_are_json_404(client, raw):
    response = client.get(f"/api/ninjs/articles/{quote(raw)}/")
    assert response.status_code == 404
    assert_json_answer(response, raw)


def test_a_left_off_slash_is_still_a_redirect(client):
    response = client.get("/api/ninjs/articles?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/ninjs/articles/?page=1"
