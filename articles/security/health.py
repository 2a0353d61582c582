"""Is the site up? ``/livez``: the process answers. ``/healthz``: it can serve pages.

Load balancers and orchestrators poll these before anything else runs: the
middleware answers them first, so a host name the site does not know, the HTTPS
redirect or a broken session store cannot make a healthy process look dead.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

LIVE_PATHS = {"/livez", "/livez/"}
READY_PATHS = {"/healthz", "/healthz/"}
RETRY_AFTER_SECONDS = 30


def database_answers():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    key, value = "newsroom:healthz", secrets.token_hex(8)
    cache.set(key, value, 10)
    return cache.get(key) == value


CHECKS = {"database": database_answers, "cache": cache_answers}


def readiness():
    """{check: "ok" or "unavailable"}; failures are logged, never shown."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "unavailable"
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = "unavailable"
    return results


def _answer(data, status):
    response = JsonResponse(data, status=status)
    response.headers["Cache-Control"] = "no-store"
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"GET", "HEAD"}:
            if request.path_info in LIVE_PATHS:
                return _answer({"status": "ok"}, 200)
            if request.path_info in READY_PATHS:
                checks = readiness()
                ready = all(result == "ok" for result in checks.values())
                return _answer(
                    {"status": "ok" if ready else "unavailable", "checks": checks},
                    200 if ready else 503,
                )
        return self.get_response(request)
