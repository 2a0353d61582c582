"""Database down: a plain 503 page that says to come back, instead of a 500.

The middleware catches the database errors of views and templates; ``server_error``
(the project's handler500) those raised elsewhere, e.g. while saving the session.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

from articles.security.health import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)


def unavailable_response():
    # No request context: the context processors could need the database too.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.error("Database unavailable: %s", request.path, exc_info=exception)
            return unavailable_response()
        return None


def server_error(request, *args, **kwargs):
    """handler500: Django calls it inside its ``except``, so the error is at hand."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return unavailable_response()
    return django_server_error(request, *args, **kwargs)
