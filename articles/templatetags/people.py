"""People as the newsroom names them: the byline name, never the login name beside it."""

from django import template

from articles.models import author_name

register = template.Library()


@register.filter
def display_name(user, empty="—"):
    return author_name(user) if user else empty
