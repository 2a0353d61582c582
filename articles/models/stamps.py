"""Versions of what public pages show, so a page knows it changed without rendering."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageStamp(models.Model):
    """The version of one thing public pages show: the list of latest articles, one
    article, one country, leader, tag or author.

    A page's validators (ETag, Last-Modified) and its page-cache key are made of the
    stamps of what it shows; a change bumps them, so the page changes at once and
    nothing else does. ``due_at`` is the next scheduled publication that will change
    what the stamp covers with no write at that time.
    """

    class Kind(models.TextChoices):
        LATEST = "latest", _("latest articles")
        ARTICLE = "article", _("article")
        COUNTRY = "country", _("country")
        LEADER = "leader", _("leader")
        TAG = "tag", _("tag")
        AUTHOR = "author", _("author")
        # One row whose version moves with every bump: the early page cache's check.
        SITE = "site", _("whole site")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField(
        _("object id"), help_text=_("0 for the latest articles and the whole site.")
    )
    version = models.CharField(_("version"), max_length=32)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    due_at = models.DateTimeField(_("next scheduled change"), null=True, blank=True)

    class Meta:
        verbose_name = _("page stamp")
        verbose_name_plural = _("page stamps")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="page_stamp_unique_key"),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["latest", "article", "country", "leader", "tag", "author", "site"]
                ),
                name="page_stamp_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}@{self.version}"
