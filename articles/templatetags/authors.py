from django import template

from articles.authors.prompt import needs_profile

register = template.Library()


@register.inclusion_tag("admin/articles/authorprofile/_prompt.html", takes_context=True)
def byline_prompt(context):
    """A reminder on the desk for whoever has no byline yet."""
    return {"show": needs_profile(context["request"].user)}
