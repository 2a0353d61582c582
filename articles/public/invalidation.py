"""What bumps page stamps: changes to articles, their notes, subjects and authors.

Stamps move when the transaction commits (``on_commit``): a page rendered in
between would otherwise be cached under the new version with the old content.
Keys are worked out at commit time, from what was committed, so an article saved
and then given its subjects in one transaction bumps the pages of those subjects.

Only what readers may see counts: a draft's edits bump nothing; a publication,
an edit of a published article and an unpublication bump the article, the latest
articles, and each subject and author page listing it. A scheduled article
registers its time on the same stamps, which move when it comes (``stamps.read``).
"""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from articles.models import (
    Article,
    ArticleNote,
    AuthorProfile,
    Country,
    Leader,
    Picture,
    Tag,
    TaggedArticle,
)
from articles.public import stamps
from articles.public.stamps import LATEST, Kind

PUBLISHED = Article.Status.PUBLISHED
NAME_FIELDS = {
    Country: ("name", "slug"),
    Leader: ("name", "slug"),
    Tag: ("name", "slug"),
}
USER_NAME_FIELDS = ("first_name", "last_name", "username")


def on_commit(func):
    # Module-level so that tests can run callbacks at once (see the conftest).
    transaction.on_commit(func)


def flush_article(article_id, extra_keys=(), was_live=False):
    """After commit: bump (or schedule) everything showing ``article_id``."""
    row = Article.objects.filter(pk=article_id).values("status", "published_at").first()
    published = row is not None and row["status"] == PUBLISHED and row["published_at"]
    live = bool(published and row["published_at"] <= timezone.now())
    if not (live or was_live or published):
        return
    keys = stamps.article_keys(article_id) | set(extra_keys)
    if live or was_live:
        stamps.bump(keys)
    if published and not live:
        stamps.schedule(keys, row["published_at"])


def _is_live(status, published_at):
    return status == PUBLISHED and published_at is not None and published_at <= timezone.now()


@receiver(pre_save, sender=Article)
def _remember_article_state(sender, instance, raw=False, **kwargs):
    instance._stamps_was_live = False
    if instance.pk and not raw:
        before = Article.objects.filter(pk=instance.pk).values("status", "published_at").first()
        instance._stamps_was_live = bool(before) and _is_live(**before)


@receiver(post_save, sender=Article)
def _article_saved(sender, instance, raw=False, **kwargs):
    was_live = getattr(instance, "_stamps_was_live", False)
    if raw or not (was_live or instance.status == PUBLISHED):
        return
    on_commit(partial(flush_article, instance.pk, was_live=was_live))


@receiver(pre_delete, sender=Article)
def _article_deleting(sender, instance, **kwargs):
    instance._stamps_keys = (
        stamps.article_keys(instance.pk) if instance.status == PUBLISHED else set()
    )


@receiver(post_delete, sender=Article)
def _article_deleted(sender, instance, **kwargs):
    keys = getattr(instance, "_stamps_keys", set())
    if keys:
        on_commit(partial(stamps.bump, keys))


SUBJECT_KINDS = {
    Article.countries.through: Kind.COUNTRY,
    Article.leaders.through: Kind.LEADER,
    Article.authors.through: Kind.AUTHOR,
    TaggedArticle: Kind.TAG,
}


def _relation_changed(sender, instance, action, reverse, pk_set, **kwargs):
    kind = SUBJECT_KINDS[sender]
    if action == "pre_clear":
        # Cleared rows are gone after the fact: note whom they linked first.
        through, article_column, subject_column = stamps.RELATIONS[kind]
        if reverse:
            instance._stamps_cleared = set(
                through.objects.filter(**{subject_column: instance.pk}).values_list(
                    article_column, flat=True
                )
            )
        else:
            instance._stamps_cleared = set(
                through.objects.filter(**{article_column: instance.pk}).values_list(
                    subject_column, flat=True
                )
            )
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    ids = set(pk_set or ()) | (
        getattr(instance, "_stamps_cleared", set()) if action == "post_clear" else set()
    )
    if not reverse:
        # Article side: the article's pages and those of the subjects it gained or lost.
        if instance.status == PUBLISHED and ids:
            extra = {(kind, pk) for pk in ids}
            on_commit(
                partial(
                    flush_article,
                    instance.pk,
                    extra,
                    _is_live(instance.status, instance.published_at),
                )
            )
        return
    # Subject side: ``ids`` are articles.
    live = list(Article.objects.filter(pk__in=ids, status=PUBLISHED).values_list("pk", flat=True))
    for article_id in live:
        on_commit(partial(flush_article, article_id, {(kind, instance.pk)}, True))


for _through in SUBJECT_KINDS:
    m2m_changed.connect(_relation_changed, sender=_through, dispatch_uid=f"stamps-{_through}")


@receiver(post_save, sender=ArticleNote)
@receiver(post_delete, sender=ArticleNote)
def _note_changed(sender, instance, **kwargs):
    on_commit(partial(flush_article, instance.article_id, (), True))


def shown_with(kind, object_id):
    """Keys of the pages that may show the name of ``(kind, object_id)``: its own, the
    latest articles, and those of the subjects and authors it appears with. Article
    pages need no bump: they read the stamps of their subjects and authors."""
    lookup = stamps.ARTICLE_LOOKUPS[kind]
    articles = Article.objects.filter(status=PUBLISHED, **{lookup: object_id}).values("pk")
    return {(kind, object_id), LATEST, *stamps.subject_keys(articles)}


def _remember_names(sender, instance, raw=False, **kwargs):
    instance._stamps_renamed = False
    if raw or not instance.pk:
        return
    fields = NAME_FIELDS[sender]
    before = sender.objects.filter(pk=instance.pk).values(*fields).first()
    instance._stamps_renamed = bool(before) and any(
        before[field] != getattr(instance, field) for field in fields
    )


def _subject_saved(kind, sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return  # nothing shows a subject before an article is about it
    if getattr(instance, "_stamps_renamed", False):
        on_commit(lambda: stamps.bump(shown_with(kind, instance.pk)))
    else:
        on_commit(partial(stamps.bump, {(kind, instance.pk)}))


def _subject_deleting(kind, sender, instance, **kwargs):
    instance._stamps_keys = shown_with(kind, instance.pk)


def _subject_deleted(sender, instance, **kwargs):
    on_commit(partial(stamps.bump, getattr(instance, "_stamps_keys", set())))


for _model, _kind in [(Country, Kind.COUNTRY), (Leader, Kind.LEADER), (Tag, Kind.TAG)]:
    pre_save.connect(_remember_names, sender=_model, dispatch_uid=f"stamps-names-{_kind}")
    post_save.connect(partial(_subject_saved, _kind), sender=_model, weak=False)
    pre_delete.connect(partial(_subject_deleting, _kind), sender=_model, weak=False)
    post_delete.connect(_subject_deleted, sender=_model, weak=False)


@receiver(pre_save, sender=get_user_model())
def _remember_user_name(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._stamps_renamed = False
    if raw or not instance.pk:
        return
    if update_fields is not None and not set(update_fields) & set(USER_NAME_FIELDS):
        return  # a login stamps last_login only
    before = sender.objects.filter(pk=instance.pk).values(*USER_NAME_FIELDS).first()
    instance._stamps_renamed = bool(before) and any(
        before[field] != getattr(instance, field) for field in USER_NAME_FIELDS
    )


@receiver(post_save, sender=get_user_model())
def _user_saved(sender, instance, **kwargs):
    if getattr(instance, "_stamps_renamed", False):
        on_commit(lambda: stamps.bump(shown_with(Kind.AUTHOR, instance.pk)))


@receiver(post_save, sender=AuthorProfile)
@receiver(post_delete, sender=AuthorProfile)
def _profile_changed(sender, instance, raw=False, **kwargs):
    # Bylines print the profile's display name: every page that shows the author.
    if not raw:
        on_commit(lambda: stamps.bump(shown_with(Kind.AUTHOR, instance.user_id)))


@receiver(post_save, sender=Picture)
def _picture_saved(sender, instance, created=False, raw=False, **kwargs):
    if created or raw:
        return
    on_commit(partial(bump_picture, instance.pk))


def bump_picture(picture_id):
    """A picture's caption, credit or crop changed: the pages showing it."""
    ids = list(
        Article.objects.filter(status=PUBLISHED)
        .filter(Q(lead_picture=picture_id) | Q(body_pictures=picture_id))
        .values_list("pk", flat=True)
        .distinct()
    )
    portraits = Leader.objects.filter(portrait=picture_id).values_list("pk", flat=True)
    keys = {(Kind.LEADER, pk) for pk in portraits}
    if ids:
        keys |= {LATEST, *((Kind.ARTICLE, pk) for pk in ids), *stamps.subject_keys(ids)}
    stamps.bump(keys)
