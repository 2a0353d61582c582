"""Share links follow the article's life: dead once it is published or withdrawn after them."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.helpers.factories import make_article
from articles.tests.helpers.pictures import make_picture
from articles.workflow import moves, previews

pytestmark = pytest.mark.django_db

TITLE = "Le sommet secret de l’île Rousski"


@pytest.fixture
def draft():
    return make_article(
        title=TITLE,
        status=Article.Status.DRAFT,
        lead_picture=make_picture(size=(64, 48), alt_text="Le port de Vladivostok"),
    )


def share(article, editor):
    _link, token = previews.create_link(article=article, user=editor)
    name = article.lead_picture.renditions[0]["name"].rsplit("/", 1)[-1]
    return (
        reverse("articles:preview", kwargs={"token": token}),
        reverse(
            "articles:preview_picture",
            kwargs={"token": token, "pk": article.lead_picture_id, "name": name},
        ),
    )


def assert_dead(response):
    assert response.status_code == 404
    assert "Rousski" not in response.content.decode()


def test_published_after_the_link_it_leads_to_the_public_page(client, editor, draft):
    page, picture = share(draft, editor)
    moves.publish(article=draft, user=editor)
    draft.refresh_from_db()
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(response["Location"]).status_code == 200
    lead = draft.lead_picture
    assert client.get(picture)["Location"] == lead.rendition_url(lead.renditions[0])


def test_unpublished_after_the_link_it_is_dead(client, editor, draft):
    moves.publish(article=draft, user=editor)
    page, picture = share(draft, editor)
    moves.unpublish(article=draft, user=editor, note="Erreur de date.")
    draft.refresh_from_db()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert_dead(client.get(page))
    assert_dead(client.get(picture))


def test_published_then_withdrawn_after_the_link_it_stays_dead(client, editor, draft):
    page, _picture = share(draft, editor)
    moves.publish(article=draft, user=editor)
    moves.unpublish(article=draft, user=editor, note="Retiré.")
    assert_dead(client.get(page))
    # A link made now, for the article as it is, works.
    fresh, _picture = share(draft, editor)
    assert client.get(fresh).status_code == 200


def test_a_link_outlives_scheduling_and_follows_the_article_out(client, editor, draft):
    page, _picture = share(draft, editor)
    at = timezone.now() + datetime.timedelta(hours=3)
    moves.publish(article=draft, user=editor, at=at)
    response = client.get(page)
    assert response.status_code == 200
    assert "Programmé" in response.content.decode()
    with time_machine.travel(at + datetime.timedelta(minutes=1), tick=False):
        response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == Article.objects.get(pk=draft.pk).get_absolute_url()


def test_an_unpublished_article_shared_says_readers_cannot_see_it(client, editor, draft):
    moves.publish(article=draft, user=editor)
    moves.unpublish(article=draft, user=editor, note="Retiré.")
    page, _picture = share(draft, editor)
    html = client.get(page).content.decode()
    assert "Aperçu — non publié." in html
    assert "Les lecteurs ne peuvent pas voir cet article." in html
    moves.publish(article=draft, user=editor)
    assert client.get(page).status_code == 302
    moves.unpublish(article=draft, user=editor, note="Encore retiré.")
    assert_dead(client.get(page))


def test_the_admin_preview_of_a_live_article_says_it_is_published(client, editor):
    article = make_article(title=TITLE)
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_preview", args=[article.pk])).content
    html = html.decode()
    assert "Aperçu — cet article est publié." in html
    assert f'<a href="{article.get_absolute_url()}">son adresse publique</a>' in html
    assert "non publié" not in html
    assert "ne peuvent pas voir" not in html
