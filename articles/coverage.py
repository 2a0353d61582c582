"""Published articles keep their subjects: no country or leader vanishes from under them.

Deleting a country or a leader would silently take it off every article carrying it:
no revision, no new ``updated_at``, so feeds and partners would keep the old version.
The admin refuses to delete one that published (or scheduled) articles carry, and
lists them so the editor can take it off each one first, which the history records.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import Article

LISTED = 50

# Deletion pages list the link rows too: name the article, not "Article_countries object (39)".
for _relation in (Article.countries, Article.leaders):
    _relation.through.__str__ = lambda row: str(row.article)


def carrying_articles(field, subjects):
    """Published and scheduled articles that carry any of ``subjects`` through ``field``."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, **{f"{field}__in": subjects})
        .distinct()
        .only("pk", "title", "published_at")
        .order_by("-published_at", "-pk")
    )


def describe(article, now):
    when = date_format(timezone.localtime(article.published_at), "DATE_FORMAT")
    state = (
        _("published article, %(date)s")
        if article.published_at <= now
        else _("scheduled article, %(date)s")
    )
    return format_html(
        '<a href="{}">{}</a> — {}',
        reverse("admin:articles_article_change", args=[article.pk]),
        article.title,
        state % {"date": when},
    )


class KeepPublishedCoverageMixin:
    """For the admins of subjects carried by articles through ``coverage_field``."""

    coverage_field = None

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        articles = carrying_articles(self.coverage_field, objs)
        total = articles.count()
        if total:
            now = timezone.now()
            protected = [*protected, *(describe(a, now) for a in articles[:LISTED])]
            if total > LISTED:
                protected.append(
                    ngettext(
                        "… and %(count)d more article.",
                        "… and %(count)d more articles.",
                        total - LISTED,
                    )
                    % {"count": total - LISTED}
                )
        return deleted, counts, perms_needed, protected
