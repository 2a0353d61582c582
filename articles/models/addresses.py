"""Addresses of the reader's pages, kept on the object they belong to.

A page asks for one object's address several times (a chip, a kicker, a teaser's
headline and picture, the JSON-LD) and ``reverse()`` walks the URLconf each time.
An address depends on the active language, the script prefix and the URLconf as
well as on the object's fields: a kept one is reused only while all are the same.
"""

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation


def kept_reverse(instance, viewname, kwargs):
    """``reverse(viewname, kwargs=kwargs)``, once per ``instance`` and circumstances."""
    key = (
        viewname,
        tuple(kwargs.items()),
        translation.get_language(),
        get_script_prefix(),
        get_urlconf(),
    )
    kept = instance.__dict__.setdefault("_kept_addresses", {})
    url = kept.get(key)
    if url is None:
        url = kept[key] = reverse(viewname, kwargs=kwargs)
    return url
