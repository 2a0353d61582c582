from django import template

from articles.wording.phrases import phrases_for

register = template.Library()


@register.simple_tag
def admin_phrase(opts, name, obj=None):
    """One of ``phrases``' sentences about ``opts``'s objects, or "" for a model without
    its noun (the template then keeps Django's)."""
    words = phrases_for(opts)
    if words is None:
        return ""
    phrase = getattr(words, name)
    if not callable(phrase):
        return phrase
    return phrase(obj) if obj is not None else phrase()
