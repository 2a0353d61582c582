"""Revisions of articles (django-reversion): word-level diffs, restore, recover deleted.

Every admin save and every workflow move stores a revision of the article with its
countries, leaders and tags (followed through ``tagged_items``), so a restore brings
back the subjects too, and says which ones were deleted since.
"""

import difflib
import json
import re

import reversion
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

from articles.html import html_to_text
from articles.models import Article, Country, Leader, Picture, Tag, TaggedArticle
from articles.workflow.roles import is_editor

# What a restore brings back. Status and publication time are the workflow's business:
# restoring an old text never publishes or unpublishes anything.
RESTORED_FIELDS = [
    "title",
    "slug",
    "standfirst",
    "body",
    "language",
    "dateline",
    "credit",
    "lead_picture_id",
]
DIFFED_FIELDS = [("title", "headline"), ("standfirst", "standfirst"), ("body", "body")]

_TOKENS = re.compile(r"\s+|\w+(?:[’'-]\w+)*|[^\w\s]")


def _restorable(version):
    """The fields ``version`` stored when it was saved, by attribute name.

    A field added since (the lead picture, for revisions from before the picture
    library) is left as the article has it, not emptied; a picture deleted since is
    reported and left too.
    """
    fields = version.field_dict
    try:
        stored = set(json.loads(version.serialized_data)[0]["fields"])
    except (ValueError, KeyError, IndexError, TypeError):
        stored = {name.removesuffix("_id") for name in fields}
    fields = {name: value for name, value in fields.items() if name.removesuffix("_id") in stored}
    problems = []
    picture_id = fields.get("lead_picture_id")
    if picture_id is not None and not Picture.objects.filter(pk=picture_id).exists():
        del fields["lead_picture_id"]
        problems.append(
            _("The lead picture of that version was deleted since; it was not restored.")
        )
    return fields, problems


def register_models():
    """Called from ``ArticlesConfig.ready``: what a revision of an article holds."""
    for model in (Country, Leader, Tag):
        if not reversion.is_registered(model):
            reversion.register(model)
    if not reversion.is_registered(TaggedArticle):
        reversion.register(TaggedArticle, follow=["tag"])
    if not reversion.is_registered(Article):
        reversion.register(Article, follow=["countries", "leaders", "tagged_items"])


def _words(text):
    """Words (or punctuation) each with the spaces after it: spaces travel with their word."""
    words = []
    for token in _TOKENS.findall(text or ""):
        if token.isspace() and words:
            words[-1] += token
        else:
            words.append(token)
    return words


def _trailing_space(word):
    return word[len(word.rstrip()) :]


def word_diff(old, new):
    """HTML of ``new`` against ``old``, word by word: removed in <del>, added in <ins>.

    Words are compared without their spaces and keep the spaces that followed them
    in either text, and what was removed is set off from what replaced it: a diff
    reads "<del>Ce</del> <ins>Le brouillon</ins> président", never "CeLe brouillonprésident".
    """
    a, b = _words(old), _words(new)
    parts = []
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in a], [w.strip() for w in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            *words, last = b[j1:j2]
            last_old = a[i2 - 1]
            space = max(_trailing_space(last), _trailing_space(last_old), key=len)
            parts.append(escape("".join(words) + last.rstrip() + space))
            continue
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        changes = []
        if removed.strip():
            changes.append(format_html("<del>{}</del>", removed.strip()))
        if added.strip():
            changes.append(format_html("<ins>{}</ins>", added.strip()))
        parts.append(" ".join(changes) + _trailing_space(added or removed))
    return mark_safe("".join(parts))  # noqa: S308 -- every piece above is escaped


def diff_fields(old, new):
    """[(label, diff HTML, changed)] for headline, standfirst and body of two field dicts."""
    rows = []
    for name, _label in DIFFED_FIELDS:
        before, after = old.get(name) or "", new.get(name) or ""
        if name == "body":
            # Compared as text, one paragraph a line.
            before, after = html_to_text(before).strip(), html_to_text(after).strip()
        label = Article._meta.get_field(name).verbose_name
        rows.append((label, word_diff(before, after), before != after))
    return rows


def versions_of(article):
    """Revisions of ``article``, newest first, with their author: one query."""
    return Version.objects.get_for_object(article).select_related("revision__user")


def last_change(article):
    """(user, time) of the last revision of ``article`` someone made, or (None, None)."""
    version = (
        versions_of(article)
        .filter(revision__user__isnull=False)
        .only("revision__date_created", "revision__user")
        .first()
    )
    if version is None:
        return None, None
    return version.revision.user, version.revision.date_created


def _revision_names(version, model):
    """{pk: name} of the ``model`` objects stored in the same revision as ``version``."""
    return {
        str(v.object_id): v.object_repr
        for v in version.revision.version_set.get_for_model(model).only("object_id", "object_repr")
    }


def _tag_ids(version, article_pk):
    ids = []
    for tagged in version.revision.version_set.get_for_model(TaggedArticle):
        fields = tagged.field_dict
        if str(fields.get("content_object_id")) == str(article_pk):
            ids.append(fields["tag_id"])
    return ids


def _apply_relations(*, article, version):
    """Set countries, leaders, authors and tags from ``version``; list what is gone."""
    fields = version.field_dict
    problems = []
    for name, model, message in [
        ("countries", Country, _("The country “%(name)s” was deleted since; it was not restored.")),
        ("leaders", Leader, _("The leader “%(name)s” was deleted since; it was not restored.")),
        (
            "authors",
            get_user_model(),
            _("The author “%(name)s” was deleted since; it was not restored."),
        ),
    ]:
        wanted = [int(pk) for pk in fields.get(name, [])]
        found = list(model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True))
        getattr(article, name).set(found)
        missing = sorted(set(wanted) - set(found))
        if missing:
            names = _revision_names(version, model)
            for pk in missing:
                problems.append(message % {"name": names.get(str(pk), f"#{pk}")})
    wanted_tags = [int(pk) for pk in _tag_ids(version, version.object_id)]
    tags = list(Tag.objects.filter(pk__in=wanted_tags))
    article.tags.set(tags)
    missing_tags = sorted(set(wanted_tags) - {tag.pk for tag in tags})
    if missing_tags:
        names = _revision_names(version, Tag)
        for pk in missing_tags:
            problems.append(
                _("The tag “%(name)s” was deleted since; it was not restored.")
                % {"name": names.get(str(pk), f"#{pk}")}
            )
    return problems


@transaction.atomic
def restore(*, article, version, user):
    """Bring ``article`` back to ``version``; the restore is itself a new revision.

    Returns the list of things that could not be restored (deleted subjects).
    """
    if not is_editor(user):
        raise PermissionDenied(_("Only editors restore revisions."))
    if version.content_type.model_class() is not Article or str(version.object_id) != str(
        article.pk
    ):
        raise ValidationError(_("This revision belongs to another article."), code="mismatch")
    fields, problems = _restorable(version)
    for name in RESTORED_FIELDS:
        if name == "slug" and article.status == Article.Status.PUBLISHED:
            continue  # a published article keeps its address
        if name in fields:
            setattr(article, name, fields[name])
    article.full_clean()
    with reversion.create_revision():
        article.save()
        problems += _apply_relations(article=article, version=version)
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(
            _("Restored the version of %(date)s")
            % {
                "date": date_format(
                    timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
                )
            }
        )
    return problems


def deleted_versions():
    """The last revision of every deleted article, newest deletion first."""
    return Version.objects.get_deleted(Article).select_related("revision__user")


@transaction.atomic
def recover(*, version, user):
    """Recreate a deleted article from its last revision, as a draft.

    Returns (article, problems).
    """
    if not is_editor(user):
        raise PermissionDenied(_("Only editors recover deleted articles."))
    if Article.objects.filter(pk=version.object_id).exists():
        raise ValidationError(_("This article was not deleted."), code="exists")
    fields, problems = _restorable(version)
    article = Article(pk=int(version.object_id))
    for name in [*RESTORED_FIELDS, "published_at", "created_at"]:
        if name in fields:
            setattr(article, name, fields[name])
    # It comes back off the site: an editor decides when it goes out again.
    article.status = Article.Status.DRAFT
    article.full_clean(validate_unique=False)
    with reversion.create_revision():
        article.save(force_insert=True)
        problems += _apply_relations(article=article, version=version)
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(_("Recovered after deletion"))
    return article, problems


def save_deletion_revision(*, articles, user):
    """Store the state of ``articles`` just before they are deleted, so they can be recovered."""
    with reversion.create_revision():
        for article in articles:
            reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(_("Deleted"))


def save_baseline_revision(*, article, comment=None):
    """Store ``article`` as it is, dated from its last change, if it has no revision yet.

    Articles made before the workflow, by imports or scripts have none; without this
    their first admin save would be the oldest state anyone could restore.
    """
    if versions_of(article).exists():
        return False
    with reversion.create_revision():
        reversion.add_to_revision(article)
        reversion.set_comment(comment or _("As it was before its first revision"))
        if article.updated_at:
            reversion.set_date_created(article.updated_at)
    return True
