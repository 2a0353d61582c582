"""Who may do what to an article: the Reporter and Editor groups, checked per object.

Editors (the ``articles.publish_article`` permission) publish, schedule, unpublish and
edit every article; reporters write, and edit their own articles while not published.
The moves, the admin and the desk all ask here.
"""

from articles.models import Article

REPORTER_GROUP = "Reporter"
EDITOR_GROUP = "Editor"
PUBLISH_PERMISSION = "articles.publish_article"


def is_editor(user):
    """Editors publish, schedule, unpublish and edit every article."""
    return bool(user and user.is_authenticated and user.is_active) and user.has_perm(
        PUBLISH_PERMISSION
    )


def is_author(user, article):
    if not (user and user.is_authenticated) or article.pk is None:
        return False
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "authors" in cache:
        return any(author.pk == user.pk for author in cache["authors"])
    return article.authors.filter(pk=user.pk).exists()


def can_view(user, article):
    """Editors see every article; reporters only those they author."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    if is_editor(user):
        return True
    return (
        user.has_perm("articles.view_article") or user.has_perm("articles.change_article")
    ) and is_author(user, article)


def can_edit(user, article):
    """Editors edit everything; a reporter edits their own articles while not published."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    if not user.has_perm("articles.change_article"):
        return False
    if is_editor(user):
        return True
    return article.status != Article.Status.PUBLISHED and is_author(user, article)
