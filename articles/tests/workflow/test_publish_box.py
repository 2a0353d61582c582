"""One publishing path on the article form: the state, and this user's moves as buttons."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_editor, make_reporter

pytestmark = pytest.mark.django_db

Status = Article.Status
ADD_URL = reverse("admin:articles_article_add")


@pytest.fixture
def reporter():
    return make_reporter(username="pigiste", first_name="Anne", last_name="Martin")


@pytest.fixture
def editor():
    return make_editor(username="chef", first_name="Éric", last_name="Blanc")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def buttons(html):
    """(name, value) of each submit button of the article form."""
    form = html[html.index('id="article_form"') : html.index("</form>", html.index("article_form"))]
    found = re.findall(r'<(?:button|input)[^>]*type="submit"[^>]*>', form)
    return {
        (
            (re.search(r'name="([^"]*)"', tag) or [None, ""])[1],
            (re.search(r'value="([^"]*)"', tag) or [None, ""])[1],
        )
        for tag in found
    }


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


SAVE = ("_continue", "")
SUBMIT = ("_transition", "submit")
PUBLISH = ("_transition", "publish")
SCHEDULE = ("_transition", "schedule")
UNPUBLISH = ("_transition", "unpublish")
SEND_BACK = ("_transition", "send_back")


class TestButtonsPerRole:
    def test_no_status_menu_and_no_standard_save_row(self, client, editor):
        html = page(client, editor, ADD_URL)
        assert 'name="status"' not in html
        assert 'name="published_at_0"' not in html
        assert 'name="_addanother"' not in html
        assert 'name="_save"' not in html

    def test_a_reporter_on_a_new_article(self, client, reporter):
        html = page(client, reporter, ADD_URL)
        assert buttons(html) == {SAVE, SUBMIT}
        assert "Enregistrer le brouillon" in html
        assert 'name="schedule_at_0"' not in html

    def test_an_editor_on_a_new_article(self, client, editor):
        html = page(client, editor, ADD_URL)
        assert buttons(html) == {SAVE, SUBMIT, PUBLISH, SCHEDULE}
        # The date and time of a schedule each have a label.
        assert '<label for="id_schedule_at_0">' in html
        assert '<label for="id_schedule_at_1">' in html

    def test_a_reporter_on_their_article_in_review(self, client, reporter):
        article = make_article(status=Status.IN_REVIEW, authors=[reporter])
        html = page(client, reporter, change_url(article))
        assert buttons(html) == {SAVE}
        assert "En relecture" in html

    def test_an_editor_on_an_article_in_review(self, client, editor, reporter):
        article = make_article(status=Status.IN_REVIEW, authors=[reporter])
        html = page(client, editor, change_url(article))
        assert buttons(html) == {SAVE, PUBLISH, SCHEDULE, SEND_BACK}
        assert "Enregistrer les modifications" in html

    def test_an_editor_on_a_published_article(self, client, editor):
        article = make_article(status=Status.PUBLISHED)
        html = page(client, editor, change_url(article))
        assert buttons(html) == {SAVE, UNPUBLISH, SEND_BACK}
        assert "Publié" in html and "depuis le" in html

    def test_an_editor_on_a_scheduled_article(self, client, editor):
        at = timezone.now() + datetime.timedelta(days=2)
        article = make_article(status=Status.PUBLISHED, published_at=at)
        html = page(client, editor, change_url(article))
        assert buttons(html) == {SAVE, PUBLISH, SCHEDULE, UNPUBLISH, SEND_BACK}
        assert "Programmé" in html and "Reprogrammer…" in html


class TestMoves:
    def test_publish_now_brings_a_scheduled_article_forward(self, client, editor):
        at = timezone.now() + datetime.timedelta(days=2)
        article = make_article(status=Status.PUBLISHED, published_at=at)
        client.force_login(editor)
        data = {**form_data(client.get(change_url(article))), "_transition": "publish"}
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.is_published
        assert article.published_at <= timezone.now()

    def test_publish_now_ignores_a_time_left_in_the_schedule_box(self, client, editor):
        article = make_article(status=Status.DRAFT, authors=[editor])
        client.force_login(editor)
        later = timezone.localtime() + datetime.timedelta(days=3)
        data = {
            **form_data(client.get(change_url(article))),
            "schedule_at_0": later.strftime("%d/%m/%Y"),
            "schedule_at_1": "09:00:00",
            "_transition": "publish",
        }
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.is_published

    def test_schedule_needs_a_time(self, client, editor):
        article = make_article(status=Status.DRAFT, authors=[editor])
        client.force_login(editor)
        data = {**form_data(client.get(change_url(article))), "_transition": "schedule"}
        response = client.post(change_url(article), data)
        assert response.status_code == 200
        assert "Choisissez le jour et l’heure de publication" in response.content.decode()
        article.refresh_from_db()
        assert article.status == Status.DRAFT

    def test_a_reporter_cannot_schedule_by_hand(self, client, reporter):
        article = make_article(status=Status.DRAFT, authors=[reporter])
        client.force_login(reporter)
        later = timezone.localtime() + datetime.timedelta(days=3)
        data = {
            **form_data(client.get(change_url(article))),
            "schedule_at_0": later.strftime("%d/%m/%Y"),
            "schedule_at_1": "09:00:00",
            "_transition": "schedule",
        }
        response = client.post(change_url(article), data)
        assert response.status_code == 200
        article.refresh_from_db()
        assert (article.status, article.published_at) == (Status.DRAFT, None)

    def test_a_status_posted_by_an_editor_changes_nothing(self, client, editor):
        article = make_article(status=Status.DRAFT, authors=[editor])
        client.force_login(editor)
        data = {**form_data(client.get(change_url(article))), "status": "published"}
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.status == Status.DRAFT
