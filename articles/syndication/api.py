"""Read-only ninjs 2.2 (IPTC News in JSON) API of published articles, for partner sites.

``/api/ninjs/articles/`` lists them newest first, a page at a time, filtered by
country, leader, tag, language or ``updated_since``; ``/api/ninjs/articles/<id>/``
gives one. Bad input gets a 400 with a JSON error, unknown subjects a 404;
nothing here ever shows a draft or a scheduled article.
"""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, path, re_path, resolve, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.models import (
    ARTICLE_LANGUAGES,
    Article,
    Country,
    Leader,
    Tag,
    authors_prefetch,
    storable_id,
)
from articles.syndication.structured_data import iso, word_count

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
PARAMETERS = {"page", "page_size", "country", "leader", "tag", "language", "updated_since"}
LANGUAGES = {code for code, _name in ARTICLE_LANGUAGES}
SAFE_METHODS = ("GET", "HEAD")


class BadRequest(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def _json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": None}
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    if status == 200:
        response.headers["Cache-Control"] = "public, max-age=60"
    return response


def _error(message, status):
    return _json({"error": message, "status": status}, status=status)


def api_view(view):
    """Turn BadRequest into a JSON error instead of an HTML page; reads only."""

    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = _error(f"This API is read-only: {', '.join(SAFE_METHODS)}.", 405)
            response.headers["Allow"] = ", ".join(SAFE_METHODS)
            return response
        try:
            _check_values(request)
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return _error(error.message, error.status)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _check_values(request):
    # No database stores a NUL in text, and PostgreSQL refuses the query outright.
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequest("Parameters cannot contain NUL characters.")


def ascii_digits(raw):
    """Whether ``raw`` is a plain decimal number: "²" and "١" are digits to str.isdigit()."""
    return raw.isascii() and raw.isdigit()


def _positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if not ascii_digits(raw) or len(raw) > 9 or int(raw) < 1:
        raise BadRequest(f"“{name}” must be a whole number from 1.")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadRequest(f"“{name}” can be at most {maximum}.")
    return value


def _parse_since(raw):
    raw = raw.strip()
    # An unencoded "+" in a query string arrives as a space.
    candidates = [raw, raw.replace(" ", "+")]
    for candidate in candidates:
        try:
            value = parse_datetime(candidate)
            if value is None:
                day = parse_date(candidate)
                if day is not None:
                    value = datetime.datetime.combine(day, datetime.time.min)
        except ValueError:
            value = None
        if value is not None:
            try:
                if timezone.is_naive(value):
                    value = timezone.make_aware(value)
                # The database compares in UTC; year 1 at +14:00 has no UTC time.
                value.astimezone(datetime.UTC)
            except (OverflowError, ValueError):
                continue
            return value
    raise BadRequest(
        "“updated_since” must be an ISO 8601 date or date-time, "
        "e.g. 2019-04-25 or 2019-04-25T09:30:00+02:00."
    )


def _subject(model, value, name):
    found = model.objects.filter(slug=value).first()
    if found is None and model is Country:
        found = Country.objects.filter(code=value.upper()).first()
    if found is None:
        raise BadRequest(f"No {name} “{value}”.", status=404)
    return found


def filtered_articles(request):
    """The published articles the query asks for, newest first."""
    unknown = sorted(set(request.GET) - PARAMETERS)
    if unknown:
        raise BadRequest(f"Unknown parameter “{unknown[0]}”; use: {', '.join(sorted(PARAMETERS))}.")
    queryset = Article.objects.published().order_by("-published_at", "-pk")
    if request.GET.get("country"):
        queryset = queryset.filter(countries=_subject(Country, request.GET["country"], "country"))
    if request.GET.get("leader"):
        queryset = queryset.filter(leaders=_subject(Leader, request.GET["leader"], "leader"))
    if request.GET.get("tag"):
        queryset = queryset.filter(tags=_subject(Tag, request.GET["tag"], "tag"))
    if "language" in request.GET:
        language = request.GET["language"].strip().lower()
        if language not in LANGUAGES:
            raise BadRequest(
                f"“language” must be one of: {', '.join(sorted(LANGUAGES))}.",
            )
        queryset = queryset.filter(language=language)
    if "updated_since" in request.GET:
        since = _parse_since(request.GET["updated_since"])
        # A scheduled article that just went out is new to partners, too.
        queryset = queryset.filter(Q(updated_at__gte=since) | Q(published_at__gte=since))
    return queryset


def _with_relations(queryset):
    return queryset.select_related("lead_picture").prefetch_related(
        authors_prefetch(),
        "countries",
        Prefetch("leaders", queryset=Leader.objects.only("pk", "name", "slug")),
        "tags",
    )


def _picture(article, request):
    picture = article.lead_picture
    absolute = request.build_absolute_uri

    def rendition(name, r):
        return {
            "name": name,
            "href": absolute(picture.rendition_url(r)),
            "contenttype": "image/jpeg",
            "width": r["width"],
            "height": r["height"],
        }

    widths = picture.widths("JPEG")
    item = {
        "name": "leadpicture",
        # The widest rendition stands for the picture; the original is never served.
        "uri": absolute(picture.rendition_url(widths[-1])) if widths else "",
        "type": "picture",
        "representationtype": "full",
        "renditions": [
            *(rendition(f"w{r['width']}", r) for r in widths),
            *(rendition(r["shape"], r) for r in picture.crops("JPEG")),
        ],
    }
    descriptions = []
    if picture.caption:
        descriptions.append({"role": "caption", "value": picture.caption})
    if picture.alt_text:
        descriptions.append({"role": "alt", "value": picture.alt_text})
    if descriptions:
        item["descriptions"] = descriptions
    if picture.credit:
        item["by"] = picture.credit
    if picture.copyright:
        item["copyrightnotice"] = picture.copyright
    return item


def ninjs(article, request):
    """One article as an IPTC ninjs 2.2 object.

    The API shows published articles only; the archive (articles/archive/) writes
    drafts too: without a page they are named by their API address, "withheld".
    """
    if article.published_at is None:
        url = request.build_absolute_uri(reverse("articles:ninjs_article", args=[article.pk]))
    else:
        url = request.build_absolute_uri(article.get_absolute_url())
    modified = max(d for d in (article.updated_at, article.published_at) if d)
    item = {
        "uri": url,
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "profile": "newsroom-article",
        "version": str(int(modified.timestamp() * 1_000_000)),
        "firstcreated": iso(article.published_at),
        "versioncreated": iso(modified),
        "contentcreated": iso(article.created_at),
        "pubstatus": "usable" if article.is_published else "withheld",
        "language": article.language,
        "slugline": article.slug,
        "copyrightholder": settings.NEWSROOM_NAME,
        "headlines": [{"role": "main", "value": article.title}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": article.body,
                "wordcount": word_count(article.body),
            }
        ],
        "altids": [{"role": "internal", "value": str(article.pk)}],
        "people": [
            {
                "name": leader.name,
                "rel": "about",
                "uri": request.build_absolute_uri(leader.get_absolute_url()),
                "literal": leader.slug,
            }
            for leader in article.leaders.all()
        ],
        "places": [
            {
                "name": country.name_in(article.language),
                "rel": "about",
                "uri": request.build_absolute_uri(country.get_absolute_url()),
                "literal": country.code,
            }
            for country in article.countries.all()
        ],
        "subjects": [
            {
                "name": tag.name,
                "rel": "about",
                "uri": request.build_absolute_uri(tag.get_absolute_url()),
                "literal": tag.slug,
            }
            for tag in article.tags.all()
        ],
    }
    if article.standfirst:
        item["descriptions"] = [
            {"role": "summary", "contenttype": "text/plain", "value": article.standfirst}
        ]
    byline = article.byline
    if byline:
        item["by"] = byline
    if article.dateline:
        item["located"] = article.dateline
    if article.lead_picture and article.lead_picture.renditions:
        item["associations"] = [_picture(article, request)]
    return {key: value for key, value in item.items() if value not in ([], None)}


@api_view
def article_list(request):
    page_number = _positive_int(request, "page", 1)
    page_size = _positive_int(request, "page_size", PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    paginator = Paginator(_with_relations(filtered_articles(request)), page_size)
    if page_number > paginator.num_pages:
        raise BadRequest(f"There are only {paginator.num_pages} page(s) of results.")
    page = paginator.page(page_number)
    items = list(page.object_list)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return _json(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "items": [ninjs(article, request) for article in items],
        }
    )


@api_view
def article_detail(request, pk):
    if not ascii_digits(pk) or not storable_id(int(pk)):
        raise BadRequest(f"No published article “{pk}”.", status=404)
    pk = int(pk)
    article = _with_relations(Article.objects.published()).filter(pk=pk).first()
    if article is None:
        raise BadRequest(f"No published article {pk}.", status=404)
    return _json(ninjs(article, request))


@api_view
def not_found(request, rest=""):
    """Any other address under the API: a JSON 404, or the slash that was left off."""
    if not request.path_info.endswith("/"):
        match = resolve_or_none(request.path_info + "/")
        if match is not None and match.func is not not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    raise BadRequest("No such address in this API; see /api/ninjs/articles/.", status=404)


def resolve_or_none(path_info):
    try:
        return resolve(path_info)
    except Resolver404:
        return None


urlpatterns = [
    path("api/ninjs/articles/", article_list, name="ninjs_articles"),
    # Any id reaches the view, which answers a JSON 404 for what is not a plain number.
    path("api/ninjs/articles/<str:pk>/", article_detail, name="ninjs_article"),
    re_path(r"^api/ninjs/(?P<rest>[\s\S]*)$", not_found),
]
