"""A small site in the states validators must see: a story published "now"
(microseconds stored), hostile headlines, correction notes, pictures in the
lead and the body, a leader with a portrait, and a shareable draft."""

import datetime

from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleNote, author_url
from articles.tests.helpers.factories import make_article, make_editor, make_leader, make_user
from articles.tests.helpers.pictures import make_picture
from articles.workflow import previews

HOSTILE_TITLE = "Kim & Poutine : « </h1><script>alert(1)</script> » <b>à</b> Vladivostok"


def _figure(picture):
    rendition = picture.fitting(1024, "JPEG")
    return (
        f'<figure class="figure"><img src="{picture.rendition_url(rendition)}" '
        f'alt="{picture.alt_text}" data-file="{picture.pk}">'
        '<figcaption class="figure-caption">Le port, au matin.</figcaption></figure>'
    )


def build_site():
    """Create the site; returns {page name: path} for every page worth checking."""
    now = timezone.now()
    author = make_user(first_name="Élise", last_name="Durand & fils")
    putin = make_leader(
        name="Vladimir Poutine",
        slug="vladimir-poutine",
        role="Président",
        bio="Au pouvoir depuis 2000 ; « réélu » en 2024.",
        in_office_from=datetime.date(2000, 5, 7),
        portrait=make_picture(size=(300, 400), alt_text="Portrait officiel"),
    )
    # In the knowledge base: the country page names him as head of government.
    make_leader(name="Mikhail Mishustin", slug="mikhail-mishustin")
    lead = make_picture(size=(1200, 800), alt_text="Deux dirigeants se serrent la main")
    body_picture = make_picture(size=(800, 600), alt_text="Le port de Vladivostok")
    hostile = make_article(
        title=HOSTILE_TITLE,
        slug="sommet-hostile",
        standfirst="Un chapeau avec <b>balises</b> & « guillemets » : 5 < 6.",
        body=(
            "<h2>Un intertitre</h2><p>Premier paragraphe, avec un "
            '<a href="https://example.org/a?b=1&c=2">lien</a>.</p>'
            + _figure(body_picture)
            + "<blockquote><p>Une citation.</p></blockquote><ul><li>Un</li><li>Deux</li></ul>"
        ),
        dateline="Vladivostok",
        credit="avec AFP",
        countries=["RU", "KP"],
        leaders=[putin],
        subjects=["RU", putin],
        tags=["Sommet & co", "Diplomatie"],
        authors=[author],
        lead_picture=lead,
        published_at=now - datetime.timedelta(hours=2),
    )
    for kind, text in [
        (ArticleNote.Kind.CORRECTION, "Le sommet a eu lieu le 25 avril, pas le 24 <b>."),
        (ArticleNote.Kind.UPDATE, "Ajout de la déclaration\ncommune."),
    ]:
        ArticleNote.objects.create(article=hostile, kind=kind, text=text)
    # Published from the admin a second ago: six fractional digits stored.
    just_now = make_article(
        title="Publié à l’instant",
        slug="publie-a-l-instant",
        published_at=now.replace(microsecond=123456) - datetime.timedelta(seconds=1),
        countries=["RU"],
        tags=["Sommet & co"],
        authors=[author],
    )
    ArticleNote.objects.create(
        article=just_now, kind=ArticleNote.Kind.CORRECTION, text="Heure corrigée.", created_at=now
    )
    make_article(title="An English story", language="en", countries=["RU"], authors=[author])
    draft = make_article(
        title="Brouillon à partager", status=Article.Status.DRAFT, countries=["RU"]
    )
    _link, token = previews.create_link(article=draft, user=make_editor())
    return {
        "home": reverse("articles:home"),
        "article-hostile": hostile.get_absolute_url(),
        "article-now": just_now.get_absolute_url(),
        "country": reverse("articles:country", args=["russia"]),
        "countries": reverse("articles:countries"),
        "leader": putin.get_absolute_url(),
        "leaders": reverse("articles:leaders"),
        "tag": reverse("articles:tag", args=["sommet-co"]),
        "author": author_url(author),
        "search": reverse("articles:search") + "?q=sommet",
        "search-empty": reverse("articles:search") + "?q=introuvablexyz",
        "not-found": "/cette-page-n-existe-pas/",
        "preview": reverse("articles:preview", kwargs={"token": token}),
    }
