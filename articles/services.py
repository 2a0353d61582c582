"""Multi-step writes: tagging, merging tags, the baseline revision (publishing: workflow.moves).

Views, the admin and management commands call these rather than saving models
themselves, so the rules hold whoever acts.
"""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, Tag, TaggedArticle
from articles.text import fold, folded_slug
from articles.workflow.history import save_baseline_revision

TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


def normalize_tag_names(names):
    """Clean a list of tag names typed by an editor.

    Names differing only in case or accents become one; a name matching an
    existing tag that way takes the existing spelling. Raises ValidationError
    for names that are too long.
    """
    cleaned = []
    too_long = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        if len(name) > TAG_MAX_LENGTH:
            too_long.append(name)
            continue
        cleaned.append(name)
    if too_long:
        raise ValidationError(
            _("Tags are at most %(max)d characters; shorten: %(names)s")
            % {"max": TAG_MAX_LENGTH, "names": ", ".join(f"« {n[:40]}… »" for n in too_long)},
            code="tag_too_long",
        )
    slugs = {folded_slug(name) for name in cleaned}
    existing = {tag.slug: tag.name for tag in Tag.objects.filter(slug__in=slugs)}
    result, seen = [], set()
    for name in cleaned:
        key = fold(name)
        if key in seen:
            continue
        seen.add(key)
        result.append(existing.get(folded_slug(name), name))
    return result


@transaction.atomic
def set_tags(*, article, names):
    """Replace the tags of ``article`` by ``names`` (normalised, created if new)."""
    names = normalize_tag_names(names)
    article.tags.set(names)
    return names


@transaction.atomic
def merge_tags(*, survivor, others, user=None):
    """Fold ``others`` into ``survivor``: every article they tagged keeps its coverage.

    Each article whose tags change gets a revision (after a baseline of how it was, if
    it had none) and a new ``updated_at``, so feeds and partners see the change.
    Returns the number of articles that gained the survivor tag.
    """
    others = [tag for tag in others if tag.pk != survivor.pk]
    if not others:
        return 0
    other_ids = [tag.pk for tag in others]
    article_ids = set(
        TaggedArticle.objects.filter(tag_id__in=other_ids).values_list(
            "content_object_id", flat=True
        )
    )
    for article in Article.objects.filter(pk__in=article_ids):
        save_baseline_revision(article=article)
    already = set(
        TaggedArticle.objects.filter(tag=survivor, content_object_id__in=article_ids).values_list(
            "content_object_id", flat=True
        )
    )
    TaggedArticle.objects.filter(tag_id__in=other_ids).delete()
    TaggedArticle.objects.bulk_create(
        TaggedArticle(tag=survivor, content_object_id=article_id)
        for article_id in sorted(article_ids - already)
    )
    Tag.objects.filter(pk__in=other_ids).delete()
    with reversion.create_revision():
        for article in Article.objects.filter(pk__in=article_ids):
            article.save(update_fields=["updated_at"])
            reversion.add_to_revision(article)
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(
            _("Tags %(others)s merged into “%(name)s”")
            % {"others": ", ".join(f"“{tag.name}”" for tag in others), "name": survivor.name}
        )
    return len(article_ids - already)
