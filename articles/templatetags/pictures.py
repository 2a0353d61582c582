"""Library pictures in templates: ``{% picture %}`` and ``{% article_body %}``.

A view that needs other addresses than /pictures/ (a share-link preview) puts a
``picture_url(picture, rendition)`` function in the context.
"""

from django import template
from django.utils import translation

from articles.pictures.markup import body_with_pictures, default_url, picture_html
from articles.public.typography import typeset

register = template.Library()


def _url(context):
    return context.get("picture_url") or default_url


@register.simple_tag(takes_context=True)
def picture(context, obj, sizes="100vw", loading="lazy", alt=None, css_class="", priority=None):
    """``<picture>`` of a library picture with WebP and JPEG srcsets, or nothing."""
    if not obj:
        return ""
    return picture_html(
        obj,
        sizes=sizes,
        alt=alt,
        loading=loading,
        url=_url(context),
        css_class=css_class,
        priority=priority,
    )


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The body, typeset, its library pictures responsive and credited."""
    html = article.body or ""
    if "<img" in html:
        pictures = {p.pk: p for p in article.body_pictures.all()}
        html = body_with_pictures(html, pictures, url=_url(context))
    return typeset(html, article.language or translation.get_language(), is_html=True)
