"""Head metadata of public pages: meta description, canonical URL, Open Graph,
Twitter card and JSON-LD, rendered from ``structured_data``'s one dictionary."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles.syndication import structured_data as sd
from articles.text import fold

register = template.Library()

TEMPLATE = "articles/_head_metadata.html"


def _listing(context):
    return context.get("articles") or (), context.get("page_obj")


def _coverage(name):
    return _("All our coverage of %(name)s.") % {"name": name}


@register.inclusion_tag(TEMPLATE, takes_context=True)
def article_head(context, article):
    translations = context.get("translations") or ()
    return sd.head_context(sd.article_metadata(article, context["request"], translations))


@register.inclusion_tag(TEMPLATE, takes_context=True)
def leader_head(context, leader):
    articles, page = _listing(context)
    meta = sd.leader_metadata(leader, context["request"], articles, page)
    meta["description"] = meta["description"] or _coverage(leader.local_name)
    return sd.head_context(meta)


def _articles_by(name):
    # French elides "de" before a vowel: « Articles d’Anne Dupont », « Articles de Claire ».
    if fold(name)[:1] in set("aeiouy"):
        return pgettext("before a name starting with a vowel", "Articles by %(name)s.") % {
            "name": name
        }
    return _("Articles by %(name)s.") % {"name": name}


@register.inclusion_tag(TEMPLATE, takes_context=True)
def author_head(context, author):
    articles, page = _listing(context)
    meta = sd.author_metadata(author, context["request"], articles, page)
    meta["description"] = meta["description"] or _articles_by(meta["title"])
    return sd.head_context(meta)


@register.inclusion_tag(TEMPLATE, takes_context=True)
def country_head(context, country):
    articles, page = _listing(context)
    meta = sd.country_metadata(country, context["request"], articles, page)
    meta["description"] = meta["description"] or _coverage(country.local_name)
    return sd.head_context(meta)


@register.inclusion_tag(TEMPLATE, takes_context=True)
def listing_head(context, title, path, description="", items=None):
    """A list page; ``items`` (anything with a URL) defaults to the page's articles."""
    articles, page = _listing(context)
    if items is not None:
        articles, page = list(items), None
    return sd.head_context(
        sd.listing_metadata(title, path, context["request"], articles, page, description)
    )


@register.simple_tag
def coverage_description(name):
    return _coverage(name)
