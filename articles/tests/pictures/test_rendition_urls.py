"""Rendition addresses: what ``reverse()`` writes, for one reverse per picture."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from articles.models import Picture
from articles.models import pictures as picture_module

NAMES = ["abc-320w.webp", "abc-1x1.jpg", "un nom é%.jpg", "a;b=c@d~e'f.jpg"]


def picture(pk=7):
    return Picture(
        pk=pk,
        renditions=[
            {"name": f"renditions/2026/12/{name}", "shape": "w", "format": "JPEG", "width": 320}
            for name in NAMES
        ],
    )


def reversed_url(pk, name):
    with translation.override("fr"):
        return reverse("articles:picture", kwargs={"pk": pk, "name": name})


def test_the_address_is_the_reversed_one():
    shown = picture()
    for rendition, name in zip(shown.renditions, NAMES, strict=True):
        assert shown.rendition_url(rendition) == reversed_url(7, name)


def test_the_address_does_not_depend_on_the_reader_language():
    shown = picture()
    with translation.override("en"):
        assert shown.rendition_url(shown.renditions[0]) == reversed_url(7, NAMES[0])


def test_one_reverse_per_picture(monkeypatch):
    calls = []

    def counting_reverse(*args, **kwargs):
        calls.append(kwargs)
        return reverse(*args, **kwargs)

    monkeypatch.setattr(picture_module, "reverse", counting_reverse)
    shown = picture()
    for _ in range(3):
        for rendition in shown.renditions:
            shown.rendition_url(rendition)
    assert len(calls) == 1


def test_a_new_script_prefix_or_id_is_reversed_again():
    shown = picture()
    first = shown.rendition_url(shown.renditions[0])
    set_script_prefix("/news/")
    try:
        assert shown.rendition_url(shown.renditions[0]) == "/news" + first
    finally:
        set_script_prefix("/")
    shown.pk = 8
    assert shown.rendition_url(shown.renditions[0]) == reversed_url(8, NAMES[0])
