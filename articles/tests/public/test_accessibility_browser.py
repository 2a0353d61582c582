"""axe-core (from npm) in Debian's Chromium on every public template, in both
interface languages (French at the root, English under /en/), in the light and the
dark colour scheme: no serious or critical violation, the page's language declared,
and headings that start at one h1 and never skip a level.

Skipped without Chromium or node_modules on a laptop; a failure on CI.
"""

import itertools

import pytest

from articles.tests.helpers.conformance import AXE_JS, missing_tool
from articles.tests.helpers.hostile_site import build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "home",
    "article-hostile",
    "country",
    "countries",
    "leader",
    "leaders",
    "tag",
    "author",
    "search",
    "search-empty",
    "not-found",
]
# Every heading in the DOM, hidden ones included: screen readers list them all.
HEADING_LEVELS = """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
  .map((h) => Number(h.tagName[1]))"""
RUN_AXE = """async () => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + " — " + n.failureSummary),
  }));
}"""


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(live_server, browser, scheme, language):
    if not AXE_JS.exists():
        missing_tool(f"{AXE_JS} not found: npm ci")
    pages = build_site()
    # axe is injected as a script of its own: the site's CSP would refuse it.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, locale=f"{language}-FR")
    prefix = "" if language == "fr" else f"/{language}"
    page = context.new_page()
    page.set_default_timeout(20_000)
    report = []
    for name in PAGES:
        page.goto(live_server.url + prefix + pages[name])
        declared = page.evaluate("document.documentElement.lang")
        if declared != language:
            report.append(f"{name}: <html lang> is {declared!r}, the reader reads {language}")
        levels = page.evaluate(HEADING_LEVELS)
        if (
            levels[:1] != [1]
            or levels.count(1) != 1
            or any(b > a + 1 for a, b in itertools.pairwise(levels))
        ):
            report.append(f"{name}: heading levels {levels}")
        page.add_script_tag(path=str(AXE_JS))
        for violation in page.evaluate(RUN_AXE):
            if violation["impact"] in ("serious", "critical"):
                nodes = "\n      ".join(violation["nodes"][:5])
                report.append(f"{name}: {violation['id']} ({violation['help']})\n      {nodes}")
    # A picture without alt text: axe must see it, or the run above proves nothing.
    page.set_content('<!doctype html><html lang="fr"><title>t</title><img src="data:,">')
    page.add_script_tag(path=str(AXE_JS))
    assert "image-alt" in [v["id"] for v in page.evaluate(RUN_AXE)]
    context.close()
    assert not report, "\n".join(report)
