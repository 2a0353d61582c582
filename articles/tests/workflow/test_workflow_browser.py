"""Two real browsers on one article: the second save is refused, its text kept (Chromium)."""

import pytest

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def signed_in(browser, live_server, username):
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    return page


def test_two_browsers_same_article(browser, live_server):
    make_editor(username="alice", first_name="Alice", last_name="Martin")
    bruno = make_editor(username="bruno")
    article = make_article(
        title="Sommet à Vladivostok", status=Article.Status.DRAFT, authors=[bruno]
    )
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    alice_page = signed_in(browser, live_server, "alice")
    bruno_page = signed_in(browser, live_server, "bruno")
    alice_page.goto(url)
    bruno_page.goto(url)

    alice_page.fill("#id_title", "Sommet à Vladivostok, version d’Alice")
    alice_page.click("button[name=_continue]")
    alice_page.wait_for_load_state()
    bruno_page.fill("#id_title", "Sommet à Vladivostok, version de Bruno")
    bruno_page.click("button[name=_continue]")
    bruno_page.wait_for_load_state()

    assert bruno_page.locator("#edit-conflict").is_visible()
    assert "Alice Martin a modifié cet article" in bruno_page.content()
    assert bruno_page.input_value("#id_title") == "Sommet à Vladivostok, version de Bruno"
    article.refresh_from_db()
    assert article.title == "Sommet à Vladivostok, version d’Alice"

    bruno_page.check("#id_overwrite")
    bruno_page.click("button[name=_continue]")
    bruno_page.wait_for_load_state()
    article.refresh_from_db()
    assert article.title == "Sommet à Vladivostok, version de Bruno"
