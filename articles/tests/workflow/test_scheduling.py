"""Scheduled publication with a frozen clock, on every public surface; no job runs."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers.factories import (
    make_article,
    make_editor,
    make_leader,
    make_reporter,
)
from articles.tests.helpers.pictures import make_picture
from articles.tests.public.test_public_surfaces import ENTRY_POINTS, body_of, walk
from articles.workflow import moves as workflow

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=PARIS)
AT = datetime.datetime(2026, 3, 2, 18, 30, tzinfo=PARIS)


@pytest.fixture
def scheduled():
    with time_machine.travel(NOW, tick=False):
        editor = make_editor()
        reporter = make_reporter()
        leader = make_leader(name="Kim Jong-un", slug="kim-jong-un", country_code="KP")
        subjects = {"countries": ["KP"], "leaders": [leader], "tags": ["Sommet"]}
        # Something visible, so every subject page exists before the time comes.
        make_article(title="Déjà en ligne", **subjects)
        article = make_article(
            title="Programmé pour ce soir",
            slug="programme-ce-soir",
            status=Article.Status.DRAFT,
            authors=[reporter],
            lead_picture=make_picture(size=(120, 80), alt_text="Le pont"),
            **subjects,
        )
        workflow.submit_for_review(article=article, user=reporter)
        outcome = workflow.publish(article=article, user=editor, at=AT)
        assert outcome.message.startswith("Programmé pour")
    return article


def _seen(client, article):
    pages = walk(client, ENTRY_POINTS)
    bodies = {url: body_of(response) for url, response in pages.items()}
    assert all(r.status_code < 500 for r in pages.values())
    return {url for url, body in bodies.items() if article.title in body or article.slug in body}


def test_invisible_everywhere_until_its_time_then_everywhere(client, scheduled):
    url = "/2026/03/02/programme-ce-soir/"
    lead = scheduled.lead_picture
    picture = lead.rendition_url(lead.widths()[0])
    with time_machine.travel(AT - datetime.timedelta(seconds=1), tick=False):
        assert _seen(client, scheduled) == set()
        assert client.get(url).status_code == 404
        assert client.get(picture).status_code == 404
    with time_machine.travel(AT, tick=False):
        seen = _seen(client, scheduled)
        assert {
            "/",
            "/countries/north-korea/",
            "/leaders/kim-jong-un/",
            "/tags/sommet/",
            url,
            "/feed/",
            "/feed/atom/",
            "/countries/north-korea/feed/",
            "/news-sitemap.xml",
            "/api/ninjs/articles/",
        } <= seen
        assert client.get(url).status_code == 200
        assert client.get(picture).status_code == 200
        assert list(Article.objects.published().filter(pk=scheduled.pk)) == [scheduled]


def test_the_desk_lists_it_as_scheduled_until_then(client, scheduled):
    from articles.workflow.desk import desk_for

    editor = make_editor()
    with time_machine.travel(NOW, tick=False):
        assert desk_for(editor)["scheduled"] == [scheduled]
    with time_machine.travel(AT + datetime.timedelta(minutes=1), tick=False):
        desk = desk_for(editor)
        assert desk["scheduled"] == []
        assert scheduled in desk["published"]


@pytest.mark.parametrize("status", [Article.Status.IN_REVIEW, Article.Status.UNPUBLISHED])
def test_in_review_and_unpublished_never_reach_a_reader(client, status):
    make_article(title="Visible", countries=["KP"], tags=["Sommet"])
    hidden = make_article(
        title="Caché au public",
        slug="cache",
        status=status,
        published_at=datetime.datetime(2026, 1, 5, 10, tzinfo=PARIS),
        countries=["KP"],
        tags=["Sommet"],
    )
    assert _seen(client, hidden) == set()
    assert client.get("/2026/01/05/cache/").status_code == 404


def test_the_preview_address_without_a_valid_token_is_a_404(client):
    response = client.get(reverse("articles:preview", kwargs={"token": "rien"}))
    assert response.status_code == 404
