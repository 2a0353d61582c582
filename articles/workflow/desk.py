"""The editor's desk on the admin index: what needs the signed-in user's attention.

Four lists, one query each, whatever their length.
"""

import datetime

from django.utils import timezone

from articles.models import Article
from articles.workflow.roles import is_editor

DESK_SIZE = 10
_COLUMNS = ["pk", "title", "status", "published_at", "updated_at"]


def desk_for(user, *, now=None, size=DESK_SIZE):
    """{section: [articles]} for ``user``; reporters only see their own articles."""
    now = now or timezone.now()
    mine = Article.objects.filter(authors=user)
    scope = Article.objects.all() if is_editor(user) else mine
    Status = Article.Status
    return {
        "drafts": list(
            mine.filter(status=Status.DRAFT).only(*_COLUMNS).order_by("-updated_at")[:size]
        ),
        "in_review": list(
            scope.filter(status=Status.IN_REVIEW).only(*_COLUMNS).order_by("updated_at")[:size]
        ),
        "scheduled": list(
            scope.filter(
                status=Status.PUBLISHED,
                published_at__gt=now,
                published_at__lte=now + datetime.timedelta(hours=24),
            )
            .only(*_COLUMNS)
            .order_by("published_at")[:size]
        ),
        "published": list(
            Article.objects.published().only(*_COLUMNS).order_by("-published_at")[:size]
        ),
    }
