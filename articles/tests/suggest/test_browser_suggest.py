"""Clicks through “Suggest from text” in Debian's Chromium against a live server.

Without Chromium (or Playwright) the test is skipped with the reason, except on
CI (env CI set), where the browser is installed by .ci/run and a skip would
hide a broken feature: there it fails.
"""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Country, Tag
from articles.suggest.importing import analyze, import_wire_copy, parse_wire_copy
from articles.tests.conftest import missing_browser
from articles.tests.helpers.factories import make_editor

# The live server needs committed data; serialized_rollback brings the countries
# of the data migration back after each test flushes the tables.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_suggest_from_text_fills_the_form_without_losing_text(live_server, browser, monkeypatch):
    # Playwright's sync API keeps an event loop in this thread; our ORM calls are sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    call_command("load_demo", stdout=io.StringIO())
    Tag.objects.create(name="Sommet bilatéral")
    make_editor(username="redac")
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "redac")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_selector("#suggest-from-text")

    title = "Kim Jong-un en Russie pour un sommet bilatéral"
    page.fill("#id_title", title)
    page.fill("#id_standfirst", "Le dirigeant nord-coréen a retrouvé Vladimir Poutine.")
    page.click(".field-body .ProseMirror[contenteditable]")
    page.keyboard.type("Washington observe la rencontre de loin.")

    page.click("#suggest-from-text")
    page.wait_for_selector("#suggest-panel .suggest-item")

    def box(kind, name):
        return page.locator(f'#suggest-panel input[data-kind="{kind}"][data-name="{name}"]')

    assert box("countries", "Corée du Nord").is_checked()
    assert box("countries", "Russie").is_checked()
    assert box("leaders", "Kim Jong-un").is_checked()
    assert box("leaders", "Vladimir Putin").is_checked()
    assert box("tags", "Sommet bilatéral").is_checked()
    us = box("countries", "États-Unis")
    assert not us.is_checked()
    assert "Washington" in page.locator("#suggest-panel").inner_text()
    us.check()
    page.click("#suggest-panel .suggest-add")
    page.wait_for_selector(".suggest-status")

    # Nothing reloaded: what the editor typed is still there.
    assert page.input_value("#id_title") == title
    assert "Washington observe" in page.inner_text(".field-body .ProseMirror[contenteditable]")
    selected = page.eval_on_selector(
        "#id_countries", "s => Array.from(s.selectedOptions).map(o => o.text)"
    )
    assert set(selected) == {"Corée du Nord", "Russie", "États-Unis"}
    assert "Corée du Nord" in page.inner_text(".field-countries")
    assert page.input_value("#id_tags") == "Sommet bilatéral"

    page.click("button[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(title=title)
    assert article.status == Article.Status.DRAFT
    assert set(article.countries.values_list("code", flat=True)) == {"KP", "RU", "US"}
    assert set(article.leaders.values_list("slug", flat=True)) == {
        "kim-jong-un",
        "vladimir-putin",
    }
    assert list(article.tags.names()) == ["Sommet bilatéral"]
    assert Country.objects.filter(code="KP").exists()


@pytest.mark.parametrize(
    ("ci", "outcome"), [("", pytest.skip.Exception), ("1", pytest.fail.Exception)]
)
def test_missing_chromium_skips_locally_and_fails_on_ci(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    if not ci:
        monkeypatch.delenv("CI")
    with pytest.raises(outcome, match="Chromium not found"):
        missing_browser("Chromium not found at /nowhere")


def test_passing_mentions_kept_at_import_are_one_click_away(live_server, browser, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    call_command("load_demo", stdout=io.StringIO())
    copy = parse_wire_copy(
        "Kim and Putin meet\n\nVLADIVOSTOK (Reuters) - North Korea's Kim Jong Un met Vladimir "
        "Putin in Russia on Thursday. Kim Jong Un and Putin spoke for hours. Tokyo was not told."
    )
    suggestions = analyze(copy, "en")
    article = import_wire_copy(copy=copy, language="en", suggestions=suggestions)
    make_editor(username="redac")
    page = browser.new_page()
    page.set_default_timeout(15_000)
    change = f"/admin/articles/article/{article.pk}/change/"
    page.goto(f"{live_server.url}/admin/login/?next={change}")
    page.fill("#id_username", "redac")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_selector("#suggest-from-text")
    page.wait_for_selector("#suggest-panel .suggest-item")
    assert "Mentioned in the copy at import" in page.inner_text("#suggest-panel")
    japan = page.locator('#suggest-panel input[data-kind="countries"][data-name="Japon"]')
    assert not japan.is_checked()
    # Subjects attached at import are not offered again.
    assert page.locator('#suggest-panel input[data-name="Corée du Nord"]').count() == 0
    japan.check()
    page.click("#suggest-panel .suggest-add")
    selected = page.eval_on_selector(
        "#id_countries", "s => Array.from(s.selectedOptions).map(o => o.text)"
    )
    assert set(selected) == {"Corée du Nord", "Russie", "Japon"}
