"""An editor's whole journey on the article form, in Debian's Chromium: sign in, paste a
French story, take the suggestions, add a picture, preview, schedule, publish.

Screenshots of each step, at a laptop's and a phone's width, go to
``.ci/artifacts/screenshots/`` (kept by CI, listed at the end of ``.ci/run``).
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Article, Tag
from articles.tests.helpers.factories import make_editor, make_leader
from articles.tests.helpers.pictures import camera_jpeg

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(settings.BASE_DIR) / ".ci" / "artifacts" / "screenshots"
WIDTHS = {"desktop": (1366, 900), "mobile": (390, 844)}

# Our own copy, written for this test.
TITLE = "Kim Jong-un reçu par Vladimir Poutine à Vladivostok"
STANDFIRST = "Le dirigeant nord-coréen est arrivé en Russie par train blindé, mardi."
STORY = (
    "<p>Le train blindé de Kim Jong-un s’est arrêté mardi matin en gare de Vladivostok, "
    "où Vladimir Poutine l’attendait pour un sommet consacré à la coopération militaire.</p>"
    "<p>À Séoul, le gouvernement de Corée du Sud suit la rencontre « avec attention », "
    "selon un porte-parole.</p>"
)
# A paste, as the browser hands it to the editor: the copied HTML in the clipboard data.
PASTE = """([selector, html]) => {
  const target = document.querySelector(selector);
  target.focus();
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", html.replace(/<[^>]+>/g, " "));
  target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                    cancelable: true}));
}"""


def shoot(page, name):
    """The page at both widths; back to the desktop width after."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["desktop"], strict=True)))


def test_an_editor_writes_schedules_and_publishes(
    live_server, browser, tmp_path, fresh_entity_index
):
    make_editor(username="chef", first_name="Inès", last_name="Durand")
    make_leader(name="Kim Jong-un", slug="kim-jong-un", country_code="KP")
    make_leader(name="Vladimir Putin", slug="vladimir-putin", aliases="Vladimir Poutine\nPoutine")
    Tag.objects.create(name="Sommet bilatéral")
    photo = tmp_path / "gare.jpg"
    photo.write_bytes(camera_jpeg(size=(1200, 800)))

    context = browser.new_context(
        locale="fr-FR", viewport=dict(zip(("width", "height"), WIDTHS["desktop"], strict=True))
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    shoot(page, "01-login")
    page.fill("#id_username", "chef")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_selector(".field-body .ProseMirror[contenteditable]")
    page.wait_for_selector(".field-tags .select2-container")

    # The story, pasted.
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", STANDFIRST)
    assert "caractères" in page.inner_text("#id_title_counter")
    page.evaluate(PASTE, [".field-body .ProseMirror[contenteditable]", STORY])
    assert "coopération militaire" in page.inner_text(".field-body .ProseMirror[contenteditable]")
    shoot(page, "02-story-pasted")

    # The suggestions, taken.
    page.click("#suggest-from-text")
    page.wait_for_selector("#suggest-panel .suggest-item")
    for box in page.locator("#suggest-panel input[type=checkbox]").all():
        box.check()
    page.click("#suggest-panel .suggest-add")
    page.wait_for_selector(".suggest-status")
    countries = page.eval_on_selector(
        "#id_countries", "s => Array.from(s.selectedOptions).map(o => o.text)"
    )
    assert {"Corée du Nord", "Russie"} <= set(countries)
    leaders = page.eval_on_selector(
        "#id_leaders", "s => Array.from(s.selectedOptions).map(o => o.text)"
    )
    assert {"Kim Jong-un", "Vladimir Putin"} <= set(leaders)

    # A tag of the library, found without its accent; a new one, made with Enter.
    page.click(".field-tags .select2-selection")
    page.keyboard.type("sommet bilateral")
    page.wait_for_selector(".select2-results__option:not(.loading-results)", state="attached")
    page.wait_for_selector('.select2-results__option:text-is("Sommet bilatéral")')
    page.keyboard.press("Enter")
    page.keyboard.type("Train blindé")
    page.wait_for_selector('.select2-results__option:text-is("Train blindé")')
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    chips = page.locator(".field-tags .select2-selection__choice").all_inner_texts()
    assert [chip.lstrip("×").strip() for chip in chips][-2:] == ["Sommet bilatéral", "Train blindé"]

    # A picture, with its description.
    page.set_input_files("#id_new_picture", str(photo))
    page.wait_for_selector("img.picture-preview:not([hidden])")
    page.fill("#id_new_picture_alt", "Le quai de la gare de Vladivostok à l’arrivée du train")
    page.fill("#id_new_picture_caption", "La gare de Vladivostok, mardi.")
    shoot(page, "03-subjects-and-picture")

    page.click("button[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.DRAFT
    assert article.lead_picture is not None
    assert set(article.tags.names()) >= {"Sommet bilatéral", "Train blindé"}
    assert "Brouillon" in page.inner_text("#workflow")
    shoot(page, "04-draft-saved")

    # The preview, in a tab of its own.
    with page.expect_popup() as opened:
        page.click(".object-tools a[target=_blank]:text-is('Aperçu')")
    preview = opened.value
    preview.wait_for_load_state()
    assert TITLE in preview.inner_text("h1")
    shoot(preview, "05-preview")
    preview.close()

    # Scheduled for tomorrow morning…
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    page.click("#workflow .publish-schedule summary")
    page.fill("#id_schedule_at_0", tomorrow.strftime("%d/%m/%Y"))
    page.fill("#id_schedule_at_1", "07:30:00")
    shoot(page, "06-schedule")
    page.click("#workflow button[value=schedule]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and not article.is_published
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "Programmé" in page.inner_text("#workflow .publish-state")

    # …then published now after all.
    page.click("#workflow button[value=publish]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.is_published
    shoot(page, "07-published-list")
    page.goto(live_server.url + article.get_absolute_url())
    assert TITLE in page.inner_text("h1")
    shoot(page, "08-reader-page")
    context.close()
