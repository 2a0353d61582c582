"""Server-side sanitising of editor HTML with nh3.

The allow-list is what the admin's rich-text editor can produce; anything else
(scripts, event handlers, style, ``javascript:`` and ``data:`` links) is removed,
whichever path saved the article: admin, import, shell or API.
"""

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
