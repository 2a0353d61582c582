"""HTTP caching of the reader's pages: validators, Cache-Control, a page cache.

A page's ETag and Last-Modified come from the page stamps of what it shows
(``stamps``), read in one small query: a request carrying the current ETag gets
a 304 without a render. Anonymous readers' pages are kept in the Django cache
(Redis with ``REDIS_URL``) under their ETag, so a change is seen at once (a bump
makes a new key) and nothing is ever purged: old versions age out.

When a page has no cached copy, one worker renders it (a lock taken with
``cache.add``) while the others serve the previous version of that page if
there is one (marked ``no-cache`` so that nothing keeps it), or wait a little for
the new one, and render it themselves past ``PAGE_CACHE_WAIT_SECONDS``.

Anything with a session (a logged-in editor, a pending message) is rendered
every time and marked ``private, no-store``; so is any response setting a cookie.
"""

import functools
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from articles.public import stamps

PRIVATE = "private, no-store"
# The cookie Django's cookie message storage writes.
MESSAGES_COOKIE = "messages"
# What a cached copy keeps of the response besides its body.
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag")


def setting(name, default):
    return getattr(settings, name, default)


def public_cache_control():
    return (
        f"public, max-age={setting('PAGE_MAX_AGE', 30)}, "
        f"s-maxage={setting('PAGE_SHARED_MAX_AGE', 120)}, "
        f"stale-while-revalidate={setting('PAGE_STALE_WHILE_REVALIDATE', 60)}"
    )


@functools.cache
def release():
    """What the code and templates are: a deployment changes every page's ETag.

    ``NEWSROOM_RELEASE`` (a commit id) when set; otherwise the names, sizes and
    modification times of the templates, code and catalogues (no file is read).
    """
    explicit = setting("NEWSROOM_RELEASE", "")
    if explicit:
        return explicit
    digest = hashlib.sha256(settings.NEWSROOM_NAME.encode())
    base = Path(settings.BASE_DIR)
    for folder in ("templates", "articles", "locale", "newsroom"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".xml", ".txt", ".mo"} and "tests" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


def is_private(request):
    """Whether the request belongs to someone: a session, a message, credentials."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGES_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def make_private(response):
    response.headers["Cache-Control"] = PRIVATE
    response.headers.pop("ETag", None)
    response.headers.pop("Last-Modified", None)
    return response


def _rendered(response):
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response


def serve(request, render, describe, *, early=True):
    """Answer ``request`` for a public page whose content ``render()`` makes.

    ``describe()`` returns the page's stamps (read by ``stamps``, after any lookup,
    which may raise Http404) and a tuple of what else the page depends on (its
    object's id, a page number).
    The address and the language are always part of it.
    ``early``: the page may be kept by ``early_cache``, that is, the page changes
    only when a stamp moves, not with the clock alone.
    """
    if request.method not in ("GET", "HEAD"):
        return render()
    if is_private(request):
        response = make_private(_rendered(render()))
        patch_vary_headers(response, ("Cookie",))
        return response
    page_stamps, variant = describe()
    language = translation.get_language() or ""
    # Feeds and sitemaps write absolute addresses: each host and scheme has its own.
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    tag = stamps.fingerprint(page_stamps, release(), language, address, *variant)
    modified = stamps.last_changed(page_stamps)
    headers = {"ETag": f'W/"{tag}"', "Cache-Control": public_cache_control()}
    if modified is not None:
        headers["Last-Modified"] = http_date(modified.timestamp())
    validators = HttpResponse(headers=headers)
    answer = get_conditional_response(
        request,
        etag=headers["ETag"],
        last_modified=modified and int(modified.timestamp()),
        response=validators,
    )
    if answer is not validators:  # 304 Not Modified (or 412 for If-Match)
        patch_vary_headers(answer, ("Cookie",))
        return answer
    latest_key = (
        "page-latest:"
        + hashlib.sha256(f"{language}\0{address}\0{variant}".encode()).hexdigest()[:32]
    )
    response = _cached(tag, latest_key, render, headers)
    patch_vary_headers(response, ("Cookie",))
    if early:
        # What early_cache keeps with the page: the state of the site it was read
        # from, and when a scheduled publication will change it with no write.
        request.early_page = (stamps.site_version(page_stamps), stamps.next_due(page_stamps))
    return response


def _page_key(tag):
    return f"page:{tag}"


def _from_entry(entry, state):
    response = HttpResponse(entry["content"], headers=entry["headers"])
    response.headers["X-Page-Cache"] = state
    return response


def _cached(tag, latest_key, render, headers):
    key = _page_key(tag)
    entry = cache.get(key)
    if entry is not None:
        response = _from_entry(entry, "hit")
        _set_headers(response, headers)
        return response
    lock = f"{key}:lock"
    if not cache.add(lock, 1, setting("PAGE_CACHE_LOCK_SECONDS", 10)):
        # Another worker is rendering this version.
        previous = cache.get(latest_key)
        entry = cache.get(_page_key(previous)) if previous else None
        if entry is not None:
            response = _from_entry(entry, "stale")
            response.headers["ETag"] = f'W/"{previous}"'
            response.headers["Cache-Control"] = "public, no-cache"
            return response
        deadline = time.monotonic() + setting("PAGE_CACHE_WAIT_SECONDS", 2)
        while time.monotonic() < deadline:
            time.sleep(0.02)
            entry = cache.get(key)
            if entry is not None:
                response = _from_entry(entry, "hit")
                _set_headers(response, headers)
                return response
        response = _rendered(render())
        return _finish(response, headers)
    try:
        response = _rendered(render())
        if _cacheable(response):
            timeout = setting("PAGE_CACHE_SECONDS", 3600)
            cache.set(
                key,
                {
                    "content": response.content,
                    "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                },
                timeout,
            )
            cache.set(latest_key, tag, timeout)
            response.headers["X-Page-Cache"] = "miss"
    finally:
        cache.delete(lock)
    return _finish(response, headers)


def _set_headers(response, headers):
    for name, value in headers.items():
        response.headers[name] = value


def _cacheable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def _finish(response, headers):
    if response.status_code == 200 and not response.cookies:
        _set_headers(response, headers)
    return response


class CachedPageMixin:
    """For a public page view: conditional GET, Cache-Control, the page cache.

    Subclasses give ``page_stamps()`` (the stamps, read by ``stamps``; it may look up
    the page's object and raise Http404) and may add to ``page_variant()``.
    """

    def page_stamps(self):
        raise NotImplementedError

    def page_variant(self):
        return (self.request.GET.get(getattr(self, "page_kwarg", "page"), ""),)

    def dispatch(self, request, *args, **kwargs):
        parent = super().dispatch
        return serve(
            request,
            lambda: parent(request, *args, **kwargs),
            lambda: (self.page_stamps(), self.page_variant()),
        )


def cached_page(describe, *, early=True):
    """The same for a function view: ``describe(request, *args, **kwargs)`` returns
    the stamps and the variant tuple. ``early=False`` for a page that also changes
    with the clock (its variant says how)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            return serve(
                request,
                lambda: view(request, *args, **kwargs),
                lambda: describe(request, *args, **kwargs),
                early=early,
            )

        return wrapper

    return decorator


class PrivateResponsesMiddleware:
    """Responses to someone with a session, or setting a cookie, stay out of shared
    caches unless the view said otherwise (the admin already says ``no-store``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        session = getattr(request, "session", None)
        if is_private(request) or response.cookies or (session is not None and session.modified):
            make_private(response)
        return response
