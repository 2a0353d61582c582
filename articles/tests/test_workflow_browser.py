"""Two real browsers on one article: the second save is refused, its text kept (Chromium)."""

import os

import pytest
from django.db import connections

from articles.models import Article

from .factories import make_article, make_editor

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium(monkeypatch):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's Chromium is not installed")
    # Playwright's sync API runs an event loop; the test's ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            # The ORM's connections opened under Playwright's loop would keep
            # PostgreSQL from dropping the test database.
            connections.close_all()
            browser.close()


def signed_in(browser, live_server, username):
    page = browser.new_context(locale="fr-FR").new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    return page


def test_two_browsers_same_article(chromium, live_server):
    make_editor(username="alice", first_name="Alice", last_name="Martin")
    bruno = make_editor(username="bruno")
    article = make_article(
        title="Sommet à Vladivostok", status=Article.Status.DRAFT, authors=[bruno]
    )
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    alice_page = signed_in(chromium, live_server, "alice")
    bruno_page = signed_in(chromium, live_server, "bruno")
    alice_page.goto(url)
    bruno_page.goto(url)

    alice_page.fill("#id_title", "Sommet à Vladivostok, version d’Alice")
    alice_page.click("input[name=_continue]")
    alice_page.wait_for_load_state()
    bruno_page.fill("#id_title", "Sommet à Vladivostok, version de Bruno")
    bruno_page.click("input[name=_continue]")
    bruno_page.wait_for_load_state()

    assert bruno_page.locator("#edit-conflict").is_visible()
    assert "Alice Martin a modifié cet article" in bruno_page.content()
    assert bruno_page.input_value("#id_title") == "Sommet à Vladivostok, version de Bruno"
    article.refresh_from_db()
    assert article.title == "Sommet à Vladivostok, version d’Alice"

    bruno_page.check("#id_overwrite")
    bruno_page.click("input[name=_continue]")
    bruno_page.wait_for_load_state()
    article.refresh_from_db()
    assert article.title == "Sommet à Vladivostok, version de Bruno"
