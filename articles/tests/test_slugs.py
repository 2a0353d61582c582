"""Slugs are ASCII whoever makes them (admin, import, script), and old addresses lead on."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Leader, Tag
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_editor, make_leader
from articles.text import folded_slug

pytestmark = pytest.mark.django_db

HEADLINE = "Xi Jinping reçoit Moon Jae-in à Pékin"
FOLDED = "xi-jinping-recoit-moon-jae-in-a-pekin"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (HEADLINE, FOLDED),
        ("xi-jinping-reçoit-moon-jae-in-à-pékin", FOLDED),
        ("Cœur de l’Œuvre", "coeur-de-loeuvre"),
        ("Владимир Путин", "vladimir-putin"),
        ("Straße", "strasse"),
        ("« Paix » !", "paix"),
    ],
)
def test_one_folding_rule(text, slug):
    assert folded_slug(text) == slug
    assert folded_slug(slug) == slug


def test_admin_slug_box_folds_what_is_typed_and_prepopulates_in_ascii():
    request = RequestFactory().get("/")
    request.user = make_editor()
    form_class = admin.site._registry[Article].get_form(request)
    field = form_class.base_fields["slug"]
    assert field.clean("xi-jinping-reçoit-moon-jae-in-à-pékin") == FOLDED
    # The admin's prepopulate script folds accents only when the field says ASCII.
    assert field.allow_unicode is False


def test_admin_saves_an_ascii_slug(client):
    editor = make_editor()
    client.force_login(editor)
    add = reverse("admin:articles_article_add")
    data = form_data(client.get(add))
    data.update(
        title=HEADLINE,
        slug="xi-jinping-reçoit-moon-jae-in-à-pékin",
        body="<p>Une visite d’État.</p>",
    )
    response = client.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(title=HEADLINE).slug == FOLDED


def test_scripts_and_imports_save_ascii_slugs():
    article = make_article(slug="xi-jinping-reçoit-moon-jae-in-à-pékin")
    article.refresh_from_db()
    assert article.slug == FOLDED
    assert Tag.objects.create(name="Sommet de Pékin").slug == "sommet-de-pekin"


def test_old_article_address_redirects_for_good(client):
    article = make_article(slug=FOLDED, published_at=timezone.now() - datetime.timedelta(days=1))
    day = timezone.localtime(article.published_at)
    old = f"/{day:%Y/%m/%d}/xi-jinping-re%C3%A7oit-moon-jae-in-%C3%A0-p%C3%A9kin/"
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    # Nothing else moves: an unknown old slug is still a 404.
    assert client.get(f"/{day:%Y/%m/%d}/pas-publié/").status_code == 404


def test_old_leader_address_redirects_for_good(client):
    leader = make_leader(name="Moon Jae-in", slug="moon-jae-in")
    make_article(leaders=[leader])
    response = client.get("/leaders/moon-jaé-in/")
    assert (response.status_code, response["Location"]) == (301, "/leaders/moon-jae-in/")
    assert Leader.objects.get().slug == "moon-jae-in"


def test_drafts_do_not_leak_through_the_redirect(client):
    draft = make_article(slug=FOLDED, status=Article.Status.DRAFT)
    assert draft.get_absolute_url() is None
    today = timezone.localdate()
    response = client.get(f"/{today:%Y/%m/%d}/xi-jinping-reçoit-moon-jae-in-à-pékin/")
    assert response.status_code == 404
