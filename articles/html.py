"""Editor HTML: sanitised with nh3 on every save, and read back as plain text.

The allow-list is what the admin's rich-text editor can produce; anything else
(scripts, event handlers, style, ``javascript:`` and ``data:`` links) is removed,
whichever path saved the article: admin, import, shell or API.
"""

import re
from html import unescape

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html):
    """Return ``html`` with only the allowed tags, attributes and link schemes."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # The editor leaves an empty paragraph in an empty document.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


# Where a line of text ends: the end of a block, a line break, a rule, the start of a list.
_LINE_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|div|figcaption)\s*>|<(?:br|hr|ul|ol)\b[^>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(value, *, separator="\n"):
    """The text of ``value``: each block, item and line break followed by ``separator``,
    other tags removed ("<em>l</em>’article" stays one word), entities decoded."""
    return unescape(_TAG.sub("", _LINE_END.sub(separator, value or "")))
