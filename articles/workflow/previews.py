"""Previews of unpublished articles: in the admin, and by signed share links.

A share link carries a signed, timestamped reference to one ``PreviewLink`` row and
its article; it works without an account until it expires (48 hours by default,
``PREVIEW_LINK_HOURS``) or is revoked, and shows the article only while it is not
live. Once the article is live the link leads to the public page; once it has been
published or unpublished since the link was made, the link is dead: a preview never
shows what readers were just denied. Bad, expired, revoked and dead tokens get the
plain 404 page: nothing says which article it was.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db.models import F, Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.static import serve

from articles.models import Article, PreviewLink, Transition
from articles.public.views import related_articles

SALT = "articles.previews.share"  # signed links outlive the module path


def link_lifetime():
    return datetime.timedelta(hours=getattr(settings, "PREVIEW_LINK_HOURS", 48))


def create_link(*, article, user, lifetime=None):
    """A new share link for ``article``; returns (link, token)."""
    now = timezone.now()
    link = PreviewLink.objects.create(
        article=article,
        created_by=user,
        created_at=now,
        expires_at=now + (lifetime or link_lifetime()),
    )
    return link, make_token(link)


def make_token(link):
    return signing.dumps({"l": link.pk, "a": link.article_id}, salt=SALT, compress=False)


def share_url(request, token):
    return request.build_absolute_uri(reverse("articles:preview", kwargs={"token": token}))


def revoke(*, link):
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def article_for_token(token):
    """The article a valid, live token points to; Http404 for anything else."""
    try:
        payload = signing.loads(
            token, salt=SALT, max_age=link_lifetime() + datetime.timedelta(minutes=5)
        )
        link_pk, article_pk = int(payload["l"]), int(payload["a"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404 from None
    link = (
        PreviewLink.objects.filter(
            pk=link_pk,
            article_id=article_pk,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .only("article_id", "created_at")
        .first()
    )
    if link is None:
        raise Http404
    article = preview_queryset().get(pk=link.article_id)
    if not article.is_published and published_or_unpublished_since(link):
        raise Http404
    return article


def published_or_unpublished_since(link):
    """Whether the article went out (not merely scheduled) or was withdrawn after ``link``."""
    return Transition.objects.filter(
        Q(to_status=Article.Status.UNPUBLISHED)
        | Q(to_status=Article.Status.PUBLISHED, publish_at__lte=F("at")),
        article_id=link.article_id,
        at__gt=link.created_at,
    ).exists()


def preview_queryset():
    """Articles as the public article page loads them, whatever their status."""
    return Article.objects.for_page()


def private(response):
    """Never cached anywhere, never indexed, the token never sent on by a link."""
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def render_preview(request, article, *, shared, token=None):
    """The public article page for ``article``, with a "not published" banner."""
    context = {
        "article": article,
        # Readers' media URLs refuse unpublished pictures; a share link brings its own.
        "lead_image_url": (
            reverse("articles:preview_picture", kwargs={"token": token})
            if token and article.lead_image
            else ""
        ),
        "object": article,
        "related_articles": related_articles(article),
        "preview": True,
        "shared_preview": shared,
    }
    response = TemplateResponse(request, "articles/article_preview.html", context)
    with translation.override(article.language):
        response.render()
    response.headers["Content-Language"] = article.language
    return private(response)


def shared_preview(request, token):
    article = article_for_token(token)
    if article.is_published:
        # What readers see, where they see it: no "not published" page for a live article.
        return private(HttpResponseRedirect(article.get_absolute_url()))
    return render_preview(request, article, shared=True, token=token)


def shared_picture(request, token):
    """The lead picture of a shared preview, which /media/ does not serve before publication."""
    article = article_for_token(token)
    if not article.lead_image:
        raise Http404
    if article.is_published:
        return private(HttpResponseRedirect(article.lead_image.url))
    response = serve(request, article.lead_image.name, document_root=settings.MEDIA_ROOT)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return private(response)
