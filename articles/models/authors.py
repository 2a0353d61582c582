"""Authors as readers meet them: the name a byline prints, a short bio, a photo, a page.

The login name never reaches a reader: a profile gives the display name and the
slug of the author's page (/authors/<slug>/).
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.text import FoldedSlugField, folded_slug

# /authors/<id>/ was the old address of an author page: a slug never looks like an id.
not_only_digits = RegexValidator(
    r"^\d+$", _("A slug needs at least one letter."), code="only_digits", inverse_match=True
)


class AuthorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="author_profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=150,
        help_text=_("The name bylines print: Anne Dupont."),
    )
    slug = FoldedSlugField(
        _("slug"),
        max_length=150,
        unique=True,
        validators=[not_only_digits],
        help_text=_("Part of the address of the author page: /authors/anne-dupont/."),
    )
    role = models.CharField(
        _("role"),
        max_length=150,
        blank=True,
        help_text=_("For example: correspondante à Séoul."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences, shown on the author page."),
    )
    photo = models.ForeignKey(
        "articles.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_photo_of",
        verbose_name=_("photo"),
        help_text=_("From the picture library."),
    )

    class Meta:
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.display_name = " ".join(self.display_name.split())
        self.slug = folded_slug(self.slug or self.display_name) or f"author-{self.user_id}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


def author_name(user):
    """The one byline name of a person: the profile's display name, else the full name,
    else the username (an account that has not filled in its profile yet)."""
    profile = profile_of(user)
    if profile is not None and profile.display_name:
        return profile.display_name
    return user.get_full_name() or user.get_username()


def author_url(user):
    """The page a byline links to: /authors/<slug>/, or /authors/<id>/ without a profile."""
    profile = profile_of(user)
    if profile is not None:
        return reverse("articles:author", kwargs={"slug": profile.slug})
    return reverse("articles:author_by_id", kwargs={"pk": user.pk})


def profile_of(user):
    """``user``'s profile or None; no query when fetched with ``with_profiles()``."""
    try:
        return user.author_profile
    except (AuthorProfile.DoesNotExist, AttributeError):
        return None


def with_profiles(users):
    """Users with their profile (and its photo) in the same query: bylines cost nothing."""
    return users.select_related("author_profile__photo")


def unique_author_slug(name, *, exclude_pk=None):
    """A free slug for ``name``: anne-dupont, else anne-dupont-2, …"""
    base = folded_slug(name)[:140] or "author"
    if base.isdigit():
        base = f"author-{base}"
    taken = set(
        AuthorProfile.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
