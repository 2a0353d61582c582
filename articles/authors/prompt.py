"""The admin asks for a byline: after signing in, and on the desk until it is given.

Signing in from the admin's own page (no other destination asked for) leads to
"My byline" when the person has no profile yet; its "Later" link goes on to the
desk, which keeps a reminder. A sign-in bound elsewhere (?next=…) goes there: the
prompt never stands between an editor and the article they opened.
"""

from django.urls import reverse
from django.utils.http import urlencode

from articles.models import profile_of


class BylinePromptMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "POST" or response.status_code != 302:
            return response
        login, desk = reverse("admin:login"), reverse("admin:index")
        if request.path != login or response.get("Location") != desk:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_staff and needs_profile(user):
            mine = reverse("admin:articles_authorprofile_mine")
            response["Location"] = f"{mine}?{urlencode({'next': desk})}"
        return response


def needs_profile(user):
    return user.is_authenticated and user.is_staff and profile_of(user) is None
