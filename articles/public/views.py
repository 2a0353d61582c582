"""Public pages. Every article that reaches a reader comes from ``published()``."""

import datetime
import posixpath

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from articles.languages.alternates import published_translations
from articles.models import (
    Article,
    Country,
    Leader,
    Picture,
    Tag,
    TaggedArticle,
    prefetch_page,
    teaser_relations,
)
from articles.public import places, stamps
from articles.public.caching import CachedPageMixin
from articles.scale.paging import BoundedPaginator, by_subject
from articles.text import fold, folded_slug

# Old addresses of originals redirect to a rendition this wide (or the widest).
LEGACY_WIDTH = 2048


class PublishedArticlesMixin:
    """A paginated list of published articles, newest first.

    Subclasses narrow it with ``filter_articles`` to one country, leader or tag.
    """

    paginate_by = settings.ARTICLES_PER_PAGE
    paginator_class = BoundedPaginator
    context_object_name = "articles"

    def filter_articles(self, queryset):
        return queryset

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().for_teasers())


class HomeView(CachedPageMixin, PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"

    def page_stamps(self):
        return stamps.read_keys({stamps.LATEST})


class SubjectArticlesView(CachedPageMixin, PublishedArticlesMixin, ListView):
    """Coverage of one subject (a country, a leader, a tag), looked up by slug."""

    subject_model = None
    subject_kind = None
    subject_context_name = None
    article_filter = None

    def get_subject_queryset(self):
        return self.subject_model.objects.all()

    def find_subject(self):
        return get_object_or_404(self.get_subject_queryset(), slug=self.kwargs["slug"])

    def get_subject(self):
        """The subject, looked up once for the page's validators and its content."""
        if not hasattr(self, "subject"):
            self.subject = self.find_subject()
        return self.subject

    def subject_url(self, subject):
        return subject.get_absolute_url()

    def page_stamps(self):
        subject_id, found = stamps.read_subject(
            self.subject_model, self.subject_kind, self.kwargs["slug"], **self.stamp_options
        )
        if subject_id is None:
            raise Http404
        self.subject_id = subject_id
        return found

    stamp_options = {}

    def page_variant(self):
        return (*super().page_variant(), self.subject_id)

    def filter_articles(self, queryset):
        return by_subject(queryset, self.article_filter, self.get_subject())

    def dispatch(self, request, *args, **kwargs):
        # Before the page cache: an old address answers with a redirect, not a page.
        if moved_slug(self.kwargs) is not None:
            return HttpResponsePermanentRedirect(
                with_query(self.subject_url(self.get_subject()), request)
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        context[self.subject_context_name] = self.subject
        return context


class CountryView(SubjectArticlesView):
    subject_model = Country
    subject_kind = stamps.Kind.COUNTRY
    subject_context_name = "country"
    article_filter = "countries"
    template_name = "articles/country.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heads"] = places.current_heads(self.subject)
        context["region"] = places.region_name(places.region_of(self.subject.code))
        return context


class LeaderView(SubjectArticlesView):
    subject_model = Leader
    subject_kind = stamps.Kind.LEADER
    subject_context_name = "leader"
    article_filter = "leaders"
    template_name = "articles/leader.html"

    def get_subject_queryset(self):
        return Leader.objects.select_related("country", "portrait")

    # The header names the leader's country.
    stamp_options = {"with_country": True}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["terms"] = places.terms_of(self.subject)
        return context


class TagView(SubjectArticlesView):
    subject_model = Tag
    subject_kind = stamps.Kind.TAG
    subject_context_name = "tag"
    article_filter = "tags"
    template_name = "articles/tag.html"


def moved_slug(kwargs):
    """The slug of the URL if it is one from before slugs were folded to ASCII
    ("xi-jinping-reçoit-…"); ``kwargs`` then holds the folded one, which the data
    migration stored in its place."""
    slug = kwargs.get("slug")
    if slug is None:
        return None
    folded = folded_slug(slug)
    if not folded or folded == slug:
        return None
    kwargs["slug"] = folded
    return slug


def with_query(url, request):
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


class ArticleView(CachedPageMixin, DetailView):
    template_name = "articles/article.html"
    context_object_name = "article"

    def dispatch(self, request, *args, **kwargs):
        # Before the page cache: an old address answers with a redirect, not a page.
        if moved_slug(self.kwargs) is not None:
            return HttpResponsePermanentRedirect(self.get_object().get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def page_stamps(self):
        article_id, updated_at, found = stamps.read_article(self.kwargs["slug"], *self.day())
        if article_id is None:
            raise Http404
        self.stamped = (article_id, updated_at.isoformat())
        return found

    def page_variant(self):
        return self.stamped

    def day(self):
        """The bounds of the day in the address (Http404 for no such day).

        A range on the indexed column, not published_at__date: the latter runs a date
        conversion on every row.
        """
        try:
            day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        except ValueError:
            raise Http404("No such date.") from None
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        end = timezone.make_aware(
            datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
        )
        return start, end

    def get_object(self, queryset=None):
        queryset = Article.objects.published().select_related("lead_picture")
        start, end = self.day()
        article = get_object_or_404(
            queryset, slug=self.kwargs["slug"], published_at__gte=start, published_at__lt=end
        )
        # Its byline and subjects come with the related teasers' (related_articles).
        return prefetch_page(article)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = related_articles(self.object)
        context["translations"] = published_translations(self.object)
        return context


RELATED_CANDIDATES = 300


def related_articles(article, limit=4):
    """Published articles sharing the most countries, leaders and tags with ``article``.

    One query: each candidate's shared subjects are counted by an indexed
    subquery per relation, rather than by joining the three relations (whose
    row product made the page slow on a large archive). Then two for the
    teasers' bylines and subjects, which bring ``article``'s own when it has not
    got them yet: the page does not ask twice.
    """
    related = _most_related(article, limit)
    prefetch_related_objects([article, *related], *teaser_relations())
    return related


def _most_related(article, limit):
    relations = [
        (Article.countries.through, "article", "country", [c.pk for c in article.countries.all()]),
        (Article.leaders.through, "article", "leader", [x.pk for x in article.leaders.all()]),
        (TaggedArticle, "content_object", "tag", [t.pk for t in article.tags.all()]),
    ]
    links = [_links(*relation) for relation in relations if relation[3]]
    if not links:
        return []
    # In SQL rather than built from querysets: the statement is the one the three
    # Subquery annotations made, but compiling them cost the page several times
    # what the database takes to answer. Names come from the models, ids are
    # parameters.
    ids = [pk for _table, _article, _subject, placeholders, pks in links for pk in pks]
    candidates = RawSQL(  # noqa: S611
        " UNION ".join(
            f"SELECT {column} FROM {table} WHERE {subject} IN ({placeholders})"  # noqa: S608
            for table, column, subject, placeholders, _pks in links
        ),
        ids,
    )
    outer = f"{qn(Article._meta.db_table)}.{qn(Article._meta.pk.column)}"
    score = RawSQL(  # noqa: S611
        " + ".join(
            f"(SELECT COUNT(*) FROM {table} "  # noqa: S608
            f"WHERE {subject} IN ({placeholders}) AND {column} = {outer})"
            for table, column, subject, placeholders, _pks in links
        ),
        ids,
    )
    # Scoring is bounded to the most recent candidates: on a large archive a
    # subject like a big country is shared by thousands of articles.
    recent_candidates = (
        Article.objects.published()
        .filter(pk__in=candidates)
        .exclude(pk=article.pk)
        .order_by("-published_at")
        .values("pk")[:RELATED_CANDIDATES]
    )
    return list(
        Article.objects.for_listing()
        .filter(pk__in=recent_candidates)
        .annotate(shared_subjects=score)
        .order_by("-shared_subjects", "-published_at", "-pk")[:limit]
    )


def qn(name):
    return connection.ops.quote_name(name)


def _links(through, article_field, subject_field, ids):
    """A relation's quoted table and columns, the placeholders of ``ids``, and ``ids``."""
    meta = through._meta
    return (
        qn(meta.db_table),
        qn(meta.get_field(article_field).column),
        qn(meta.get_field(subject_field).column),
        ", ".join(["%s"] * len(ids)),
        ids,
    )


COVERAGE_CACHE_SECONDS = 300


def coverage_counts(relation):
    """Number of published articles per country or leader id.

    Counting walks the whole archive, so the result is cached for a few
    minutes: index pages may lag a new article's count, never its content.
    """
    key = f"coverage-counts:{relation}"
    counts = cache.get(key)
    if counts is None:
        rows = (
            Article.objects.published()
            .filter(**{f"{relation}__isnull": False})
            .values(relation)
            .annotate(n=Count("pk"))
            .values_list(relation, "n")
        )
        counts = dict(rows)
        cache.set(key, counts, COVERAGE_CACHE_SECONDS)
    return counts


class CountryIndexView(TemplateView):
    template_name = "articles/country_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = coverage_counts("countries")
        # Only countries with published coverage: a page per country is worth a
        # click only when it has something to show.
        countries = list(Country.objects.filter(pk__in=list(coverage)).only("code", "name", "slug"))
        for country in countries:
            country.coverage = coverage[country.pk]
        # Sorted here rather than in SQL: the order follows the reader's language.
        countries.sort(key=lambda c: fold(c.local_name))
        context["regions"] = places.regions(countries)
        # In the order the page shows them, for the ItemList.
        context["covered"] = [c for _region, group in context["regions"] for c in group]
        return context


class LeaderIndexView(ListView):
    template_name = "articles/leader_index.html"
    context_object_name = "leaders"

    def get_queryset(self):
        return Leader.objects.select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = coverage_counts("leaders")
        for leader in context["leaders"]:
            leader.coverage = coverage.get(leader.pk, 0)
        return context


def serve_media(request, path):
    """The old /media/ addresses of pictures.

    Originals are never served: they are kept for making renditions. A file moved
    into the library redirects to its picture's widest JPEG while readers may see
    it; anything else is a 404.
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or not path:
        raise Http404
    picture = Picture.objects.public().filter(legacy_path=path).first()
    rendition = picture.fitting(LEGACY_WIDTH, "JPEG") if picture else None
    if rendition is None:
        raise Http404
    response = HttpResponsePermanentRedirect(picture.rendition_url(rendition))
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
