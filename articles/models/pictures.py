"""The picture library: one row per cleaned picture, with the renditions made of it.

A picture's file is the cleaned upload (no metadata, format decided by content)
under a random name; readers never get it. They get renditions, listed in
``renditions`` when the picture is saved, through ``/pictures/<pk>/<name>``.
"""

import posixpath
import secrets
from urllib.parse import quote

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

PICTURE_EXTENSIONS = {"jpg", "png", "webp", "gif"}


def picture_upload_to(instance, filename):
    """``pictures/<year>/<month>/<token>.<ext>``: nothing of the uploader's file name.

    ``filename`` only brings the extension, which the services take from the
    detected format; anything else becomes ``.bin`` and is refused by clean().
    """
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in PICTURE_EXTENSIONS:
        extension = "bin"
    return f"pictures/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}.{extension}"


class PictureQuerySet(models.QuerySet):
    def public(self):
        """Pictures a reader may see: on a published article, a leader's portrait, or the
        photo of an author whose page is up (one published article at least).

        Publication is decided by ``Article.objects.published()`` alone, so a
        scheduled article's pictures appear with it.
        """
        from articles.models.article import Article
        from articles.models.authors import AuthorProfile
        from articles.models.subjects import Leader

        published = Article.objects.published()
        return self.filter(
            Q(Exists(published.filter(lead_picture=OuterRef("pk"))))
            | Q(Exists(published.filter(body_pictures=OuterRef("pk"))))
            | Q(Exists(Leader.objects.filter(portrait=OuterRef("pk"))))
            | Q(
                Exists(
                    AuthorProfile.objects.filter(
                        photo=OuterRef("pk"), user__in=published.values("authors")
                    )
                )
            )
        )

    def is_public(self, pk):
        return self.public().filter(pk=pk).exists()


class Picture(models.Model):
    file = models.FileField(
        _("file"),
        upload_to=picture_upload_to,
        max_length=255,
        help_text=_("JPEG, PNG, WebP or GIF. Location, camera and other metadata are removed."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("For finding the picture in the library; readers do not see it."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the picture. Filled from the file's metadata when left empty."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or agency: Anna Petrova / AFP."),
    )
    copyright = models.CharField(
        _("copyright or source"),
        max_length=200,
        blank=True,
        help_text=_("Who holds the rights, or where the picture comes from."),
    )
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the left edge, 1 the right: crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False, db_index=True)
    renditions = models.JSONField(
        _("renditions"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The files made from the picture when it was saved."),
    )
    legacy_path = models.CharField(
        _("former address"),
        max_length=255,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Where the file was under /media/ before the library; it redirects here."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="uploaded_pictures",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    objects = PictureQuerySet.as_manager()

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="picture_has_alt_text",
                violation_error_message=_("Describe the picture for readers who cannot see it."),
            ),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="picture_focal_point_inside",
                violation_error_message=_("The focal point must lie inside the picture."),
            ),
        ]

    def __str__(self):
        return self.title or self.caption[:80] or self.alt_text[:80]

    def clean(self):
        from django.core.exceptions import ValidationError

        self.alt_text = " ".join(self.alt_text.split())
        if not self.alt_text:
            raise ValidationError(
                {"alt_text": _("Describe the picture for readers who cannot see it.")}
            )

    @property
    def focal(self):
        return (self.focal_x, self.focal_y)

    @property
    def orientation(self):
        if not (self.width and self.height):
            return ""
        return "landscape" if self.width >= self.height else "portrait"

    # Renditions, from the list made at save time: no file is opened here.

    def rendition_named(self, name):
        for rendition in self.renditions:
            if posixpath.basename(rendition["name"]) == name:
                return rendition
        return None

    def widths(self, fmt="JPEG"):
        return sorted(
            (r for r in self.renditions if r["shape"] == "w" and r["format"] == fmt),
            key=lambda r: r["width"],
        )

    def crop(self, ratio, fmt="JPEG"):
        for rendition in self.renditions:
            if rendition["shape"] == ratio and rendition["format"] == fmt:
                return rendition
        return None

    def crops(self, fmt="JPEG"):
        return [r for r in self.renditions if r["shape"] != "w" and r["format"] == fmt]

    def fitting(self, width, fmt="JPEG"):
        """The narrowest width rendition at least ``width`` wide, else the widest."""
        widths = self.widths(fmt)
        for rendition in widths:
            if rendition["width"] >= width:
                return rendition
        return widths[-1] if widths else None

    def rendition_url(self, rendition):
        """/pictures/<pk>/<name>, as ``reverse()`` writes it.

        A ``<picture>`` lists a dozen renditions, and a page several pictures: the
        picture's folder is reversed once, then each name is quoted the way
        ``reverse()`` quotes it.
        """
        return self._rendition_folder() + quote(
            posixpath.basename(rendition["name"]), safe=RFC3986_SUBDELIMS + "/~:@"
        )

    def _rendition_folder(self):
        script_prefix = get_script_prefix()
        cached = self.__dict__.get("_folder")
        if cached is None or cached[0] != script_prefix or cached[1] != self.pk:
            # One address per file whatever the reader's language: bodies store it,
            # caches keep it.
            with translation.override(settings.LANGUAGE_CODE):
                url = reverse("articles:picture", kwargs={"pk": self.pk, "name": "-"})
            cached = self.__dict__["_folder"] = (script_prefix, self.pk, url[:-1])
        return cached[2]
