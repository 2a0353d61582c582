"""What a page says about itself to search engines and sharing cards.

One dictionary per object (``article_metadata``, ``leader_metadata``,
``country_metadata``, ``listing_metadata``) holds the facts; the schema.org
JSON-LD (``schema_org``), Open Graph, Twitter card, canonical URL and meta description are all
derived from it, so they cannot disagree. ``script_json`` makes the JSON safe
inside ``<script>``.
"""

import json
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.html import html_to_text
from articles.languages.alternates import article_path
from articles.models import ArticleNote, Country, author_name, author_url, profile_of
from articles.pictures.markup import shaped_images
from articles.syndication.schema_org import iso, json_ld

DESCRIPTION_LENGTH = 300
WIKIDATA = "https://www.wikidata.org/wiki/{}"

# JSON is valid JavaScript, but "</script>" or "<!--" inside a string would end
# or derail the element; the escapes keep the JSON identical to a parser.
# Replaced one after the other: str.replace runs in C, str.translate with a
# dictionary looks up every character of the page's JSON-LD.
_SCRIPT_ESCAPES = [
    ("<", "\\u003C"),
    (">", "\\u003E"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
]

# Open Graph requires an image on every page: pages without a picture of their
# own (home, countries, tags, authors, unpictured articles) share this one.
DEFAULT_IMAGE = {"path": "articles/og-default.png", "width": 1200, "height": 630}

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "de": "de_DE"}


def script_json(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return mark_safe(text)  # noqa: S308 — escaped for <script>


def describe(text):
    """Plain text (standfirst, bio) on one line, at most DESCRIPTION_LENGTH characters."""
    return Truncator(" ".join((text or "").split())).chars(DESCRIPTION_LENGTH)


def word_count(html):
    text = html_to_text(html)
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def _site(request):
    return {"name": settings.NEWSROOM_NAME, "url": request.build_absolute_uri("/")}


def correction_notes(article):
    """Public corrections of ``article``, oldest first: [{"text": str, "date": datetime}].

    The workflow's notes of kind correction; updates are not corrections. Goes
    through ``notes.all()`` so the article views' prefetch serves it.
    """
    return [
        {"text": note.text, "date": note.created_at}
        for note in article.notes.all()
        if note.kind == ArticleNote.Kind.CORRECTION
    ]


def _person(leader, request):
    person = {
        "kind": "person",
        "name": leader.local_name,
        "url": request.build_absolute_uri(leader.get_absolute_url()),
        "wikidata": WIKIDATA.format(leader.wikidata_id) if leader.wikidata_id else None,
    }
    return person


def _place(country, request):
    return {
        "kind": "country",
        "name": country.local_name,
        "code": country.code,
        "url": request.build_absolute_uri(country.get_absolute_url()),
        "wikidata": None,
    }


def _work(article, request):
    return {
        "url": request.build_absolute_uri(article_path(article, article.language)),
        "language": article.language,
        "title": article.title,
    }


def _entry(thing, request):
    return _place(thing, request) if isinstance(thing, Country) else _person(thing, request)


def _section(subjects, countries, tags):
    """The main subject country, else the first country, else the first tag."""
    places = [s for s in subjects if isinstance(s, Country)] or countries
    if places:
        return places[0].local_name
    return tags[0].local_name if tags else ""


def article_metadata(article, request, translations=()):
    """Everything the page of ``article`` says about it (relations prefetched).

    ``translations``: the other published articles of its translation group.
    """
    url = request.build_absolute_uri(article.get_absolute_url())
    countries = list(article.countries.all())
    tags = list(article.tags.all())
    # The editor's subjects, main one first; the rest of what is attached is mentioned.
    subjects, mentioned = article.subjects_and_mentions()
    about = [_entry(thing, request) for thing in subjects]
    mentions = [_entry(thing, request) for thing in mentioned]
    images = shaped_images(article.lead_picture, request.build_absolute_uri)
    return {
        "kind": "article",
        "title": article.title,
        "description": describe(article.standfirst),
        "url": url,
        "language": article.language,
        "published": article.published_at,
        # A preview of an undated draft has no publication time yet.
        "modified": max(d for d in (article.updated_at, article.published_at) if d),
        "dateline": article.dateline,
        "section": _section(subjects, countries, tags),
        "keywords": [t.name_in(article.language) for t in tags],
        "word_count": word_count(article.body or ""),
        "authors": [
            {"name": author_name(a), "url": request.build_absolute_uri(author_url(a))}
            for a in article.authors.all()
        ],
        "credit": article.credit,
        "images": images,
        "image_alt": article.lead_picture.alt_text if article.lead_picture else "",
        "about": about,
        "mentions": mentions,
        "corrections": correction_notes(article),
        "translation_of": next(
            (_work(t, request) for t in translations if t.pk == article.translation_of_id), None
        ),
        "translations": [
            _work(t, request) for t in translations if t.translation_of_id == article.pk
        ],
        "site": _site(request),
    }


def leader_metadata(leader, request, articles=(), page=None):
    person = _person(leader, request)
    # The square crop first: the shape a person's picture is expected to have.
    portrait = sorted(
        shaped_images(leader.portrait, request.build_absolute_uri),
        key=lambda image: image["width"] != image["height"],
    )
    return {
        "kind": "leader",
        "title": leader.local_name,
        "description": describe(leader.bio)
        or describe(
            f"{leader.role} — {leader.country.local_name if leader.country else ''}".strip(" —")
        ),
        "url": _page_url(request, leader.get_absolute_url(), page),
        "language": None,
        "person": {
            **person,
            "job_title": leader.role,
            "nationality": _place(leader.country, request) if leader.country else None,
            "aliases": leader.alias_list,
            "image": portrait[0]["url"] if portrait else None,
            "bio": leader.bio,
        },
        "images": portrait,
        "items": _items(articles, request, page),
        "site": _site(request),
    }


def country_metadata(country, request, articles=(), page=None):
    return {
        "kind": "country",
        "title": country.local_name,
        "description": describe(country.description) or "",
        "url": _page_url(request, country.get_absolute_url(), page),
        "language": None,
        "place": {**_place(country, request), "description": describe(country.description)},
        "images": [],
        "items": _items(articles, request, page),
        "site": _site(request),
    }


def author_metadata(author, request, articles=(), page=None):
    url = _page_url(request, author_url(author), page)
    profile = profile_of(author)
    photo = (
        sorted(
            shaped_images(profile.photo, request.build_absolute_uri),
            key=lambda image: image["width"] != image["height"],
        )
        if profile and profile.photo
        else []
    )
    return {
        "kind": "author",
        "title": author_name(author),
        "description": describe(profile.bio) if profile else "",
        "url": url,
        "language": None,
        "person": {
            "kind": "person",
            "name": author_name(author),
            "url": request.build_absolute_uri(author_url(author)),
            "job_title": profile.role if profile else "",
            "image": photo[0]["url"] if photo else None,
            "bio": profile.bio if profile else "",
        },
        "images": photo,
        "items": _items(articles, request, page),
        "site": _site(request),
    }


def listing_metadata(title, path, request, articles=(), page=None, description=""):
    return {
        "kind": "listing",
        "title": title,
        "description": description,
        "url": _page_url(request, path, page),
        "language": None,
        "images": [],
        "items": _items(articles, request, page),
        "site": _site(request),
    }


def _page_url(request, path, page):
    number = getattr(page, "number", 1)
    return request.build_absolute_uri(path + (f"?page={number}" if number > 1 else ""))


def _items(articles, request, page):
    offset = page.start_index() - 1 if page is not None and page.start_index() else 0
    return [
        {
            "position": offset + i,
            "url": request.build_absolute_uri(article.get_absolute_url()),
            "name": (
                getattr(article, "title", None)
                or getattr(article, "local_name", None)
                or str(article)
            ),
        }
        for i, article in enumerate(articles, start=1)
    ]


# Sharing cards and the head ---------------------------------------------


def sharing_tags(meta):
    """Open Graph and Twitter card ``(attribute, key, content)`` triples."""
    og_type = {"article": "article", "leader": "profile", "author": "profile"}.get(
        meta["kind"], "website"
    )
    tags = [
        ("property", "og:type", og_type),
        ("property", "og:title", meta["title"]),
        ("property", "og:url", meta["url"]),
        ("property", "og:site_name", meta["site"]["name"]),
    ]
    if meta["description"]:
        tags.append(("property", "og:description", meta["description"]))
    locale = OG_LOCALES.get(meta["language"] or "")
    if locale:
        tags.append(("property", "og:locale", locale))
    image = meta["images"][0] if meta["images"] else None
    shown = image or default_image(meta["site"])
    tags += [
        ("property", "og:image", shown["url"]),
        ("property", "og:image:width", str(shown["width"] or "")),
        ("property", "og:image:height", str(shown["height"] or "")),
    ]
    if image and meta.get("image_alt"):
        tags.append(("property", "og:image:alt", meta["image_alt"]))
    if meta["kind"] == "article":
        tags += [
            ("property", "article:published_time", iso(meta["published"])),
            ("property", "article:modified_time", iso(meta["modified"])),
        ]
        if meta["section"]:
            tags.append(("property", "article:section", meta["section"]))
        tags += [("property", "article:tag", keyword) for keyword in meta["keywords"]]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", meta["title"]),
    ]
    if meta["description"]:
        tags.append(("name", "twitter:description", meta["description"]))
    if image:
        tags.append(("name", "twitter:image", image["url"]))
        if meta.get("image_alt"):
            tags.append(("name", "twitter:image:alt", meta["image_alt"]))
    return [t for t in tags if t[2]]


def default_image(site):
    return {
        "url": urljoin(site["url"], static(DEFAULT_IMAGE["path"])),
        "width": DEFAULT_IMAGE["width"],
        "height": DEFAULT_IMAGE["height"],
    }


def head_context(meta):
    """What ``articles/_head_metadata.html`` renders."""
    return {
        "meta": meta,
        "canonical": meta["url"],
        "description": meta["description"],
        "sharing_tags": sharing_tags(meta),
        "json_ld": script_json(json_ld(meta)),
    }
