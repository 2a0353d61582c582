"""Library pictures in the article body: only /pictures/ addresses, listed in body_pictures."""

import pytest
from django.urls import reverse

from articles.html import body_picture_ids, sanitize_html
from articles.models import Article, Picture
from articles.tests.helpers.factories import make_article, make_editor, make_reporter
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db


def figure(picture, caption="Une légende"):
    rendition = picture.fitting(1024, "JPEG")
    return (
        f'<figure class="figure"><img src="{picture.rendition_url(rendition)}" '
        f'alt="{picture.alt_text}" data-file="{picture.pk}">'
        f'<figcaption class="figure-caption">{caption}</figcaption></figure>'
    )


class TestSanitiser:
    @pytest.mark.parametrize(
        "src",
        [
            "https://evil.example/pictures/1/x.jpg",
            "//evil.example/pictures/1/x.jpg",
            "/media/articles/2024/01/scoop.jpg",
            "/pictures/1/../../admin/",
            "/pictures/1/x.jpg?track=1",
            "javascript:alert(1)",
            "data:image/png;base64,iVBORw0KGgo=",
            "pictures/1/x.jpg",
        ],
    )
    def test_an_image_from_anywhere_else_is_removed(self, src):
        html = f'<figure><img src="{src}" alt="x"><figcaption>Légende</figcaption></figure>'
        cleaned = sanitize_html(html)
        assert "<img" not in cleaned
        assert "Légende" in cleaned

    def test_a_library_figure_is_kept_without_extras(self):
        html = (
            '<figure class="figure" onclick="x()">'
            '<img src="/pictures/12/w-1024-0123456789abcdef.jpg" alt="Le port" width="1024"'
            ' height="683" data-file="12" onerror="steal()"'
            ' style="x"><figcaption class="figure-caption">Le port au matin</figcaption></figure>'
        )
        assert sanitize_html(html) == (
            '<figure><img src="/pictures/12/w-1024-0123456789abcdef.jpg" alt="Le port" '
            'width="1024" height="683"><figcaption>Le port au matin</figcaption></figure>'
        )

    def test_ids_in_order_once(self):
        html = sanitize_html(
            '<img src="/pictures/3/a.jpg"><p>x</p><img src="/pictures/1/b.jpg">'
            '<img src="/pictures/3/c.webp"><img alt="/pictures/9/x.jpg" src="/pictures/2/d.jpg">'
        )
        assert body_picture_ids(html) == [3, 1, 2]


class TestSync:
    def test_body_pictures_follow_the_body(self):
        one, two = make_picture(), make_picture()
        article = make_article(body=figure(one) + "<p>Texte.</p>" + figure(two))
        assert set(article.body_pictures.all()) == {one, two}
        article.body = "<p>Texte.</p>" + figure(two)
        article.save()
        assert list(article.body_pictures.all()) == [two]
        article.body = "<p>Plus d’image.</p>"
        article.save()
        assert not article.body_pictures.exists()

    def test_an_unknown_picture_is_not_listed(self):
        article = make_article(body='<figure><img src="/pictures/999/w-320-x.jpg" alt=""></figure>')
        assert not article.body_pictures.exists()

    def test_a_body_picture_of_a_published_article_is_public(self):
        picture = make_picture()
        draft = make_article(body=figure(picture), status=Article.Status.DRAFT)
        assert not Picture.objects.public().exists()
        make_article(body=figure(picture))
        assert list(Picture.objects.public()) == [picture]
        assert list(picture.in_bodies.order_by("pk")) != [draft]


class TestPicker:
    def test_the_body_editor_opens_the_library_picker(self, client):
        client.force_login(make_editor())
        page = client.get(reverse("admin:articles_article_add")).content.decode()
        assert reverse("admin:articles_picture_picker") in page
        assert "Figure" in page

    def test_the_picker_lists_what_the_user_may_use(self, client):
        me, other = make_reporter(), make_reporter()
        mine = make_picture(uploaded_by=me, title="Quai numéro un")
        theirs = make_picture(uploaded_by=other, title="Quai numéro deux")
        client.force_login(me)
        response = client.get(reverse("admin:articles_picture_picker"), {"CKEditorFuncNum": "3"})
        assert response.status_code == 200
        page = response.content.decode()
        assert mine.rendition_url(mine.fitting(1024, "JPEG")) in page
        assert f'data-id="{theirs.pk}"' not in page
        assert 'value="3"' in page
        assert "picture-picker.js" in page

    def test_the_picker_searches(self, client):
        client.force_login(make_editor())
        port = make_picture(title="Port de Nakhodka")
        other = make_picture(title="Parlement")
        page = client.get(reverse("admin:articles_picture_picker"), {"q": "nakhodka"})
        page = page.content.decode()
        assert f'data-id="{port.pk}"' in page
        assert f'data-id="{other.pk}"' not in page

    def test_readers_do_not_get_the_picker(self, client):
        response = client.get(reverse("admin:articles_picture_picker"))
        assert response.status_code == 302
