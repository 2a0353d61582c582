"""The editorial workflow: the moves between statuses (who may make them: ``roles``).

draft → in review → published (a future time schedules it) → unpublished; editors may
send an article back to draft with a note. Each move is a service that checks the
user's right, saves the article in a revision and records who, when, from, to and why.
The admin, bulk actions and scripts all go through here.
"""

import dataclasses
import datetime

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, ArticleNote, Transition
from articles.workflow.roles import can_edit, is_editor

Status = Article.Status

# A publication time this far in the past still counts as "now": the form took a moment.
PAST_LEEWAY = datetime.timedelta(minutes=1)

NOTE_REQUIRED = gettext_lazy("Say why in a note: the author will read it.")


@dataclasses.dataclass(frozen=True)
class Move:
    name: str
    label: str
    button: str
    sources: frozenset
    target: str
    editors_only: bool = True
    note_required: bool = False


MOVES = {
    move.name: move
    for move in [
        Move(
            "submit",
            gettext_lazy("Submit for review"),
            gettext_lazy("Save and submit for review"),
            frozenset({Status.DRAFT, Status.UNPUBLISHED}),
            Status.IN_REVIEW,
            editors_only=False,
        ),
        Move(
            "publish",
            gettext_lazy("Publish or schedule"),
            gettext_lazy("Save and publish or schedule"),
            # A scheduled article (published, future time) may be rescheduled.
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED, Status.PUBLISHED}),
            Status.PUBLISHED,
        ),
        Move(
            "unpublish",
            gettext_lazy("Unpublish"),
            gettext_lazy("Save and unpublish"),
            frozenset({Status.PUBLISHED}),
            Status.UNPUBLISHED,
        ),
        Move(
            "send_back",
            gettext_lazy("Send back to draft"),
            gettext_lazy("Save and send back to draft"),
            frozenset({Status.IN_REVIEW, Status.PUBLISHED, Status.UNPUBLISHED}),
            Status.DRAFT,
            note_required=True,
        ),
    ]
}


@dataclasses.dataclass
class Outcome:
    transition: Transition
    message: str


def allowed_moves(user, article):
    """The moves ``user`` may make on ``article`` now, for the admin's buttons."""
    moves = []
    for move in MOVES.values():
        if article.status not in move.sources:
            continue
        if move.name == "publish" and article.is_published:
            continue
        if move.editors_only and not is_editor(user):
            continue
        if not move.editors_only and not can_edit(user, article):
            continue
        moves.append(move)
    return moves


def check_move(move, *, user, article, current):
    """Raise unless ``user`` may make ``move`` on ``article``, whose stored status is ``current``.

    The moves check the locked row; the admin form checks the same before saving the edits.
    """
    if move.editors_only and not is_editor(user):
        raise PermissionDenied(
            _("Only editors can publish, schedule, unpublish or send back an article.")
        )
    # An article not saved yet is the one its writer is creating.
    if not move.editors_only and article.pk is not None and not can_edit(user, article):
        raise PermissionDenied(_("You cannot change this article."))
    if current not in move.sources or (move.name == "publish" and article.is_published):
        raise ValidationError(
            _("“%(action)s” is not possible for an article that is %(status)s.")
            % {"action": move.label, "status": Status(current).label.lower()},
            code="invalid_transition",
        )


def _move(move_name, *, article, user, note=""):
    move = MOVES[move_name]
    stored = (
        Article.objects.select_for_update()
        .filter(pk=article.pk)
        .values_list("status", "published_at")
        .first()
    )
    if stored is None:
        raise ValidationError(_("This article no longer exists."), code="missing")
    # Decide on the stored state, not whatever the caller's copy says.
    current, article.published_at = stored
    article.status = current
    note = (note or "").strip()
    check_move(move, user=user, article=article, current=current)
    if move.note_required and not note:
        raise ValidationError(NOTE_REQUIRED, code="note_required")
    return move, current, note


def _record(*, article, user, move, current, note, comment, publish_at=None):
    article.status = move.target
    article.full_clean()
    with reversion.create_revision():
        article.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
    return Transition.objects.create(
        article=article,
        from_status=current,
        to_status=move.target,
        by=user,
        note=note,
        publish_at=publish_at,
    )


def _plain_move(move_name, *, article, user, note, comment, message):
    """A move that only changes the status: checked, recorded, reported."""
    move, current, note = _move(move_name, article=article, user=user, note=note)
    transition = _record(
        article=article, user=user, move=move, current=current, note=note, comment=comment
    )
    return Outcome(transition, message)


@transaction.atomic
def submit_for_review(*, article, user, note=""):
    return _plain_move(
        "submit",
        article=article,
        user=user,
        note=note,
        comment=_("Submitted for review"),
        message=_("Submitted for review."),
    )


@transaction.atomic
def publish(*, article, user, at=None, note="", backdate=False):
    """Publish now, or at ``at``: a future time schedules, a past one publishes now.

    An unpublished article keeps its first publication time, so its URL does not change.
    ``backdate`` keeps a past ``at`` as it is: the story already ran then (demo content,
    archives of wire copy), which an editor's form never asks for.
    """
    move, current, note = _move("publish", article=article, user=user, note=note)
    now = timezone.now()
    message = None
    if at is None:
        keep = current == Status.UNPUBLISHED or (
            current == Status.PUBLISHED and article.published_at
        )
        at = article.published_at if keep and article.published_at else now
    elif at < now - PAST_LEEWAY and current != Status.UNPUBLISHED and not backdate:
        message = _("The publication time you chose (%(time)s) has passed: published now.") % {
            "time": date_format(timezone.localtime(at), "DATETIME_FORMAT")
        }
        at = now
    article.published_at = at
    if message is None:
        if at > now:
            message = _("Scheduled for %(time)s.") % {
                "time": date_format(timezone.localtime(at), "DATETIME_FORMAT")
            }
        else:
            message = _("Published.")
    transition = _record(
        article=article,
        user=user,
        move=move,
        current=current,
        note=note,
        comment=_("Scheduled") if at > now else _("Published"),
        publish_at=at,
    )
    return Outcome(transition, message)


@transaction.atomic
def unpublish(*, article, user, note=""):
    return _plain_move(
        "unpublish",
        article=article,
        user=user,
        note=note,
        comment=_("Unpublished"),
        message=_("Unpublished: readers no longer see it."),
    )


@transaction.atomic
def send_back(*, article, user, note):
    return _plain_move(
        "send_back",
        article=article,
        user=user,
        note=note,
        comment=_("Sent back to draft"),
        message=_("Sent back to draft with your note."),
    )


SERVICES = {
    "submit": submit_for_review,
    "publish": publish,
    "unpublish": unpublish,
    "send_back": send_back,
}


@transaction.atomic
def add_note(*, article, user, kind, text):
    """Add a dated correction or update to a published article; its modified time moves."""
    if not is_editor(user):
        raise PermissionDenied(_("Only editors add corrections and updates."))
    if article.status != Status.PUBLISHED:
        raise ValidationError(
            _("Corrections and updates are for published articles."), code="not_published"
        )
    note = ArticleNote(article=article, kind=kind, text=(text or "").strip(), created_by=user)
    note.full_clean()
    note.save()
    touch(article=article)
    return note


def touch(*, article):
    """Move the article's modified time (feeds and structured data read it)."""
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(updated_at=now)
    article.updated_at = now
