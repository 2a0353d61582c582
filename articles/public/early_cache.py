"""The page cache's early answer: a reader's page served before the rest of the stack.

A page found in the page cache (``caching``) still goes through sessions, the
reader's language, CSRF, authentication, the URL resolver, its view and gzip on
every request. This middleware sits just below WhiteNoise and keeps each
anonymous page as it left the stack, compressed if it was, under its address,
host, scheme, the release and whether the client takes gzip.

Before it serves a copy it reads one row, the ``SITE`` page stamp, whose version
moves with every stamp bump: any change readers could see makes every early copy
unreachable at once. The next request for a page then takes the whole path, where
the ETag-keyed page cache still answers for the pages that did not change, and
keeps a new copy. A copy also ends at the next scheduled publication among its
page's stamps, which changes the page with no write. Nothing is purged.
"""

import hashlib
import re

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from articles.public import caching, stamps

# The query strings of readers' pages (a page number); anything else is not kept,
# so that made-up parameters cannot fill the cache.
KEPT_QUERY = re.compile(r"^(?:(?:page|p)=\d{1,6})?$")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# What a kept page may vary on. A session cookie or gzip are part of the key;
# Accept-Language is named by the locale middleware for the admin's sake, while a
# reader's page speaks the language of its address.
KEPT_VARY = {"cookie", "accept-encoding", "accept-language"}
STATE = "X-Page-Cache"


def early_key(request):
    """The key of ``request``'s page, or None if it is not one to serve early."""
    if request.method != "GET" or caching.is_private(request):
        return None
    query = request.META.get("QUERY_STRING", "")
    if not KEPT_QUERY.match(query):
        return None
    gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    parts = (caching.release(), request.scheme, request.get_host(), request.path, query, gzip)
    return "page-early:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def answer(request, entry):
    """The kept page, or a 304 for it, if the site has not changed since it was kept."""
    if entry["due"] is not None and timezone.now() >= entry["due"]:
        return None
    try:
        current = stamps.read_site_version()
    except DatabaseError:
        # The whole path answers with the outage page.
        return None
    if current != entry["site"]:
        return None
    response = get_conditional_response(
        request,
        etag=entry["headers"].get("ETag"),
        last_modified=parse_http_date_safe(entry["headers"].get("Last-Modified", "")),
        response=HttpResponse(entry["content"], headers=entry["headers"]),
    )
    response.headers[STATE] = "early"
    return response


def keep(request, response, key):
    """Keep ``response`` if ``caching.serve`` made it for anyone, as it left the stack."""
    read = getattr(request, "early_page", None)
    if (
        read is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or response.get("Cache-Control") != caching.public_cache_control()
    ):
        return
    vary = {name.strip().lower() for name in cc_delim_re.split(response.get("Vary", ""))}
    if not vary - {""} <= KEPT_VARY:
        return
    site, due = read
    headers = {name: value for name, value in response.headers.items() if name != STATE}
    entry = {"content": response.content, "headers": headers, "site": site, "due": due}
    cache.set(key, entry, caching.setting("PAGE_CACHE_SECONDS", 3600))


class EarlyPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = early_key(request)
        if key is None:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None:
            response = answer(request, entry)
            if response is not None:
                return response
        response = self.get_response(request)
        keep(request, response, key)
        return response
