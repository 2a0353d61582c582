"""The article form as the workflow sees it: roles, status moves, no lost edits."""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.forms import ArticleAdminForm
from articles.models import Article, author_name
from articles.workflow.history import diff_fields, last_change
from articles.workflow.moves import MOVES, NOTE_REQUIRED, check_move
from articles.workflow.roles import can_edit, is_editor

# Fields only editors set; the status itself only ever changes through a move.
EDITOR_ONLY_FIELDS = ["published_at", "schedule_at"]

# The buttons' moves: "publish" publishes now, "schedule" at the time chosen beside it.
BUTTON_MOVES = {"schedule": "publish"}


class LabelledSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, each with a label of its own."""

    template_name = "articles/widgets/split_datetime.html"


def version_token(updated_at):
    return updated_at.isoformat() if updated_at else ""


class WorkflowArticleForm(ArticleAdminForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    conflict_version = forms.CharField(widget=forms.HiddenInput, required=False)
    overwrite = forms.BooleanField(
        required=False,
        label=gettext_lazy("I have read the other changes: save my version over them"),
    )
    transition_note = forms.CharField(
        required=False,
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=gettext_lazy("Why this status change; required to send back to draft."),
    )
    schedule_at = forms.SplitDateTimeField(
        required=False,
        label=gettext_lazy("Publish on"),
        widget=LabelledSplitDateTime,
        help_text=gettext_lazy("Readers see the article from this time on."),
    )

    # Set by the admin's get_form: who is filling the form in.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.requested_move = None
        self.schedule_at = None
        if self.instance.pk:
            self.fields["version"].initial = version_token(self.instance.updated_at)

    @property
    def original_status(self):
        return self.instance.status if self.instance.pk else Article.Status.DRAFT

    def clean(self):
        cleaned = super().clean()
        self.requested_move = None
        self._check_role()
        self._check_move(cleaned)
        if self.instance.pk and "version" in self.data:
            # Browsers always send the token the page was rendered with; scripts that
            # post without one are not a second editor's stale page.
            self._check_conflict(cleaned)
        return cleaned

    def _check_role(self):
        """What the form does not offer cannot come in by hand either."""
        if not is_editor(self.user):
            status = self.data.get("status")
            if status is not None and status != self.original_status:
                raise ValidationError(
                    _(
                        "Reporters cannot publish or change the status: submit the article "
                        "for review and an editor will publish it."
                    ),
                    code="status_by_hand",
                )
            if any(
                key.startswith(field) and self.data.get(key)
                for key in self.data
                for field in EDITOR_ONLY_FIELDS
            ):
                raise ValidationError(
                    _("Only editors set the publication time."), code="published_at_by_hand"
                )
        if self.instance.pk and not can_edit(self.user, self.instance):
            raise ValidationError(_("You cannot change this article."), code="not_allowed")

    def _check_move(self, cleaned):
        self.schedule_at = None
        button = self.data.get("_transition")
        if not button:
            return
        move = MOVES.get(BUTTON_MOVES.get(button, button))
        if move is None:
            raise ValidationError(_("Unknown status change."), code="unknown_move")
        try:
            check_move(move, user=self.user, article=self.instance, current=self.original_status)
        except PermissionDenied as error:
            raise ValidationError(str(error), code="not_allowed") from None
        if move.note_required and not (cleaned.get("transition_note") or "").strip():
            self.add_error("transition_note", NOTE_REQUIRED)
        at = None
        if button == "schedule":
            at = cleaned.get("schedule_at")
            if at is None and "schedule_at" not in self.errors:
                self.add_error("schedule_at", _("Choose the day and time of publication."))
            elif at is not None and at <= timezone.now():
                self.add_error(
                    "schedule_at",
                    _("This time has passed: choose a later one, or use “Publish now”."),
                )
                at = None
            if at is None:
                return
        self.schedule_at = at
        self.requested_move = move
        if move.name == "publish":
            self._check_address_free(cleaned, at or timezone.now())

    def _check_address_free(self, cleaned, at):
        """Refuse before saving anything: the address of the article would be another's."""
        slug = cleaned.get("slug", self.instance.slug)
        if self.original_status == Article.Status.UNPUBLISHED and self.instance.published_at:
            at = self.instance.published_at  # it comes back at its first address
        clash = (
            Article.objects.exclude(pk=self.instance.pk)
            .filter(slug=slug, published_at__date=timezone.localdate(at))
            .exists()
        )
        if slug and clash:
            self.add_error(
                "slug",
                ValidationError(
                    _("Another article published the same day already uses this slug."),
                    code="slug_taken",
                ),
            )

    def _check_conflict(self, cleaned):
        # Locked until the admin's transaction ends: two saves at the same instant
        # cannot both pass the check (the admin validates inside its transaction).
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values("updated_at", "title", "standfirst", "body")
            .first()
        )
        if current is None:
            raise ValidationError(_("This article was deleted meanwhile."), code="deleted")
        token = version_token(current["updated_at"])
        if cleaned.get("version") == token:
            return
        if cleaned.get("overwrite") and cleaned.get("conflict_version") == token:
            return
        user, when = last_change(self.instance)
        # Notes move the modified time without a revision of the text.
        note = self.instance.notes.select_related("created_by").order_by("-created_at").first()
        if note and (when is None or note.created_at > when):
            user, when = note.created_by, note.created_at
        when = when or current["updated_at"]
        name = author_name(user) if user else _("someone else")
        self.conflict = {
            "user": name,
            "at": when,
            "diffs": diff_fields(current, {**current, **cleaned}),
        }
        # The next save may overwrite, but only this version and only if asked to.
        data = self.data.copy()
        data["conflict_version"] = token
        data["overwrite"] = ""
        self.data = data
        raise ValidationError(
            _(
                "%(user)s changed this article on %(time)s, after you opened it. Nothing was "
                "saved; your text is still in the form. Compare below, then save again ticking "
                "“save my version”, or reload the page to start from theirs."
            )
            % {
                "user": name,
                "time": date_format(timezone.localtime(when), "DATETIME_FORMAT"),
            },
            code="conflict",
        )
