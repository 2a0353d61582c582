"""On a 390 px phone in Chromium: nothing wider than the screen, and every
control and filter link a finger can hit (44 px, WCAG 2.5.5).

With NEWSROOM_SCREENSHOTS set to a directory, the pages are also saved there,
desktop and phone, for a person to look at.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from articles.tests.helpers.hostile_site import build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = ["home", "article-hostile", "country", "countries", "leader", "search", "not-found"]
MIN_TARGET = 44
# Controls, filter and pagination links, and the masthead's links: what a thumb aims at.
SMALL_TARGETS = """(minimum) => Array.from(document.querySelectorAll(
    "input:not([type=hidden]), button, select, .facet a, .pagination a, .masthead__nav a"))
  .filter((el) => el.offsetParent !== null)
  .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect().height])
  .filter(([, height]) => height < minimum)"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def test_phone_pages_fit_and_targets_are_big_enough(live_server, browser):
    pages = build_site()
    # Results with their filters: the links a thumb taps most.
    pages["search"] = reverse("articles:search") + "?q=Vladivostok"
    shots = os.environ.get("NEWSROOM_SCREENSHOTS")
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="fr-FR"
    )
    page = phone.new_page()
    page.set_default_timeout(20_000)
    problems = []
    for name in PAGES:
        page.goto(live_server.url + pages[name])
        overflow = page.evaluate(OVERFLOW)
        if overflow > 0:
            problems.append(f"{name}: {overflow}px wider than the screen")
        if name == "search":
            assert page.locator(".facet a").count() > 0, "no filters to check"
        for html, height in page.evaluate(SMALL_TARGETS, MIN_TARGET):
            problems.append(f"{name}: {height:.0f}px tall: {html}")
        if shots:
            page.screenshot(path=str(Path(shots) / f"phone-{name}.png"), full_page=True)
    phone.close()
    if shots:
        desktop = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        page = desktop.new_page()
        for name in PAGES:
            page.goto(live_server.url + pages[name])
            page.screenshot(path=str(Path(shots) / f"desktop-{name}.png"), full_page=True)
        desktop.close()
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_small_target(browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_content('<!doctype html><html lang="fr"><title>t</title><button>OK</button>')
    assert len(page.evaluate(SMALL_TARGETS, MIN_TARGET)) == 1
    page.set_content('<!doctype html><div style="width: 600px">large</div>')
    assert page.evaluate(OVERFLOW) > 0
    page.close()
