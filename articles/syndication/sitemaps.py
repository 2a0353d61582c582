"""Sitemaps: an index of sections (articles, countries, leaders, tags), a Google
News sitemap of the last 48 hours, and the robots.txt that names both.

Sections are paged by ranges of primary keys rather than by OFFSET, so page
4,000 of the articles costs what page 1 costs: an index range scan.

The sitemaps.org schema wants at least one ``<url>`` in a ``<urlset>``, and
Google reports an empty one as "Missing XML tag". A sitemap with nothing to
list (a fresh install, a quiet 48 hours for the news sitemap, a page of key
range holding only drafts) therefore lists the home page alone. In the news
sitemap it carries no ``<news:news>``, which Google's documentation allows
(old URLs may stay without it) and which News ignores. A 404 would instead
show as a fetch error for a sitemap that robots.txt names.
"""

import datetime
import math
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min, Q
from django.db.models.functions import Greatest
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS, http_date
from django.views.decorators.http import require_safe

from articles.models import Article, Country, Leader, Tag
from articles.public import stamps
from articles.public.caching import cached_page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000


class _RangePage:
    def __init__(self, object_list, number):
        self.object_list = object_list
        self.number = number


class PrimaryKeyRangePaginator:
    """Pages of ``per_page`` consecutive primary keys, starting at the smallest.

    A page can hold fewer than ``per_page`` URLs (deleted or unpublished rows
    leave holes) but never more, which is what the 50,000 limit asks.
    """

    def __init__(self, queryset, per_page, *, bounds_queryset=None):
        self.queryset = queryset
        self.per_page = per_page
        # Where the ranges are measured; a cheaper superset of ``queryset`` will do.
        self.bounds_queryset = queryset if bounds_queryset is None else bounds_queryset

    @cached_property
    def _bounds(self):
        bounds = self.bounds_queryset.order_by().aggregate(low=Min("pk"), high=Max("pk"))
        return bounds["low"], bounds["high"]

    @cached_property
    def num_pages(self):
        low, high = self._bounds
        if low is None:
            return 1
        return math.ceil((high - low + 1) / self.per_page)

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1 or number > self.num_pages:
            raise EmptyPage("That page contains no results")
        return number

    def page(self, number):
        number = self.validate_number(number)
        low, _high = self._bounds
        if low is None:
            return _RangePage(self.queryset.none(), number)
        start = low + (number - 1) * self.per_page
        object_list = self.queryset.filter(pk__gte=start, pk__lt=start + self.per_page)
        return _RangePage(object_list.order_by("pk"), number)


class RangePagedSitemap(Sitemap):
    def get_queryset(self):
        raise NotImplementedError

    def items(self):
        return self.get_queryset()

    def get_bounds_queryset(self):
        return None

    @property
    def paginator(self):
        return PrimaryKeyRangePaginator(
            self.items(), self.limit, bounds_queryset=self.get_bounds_queryset()
        )

    def lastmod(self, item):
        return item.lastmod


def _modified():
    return Greatest("updated_at", "published_at")


class ArticleSitemap(RangePagedSitemap):
    def get_queryset(self):
        return (
            Article.objects.published()
            .only("pk", "slug", "published_at", "updated_at")
            .annotate(lastmod=_modified())
        )

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max(_modified()))["latest"]

    @cached_property
    def _url_format(self):
        # reverse() is most of the cost of a 50,000-URL page: resolve the pattern
        # once with recognisable values and fill it in for each article.
        sample = reverse(
            "articles:article",
            kwargs={"year": 1234, "month": 10, "day": 11, "slug": "slugsentinel"},
        )
        marker = "1234/10/11/slugsentinel"
        if sample.count(marker) != 1 or "{" in sample or "}" in sample:
            return None
        return sample.replace(marker, "{year:04d}/{month:02d}/{day:02d}/{slug}")

    def location(self, item):
        if self._url_format is None:
            return item.get_absolute_url()
        day = timezone.localtime(item.published_at)
        slug = quote(item.slug, safe=RFC3986_SUBDELIMS + "/~:@")
        return self._url_format.format(year=day.year, month=day.month, day=day.day, slug=slug)


class SubjectSitemap(RangePagedSitemap):
    """Countries, leaders or tags with published coverage; lastmod is that of
    their newest change among published articles."""

    model = None
    articles_lookup = None

    def get_queryset(self):
        modified = Greatest(
            f"{self.articles_lookup}__updated_at", f"{self.articles_lookup}__published_at"
        )
        published = Q(**{f"{self.articles_lookup}__in": Article.objects.published()})
        return (
            self.model.objects.only("pk", "slug")
            .annotate(lastmod=Max(modified, filter=published))
            .filter(lastmod__isnull=False)
        )

    def get_bounds_queryset(self):
        # The whole table: no grouping needed to find its first and last keys.
        return self.model.objects.all()

    def get_latest_lastmod(self):
        return (
            Article.objects.published()
            .filter(**{f"{self.reverse_lookup}__isnull": False})
            .aggregate(latest=Max(_modified()))["latest"]
        )


class CountrySitemap(SubjectSitemap):
    model = Country
    articles_lookup = "articles"
    reverse_lookup = "countries"


class LeaderSitemap(SubjectSitemap):
    model = Leader
    articles_lookup = "articles"
    reverse_lookup = "leaders"


class TagSitemap(SubjectSitemap):
    model = Tag
    articles_lookup = "tagged_articles__content_object"
    reverse_lookup = "tagged_items"


SITEMAPS = {
    "articles": ArticleSitemap,
    "countries": CountrySitemap,
    "leaders": LeaderSitemap,
    "tags": TagSitemap,
}


def _latest(request, *args, **kwargs):
    """Sitemaps list the latest articles and their subjects: the stamp of the latest
    articles (bumped by any change to a published article or a subject's name)."""
    return stamps.read_keys({stamps.LATEST}), (request.GET.get("p", ""),)


def _latest_in_window(request):
    # The news sitemap also changes when an article leaves its 48 hours.
    oldest = (
        Article.objects.published()
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        .order_by("published_at", "pk")
        .values_list("pk", flat=True)[:1]
    )
    return stamps.read_keys({stamps.LATEST}), tuple(oldest)


@require_safe
@cached_page(_latest)
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="articles:sitemap_section")


@require_safe
@cached_page(_latest)
@sitemap_views.x_robots_tag
def sitemap_section(request, section):
    """One page of one section: Django's Sitemap classes, written out without a
    template (the template engine doubled the time of a 50,000-URL page)."""
    if section not in SITEMAPS:
        raise Http404(f"No sitemap section “{section}”.")
    site = SITEMAPS[section]()
    try:
        urls = site.get_urls(
            page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page.") from None
    if not urls:
        urls = [{"location": _home_url(request), "lastmod": None}]
    # Subject pages (and the home page standing in for them) exist in each interface
    # language, as their heads say. Articles are left to their heads: a translated
    # article's alternates are its translations, which a page of keys cannot know.
    alternates = section != "articles" or urls[0]["location"] == _home_url(request)
    response = HttpResponse(
        render_urlset(urls, alternates=language_prefixes() if alternates else None),
        content_type="application/xml",
    )
    latest = getattr(site, "latest_lastmod", None)
    if latest is not None:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response


def _home_url(request):
    return f"{request.scheme}://{request.get_host()}{reverse('articles:home')}"


def language_prefixes():
    """``{language: prefix}`` of the reader's pages: {"fr": "/", "en": "/en/"}."""
    prefixes = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes[code] = reverse("articles:home")
    return prefixes


def _alternate_links(location, prefixes):
    """``xhtml:link`` alternates of ``location`` in each interface language, + x-default."""
    scheme, _sep, rest = location.partition("://")
    host, _slash, path = rest.partition("/")
    path = "/" + path
    current = translation.get_language()
    own = prefixes.get(current, "/")
    tail = path[len(own) :] if path.startswith(own) else path.lstrip("/")
    links = [(code, f"{scheme}://{host}{prefix}{tail}") for code, prefix in prefixes.items()]
    links.append(("x-default", dict(links)[settings.LANGUAGE_CODE]))
    return "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>'
        for code, href in links
    )


def render_urlset(urls, alternates=None):
    """The ``<urlset>``; ``alternates`` (language prefixes) adds hreflang links."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="', SITEMAP_NS, '"']
    if alternates:
        parts.append(' xmlns:xhtml="http://www.w3.org/1999/xhtml"')
    parts.append(">\n")
    for url in urls:
        parts += ["<url><loc>", escape(url["location"]), "</loc>"]
        if url["lastmod"]:
            lastmod = timezone.localtime(url["lastmod"]).isoformat(timespec="seconds")
            parts += ["<lastmod>", lastmod, "</lastmod>"]
        if alternates:
            parts.append(_alternate_links(url["location"], alternates))
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def news_articles(now=None):
    """Published articles of the last 48 hours, newest first, at most 1,000."""
    now = now or timezone.now()
    return (
        Article.objects.published()
        .filter(published_at__gte=now - NEWS_WINDOW)
        .order_by("-published_at", "-pk")
        .only("pk", "title", "slug", "language", "published_at")[:NEWS_LIMIT]
    )


@require_safe
@cached_page(_latest_in_window, early=False)
def news_sitemap(request):
    base = f"{request.scheme}://{request.get_host()}"
    return TemplateResponse(
        request,
        "sitemaps/news.xml",
        {
            "articles": news_articles(),
            "base": base,
            "home_url": _home_url(request),
            "publication_name": settings.NEWSROOM_NAME,
        },
        content_type="application/xml",
    )


@require_safe
def robots_txt(request):
    base = f"{request.scheme}://{request.get_host()}"
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {base}{reverse('articles:sitemap_index')}",
        f"Sitemap: {base}{reverse('articles:news_sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
