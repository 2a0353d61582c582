"""Searching: from a reader's query and filters to ranked, published articles and facets."""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone, translation

from articles.html import html_to_text
from articles.models import SITE_LANGUAGES, Article, Country, Tag, TaggedArticle
from articles.search.backends import get_backend
from articles.search.documents import country_token, language_token, leader_token, tag_token
from articles.search.highlight import highlight, snippet
from articles.search.index import generation
from articles.search.query import Group, known_leaders, parse, words

FACET_SIZE = 12
YEARS_IN_FACET = 15
# What a result shows (headline, snippet, dateline, date, link).
RESULT_FIELDS = (
    "title", "slug", "standfirst", "body", "language", "dateline", "status", "published_at",
)  # fmt: skip
# Counts and facets are kept this long (seconds), or until the index changes.
SUMMARY_TIMEOUT = 60


def result_limit():
    """How many of the best matches are counted, paged and faceted.

    Readers page through the best thousand; counting all 30,000 matches of a
    common word would cost more than ranking the page does.
    """
    return getattr(settings, "SEARCH_RESULT_LIMIT", 1000)


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
    cache_key: str = ""  # empty: not cached (the admin's own querysets)

    def __bool__(self):
        return self.matches is not None

    @property
    def highlight_terms(self):
        """The reader's words, and the names of the countries and leaders they named."""
        terms = list(self.parsed.terms)
        for leader in self.leaders:
            for spelling in [leader.name, *leader.alias_list]:
                terms += words(spelling)
        for country in self.countries:
            for language in SITE_LANGUAGES:
                terms += words(country.name_in(language))
        return list(dict.fromkeys(t for t in terms if len(t) > 2))

    def facets(self):
        """Counts per country, leader, tag, language and year among the best matches.

        Five queries over the ``result_limit()`` best ranked matches (which the
        page then reuses), or none if cached. ``sample`` is that number when
        there are more matches than it, so the page can say so.
        """
        if not self:
            return {}
        key = self.cache_key and f"{self.cache_key}:facets"
        facets = cache.get(key) if key else None
        if facets is None:
            limit = result_limit()
            ids = self.results.ranked_ids(limit + 1)
            facets = self._facets(ids[:limit]) if ids else {}
            if len(ids) > limit:
                facets["sample"] = limit
            if key:
                cache.set(key, facets, SUMMARY_TIMEOUT)
        return facets

    def _facets(self, ids):
        def among(queryset, field):
            return self.results.backend.with_ids(queryset, field, ids)

        countries = list(
            among(Article.countries.through.objects, "article")
            .values("country__code", "country__name", "country__slug")
            .annotate(count=Count("article_id"))
            .order_by("-count", "country__name")[:FACET_SIZE]
        )
        for row in countries:
            row["name"] = str(
                Country(code=row["country__code"], name=row["country__name"]).local_name
            )
        return {
            "countries": countries,
            "leaders": list(
                among(Article.leaders.through.objects, "article")
                .values("leader__slug", "leader__name", "leader__name_fr")
                .annotate(count=Count("article_id"))
                .order_by("-count", "leader__name")[:FACET_SIZE]
            ),
            "tags": list(
                among(TaggedArticle.objects, "content_object")
                .values("tag__slug", "tag__name", "tag__name_en")
                .annotate(count=Count("content_object_id"))
                .order_by("-count", "tag__name")[:FACET_SIZE]
            ),
            **self._languages_and_years(among(Article.objects, "id")),
        }

    @staticmethod
    def _languages_and_years(articles):
        """The language and year facets, from one reading of the articles' rows.

        Each row is put in its year by comparisons (a CASE): grouping by an
        extracted year runs a Python function per row on SQLite, and a count
        per year or per facet read every row again.
        """
        this_year = timezone.localdate().year
        years = range(this_year, this_year - YEARS_IN_FACET, -1)
        # Newest first, the first start a date is past gives its year; 0: none.
        whens = [When(published_at__gte=_year_start(this_year + 1), then=Value(0))]
        whens += [When(published_at__gte=_year_start(year), then=Value(year)) for year in years]
        rows = (
            articles.annotate(year=Case(*whens, default=Value(0), output_field=IntegerField()))
            .values("language", "year")
            .annotate(count=Count("pk"))
            .order_by()
        )
        languages, by_year = Counter(), Counter()
        for row in rows:
            languages[row["language"]] += row["count"]
            by_year[row["year"]] += row["count"]
        return {
            "languages": [
                {"language": language, "count": count}
                for language, count in sorted(languages.items(), key=lambda i: (-i[1], i[0]))
            ],
            "years": [{"year": year, "count": by_year[year]} for year in years if by_year[year]],
        }


def search(raw_query, filters=None, *, queryset=None):
    """Search published articles (or ``queryset``, for the admin) for ``raw_query``.

    Costs one query on PostgreSQL to build the tsquery, one if a country is
    named (leaders' names are kept in the process) and one for a tag filter's
    tag; the returned querysets are lazy.
    """
    filters = filters or Filters()
    parsed = parse(raw_query)
    found = Search(parsed=parsed, filters=filters, leaders=parsed.leaders)
    if not parsed:
        return found
    if parsed.countries:
        found.countries = list(Country.objects.filter(code__in=parsed.countries))
    groups = list(parsed.groups)
    if filters.country:
        groups.append(Group(words=[], tokens=[country_token(filters.country)]))
    if filters.leader:
        leader = known_leaders()[1].get(filters.leader)
        # An unknown leader matches nothing rather than everything.
        groups.append(Group(words=[], tokens=[leader_token(leader.pk if leader else 0)]))

    if filters.tag:
        # In the index, not joined: the match then holds only the tag's articles.
        tag = Tag.objects.filter(slug=filters.tag).values_list("pk", flat=True).first()
        groups.append(Group(words=[], tokens=[tag_token(tag or 0)]))
    qs = Article.objects.published() if queryset is None else queryset
    if filters.date_from:
        qs = qs.filter(published_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        qs = qs.filter(published_at__lt=_day_start(filters.date_to + datetime.timedelta(days=1)))
    if filters.language:
        groups.append(Group(words=[], tokens=[language_token(filters.language)]))
    backend = get_backend()
    prepared = backend.prepare(groups, parsed.groups)
    found.matches = backend.filter(qs, prepared)
    if queryset is None:
        found.cache_key = _cache_key(prepared, filters)
    found.results = RankedResults(backend, prepared, qs, cache_key=found.cache_key)
    return found


def _cache_key(prepared, filters):
    # The prepared match already holds the country, leader and language filters;
    # the generation changes with every index write, so nothing outlives an edit.
    parts = [
        connection.settings_dict["NAME"],
        generation(),
        translation.get_language(),  # country names in facets are translated
        prepared,
        filters.tag,
        filters.date_from,
        filters.date_to,
        result_limit(),
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"articles:search:{digest}"


class RankedResults:
    """Matching articles best first, sliced lazily (what a Paginator needs).

    Two tiers, on both databases. First the headline tier: matches where one of
    the reader's words, or a country or leader they named, is in the headline,
    standfirst or subjects, by a weighted score (headline over standfirst over
    subjects), equal scores going to the most recent. Only the
    ``SEARCH_RANK_WINDOW`` newest of them (default 1,000; None: all) are scored;
    older ones join the second tier. Then every other match, most recent first.

    Costs stay flat as the archive grows: the index hands over the window
    without scoring older matches, and the second tier is read from the newest
    articles down and stops at the page's end, so a word found in 30,000
    articles costs what one found in 3,000 does.
    """

    def __init__(self, backend, prepared, queryset, *, cache_key=""):
        self.backend = backend
        self.prepared = prepared
        self.queryset = queryset
        self.cache_key = cache_key
        self._count = None
        self.capped = False  # more matches than count() says; read after count()
        self._head = None
        self._loaded = {}  # articles by id, as a result shows them
        self._ranked = []  # the longest ranking computed so far
        self._ranked_need = 0

    def count(self):
        """How many matches, up to ``result_limit()``; ``capped`` tells if there are more."""
        if self._count is None:
            limit = result_limit()
            key = self.cache_key and f"{self.cache_key}:count"
            found = cache.get(key) if key else None
            if found is None:
                found = len(self.ranked_ids(limit + 1))
                if key:
                    cache.set(key, found, SUMMARY_TIMEOUT)
            self.capped = found > limit
            self._count = min(found, limit)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if stop <= start:
            return []
        ids = self.ranked_ids(stop, page=(start, stop, RESULT_FIELDS))[start:stop]
        missing = [pk for pk in ids if pk not in self._loaded]
        if missing:
            # Only the page's articles are loaded, with what a result shows.
            self._loaded.update(self.queryset.only(*RESULT_FIELDS).in_bulk(missing))
        return [self._loaded[pk] for pk in ids if pk in self._loaded]

    def ranked_ids(self, need, *, page=None):
        """The ids of the ``need`` best matches (fewer if there are not as many).

        The backend may load the articles of ``page`` (start, stop, fields)
        with the ranking, into ``_loaded``.
        """
        if need > self._ranked_need:
            # Reading one by one (iteration) grows the ranking geometrically.
            longer = max(need, 2 * self._ranked_need)
            if self._head is None:
                window = getattr(settings, "SEARCH_RANK_WINDOW", 1000)
                self._head, newest, loaded = self.backend.rank(
                    self.queryset, self.prepared, window=window, count=longer, page=page
                )
                self._loaded.update(loaded)
            else:
                newest = self.backend.newest_matches(
                    self.queryset,
                    self.prepared,
                    count=longer - len(self._head),
                    exclude=self._head,
                )
            head = self._head[:longer]
            self._ranked = head + newest[: longer - len(head)]
            self._ranked_need = longer
        return self._ranked[:need]


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _year_start(year):
    return _day_start(datetime.date(year, 1, 1))


def decorate(articles, terms):
    """Add ``headline_html`` and ``snippet_html`` to each article of a page."""
    for article in articles:
        article.headline_html = highlight(article.title, terms)
        text = " ".join(html_to_text(article.body).split()) or article.standfirst
        article.snippet_html = snippet(text, terms)
    return articles
