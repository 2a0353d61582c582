"""Corrections and updates under a published article."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleNote
from articles.templatetags.newsroom import iso
from articles.tests.helpers.factories import make_article, make_reporter
from articles.workflow import moves as workflow

pytestmark = pytest.mark.django_db


def test_a_correction_shows_under_the_article_and_moves_its_modified_time(client, editor, article):
    before = article.updated_at
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add_note", args=[article.pk]),
        {"kind": "correction", "text": "Une version précédente situait le sommet à Séoul."},
        follow=True,
    )
    assert "La note a été ajoutée" in response.content.decode()
    article.refresh_from_db()
    assert article.updated_at > before
    note = ArticleNote.objects.get()
    assert note.created_by == editor
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Corrections et mises à jour" in html or "Corrections and updates" in html
    assert "situait le sommet à Séoul" in html
    assert f'<time datetime="{iso(note.created_at)}">' in html


def test_notes_are_in_order_and_dated(client, editor, article):
    workflow.add_note(article=article, user=editor, kind="update", text="Premier ajout.")
    workflow.add_note(article=article, user=editor, kind="correction", text="Puis corrigé.")
    html = client.get(article.get_absolute_url()).content.decode()
    html = html[html.index('class="story__notes"') :]
    assert html.index("Premier ajout.") < html.index("Puis corrigé.")
    assert timezone.localdate().strftime("%Y") in html


def test_only_on_published_articles(editor):
    draft = make_article(status=Article.Status.DRAFT)
    with pytest.raises(ValidationError):
        workflow.add_note(article=draft, user=editor, kind="update", text="x")


def test_only_editors(client, article):
    reporter = make_reporter()
    article.authors.add(reporter)
    with pytest.raises(PermissionDenied):
        workflow.add_note(article=article, user=reporter, kind="update", text="x")
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_article_add_note", args=[article.pk]),
        {"kind": "update", "text": "x"},
    )
    assert response.status_code == 403
    assert not ArticleNote.objects.exists()


@pytest.mark.parametrize(
    "data", [{"kind": "update", "text": "   "}, {"kind": "rumeur", "text": "x"}, {}]
)
def test_bad_input_is_a_message_not_a_500(client, editor, article, data):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add_note", args=[article.pk]), data, follow=True
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not ArticleNote.objects.exists()


def test_a_scheduled_article_keeps_its_notes_hidden(client, editor):
    future = make_article(published_at=timezone.now() + datetime.timedelta(hours=2))
    workflow.add_note(article=future, user=editor, kind="update", text="Secret update")
    day = timezone.localdate(future.published_at)
    assert client.get(f"/{day:%Y/%m/%d}/{future.slug}/").status_code == 404


def test_corrections_reach_the_structured_data_but_updates_do_not(client, editor, article):
    workflow.add_note(article=article, user=editor, kind="correction", text="Chiffre corrigé.")
    workflow.add_note(article=article, user=editor, kind="update", text="Bilan mis à jour.")
    html = client.get(article.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    assert "Chiffre corrigé." in head
    assert "Bilan mis à jour." not in head
