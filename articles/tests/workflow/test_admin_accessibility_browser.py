"""axe-core (from npm) in Debian's Chromium on the editors' pages: the desk, the article
list, the article form (new and existing), the picture library, history and compare.
No serious or critical violation, on a laptop's screen (light) and a phone's (dark).

Skipped without Chromium or node_modules on a laptop; a failure on CI.
"""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers.conformance import AXE_JS, missing_tool
from articles.tests.helpers.factories import make_article, make_editor, make_leader
from articles.tests.helpers.pictures import make_picture
from articles.workflow import history
from articles.workflow import moves as workflow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
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


def editors_pages():
    editor = make_editor(username="chef", first_name="Inès", last_name="Durand")
    picture = make_picture(alt_text="Le port de Vladivostok au matin", uploaded_by=editor)
    leader = make_leader(name="Kim Jong-un", country_code="KP")
    article = make_article(
        title="Kim Jong-un arrive à Vladivostok pour un sommet avec la Russie",
        status=Article.Status.DRAFT,
        authors=[editor],
        countries=["KP", "RU"],
        leaders=[leader],
        tags=["Sommet", "Paris, Texas"],
        lead_picture=picture,
    )
    workflow.submit_for_review(article=article, user=editor, note="Prêt à relire")
    workflow.publish(article=article, user=editor)
    newer, older = list(history.versions_of(article))[:2]
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    return {
        "desk": reverse("admin:index"),
        "article list": reverse("admin:articles_article_changelist"),
        "new article": reverse("admin:articles_article_add"),
        "article": reverse("admin:articles_article_change", args=[article.pk]),
        "picture library": reverse("admin:articles_picture_changelist"),
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "compare": f"{compare}?from={older.pk}&to={newer.pk}",
    }


def violations(page):
    page.add_script_tag(path=str(AXE_JS))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(("width", "scheme"), [(1366, "light"), (390, "dark")])
def test_editors_pages_have_no_serious_violations(live_server, browser, width, scheme):
    if not AXE_JS.exists():
        missing_tool(f"{AXE_JS} not found: npm ci")
    pages = editors_pages()
    # axe is injected as a script of its own: the admin's CSP would refuse it.
    context = browser.new_context(
        bypass_csp=True,
        locale="fr-FR",
        color_scheme=scheme,
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    report = []
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        page.wait_for_load_state("load")
        if name in ("new article", "article"):
            # The editor and the chips are built by scripts: check them once built.
            page.wait_for_selector(".field-body .ProseMirror[contenteditable]")
            page.wait_for_selector(".field-tags .select2-container")
        if name == "article list" and width == 1366:
            # On a laptop, beside the menu and the filters, a headline reads on two lines.
            headline = page.eval_on_selector(
                "#result_list .field-title", "cell => cell.getBoundingClientRect().width"
            )
            assert headline >= 200, f"headline column {headline}px wide"
        for violation in violations(page):
            nodes = "\n      ".join(violation["nodes"][:5])
            report.append(f"{name}: {violation['id']} ({violation['help']})\n      {nodes}")
    context.close()
    assert not report, "\n".join(report)
