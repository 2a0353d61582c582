"""Shared test fixtures: demo content, the entity index, the browser.

Browser tests use Playwright driving Debian's Chromium.

Without Chromium or Playwright a browser test is skipped with the reason,
except on CI (env ``CI`` set), where .ci/run installs the browser and a skip
would hide a broken feature: there it fails.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing_browser(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run here)")
    pytest.skip(reason)


@pytest.fixture
def browser(monkeypatch):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("Playwright is not installed: pip install -r requirements-dev.txt")
    if not CHROMIUM.exists():
        missing_browser(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    # Playwright's sync API keeps an event loop in this thread; ORM calls stay sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            # Connections the ORM opened under Playwright's loop would keep
            # PostgreSQL from dropping the test database.
            connections.close_all()
            chromium.close()


@pytest.fixture
def demo(settings):
    # The demo's photographs are rendered once per test run, not once per test.
    settings.PICTURE_RENDER_MEMORY = 64 * 1024 * 1024
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def fresh_entity_index():
    """The suggestion index lives in the process; a rolled-back test must not leave
    its countries, leaders or tags in it."""
    from articles.suggest import knowledge

    knowledge.invalidate()
    yield
    knowledge.invalidate()


# The people and the article most tests need, defined once; a test that needs
# someone else makes them with the factories.
@pytest.fixture
def editor(db):
    from articles.tests.helpers.factories import make_editor

    return make_editor(username="editor", first_name="Claire", last_name="Dumas")


@pytest.fixture
def reporter(db):
    from articles.tests.helpers.factories import make_reporter

    return make_reporter(username="reporter", first_name="Anne", last_name="Reporter")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(db):
    from articles.tests.helpers.factories import make_article

    return make_article(title="Sommet à Vladivostok", language="fr")
