"""The body editor inserts a library picture through its "Browse…" picker (Chromium)."""

import pytest

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_editor
from articles.tests.helpers.pictures import make_picture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_library_picture_goes_into_the_body(browser, live_server):
    editor = make_editor(username="photo")
    picture = make_picture(
        size=(1200, 800), title="Quai de Nakhodka", caption="Des grues au matin", uploaded_by=editor
    )
    article = make_article(
        title="Le port", status=Article.Status.DRAFT, authors=[editor], body="<p>Texte.</p>"
    )
    page = browser.new_context(locale="en-US").new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "photo")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor_area = page.locator(".field-body .ProseMirror[contenteditable]")
    editor_area.click()
    page.keyboard.press("End")
    page.locator(".field-body .prose-menubar__button[title='figure']").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as opened:
        dialog.locator("button", has_text="Browse").click()
    picker = opened.value
    picker.wait_for_load_state()
    picker.fill("input[name=q]", "nakhodka")
    picker.press("input[name=q]", "Enter")
    picker.wait_for_load_state()
    picker.click(f'.picture-choice[data-id="{picture.pk}"]')
    url = picture.rendition_url(picture.fitting(1024, "JPEG"))
    assert dialog.locator("input[name=imageUrl]").input_value() == url
    assert dialog.locator("input[name=altText]").input_value() == picture.alt_text
    dialog.locator("button[type=submit]").click()
    page.click("button[name=_continue]")
    page.wait_for_load_state()
    article.refresh_from_db()
    assert f'<img src="{url}"' in article.body
    assert "Des grues au matin" in article.body
    assert list(article.body_pictures.all()) == [picture]
