import datetime
import re

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink
from articles.tests.helpers.factories import (
    make_article,
    make_reporter,
)
from articles.tests.helpers.pictures import make_picture
from articles.workflow import previews

pytestmark = pytest.mark.django_db

TITLE = "Le sommet secret de l’île Rousski"
BODY = "<p>Un texte encore en chantier, « à relire ».</p>"
HEADLINE = f'<h1 class="story__headline">{TITLE}</h1>'
# As readers get it: markup kept, French typography's no-break spaces inside the guillemets.
SHOWN_BODY = "<p>Un texte encore en chantier, «\u00a0à relire\u00a0».</p>"


@pytest.fixture
def draft(reporter):
    return make_article(
        title=TITLE,
        status=Article.Status.DRAFT,
        authors=[reporter],
        body=BODY,
        countries=["KP", "RU"],
        tags=["Sommet"],
    )


def _assert_private(response):
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


def _assert_plain_404(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert TITLE not in html
    assert "Rousski" not in html


class TestAdminPreview:
    def url(self, article):
        return reverse("admin:articles_article_preview", args=[article.pk])

    def test_renders_the_article_page_with_a_banner(self, client, editor, draft):
        client.force_login(editor)
        response = client.get(self.url(draft))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Aperçu — non publié." in html
        # The reader's template, not an admin one.
        assert HEADLINE in html
        assert SHOWN_BODY in html
        assert '<html lang="fr">' in html
        _assert_private(response)

    def test_a_scheduled_article_says_when(self, client, editor):
        article = make_article(
            title=TITLE, published_at=timezone.now() + datetime.timedelta(hours=5)
        )
        client.force_login(editor)
        html = client.get(self.url(article)).content.decode()
        assert "Programmé : les lecteurs le verront à son heure de publication." in html

    def test_the_author_may_preview(self, client, reporter, draft):
        client.force_login(reporter)
        assert client.get(self.url(draft)).status_code == 200

    def test_another_reporter_may_not(self, client, draft):
        client.force_login(make_reporter())
        response = client.get(self.url(draft))
        assert response.status_code in {403, 404}
        assert TITLE not in response.content.decode()

    def test_anonymous_goes_to_login(self, client, draft):
        response = client.get(self.url(draft))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


class TestShareLinks:
    def share(self, client, article):
        response = client.post(
            reverse("admin:articles_article_share", args=[article.pk]), follow=True
        )
        assert response.status_code == 200
        match = re.search(r'href="(http://testserver/preview/[^"]+/)"', response.content.decode())
        assert match, "the share link is shown to the editor"
        return match.group(1).removeprefix("http://testserver")

    def test_a_shared_link_works_without_an_account(self, client, reporter, draft):
        client.force_login(reporter)
        url = self.share(client, draft)
        client.logout()
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert HEADLINE in html
        assert SHOWN_BODY in html
        assert "Aperçu — non publié." in html
        _assert_private(response)
        assert response["Referrer-Policy"] == "no-referrer"
        assert '<meta name="robots" content="noindex, nofollow">' in html

    def test_expires_after_48_hours(self, client, editor, draft):
        client.force_login(editor)
        url = self.share(client, draft)
        client.logout()
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=47)):
            assert client.get(url).status_code == 200
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=48, minutes=1)):
            _assert_plain_404(client.get(url))

    def test_revoked_link_is_a_404(self, client, editor, draft):
        client.force_login(editor)
        url = self.share(client, draft)
        link = PreviewLink.objects.get()
        response = client.post(
            reverse("admin:articles_article_revoke_share", args=[draft.pk, link.pk]), follow=True
        )
        assert "révoqué" in response.content.decode()
        client.logout()
        _assert_plain_404(client.get(url))

    @pytest.mark.parametrize(
        "mangle",
        [
            lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
            lambda token: "x" + token,
            lambda token: "nimportequoi",
            lambda token: token.split(":")[0] + "::",
        ],
    )
    def test_tampered_token_is_a_404(self, client, editor, draft, mangle):
        _link, token = previews.create_link(article=draft, user=editor)
        url = reverse("articles:preview", kwargs={"token": mangle(token)})
        _assert_plain_404(client.get(url))

    def test_a_token_only_opens_its_own_article(self, client, editor, draft):
        other = make_article(title="Un autre brouillon", status=Article.Status.DRAFT)
        link, _token = previews.create_link(article=other, user=editor)
        # Even validly signed, a link of one article names no other.
        forged = signing.dumps({"l": link.pk, "a": draft.pk}, salt=previews.SALT)
        _assert_plain_404(client.get(reverse("articles:preview", kwargs={"token": forged})))

    def test_the_token_of_another_article_shows_that_article_only(self, client, editor, draft):
        other = make_article(title="Un autre brouillon", status=Article.Status.DRAFT)
        _link, token = previews.create_link(article=other, user=editor)
        html = client.get(reverse("articles:preview", kwargs={"token": token})).content.decode()
        assert "Un autre brouillon" in html
        assert TITLE not in html

    def test_another_reporter_cannot_share_or_revoke(self, client, editor, draft):
        link, _token = previews.create_link(article=draft, user=editor)
        client.force_login(make_reporter())
        share = client.post(reverse("admin:articles_article_share", args=[draft.pk]))
        revoke = client.post(
            reverse("admin:articles_article_revoke_share", args=[draft.pk, link.pk])
        )
        assert share.status_code in {403, 404}
        assert revoke.status_code in {403, 404}
        assert PreviewLink.objects.count() == 1
        link.refresh_from_db()
        assert link.revoked_at is None

    def test_sharing_needs_post(self, client, editor, draft):
        client.force_login(editor)
        response = client.get(reverse("admin:articles_article_share", args=[draft.pk]))
        assert response.status_code == 405
        assert not PreviewLink.objects.exists()

    def test_the_change_page_lists_live_links(self, client, editor, draft):
        previews.create_link(article=draft, user=editor)
        client.force_login(editor)
        html = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content
        assert "Révoquer" in html.decode()


class TestSharedPicture:
    def test_the_pictures_come_with_the_link_only(self, client, editor):
        lead = make_picture(size=(500, 300), alt_text="Le pont")
        inline = make_picture(size=(400, 300), alt_text="Le quai")
        body = f'<figure><img src="{inline.rendition_url(inline.widths()[0])}" alt="q"></figure>'
        article = make_article(
            title=TITLE, status=Article.Status.DRAFT, lead_picture=lead, body=body
        )
        _link, token = previews.create_link(article=article, user=editor)
        html = client.get(reverse("articles:preview", kwargs={"token": token})).content.decode()
        for picture in (lead, inline):
            rendition = picture.fitting(800)
            url = reverse(
                "articles:preview_picture",
                kwargs={"token": token, "pk": picture.pk, "name": rendition["name"].split("/")[-1]},
            )
            assert f'src="{url}"' in html
            response = client.get(url)
            assert response.status_code == 200
            _assert_private(response)
            # The readers' address of the same file stays closed.
            assert client.get(picture.rendition_url(rendition)).status_code == 404
            bad = url.replace(token, token + "x")
            assert client.get(bad).status_code == 404
        # What the page shows comes through the link (sharing tags aside: noindex).
        assert 'src="/pictures/' not in html and 'srcset="/pictures/' not in html

    def test_another_picture_is_a_404(self, client, editor, draft):
        other = make_picture(size=(64, 48))
        _link, token = previews.create_link(article=draft, user=editor)
        name = other.renditions[0]["name"].split("/")[-1]
        url = reverse(
            "articles:preview_picture", kwargs={"token": token, "pk": other.pk, "name": name}
        )
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("language", "wording"), [("fr", "Pas encore publié"), ("en", "Not published yet")]
)
def test_a_draft_without_a_time_says_it_is_not_published_yet(
    client, editor, draft, language, wording
):
    # In the article's language, whatever the editor's: the preview is the reader's page.
    draft.language = language
    draft.save()
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_preview", args=[draft.pk])).content
    assert wording in html.decode()
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert "viewsitelink" not in change.content.decode()
