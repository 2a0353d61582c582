"""Who is asking: the client's address, as the login throttle counts it."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The address of the client, not of the proxies in front of the site.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For; anything further left was written by the client and could be
    anything, so only the entry ``TRUSTED_PROXIES`` places from the right counts.
    """
    address = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "TRUSTED_PROXIES", 0)
    if hops > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
