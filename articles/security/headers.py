"""Response headers that tell browsers what a page may do: CSP and Permissions-Policy.

The Content-Security-Policy itself is django-csp's (``CONTENT_SECURITY_POLICY`` in
the settings); this module adds what differs in the admin and the Permissions-Policy
header, which Django has no setting for.
"""

from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    return reverse("admin:index")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; admin pages may also show local ``blob:``/``data:`` images.

    The picture field previews a chosen file before it is uploaded (a ``blob:``
    URL), and the admin's stylesheets draw a few icons as ``data:`` images.
    Readers' pages never need either.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            extra = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_UPDATE", {})
            parts.update = {**extra, **(parts.update or {})}
        return parts


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(
        f"{feature}=({' '.join(allowed)})" for feature, allowed in sorted(policy.items())
    )


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site never uses (camera, location, …)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
