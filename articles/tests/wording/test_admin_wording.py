"""The admin speaks French about articles, countries, leaders, tags, pictures and
profiles: "Ajouter un article", "L’image « … » a été modifiée", never "Ajout de article"
or "L’objet image"."""

import html
import re

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, AuthorProfile, Country, Leader, Picture, Tag
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_editor, make_leader
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db

VOWELS = "aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ"
# Django's generic French around a noun: "Ajout de article", "le objet", "L’objet image".
CLUMSY = re.compile(
    rf"\b[Dd]e [{VOWELS}]|\b[Ll]e [{VOWELS}]|\b[Ll]a [{VOWELS}]|\b[Ll]['’]objet\b"
    r"|\bobjets? (?:article|pays|dirigeant|mot-clé|image|profil)"
)
MODELS = [Article, Country, Leader, Tag, Picture, AuthorProfile]


def clumsy(page):
    """The clumsy phrases in a page's text and its titles and labels (aria, alt)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    attributes = " ".join(re.findall(r'(?:title|aria-label|alt|placeholder)="([^"]*)"', text))
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(f"{text} {attributes}")
    return sorted({text[max(m.start() - 30, 0) : m.end() + 20] for m in CLUMSY.finditer(text)})


def test_the_check_itself():
    assert clumsy("<h1>Ajout de article</h1>")
    assert clumsy('<a title="Modifier l’objet image sélectionné">')
    assert clumsy("<li>L'objet article « Sommet » a été ajouté avec succès.</li>")
    assert clumsy("<p>Supprimer le objet</p>")
    assert not clumsy("<h1>Ajouter un article</h1><p>L’image « Port » a été modifiée.</p>")


@pytest.fixture
def world(editor):
    leader = make_leader(name="Moon Jae-in", slug="moon-jae-in", country_code="KR")
    picture = make_picture(title="Quai du port", uploaded_by=editor)
    article = make_article(title="Sommet à Pékin", authors=[editor], leaders=[leader])
    article.tags.add(Tag.objects.create(name="Sommet"))
    profile = AuthorProfile.objects.create(user=editor, display_name="Anne Dupont", slug="anne")
    return {
        Article: article,
        Country: Country.objects.get(code="KR"),
        Leader: leader,
        Tag: Tag.objects.get(name="Sommet"),
        Picture: picture,
        AuthorProfile: profile,
    }


@pytest.fixture
def editor():
    return make_editor(username="redac.fr", first_name="Anne", last_name="Dupont")


@pytest.fixture
def french(client, editor):
    editor.is_superuser = True  # every page, every related-field link
    editor.save()
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    return client


def url(model, action, *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{action}", args=args)


def test_index_reads_as_french(french, world):
    page = french.get(reverse("admin:index")).content.decode()
    assert clumsy(page) == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_pages_read_as_french(french, world, model):
    obj = world[model]
    pages = {
        "changelist": french.get(url(model, "changelist")),
        "popup": french.get(url(model, "changelist"), {"_popup": "1"}),
        "add": french.get(url(model, "add")),
        "change": french.get(url(model, "change", obj.pk)),
        "delete": french.get(url(model, "delete", obj.pk)),
        "delete selected": french.post(
            url(model, "changelist"),
            {"action": "delete_selected", admin.helpers.ACTION_CHECKBOX_NAME: [obj.pk]},
        ),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert clumsy(response.content.decode()) == [], name


EXPECTED_TITLES = {
    Article: ("Ajouter un article", "Modifier l’article", "Sélectionnez l’article à modifier"),
    Country: ("Ajouter un pays", "Modifier le pays", "Sélectionnez le pays à modifier"),
    Leader: (
        "Ajouter un dirigeant",
        "Modifier le dirigeant",
        "Sélectionnez le dirigeant à modifier",
    ),
    Tag: ("Ajouter un mot-clé", "Modifier le mot-clé", "Sélectionnez le mot-clé à modifier"),
    Picture: ("Ajouter une image", "Modifier l’image", "Sélectionnez l’image à modifier"),
}


@pytest.mark.parametrize("model", list(EXPECTED_TITLES), ids=lambda m: m.__name__)
def test_titles_name_the_thing(french, world, model):
    add, change, select = EXPECTED_TITLES[model]
    assert french.get(url(model, "add")).context["title"] == add
    assert french.get(url(model, "change", world[model].pk)).context["title"] == change
    changelist = french.get(url(model, "changelist"))
    assert changelist.context["title"] == select
    assert f">\n      {add}\n    </a>" in changelist.content.decode()  # the add button
    assert ">Supprimer les " in changelist.content.decode()


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_success_messages_agree_with_the_noun(french, world):
    tag_add = french.post(url(Tag, "add"), {"name": "Diplomatie"}, follow=True)
    assert re.sub(r"<[^>]+>", "", messages_of(tag_add)[0]) == (
        "Le mot-clé «\u00a0Diplomatie\u00a0» a été ajouté."
    )
    tag = Tag.objects.get(name="Diplomatie")
    tag_change = french.post(
        url(Tag, "change", tag.pk), {"name": "Diplomatie", "_continue": "1"}, follow=True
    )
    assert re.sub(r"<[^>]+>", "", messages_of(tag_change)[0]) == (
        "Le mot-clé «\u00a0Diplomatie\u00a0» a été modifié. "
        "Vous pouvez poursuivre la modification ci-dessous."
    )
    tag_delete = french.post(url(Tag, "delete", tag.pk), {"post": "yes"}, follow=True)
    assert messages_of(tag_delete) == ["Le mot-clé «\u00a0Diplomatie\u00a0» a été supprimé."]

    picture = world[Picture]
    edit = form_data(french.get(url(Picture, "change", picture.pk)), "picture_form")
    saved = french.post(url(Picture, "change", picture.pk), {**edit, "_addanother": "1"})
    (message,) = messages_of(saved)
    assert re.sub(r"<[^>]+>", "", message) == (
        "L’image «\u00a0Quai du port\u00a0» a été modifiée. "
        "Vous pouvez ajouter une autre image ci-dessous."
    )

    article = world[Article]
    edit = form_data(french.get(url(Article, "change", article.pk)))
    saved = french.post(url(Article, "change", article.pk), edit)
    assert saved.status_code == 302
    text = " ".join(re.sub(r"<[^>]+>", "", m) for m in messages_of(saved))
    assert "L’article «\u00a0Sommet à Pékin\u00a0» a été modifié." in text
    assert clumsy(text) == []


def test_english_stays_english(client, world, editor):
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.get(url(Picture, "add")).context["title"] == "Add a picture"
    assert client.get(url(Country, "changelist")).context["title"] == (
        "Select the country to change"
    )
