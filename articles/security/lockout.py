"""The page a sign-in gets once django-axes has blocked it."""

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
        "site_header": settings.NEWSROOM_NAME,
        "site_title": settings.NEWSROOM_NAME,
    }
    # Rendered now: the middleware answers with it after the response phase began.
    return render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
