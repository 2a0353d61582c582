"""Who sees which picture.

Readers: the public ones (``Picture.objects.public()``). Staff: editors every
picture; a reporter the public ones, those they uploaded, and those of the
articles they write. The same rule answers the library's list in the admin, its
autocomplete, and ``/pictures/`` requests for a picture not public yet.
"""

from django.db.models import Exists, OuterRef, Q

from articles.models import Article, Picture
from articles.workflow.roles import is_editor


def _staff(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def visible_to(user, queryset=None):
    """The pictures ``user`` may see in the admin."""
    queryset = Picture.objects.all() if queryset is None else queryset
    if not _staff(user):
        return queryset.public()
    if is_editor(user):
        return queryset
    own_articles = Article.objects.filter(authors=user)
    return queryset.filter(
        Q(uploaded_by=user)
        | Q(pk__in=Picture.objects.public().values("pk"))
        | Q(Exists(own_articles.filter(lead_picture=OuterRef("pk"))))
        | Q(Exists(own_articles.filter(body_pictures=OuterRef("pk"))))
    )


def can_see(user, picture):
    """May ``user`` fetch ``picture``'s renditions before it is public?"""
    if not _staff(user):
        return False
    if is_editor(user) or (picture.uploaded_by_id and picture.uploaded_by_id == user.pk):
        return True
    return (
        Article.objects.filter(authors=user)
        .filter(Q(lead_picture=picture) | Q(body_pictures=picture))
        .exists()
    )


def can_change(user, picture):
    """Editors change every picture; a reporter their own uploads while no reader sees them.

    A public picture's alt text and caption are part of published articles,
    which only editors change.
    """
    if not _staff(user):
        return False
    if is_editor(user):
        return True
    return picture.uploaded_by_id == user.pk and not Picture.objects.is_public(picture.pk)
