"""Small factories: each makes one valid object, with keyword overrides."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles import services
from articles.models import Article, Country, Leader
from articles.suggest.article_subjects import set_subjects

_counter = itertools.count(1)


def make_user(*, username=None, staff=False, permissions=(), **fields):
    username = username or f"user{next(_counter)}"
    user = get_user_model().objects.create_user(
        username=username, password="correct horse battery", is_staff=staff, **fields
    )
    for codename in permissions:
        app_label, perm = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=perm)
        )
    return user


EDITOR_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [
        ("articles", "article"),
        ("articles", "country"),
        ("articles", "leader"),
        ("articles", "tag"),
        ("articles", "picture"),
    ]
    for action in ("add", "change", "delete", "view")
] + ["articles.publish_article", "auth.view_user"]


def make_editor(**fields):
    user = make_user(staff=True, permissions=EDITOR_PERMISSIONS, **fields)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def make_reporter(**fields):
    """A member of the Reporter group, as the workflow migration defines it."""
    user = make_user(staff=True, **fields)
    user.groups.add(Group.objects.get(name="Reporter"))
    return user


def country(code):
    return Country.objects.get(code=code)


def make_leader(*, name=None, country_code="RU", **fields):
    name = name or f"Leader {next(_counter)}"
    fields.setdefault("slug", f"leader-{next(_counter)}")
    return Leader.objects.create(name=name, country=country(country_code), **fields)


def make_article(
    *,
    title=None,
    status=Article.Status.PUBLISHED,
    published_at=None,
    authors=None,
    countries=(),
    leaders=(),
    tags=(),
    subjects=(),
    **fields,
):
    """``subjects``: the main subject first, as ISO codes, countries or leaders."""
    n = next(_counter)
    title = title or f"Article numéro {n}"
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("body", f"<p>Corps de l’article {n}.</p>")
    fields.setdefault("standfirst", f"Chapeau de l’article {n}.")
    if status == Article.Status.PUBLISHED and published_at is None:
        published_at = timezone.now() - datetime.timedelta(hours=n)
    article = Article.objects.create(
        title=title, status=status, published_at=published_at, **fields
    )
    article.authors.set(authors or [make_user()])
    article.countries.set([country(c) if isinstance(c, str) else c for c in countries])
    article.leaders.set(leaders)
    if tags:
        services.set_tags(article=article, names=list(tags))
    if subjects:
        set_subjects(article=article, subjects=[subject_key(s) for s in subjects])
    return article


def subject_key(subject):
    if isinstance(subject, str):
        subject = country(subject)
    return ("country" if isinstance(subject, Country) else "leader", subject.pk)


def image_bytes(size=(64, 48), fmt="PNG", colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


def uploaded_image(name="picture.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")
