"""The language switcher and the ``hreflang`` alternates of a page."""

from django import template
from django.conf import settings
from django.utils import translation

from articles.languages.alternates import article_alternates, article_path, interface_alternates

register = template.Library()


@register.inclusion_tag("articles/_language_alternates.html", takes_context=True)
def language_alternates(context):
    """``<link rel="alternate" hreflang>`` for the page in every interface language.

    An article page instead names the article in each of its published translations:
    there the alternates differ by content, not by interface.
    """
    request = context.get("request")
    if request is None:
        return {"links": []}
    article = context.get("article")
    if article is not None and getattr(article, "pk", None) and context.get("translations"):
        links = article_alternates(article, context["translations"])
    else:
        links = [(code, path) for code, _name, path in interface_alternates(request)]
        links.append(("x-default", _default_language_path(links)))
    return {"links": [(code, request.build_absolute_uri(path)) for code, path in links]}


def _default_language_path(links):
    return dict(links)[settings.LANGUAGE_CODE]


@register.inclusion_tag("articles/_language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other interface languages, each named in its own."""
    request = context.get("request")
    if request is None:
        return {"others": []}
    current = translation.get_language()
    others = []
    for code, _name, path in interface_alternates(request):
        if code == current:
            continue
        name = translation.get_language_info(code)["name_local"]
        others.append({"code": code, "name": name[:1].upper() + name[1:], "path": path})
    return {"others": others}


@register.simple_tag
def translation_url(article):
    """A translation's address, in the interface of its own language when there is one."""
    return article_path(article, article.language)
