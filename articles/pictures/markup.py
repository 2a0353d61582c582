"""HTML for pictures: ``<picture>`` with WebP and JPEG srcsets, and library figures in bodies.

Everything here reads the renditions listed on the picture; no file is opened. A
``url`` function turns a rendition into its address: /pictures/ by default, a
share-link route in previews.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.html import PICTURE_SRC

# The article column is at most 42rem wide; narrower screens fill the width.
BODY_SIZES = "(min-width: 46rem) 42rem, 100vw"
FALLBACK_WIDTH = 800
_IMG = re.compile(r"<img\b[^>]*>")
# One pass: a figure with what is inside it, or an image on its own.
_BLOCK = re.compile(r"<figure>(?P<figure>.*?)</figure>|(?P<img><img\b[^>]*>)", re.S)
_ATTRIBUTE = re.compile(r'\s(src|alt)="([^"]*)"')


def default_url(picture, rendition):
    return picture.rendition_url(rendition)


def srcset(picture, fmt, url=default_url):
    return ", ".join(f"{url(picture, r)} {r['width']}w" for r in picture.widths(fmt))


def picture_html(
    picture, *, sizes, alt=None, loading="lazy", url=default_url, css_class="", priority=None
):
    """``<picture>`` of ``picture``: the browser picks a width for its screen and density.

    ``loading="eager"`` (with ``priority="high"``) for what is above the fold.
    """
    fallback = picture.fitting(FALLBACK_WIDTH, "JPEG")
    if fallback is None:
        return ""
    webp = srcset(picture, "WEBP", url)
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes)
        if webp
        else ""
    )
    extra = format_html(' fetchpriority="{}"', priority) if priority else ""
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"'
        ' loading="{}" decoding="async"{}{}></picture>',
        source,
        url(picture, fallback),
        srcset(picture, "JPEG", url),
        sizes,
        picture.width,
        picture.height,
        picture.alt_text if alt is None else alt,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
        extra,
    )


def credit_html(picture):
    if not picture.credit:
        return ""
    return format_html('<span class="picture-credit">{}</span>', picture.credit)


def body_with_pictures(html, pictures, *, url=default_url):
    """The body's library ``<img>`` as ``<picture>``, each figure with its picture's credit.

    ``pictures``: {pk: Picture} of ``article.body_pictures``. An image whose picture is
    not among them (deleted since) is dropped rather than shown broken.
    """

    def picture_for(tag):
        attributes = dict(_ATTRIBUTE.findall(tag))
        match = PICTURE_SRC.match(attributes.get("src", ""))
        return (pictures.get(int(match.group(1))) if match else None), attributes

    def replace_img(tag):
        picture, attributes = picture_for(tag)
        if picture is None:
            return ""
        # The alt typed in the editor arrives escaped already.
        alt = attributes.get("alt") or escape(picture.alt_text)
        return str(
            picture_html(picture, sizes=BODY_SIZES, alt=mark_safe(alt), url=url)  # noqa: S308
        )

    def replace(match):
        if match.group("img"):
            return replace_img(match.group("img"))
        inner = match.group("figure")
        credits = "".join(
            str(credit_html(picture))
            for picture, _attributes in map(picture_for, _IMG.findall(inner))
            if picture is not None
        )
        inner = _IMG.sub(lambda m: replace_img(m.group(0)), inner)
        if credits and "</figcaption>" in inner:
            inner = inner.replace("</figcaption>", f" {credits}</figcaption>", 1)
        elif credits:
            inner += f"<figcaption>{credits}</figcaption>"
        return f'<figure class="story__figure">{inner}</figure>'

    return _BLOCK.sub(replace, html or "")


def shaped_images(picture, absolute, url=default_url):
    """[{url, width, height}] for structured data and sharing cards: the 16:9, 4:3 and
    square crops around the focal point, or the widest JPEG when too small for crops."""
    if picture is None:
        return []
    renditions = picture.crops("JPEG") or picture.widths("JPEG")[-1:]
    return [
        {"url": absolute(url(picture, r)), "width": r["width"], "height": r["height"]}
        for r in renditions
    ]
