"""The article form refuses what would be saved as something else."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db

EMPTY_ONCE_CLEANED = [
    "<p><script>x</script></p>",
    "<script>alert(1)</script>",
    "<style>p { color: red }</style><p>&nbsp;</p>",
    '<p><img src="x" onerror="alert(1)"></p>',
    "<iframe src='https://example.org'></iframe>",
]


@pytest.mark.parametrize("body", EMPTY_ONCE_CLEANED)
def test_a_body_that_cleans_to_nothing_is_an_error_with_the_text_kept(editor_client, body):
    article = make_article(status=Article.Status.DRAFT, body="<p>Premier jet, « à garder ».</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {**form_data(editor_client.get(url)), "body": body, "title": "Titre retouché"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error.code for error in form.errors.as_data()["body"]] == ["empty_once_cleaned"]
    assert "Rien de lisible ne resterait de ce texte" in response.content.decode()
    assert form["body"].value() == body  # the editor's text, as typed
    article.refresh_from_db()
    assert article.body == "<p>Premier jet, « à garder ».</p>"
    assert article.title != "Titre retouché"


def test_a_body_with_text_among_scripts_keeps_the_text(editor_client):
    article = make_article(status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = "<p><script>x</script>Le sommet s’ouvre à Vladivostok.</p>"
    response = editor_client.post(url, {**form_data(editor_client.get(url)), "body": body})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Le sommet s’ouvre à Vladivostok.</p>"
