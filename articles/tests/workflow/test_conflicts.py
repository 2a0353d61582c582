"""No lost edits: two browsers on one story, the second save is refused, nothing is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return make_editor(username="alice", first_name="Alice", last_name="Martin")


@pytest.fixture
def bruno():
    return make_editor(username="bruno", first_name="Bruno", last_name="Lefèvre")


@pytest.fixture
def story(alice):
    return make_article(
        title="Sommet à Vladivostok",
        status=Article.Status.DRAFT,
        authors=[alice],
        body="<p>Le train est arrivé lundi.</p>",
        tags=["Sommet"],
    )


def browser(user):
    client = Client()
    client.force_login(user)
    return client


def url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def test_the_second_save_is_refused_and_keeps_its_text(alice, bruno, story):
    first, second = browser(alice), browser(bruno)
    alice_form = form_data(first.get(url(story)))
    bruno_form = form_data(second.get(url(story)))

    alice_form["body"] = "<p>Le train blindé est arrivé lundi.</p>"
    assert first.post(url(story), alice_form).status_code == 302

    bruno_form["body"] = "<p>Le train est arrivé mardi, sous escorte.</p>"
    bruno_form["title"] = "Sommet à Vladivostok : « une première »"
    response = second.post(url(story), bruno_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alice Martin a modifié cet article le" in html
    assert "Rien n’a été enregistré" in html
    # Bruno's own text is still in the form…
    assert "sous escorte" in html
    assert "« une première »" in html
    # …with the difference to Alice's version.
    assert 'id="edit-conflict"' in html
    assert "<del>blindé</del>" in html or "<del> blindé</del>" in html
    story.refresh_from_db()
    assert story.body == "<p>Le train blindé est arrivé lundi.</p>"
    assert story.title == "Sommet à Vladivostok"

    # Having read it, Bruno may choose to save his version: only explicitly.
    again = form_data(response)
    assert second.post(url(story), again).status_code == 200
    again["overwrite"] = "on"
    assert second.post(url(story), again).status_code == 302
    story.refresh_from_db()
    assert story.body == "<p>Le train est arrivé mardi, sous escorte.</p>"


def test_overwriting_is_refused_if_it_changed_yet_again(alice, bruno, story):
    first, second = browser(alice), browser(bruno)
    bruno_form = form_data(second.get(url(story)))
    alice_form = form_data(first.get(url(story)))
    alice_form["title"] = "Alice 1"
    first.post(url(story), alice_form)
    bruno_form["title"] = "Bruno"
    conflict = second.post(url(story), bruno_form)
    alice_form = form_data(first.get(url(story)))
    alice_form["title"] = "Alice 2"
    first.post(url(story), alice_form)
    retry = form_data(conflict)
    retry["overwrite"] = "on"
    response = second.post(url(story), retry)
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.title == "Alice 2"


def test_a_status_change_meanwhile_is_a_conflict_too(alice, bruno, story):
    from articles.workflow import moves as workflow

    second = browser(bruno)
    bruno_form = form_data(second.get(url(story)))
    workflow.submit_for_review(article=story, user=alice)
    bruno_form["title"] = "Bruno"
    response = second.post(url(story), bruno_form)
    assert response.status_code == 200
    assert "Alice Martin a modifié cet article" in response.content.decode()


def test_saving_twice_in_one_browser_is_not_a_conflict(alice, story):
    client = browser(alice)
    data = form_data(client.get(url(story)))
    data["title"] = "Un"
    data["_continue"] = "1"
    response = client.post(url(story), data)
    assert response.status_code == 302
    data = form_data(client.get(response.url))
    data["title"] = "Deux"
    assert client.post(url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.title == "Deux"


def test_a_note_added_meanwhile_names_its_author(alice, bruno):
    from articles.workflow import moves as workflow

    story = make_article(title="En ligne", authors=[alice])
    second = browser(bruno)
    bruno_form = form_data(second.get(url(story)))
    workflow.add_note(article=story, user=alice, kind="correction", text="Chiffre corrigé.")
    bruno_form["title"] = "Bruno"
    response = second.post(url(story), bruno_form)
    assert response.status_code == 200
    assert "Alice Martin a modifié cet article" in response.content.decode()
