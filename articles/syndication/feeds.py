"""RSS 2.0 and Atom feeds for the whole site and for each country, leader and tag.

Every feed lists ``Article.objects.published()`` only, newest first, at most
``FEED_SIZE`` items. Each answer carries ``Last-Modified`` and an ``ETag`` made of
the page stamp of what it lists (the latest articles, or its subject's), so a
reader polling an unchanged feed gets a 304 for the price of one small query.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from articles.models import Article, Country, Leader, Tag, authors_prefetch
from articles.public import stamps
from articles.public.caching import cached_page
from articles.syndication.feed_xml import PlainTextAtomFeed, PlainTextRssFeed

FEED_SIZE = 30
ENCLOSURE_WIDTH = 1280

# kind -> (model, lookup from Article to it)
SUBJECTS = {
    "country": (Country, "countries"),
    "leader": (Leader, "leaders"),
    "tag": (Tag, "tags"),
}
STAMP_KINDS = {
    "country": stamps.Kind.COUNTRY,
    "leader": stamps.Kind.LEADER,
    "tag": stamps.Kind.TAG,
}


def feed_articles(subject=None):
    """The published articles a feed lists: newest first, relations prefetched."""
    queryset = Article.objects.published().for_listing()
    if subject is not None:
        queryset = queryset.filter(**{_article_filter(subject): subject})
    return queryset


def _article_filter(subject):
    for model, lookup in SUBJECTS.values():
        if isinstance(subject, model):
            return lookup
    raise TypeError(f"No feed for {type(subject).__name__}")


def get_subject(kind, slug):
    if kind is None:
        return None
    if kind not in SUBJECTS:
        raise Http404
    model, _lookup = SUBJECTS[kind]
    queryset = model.objects.select_related("country") if model is Leader else model.objects
    return get_object_or_404(queryset, slug=slug)


def feed_urls(subject=None):
    """(RSS URL, Atom URL) of the feed of ``subject`` (or of the whole site)."""
    if subject is None:
        return reverse("articles:feed_rss"), reverse("articles:feed_atom")
    kind = next(kind for kind, (model, _l) in SUBJECTS.items() if isinstance(subject, model))
    kwargs = {"slug": subject.slug}
    return (
        reverse(f"articles:{kind}_feed_rss", kwargs=kwargs),
        reverse(f"articles:{kind}_feed_atom", kwargs=kwargs),
    )


def subject_name(subject):
    return subject.local_name


class _FeedState:
    """The feed's subject, looked up once for the validators and the feed itself."""

    def __init__(self, request, kind, slug):
        self.subject = get_subject(kind, slug)

    @classmethod
    def of(cls, request, kind, slug):
        state = getattr(request, "_feed_state", None)
        if state is None:
            state = request._feed_state = cls(request, kind, slug)
        return state


class ArticleFeed(Feed):
    """RSS 2.0 feed of the newest published articles (of one subject, if any)."""

    feed_type = PlainTextRssFeed

    def __init__(self, kind=None):
        self.kind = kind

    def get_object(self, request, slug=None):
        return _FeedState.of(request, self.kind, slug).subject

    def title(self, obj):
        if obj is None:
            return settings.NEWSROOM_NAME
        return f"{subject_name(obj)} — {settings.NEWSROOM_NAME}"

    def link(self, obj):
        return obj.get_absolute_url() if obj is not None else reverse("articles:home")

    def description(self, obj):
        if obj is None:
            return _("The latest reporting from the newsroom.")
        return _("All our coverage of %(name)s.") % {"name": subject_name(obj)}

    subtitle = description

    def author_name(self, obj):
        # Atom wants an author for every entry; the feed's covers unsigned ones.
        return settings.NEWSROOM_NAME

    def feed_url(self, obj):
        rss, atom = feed_urls(obj)
        return atom if issubclass(self.feed_type, Atom1Feed) else rss

    def items(self, obj):
        return feed_articles(obj).prefetch_related(
            authors_prefetch(),
            "countries",
            Prefetch("leaders", queryset=Leader.objects.only("pk", "name")),
            "tags",
        )[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS descriptions and Atom summaries (type="html") are HTML; the
        # standfirst is plain text, so "<b>" in it must show, not embolden.
        return escape(item.standfirst)

    def item_guid(self, item):
        # Unique and stable: an article's address never changes once published.
        return self._absolute(item.get_absolute_url())

    def item_guid_is_permalink(self, item):
        return True

    def item_author_name(self, item):
        return item.byline or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return (
            [c.local_name for c in item.countries.all()]
            + [leader.name for leader in item.leaders.all()]
            + [t.name for t in item.tags.all()]
        )

    def item_enclosures(self, item):
        # A 1280 px JPEG: big enough for a reader's card, never the original.
        picture = item.lead_picture
        rendition = picture.fitting(ENCLOSURE_WIDTH, "JPEG") if picture else None
        if rendition is None:
            return []
        url = self._absolute(picture.rendition_url(rendition))
        return [Enclosure(url, str(rendition.get("bytes") or 0), "image/jpeg")]

    def get_feed(self, obj, request):
        self._request = request
        return super().get_feed(obj, request)

    def _absolute(self, url):
        return self._request.build_absolute_uri(url)


class ArticleAtomFeed(ArticleFeed):
    feed_type = PlainTextAtomFeed


def feed_view(feed_class, kind=None):
    """A feed view with the validators and page cache of the reader's pages: the stamp
    of the latest articles, or of the feed's subject (see articles/public/caching.py)."""
    feed = feed_class(kind)

    def describe(request, slug=None):
        subject = _FeedState.of(request, kind, slug).subject
        key = stamps.LATEST if subject is None else (STAMP_KINDS[kind], subject.pk)
        return stamps.read_keys({key}), ()

    @require_safe
    @cached_page(describe)
    def view(request, slug=None):
        return feed(request, slug=slug)

    return view
