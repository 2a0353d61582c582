from django.http import HttpResponsePermanentRedirect


def default_language_prefix(request, rest):
    """``/fr/…`` is the French page at the root: one address per page."""
    # Stripped so that /fr//host cannot become the off-site //host.
    target = "/" + rest.lstrip("/\\")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(target + (f"?{query}" if query else ""))
