"""Editor HTML: sanitised with nh3 on every save, and read back as plain text.

The allow-list is what the admin's rich-text editor can produce; anything else
(scripts, event handlers, style, ``javascript:`` and ``data:`` links) is removed,
whichever path saved the article: admin, import, shell or API.

Pictures in the body are library pictures only: an ``<img>`` whose ``src`` is not
a ``/pictures/<pk>/<name>`` address is removed, so the body never points readers
at another site or at a file the library did not clean.
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
    "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "img": {"src", "alt", "width", "height"},
}
# /pictures/<pk>/<name>, relative, nothing around it: what the library picker inserts.
PICTURE_SRC = re.compile(r"^/pictures/([0-9]{1,18})/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_IMG = re.compile(r"<img\b[^>]*>")
_IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _attribute(tag, name, value):
    if tag == "img":
        if name == "src":
            return value if PICTURE_SRC.match(value) else None
        if name in ("width", "height"):
            return value if value.isdigit() and len(value) <= 5 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
    attribute_filter=_attribute,
)


def _drop_images_without_source(html):
    # nh3 has removed a foreign src; an <img> left without one would be an empty box.
    return _IMG.sub(lambda m: m.group(0) if _IMG_SRC.search(m.group(0)) else "", html)


def body_picture_ids(html):
    """Primary keys of the library pictures ``html`` (already sanitised) shows, in order."""
    ids = []
    for tag in _IMG.findall(html or ""):
        src = _IMG_SRC.search(tag)
        match = PICTURE_SRC.match(src.group(1)) if src else None
        if match and int(match.group(1)) not in ids:
            ids.append(int(match.group(1)))
    return ids


def sanitize_html(html):
    """Return ``html`` with only the allowed tags, attributes and link schemes."""
    if not html:
        return ""
    cleaned = _drop_images_without_source(_cleaner.clean(html)).strip()
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
