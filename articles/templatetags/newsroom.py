from babel.dates import format_date
from babel.numbers import format_decimal
from django import template
from django.utils import timezone, translation

from articles.models import author_name, author_url
from articles.public.typography import typeset, zoned_date, zoned_time

register = template.Library()
register.filter("author_name", author_name)
register.filter("author_url", author_url)


def _locale(language):
    return (language or translation.get_language() or "fr").replace("-", "_")


@register.filter
def local_date(value, language=None):
    """A date written out in ``language`` (default: the reader's): « 25 avril 2019 »."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return format_date(value, format="long", locale=_locale(language))


@register.filter
def local_time(value, language=None):
    """A time with its zone named, in the site's zone: « 14 h 30 (heure de Paris) »."""
    if not value:
        return ""
    return zoned_time(value, language or translation.get_language())


@register.filter
def published_date(article):
    """The day of publication where the dateline is (else the site's zone), in the
    reader's language: it sits in the page's chrome, not in the article's text."""
    if not article.published_at:
        return ""
    return zoned_date(article.published_at, translation.get_language(), article.dateline)


@register.filter
def published_time(article):
    """The publication time where the dateline is, its zone named: "5:00 PM (Vladivostok time)"."""
    if not article.published_at:
        return ""
    return zoned_time(article.published_at, translation.get_language(), article.dateline)


@register.filter
def local_number(value, language=None):
    """A number written the reader's way: « 12 345 » in French, "12,345" in English."""
    if value is None or value == "":
        return ""
    return format_decimal(value, locale=_locale(language))


@register.filter
def typo(value, language=None):
    """Plain text, escaped and typeset for its language."""
    return typeset(value, language or translation.get_language())


@register.filter
def typo_html(value, language=None):
    """Sanitised article HTML, typeset for its language."""
    return typeset(value, language or translation.get_language(), is_html=True)


@register.filter
def iso(value):
    """A ``datetime`` attribute the HTML checker accepts: 2019-04-25T14:30:00+02:00.

    HTML allows at most three fractional digits and publish-now stores six, so
    times are cut to the second, in the site's zone with its offset.
    """
    if not value:
        return ""
    if not hasattr(value, "hour"):
        return value.isoformat()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")


@register.simple_tag
def subject_name(subject):
    """A country or leader as a label: the country in the page's language."""
    return typeset(getattr(subject, "local_name", None) or str(subject), translation.get_language())
