"""Authors are chosen by byline name; reporters never see user accounts."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_editor, make_reporter, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter_client():
    client = Client()
    client.force_login(make_reporter(username="pigiste"))
    return client


def choices(client, **params):
    response = client.get(reverse("admin:articles_article_authors"), params)
    assert response.status_code == 200
    return response.json()


def test_the_reporter_group_cannot_view_users():
    codenames = set(
        Group.objects.get(name="Reporter").permissions.values_list("codename", flat=True)
    )
    assert "view_user" not in codenames
    assert {"add_article", "change_article", "view_article"} <= codenames


def test_a_reporter_sees_no_user_admin(reporter_client):
    editor = make_editor(username="chef", email="chef@example.org")
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[editor.pk]),
        reverse("admin:auth_group_changelist"),
    ]:
        response = reporter_client.get(url)
        assert response.status_code in {403, 302}, url
        assert b"chef@example.org" not in response.content


def test_authors_are_offered_by_byline_name_only(reporter_client):
    make_editor(username="h.marchal.login", first_name="Hélène", last_name="Marchal")
    make_reporter(username="sans.nom")
    data = choices(reporter_client, term="")
    texts = [result["text"] for result in data["results"]]
    assert "Hélène Marchal" in texts
    assert "sans.nom" in texts  # no full name: the byline is the username
    assert "h.marchal.login" not in str(data)
    # The login name of someone who has a name is not searchable either.
    assert choices(reporter_client, term="marchal.login")["results"] == []
    assert [r["text"] for r in choices(reporter_client, term="hélène mar")["results"]] == [
        "Hélène Marchal"
    ]


def test_only_active_staff_are_offered(reporter_client):
    make_user(username="lecteur", first_name="Léa", last_name="Lectrice")
    make_reporter(username="parti", first_name="Paul", last_name="Parti", is_active=False)
    texts = [r["text"] for r in choices(reporter_client, term="")["results"]]
    assert "Léa Lectrice" not in texts
    assert "Paul Parti" not in texts


def test_authors_come_a_page_at_a_time(reporter_client):
    for n in range(25):
        make_reporter(username=f"r{n}", first_name="Rédactrice", last_name=f"N{n:02d}")
    first = choices(reporter_client, term="Rédactrice")
    second = choices(reporter_client, term="Rédactrice", page="2")
    assert len(first["results"]) == 20 and first["pagination"]["more"]
    assert len(second["results"]) == 5 and not second["pagination"]["more"]
    assert choices(reporter_client, term="Rédactrice", page="²")["results"] == first["results"]


def test_anonymous_and_readers_get_nothing():
    assert Client().get(reverse("admin:articles_article_authors")).status_code == 302
    reader = Client()
    reader.force_login(make_user(staff=True))
    assert reader.get(reverse("admin:articles_article_authors")).status_code == 403


def test_the_form_shows_chosen_authors_by_name():
    editor = make_editor(username="chef.login", first_name="Hélène", last_name="Marchal")
    reporter = make_reporter(username="pigiste.login", first_name="Ana", last_name="Silva")
    article = make_article(status=Article.Status.DRAFT, authors=[reporter, editor])
    client = Client()
    client.force_login(reporter)
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    html = html.decode()
    assert "Hélène Marchal" in html
    assert "chef.login" not in html
    assert reverse("admin:articles_article_authors") in html


def test_a_reporter_saves_an_article_with_a_colleague_as_author():
    colleague = make_editor(username="chef.login", first_name="Hélène", last_name="Marchal")
    reporter = make_reporter(username="pigiste.login")
    article = make_article(status=Article.Status.DRAFT, authors=[reporter])
    client = Client()
    client.force_login(reporter)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data["authors"] = [str(reporter.pk), str(colleague.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(article.authors.all()) == {reporter, colleague}
