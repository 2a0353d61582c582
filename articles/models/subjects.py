"""What stories are about: countries, political leaders and tags."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from taggit.models import ItemBase, TagBase

from articles.models.addresses import kept_reverse
from articles.text import FoldedSlugField, fold, folded_slug


@lru_cache(maxsize=32)
def _territory_names(language):
    try:
        return Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return Locale.parse(settings.LANGUAGE_CODE).territories


class NamedForTheReader:
    """``local_name``: the subject's name in the language of the page being read;
    each model says in ``name_in`` how it names itself in a language."""

    @property
    def local_name(self):
        return self.name_in(translation.get_language() or settings.LANGUAGE_CODE)


class Country(NamedForTheReader, models.Model):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. KP."))],
        help_text=_("ISO 3166-1 alpha-2 code, e.g. KP for North Korea."),
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("Name in the site's main language; pages show the reader's language."),
    )
    slug = FoldedSlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_(
            "Other names the copy uses for this country, one per line: Pyongyang, le royaume "
            "ermite. Case and accents do not matter, except for names of four letters or less "
            "and acronyms, which match only as written."
        ),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return kept_reverse(self, "articles:country", {"slug": self.slug})

    def name_in(self, language):
        """The CLDR name of this country in ``language`` ("Russie", "Russia")."""
        return _territory_names(language).get(self.code, self.name)


class Leader(NamedForTheReader, models.Model):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("As most international copy writes it.")
    )
    # Readers of the French site read the French press's spelling ("Vladimir Poutine").
    name_fr = models.CharField(
        _("name in French"),
        max_length=200,
        blank=True,
        help_text=_("Only where French writes it otherwise: Vladimir Poutine."),
    )
    slug = FoldedSlugField(_("slug"), max_length=200, unique=True)
    # Empty for the heads of international organisations (UN, EU, NATO, African Union).
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="leaders",
        verbose_name=_("country"),
        null=True,
        blank=True,
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("For example: Président de la Fédération de Russie."),
    )
    in_office_from = models.DateField(_("in office from"), null=True, blank=True)
    in_office_to = models.DateField(
        _("in office to"), null=True, blank=True, help_text=_("Leave empty if still in office.")
    )
    portrait = models.ForeignKey(
        "articles.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portrait_of",
        verbose_name=_("portrait"),
    )
    bio = models.TextField(_("short bio"), blank=True)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other spellings, one per line: Poutine, Путин."),
    )
    wikidata_id = models.CharField(
        _("Wikidata id"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("A Q followed by digits, e.g. Q7747."))],
        help_text=_("For example Q7747 for Vladimir Putin."),
    )

    class Source(models.TextChoices):
        EDITOR = "editor", _("editor")
        KNOWLEDGE_BASE = "knowledge base", _("knowledge base")
        WIKIDATA = "wikidata", _("Wikidata")

    # Who wrote the row last. Loads from the knowledge base or Wikidata update only rows
    # they wrote and nobody changed since (``synced_digest``): an editor's edit is final.
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.EDITOR
    )
    last_synced = models.DateTimeField(_("last synced"), null=True, blank=True, editable=False)
    synced_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(in_office_to__isnull=True)
                | Q(in_office_from__isnull=True)
                | Q(in_office_to__gte=F("in_office_from")),
                name="leader_office_dates_in_order",
                violation_error_message=_("“In office to” cannot be before “in office from”."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return kept_reverse(self, "articles:leader", {"slug": self.slug})

    def name_in(self, language):
        """The name readers of ``language`` know: "Vladimir Poutine" in French."""
        if language and language.startswith("fr") and self.name_fr:
            return self.name_fr
        return self.name

    @property
    def alias_list(self):
        aliases = [line.strip() for line in self.aliases.splitlines() if line.strip()]
        if self.name_fr and self.name_fr not in aliases:
            aliases.append(self.name_fr)
        return aliases


class Tag(NamedForTheReader, TagBase):
    """A taggit tag whose slug folds case and accents, so "Corée" and "coree" are one tag.

    One tag per subject whatever the language of the articles it tags: ``name`` in the
    site's language (French), ``name_en`` for English readers, and typed in an English
    article it finds the same tag.
    """

    name_en = models.CharField(
        _("name in English"),
        max_length=100,
        blank=True,
        help_text=_("What English readers see; empty: the French name."),
    )

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def save(self, *args, **kwargs):
        # A rename moves the tag's page along with its name.
        if self.name:
            self.slug = self.slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return kept_reverse(self, "articles:tag", {"slug": self.slug})

    def name_in(self, language):
        if language and language.startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def clean(self):
        self.name = " ".join(self.name.split())
        self.name_en = " ".join(self.name_en.split())
        clash = Tag.objects.filter(slug=self.slugify(self.name)).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {
                    "name": _(
                        "The tag “%(name)s” already exists (names differing only in case or "
                        "accents are one tag); merge the two instead."
                    )
                    % {"name": clash.name}
                }
            )
        if self.name_en:
            clash = (
                Tag.objects.filter(
                    models.Q(name_en__iexact=self.name_en)
                    | models.Q(slug=self.slugify(self.name_en))
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                raise ValidationError(
                    {
                        "name_en": _("The tag “%(name)s” already has this name; merge the two.")
                        % {"name": clash.name}
                    }
                )

    def slugify(self, tag, i=None):
        slug = folded_slug(tag) or "tag"
        return slug if i is None else f"{slug}-{i}"

    @property
    def key(self):
        return fold(self.name)


class TaggedArticle(ItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag"),
        ]


class ArticleSubject(models.Model):
    """A country or leader an article is about, in the editor's order.

    Attached countries and leaders that are not subjects are passing mentions:
    the kicker, teasers and the JSON-LD ``about`` name subjects only, the first
    one first.
    """

    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="subjects", verbose_name=_("article")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subject_of",
        verbose_name=_("country"),
    )
    leader = models.ForeignKey(
        Leader,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subject_of",
        verbose_name=_("leader"),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("1 is the main subject, shown above the headline.")
    )

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, leader__isnull=True)
                | Q(country__isnull=True, leader__isnull=False),
                name="article_subject_country_or_leader",
                violation_error_message=_("A subject is either a country or a leader."),
            ),
            models.UniqueConstraint(
                fields=["article", "country"],
                condition=Q(country__isnull=False),
                name="article_subject_country_once",
                violation_error_message=_("This country is already a subject of the article."),
            ),
            models.UniqueConstraint(
                fields=["article", "leader"],
                condition=Q(leader__isnull=False),
                name="article_subject_leader_once",
                violation_error_message=_("This leader is already a subject of the article."),
            ),
        ]

    def __str__(self):
        return str(self.target)

    @property
    def target(self):
        return self.country if self.country_id else self.leader
