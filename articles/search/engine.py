"""Searching: from a reader's query and filters to ranked, published articles and facets."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ..models import Article, Country, Leader, TaggedArticle
from .backends import get_backend
from .documents import country_token, html_to_text, leader_token
from .highlight import highlight, snippet
from .query import Group, parse

FACET_SIZE = 12


@dataclass
class Filters:
    country: str = ""  # ISO code
    leader: str = ""  # slug
    tag: str = ""  # slug
    language: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def __bool__(self):
        return any(vars(self).values())


@dataclass
class Search:
    """A parsed query and its querysets; nothing runs until they are read."""

    parsed: object
    filters: Filters
    matches: object = None  # published matching articles, unordered
    results: object = None  # the same, best first, with ``search_rank``
    countries: list = field(default_factory=list)
    leaders: list = field(default_factory=list)

    def __bool__(self):
        return self.matches is not None

    def facets(self):
        """Counts per country, leader, tag, language and year: five queries."""
        if not self:
            return {}
        ids = self.matches.values("pk")
        countries = list(
            Article.countries.through.objects.filter(article_id__in=ids)
            .values("country__code", "country__name", "country__slug")
            .annotate(count=Count("article_id"))
            .order_by("-count", "country__name")[:FACET_SIZE]
        )
        for row in countries:
            row["name"] = Country(code=row["country__code"], name=row["country__name"]).local_name
        return {
            "countries": countries,
            "leaders": list(
                Article.leaders.through.objects.filter(article_id__in=ids)
                .values("leader__slug", "leader__name")
                .annotate(count=Count("article_id"))
                .order_by("-count", "leader__name")[:FACET_SIZE]
            ),
            "tags": list(
                TaggedArticle.objects.filter(content_object_id__in=ids)
                .values("tag__slug", "tag__name")
                .annotate(count=Count("content_object_id"))
                .order_by("-count", "tag__name")[:FACET_SIZE]
            ),
            "languages": list(
                Article.objects.filter(pk__in=ids)
                .values("language")
                .annotate(count=Count("pk"))
                .order_by("-count", "language")
            ),
            "years": list(
                Article.objects.filter(pk__in=ids)
                .annotate(year=ExtractYear("published_at"))
                .values("year")
                .annotate(count=Count("pk"))
                .order_by("-year")
            ),
        }


def search(raw_query, filters=None, *, queryset=None):
    """Search published articles (or ``queryset``, for the admin) for ``raw_query``.

    Costs one query for the leaders' names, one more on PostgreSQL to build the
    tsquery, and one if a country is named; the returned querysets are lazy.
    """
    filters = filters or Filters()
    leaders = list(Leader.objects.only("pk", "name", "slug", "aliases", "role"))
    parsed = parse(raw_query, leaders=leaders)
    found = Search(parsed=parsed, filters=filters, leaders=parsed.leaders)
    if not parsed:
        return found
    if parsed.countries:
        found.countries = list(Country.objects.filter(code__in=parsed.countries))
    groups = list(parsed.groups)
    if filters.country:
        groups.append(Group(words=[], tokens=[country_token(filters.country)]))
    if filters.leader:
        leader = next((p for p in leaders if p.slug == filters.leader), None)
        # An unknown leader matches nothing rather than everything.
        groups.append(Group(words=[], tokens=[leader_token(leader.pk if leader else 0)]))

    qs = Article.objects.published() if queryset is None else queryset
    if filters.language:
        qs = qs.filter(language=filters.language)
    if filters.tag:
        qs = qs.filter(tagged_items__tag__slug=filters.tag)
    if filters.date_from:
        qs = qs.filter(published_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        qs = qs.filter(published_at__lt=_day_start(filters.date_to + datetime.timedelta(days=1)))
    backend = get_backend()
    prepared = backend.prepare(groups)
    found.matches = backend.filter(qs, prepared)
    found.results = backend.rank(qs, prepared)
    return found


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def decorate(articles, terms):
    """Add ``headline_html`` and ``snippet_html`` to each article of a page."""
    for article in articles:
        article.headline_html = highlight(article.title, terms)
        text = html_to_text(article.body) or article.standfirst
        article.snippet_html = snippet(text, terms)
    return articles
