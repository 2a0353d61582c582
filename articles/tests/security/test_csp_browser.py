"""Every page template under the enforced Content-Security-Policy, in Debian's Chromium.

A violation shows up twice: as a ``securitypolicyviolation`` event in the page and
as a "Refused to …" console error; either fails the test. The admin pages are also
used (the prose editor, “Suggest from text”, tag suggestions, autocompletes), since
scripts that only run on a click can break under the policy too.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test.signals import template_rendered

from articles.models import Article, Leader, Tag, author_url
from articles.tests.helpers.factories import make_editor, make_reporter
from articles.workflow import previews

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
      ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""
# Page functions run by Playwright, not strings: the policy forbids eval in the page.
LOAD_IMAGES = """async () => {
  const images = Array.from(document.images);
  images.forEach((image) => { image.loading = "eager"; });
  await Promise.all(images.map((image) => image.complete ? null : new Promise((done) => {
    image.addEventListener("load", done);
    image.addEventListener("error", done);
  })));
  return images.filter((image) => !image.naturalWidth).map((image) => image.src);
}"""
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def page_templates():
    """The public page templates: every one that is not a partial (``_x.html``)."""
    names = {f"articles/{p.name}" for p in (TEMPLATES / "articles").glob("*.html")}
    return {name for name in names if not name.split("/")[-1].startswith("_")} | {
        "404.html",
        "500.html",
    }


@pytest.fixture
def rendered():
    names = set()

    def record(sender, template, **kwargs):
        names.add(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


class Watcher:
    """A browser page that remembers every CSP violation and console error."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.page = browser.new_context(locale="fr-FR").new_page()
        self.page.set_default_timeout(15_000)
        self.page.add_init_script(RECORD_VIOLATIONS)
        self.console = []
        self.page.on(
            "console",
            lambda message: self.console.append(message.text) if message.type == "error" else None,
        )
        self.visited = []

    def open(self, path, status=200):
        response = self.page.goto(self.base_url + path)
        assert response.status == status, path
        headers = response.headers
        assert "content-security-policy" in headers, path
        assert "content-security-policy-report-only" not in headers
        assert "permissions-policy" in headers
        self.page.wait_for_load_state("load")
        self.visited.append(path)
        return response

    def violations(self):
        found = self.page.evaluate("window.__violations")
        refused = [text for text in self.console if "Content Security Policy" in text]
        return found + refused

    def sign_in(self, username):
        self.open("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("input[type=submit]")
        self.page.wait_for_load_state("load")

    def assert_clean(self, where):
        violations = self.violations()
        assert not violations, f"{where}: {violations}"


def test_public_pages_obey_the_policy(browser, live_server, demo, rendered):
    watcher = Watcher(browser, live_server.url)
    article = Article.objects.published().exclude(lead_picture=None).first()
    leader = Leader.objects.exclude(portrait=None).first()
    tag = article.tags.first()
    country = article.countries.first()
    draft = Article.objects.exclude(pk__in=Article.objects.published()).first()
    draft.lead_picture = article.lead_picture
    draft.save()
    _link, token = previews.create_link(article=draft, user=make_editor())
    paths = [
        "/",
        article.get_absolute_url(),
        "/countries/",
        country.get_absolute_url(),
        "/leaders/",
        leader.get_absolute_url(),
        tag.get_absolute_url(),
        author_url(article.authors.first()),
        "/search/?q=Vladivostok",
        "/search/?q=zzzzzz",
        f"/preview/{token}/",
    ]
    for path in paths:
        watcher.open(path)
        # Pictures load, lazy ones included: the policy lets our own media through.
        broken = watcher.page.evaluate(LOAD_IMAGES)
        assert broken == [], path
        watcher.assert_clean(path)
    watcher.open("/no-such-page/", status=404)
    watcher.assert_clean("404")

    # The 500 page is rendered without a request; served here with a real policy.
    policy = watcher.page.request.get(live_server.url + "/").headers
    server_error = render_to_string("500.html")
    watcher.page.route(
        "**/boom/",
        lambda route: route.fulfill(
            status=500,
            body=server_error,
            headers={
                "Content-Type": "text/html; charset=utf-8",
                "Content-Security-Policy": policy["content-security-policy"],
                "Permissions-Policy": policy["permissions-policy"],
            },
        ),
    )
    watcher.open("/boom/", status=500)
    watcher.assert_clean("500")
    assert page_templates() <= rendered | {"500.html"}, page_templates() - rendered


def test_admin_article_pages_obey_the_policy(browser, live_server, demo):
    editor = make_editor(username="redac", first_name="Inès", last_name="Durand")
    Tag.objects.get_or_create(name="Sommet bilatéral")
    article = Article.objects.published().exclude(lead_picture=None).first()
    previews.create_link(article=article, user=editor)
    watcher = Watcher(browser, live_server.url)
    watcher.sign_in("redac")
    watcher.assert_clean("login")

    watcher.open("/admin/articles/article/add/")
    page = watcher.page
    page.wait_for_selector(".field-body .ProseMirror[contenteditable]")
    page.fill("#id_title", "Kim Jong-un en Russie pour un sommet bilatéral")
    page.click(".field-body .ProseMirror[contenteditable]")
    page.keyboard.type("Vladimir Poutine reçoit à Vladivostok.")
    page.click("#suggest-from-text")
    page.wait_for_selector("#suggest-panel .suggest-item")
    page.click("#suggest-panel .suggest-add")
    for field in ("countries", "authors", "tags"):
        page.click(f".field-{field} .select2-selection")
        page.keyboard.type("a")
        page.wait_for_selector(".select2-results__option:not(.loading-results)")
        page.keyboard.press("Escape")
    page.set_input_files("#id_new_picture", str(_picture(watcher, article)))
    page.wait_for_selector("img.picture-preview:not([hidden])")
    watcher.assert_clean("article add")

    change = f"/admin/articles/article/{article.pk}/change/"
    watcher.open(change)
    page.wait_for_selector(".field-body .ProseMirror[contenteditable]")
    watcher.assert_clean("article change")
    for path in (
        f"/admin/articles/article/{article.pk}/preview/",
        f"/admin/articles/article/{article.pk}/history/",
        "/admin/articles/article/",
        "/admin/",
        "/admin/articles/leader/",
        f"/admin/articles/leader/{Leader.objects.exclude(portrait=None).first().pk}/change/",
        "/admin/articles/picture/",
        f"/admin/articles/picture/{article.lead_picture_id}/change/",
        "/admin/articles/picture/add/",
        "/admin/articles/picture/picker/?CKEditorFuncNum=1",
        "/admin/articles/tag/",
        "/admin/articles/country/",
        "/admin/auth/user/",
        f"/admin/auth/user/{editor.pk}/change/",
    ):
        watcher.open(path)
        watcher.assert_clean(path)


def test_a_reporters_admin_obeys_the_policy(browser, live_server, demo):
    # A reporter's admin offers other widgets and fewer actions.
    make_reporter(username="pigiste")
    watcher = Watcher(browser, live_server.url)
    watcher.sign_in("pigiste")
    for path in ("/admin/", "/admin/articles/country/", "/admin/articles/article/add/"):
        watcher.open(path)
        watcher.assert_clean(path)


def _picture(watcher, article):
    path = Path(settings.MEDIA_ROOT) / article.lead_picture.file.name
    assert path.exists()
    return path
