"""The article and the one queryset that decides what readers may see."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import TruncDate
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from articles.html import body_picture_ids, sanitize_html
from articles.models.addresses import kept_reverse
from articles.models.authors import author_name, with_profiles
from articles.models.subjects import ArticleSubject, Country, Leader, TaggedArticle
from articles.text import FoldedSlugField, fold, folded_slug

# The site's interface languages (settings.LANGUAGES): the reader's pages speak them.
INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The site's languages, interface and content: search stemmers, and the names of
# countries that search and suggestions know.
SITE_LANGUAGES = [
    code for code, _name in [*settings.LANGUAGES, *settings.NEWSROOM_CONTENT_LANGUAGES]
]
# Articles are written in those, and in these.
ARTICLE_LANGUAGES = [
    *settings.LANGUAGES,
    *settings.NEWSROOM_CONTENT_LANGUAGES,
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("zh", _("Chinese")),
]


def authors_prefetch():
    """An article's authors with their profiles, for bylines: one query for all of them."""
    return Prefetch("authors", queryset=with_profiles(get_user_model().objects.all()))


# Past the largest bigint the database raises instead of finding nothing.
MAX_ID = 2**63 - 1


def storable_id(pk):
    """Whether ``pk``, read from a URL, can be looked up at all."""
    return pk <= MAX_ID


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and the publication time has come.

        Every public surface goes through this; a scheduled article appears at
        its time with no job to run.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """Only what a list of teasers shows, newest first."""
        return self.order_by("-published_at", "-pk").defer("body").select_related("lead_picture")

    def for_page(self):
        """With what the article page shows: pictures, authors, subjects, tags, notes."""
        return self.select_related("lead_picture").prefetch_related(
            "body_pictures", *teaser_relations(), *page_relations()
        )

    def for_teasers(self):
        """A listing whose teasers show a byline and the main subject: two queries more."""
        return self.for_listing().prefetch_related(*teaser_relations())

    # Pages print the body as stored, trusting it was sanitised: the writes
    # that skip Article.save() sanitise it too.
    def update(self, **kwargs):
        if "body" in kwargs:
            kwargs["body"] = _sanitised_body(kwargs["body"])
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.body = _sanitised_body(obj.body)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        if "body" in fields:
            for obj in objs:
                obj.body = _sanitised_body(obj.body)
        # Django writes them as one CASE expression through update(), which
        # would refuse it: sanitised above, they go through a plain queryset.
        plain = models.QuerySet(self.model, self.query.chain(), self._db, self._hints)
        return plain.bulk_update(objs, fields, *args, **kwargs)


def ordered_subjects():
    return ArticleSubject.objects.select_related("country", "leader").order_by("position", "pk")


def byline_authors_prefetch():
    """An article's authors with what a byline prints (their profiles' names and slugs):
    one query for all of them, without the profiles' photos, which bylines do not show."""
    users = get_user_model().objects.select_related("author_profile")
    return Prefetch("authors", queryset=users)


def teaser_relations():
    """What a teaser shows besides the article's row: its byline and its subjects."""
    return [byline_authors_prefetch(), Prefetch("subjects", queryset=ordered_subjects())]


def page_relations():
    """What the article page shows besides its teaser's relations and the body's pictures.

    Its leaders' countries are not among them: the page names leaders, not where
    they lead.
    """
    return ["countries", "leaders", "tags", "notes"]


def prefetch_page(article):
    """Fetch onto ``article`` what its page shows but a teaser does not (``page_relations``).

    The body's pictures only when the body shows any (one query less for most
    articles); the byline and subjects are left to ``prefetch_related_objects`` with
    ``teaser_relations()``, which fetches them for the related teasers in the same
    queries.
    """
    lookups = page_relations()
    if "<img" in (article.body or ""):
        lookups.append("body_pictures")
    prefetch_related_objects([article], *lookups)
    return article


def _named_in(text, names):
    return any(fold(name) in text for name in names if name.strip())


def _sanitised_body(value):
    if not isinstance(value, str):
        # An expression is computed by the database, out of the sanitiser's reach.
        raise TypeError("An article body is written as text, to be sanitised.")
    return sanitize_html(value)


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class Article(models.Model):
    # Outside the class too, so the constraints in Meta can name the statuses.
    Status = ArticleStatus

    title = models.CharField(_("headline"), max_length=255)
    slug = FoldedSlugField(
        _("slug"),
        max_length=255,
        help_text=_("Part of the article's address; it cannot change once published."),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the headline.")
    )
    body = ProseEditorField(
        _("body"),
        config={
            "extensions": {
                "Bold": True,
                "Italic": True,
                "Underline": True,
                "Strike": True,
                "Subscript": True,
                "Superscript": True,
                "Heading": {"levels": [2, 3, 4]},
                "BulletList": True,
                "ListItem": True,
                "OrderedList": True,
                "Blockquote": True,
                "HorizontalRule": True,
                "HardBreak": True,
                "Link": {"enableTarget": False},
                "History": True,
                # Library pictures only: "Browse…" opens the picker, the sanitiser
                # drops any other address.
                "Figure": {"pickerUrl": reverse_lazy("admin:articles_picture_picker")},
                "Image": True,
                "Caption": True,
            }
        },
        sanitize=sanitize_html,
    )
    language = models.CharField(
        _("language"), max_length=2, choices=ARTICLE_LANGUAGES, default="fr"
    )
    # One original, its translations pointing at it: a group is one level deep, so
    # one query finds all its languages.
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The original article this one translates; their pages link each other."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_("Where it was reported: Vladivostok."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="articles", verbose_name=_("authors")
    )
    credit = models.CharField(
        _("credit line"), max_length=200, blank=True, help_text=_("For example: avec AFP.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Filled in when published; a future time schedules the article."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="articles", verbose_name=_("countries")
    )
    leaders = models.ManyToManyField(
        Leader, blank=True, related_name="articles", verbose_name=_("leaders")
    )
    tags = TaggableManager(
        through=TaggedArticle, blank=True, verbose_name=_("tags"), help_text=_("Comma-separated.")
    )
    lead_picture = models.ForeignKey(
        "articles.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        verbose_name=_("lead picture"),
        help_text=_("Choose from the library, or upload a new picture below."),
    )
    body_pictures = models.ManyToManyField(
        "articles.Picture",
        blank=True,
        editable=False,
        related_name="in_bodies",
        verbose_name=_("pictures in the body"),
    )
    suggestions = models.JSONField(
        _("suggestions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Countries, leaders and tags the copy mentions in passing, kept for a click."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]
        # Published articles newest first, in the default order: lists, feeds
        # and search walk it without sorting, reading the index alone.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_status_newest")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED.value) | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publication time."),
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=F("id")),
                name="article_not_its_own_translation",
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="article_one_translation_per_language",
                violation_error_message=_(
                    "The original already has a translation in this language."
                ),
            ),
            models.UniqueConstraint(
                F("slug"),
                TruncDate("published_at"),
                name="article_slug_unique_per_day",
                violation_error_message=_(
                    "Another article published the same day already uses this slug."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised and folded on every save, not only in forms: imports and scripts too.
        self.body = sanitize_html(self.body)
        self.slug = folded_slug(self.slug) or "article"
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.sync_body_pictures()

    def get_absolute_url(self):
        if self.published_at is None:
            return None
        day = timezone.localtime(self.published_at)
        return kept_reverse(
            self,
            "articles:article",
            {
                "year": f"{day.year:04d}",
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def clean(self):
        errors = {}
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.pk:
            errors.update(self._url_change_errors())
        errors.update(self._translation_errors())
        if errors:
            raise ValidationError(errors)

    def _translation_errors(self):
        original = self.translation_of
        if original is None:
            return {}
        if original.translation_of_id:
            # A translation of a translation translates the same original.
            original = self.translation_of = original.translation_of
        if original.pk == self.pk:
            return {"translation_of": _("An article cannot be a translation of itself.")}
        if original.language == self.language:
            return {"translation_of": _("A translation is in another language than its original.")}
        if self.pk and self.translations.exists():
            return {
                "translation_of": _(
                    "This article has translations of its own: it is an original, "
                    "not a translation."
                )
            }
        return {}

    def _url_change_errors(self):
        """A published article keeps its address: slug and publication day are frozen."""
        previous = (
            type(self).objects.filter(pk=self.pk).values("status", "slug", "published_at").first()
        )
        if not previous or previous["published_at"] is None:
            return {}
        if previous["status"] != self.Status.PUBLISHED:
            return {}
        if previous["published_at"] > timezone.now():
            return {}  # scheduled, not live yet: its address is not public, it may move
        errors = {}
        if self.slug != previous["slug"]:
            errors["slug"] = _(
                "The slug of a published article cannot change: its URL would break."
            )
        if self.published_at is None or (
            timezone.localdate(self.published_at) != timezone.localdate(previous["published_at"])
        ):
            errors["published_at"] = _(
                "The publication day of a published article cannot change: its URL would break."
            )
        return errors

    def sync_body_pictures(self):
        """``body_pictures`` lists the library pictures the body shows, whoever saved it."""
        from articles.models.pictures import Picture

        ids = body_picture_ids(self.body)
        self.body_pictures.set(Picture.objects.filter(pk__in=ids) if ids else [])

    @property
    def byline(self):
        """The authors, then the credit line: "Anne Dupont, Marc Roy, avec AFP"."""
        names = [author_name(author) for author in self.authors.all()]
        return ", ".join([*names, self.credit] if self.credit else names)

    def subjects_and_mentions(self):
        """``(subjects, mentions)``: attached countries and leaders, the main subject first.

        The editor's subjects when the article has any; otherwise (articles
        written by scripts) those the headline or standfirst names, else all of
        them. Reads ``subjects``, ``countries`` and ``leaders`` through
        ``all()``, so ``for_page()`` serves it without a query.
        """
        countries, leaders = list(self.countries.all()), list(self.leaders.all())
        subjects = [row.target for row in self.subjects.all()]
        if not subjects:
            top = fold(f"{self.title} {self.standfirst}")
            subjects = [
                c
                for c in countries
                if _named_in(top, [c.name, c.local_name, c.name_in(self.language)])
            ] + [x for x in leaders if _named_in(top, [x.name, *x.alias_list])]
            subjects = subjects or [*countries, *leaders]
        chosen = {(type(s), s.pk) for s in subjects}
        mentions = [x for x in [*countries, *leaders] if (type(x), x.pk) not in chosen]
        return subjects, mentions

    @property
    def kicker_subject(self):
        """What the line above the headline names: the first subject."""
        subjects, _mentions = self.subjects_and_mentions()
        return subjects[0] if subjects else None

    @property
    def main_subject(self):
        """The teaser's label: the first of the editor's subjects, or None (lists never guess)."""
        rows = self.subjects.all()
        return rows[0].target if rows else None

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )
