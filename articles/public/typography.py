"""French typography for display: « guillemets » and high punctuation get no-break spaces."""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before ; : ! ?
_SPACE = r"(?:[ \t\u00a0\u202f]|&nbsp;)"
_OPENING = re.compile(rf"«{_SPACE}*")
_CLOSING = re.compile(rf"{_SPACE}*»")
_HIGH_PUNCTUATION = re.compile(rf"{_SPACE}+(?=[;:!?](?:\s|$|<|&nbsp;))")
_TAG = re.compile(r"(<[^>]*>)")


def _french_text(text):
    text = _OPENING.sub("«" + NBSP, text)
    text = _CLOSING.sub(NBSP + "»", text)
    return _HIGH_PUNCTUATION.sub(NNBSP, text)


def french_spacing_html(html):
    """Apply French spacing to the text of ``html``, never inside tags."""
    return "".join(
        part if part.startswith("<") else _french_text(part) for part in _TAG.split(html)
    )


def typeset(value, language, *, is_html=False):
    """Escape ``value`` (unless it is sanitised HTML) and typeset it for ``language``."""
    html = str(value) if is_html else str(conditional_escape(value))
    if (language or "").startswith("fr"):
        html = french_spacing_html(html)
    return mark_safe(html)  # noqa: S308 — escaped above, or sanitised by nh3 on save
