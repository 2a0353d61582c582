"""The article admin's workflow: roles on every view, status moves, notes, revisions on save.

``ArticleAdmin`` (in ``articles.admin``) mixes this in. Roles are checked per object
in the ``has_*_permission`` methods, which Django's admin consults on every view and
action, and the queryset a reporter works on holds only their own articles.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles.models import ArticleNote
from articles.workflow import moves as workflow
from articles.workflow import roles
from articles.workflow.forms import WorkflowArticleForm
from articles.workflow.history import save_baseline_revision, save_deletion_revision


class NoteForm(forms.ModelForm):
    class Meta:
        model = ArticleNote
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60})}


def article_or_refuse(model_admin, request, object_id, allowed):
    """The article ``object_id``: 404 if there is none, 403 unless ``allowed(user, article)``."""
    article = model_admin.get_object(request, object_id)
    if article is None:
        raise Http404(_("No such article."))
    if not allowed(request.user, article):
        raise PermissionDenied
    return article


def workflow_state(article):
    """Where ``article`` stands, for the form's publication box and the list."""
    if article is None or article.pk is None:
        return {"key": "draft", "label": _("Draft"), "since": None}
    if article.status == article.Status.PUBLISHED and not article.is_published:
        return {"key": "scheduled", "label": _("Scheduled"), "since": article.published_at}
    since = article.published_at if article.status == article.Status.PUBLISHED else None
    return {"key": article.status, "label": article.get_status_display(), "since": since}


# Set on the request once the article is saved: a POST without it wrote nothing to keep.
SAVED_FLAG = "_newsroom_article_saved"


class WorkflowAdminMixin:
    form = WorkflowArticleForm
    change_form_template = "admin/articles/article/change_form.html"

    # Permissions: Django's admin asks these on every view, action and inline.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not roles.is_editor(request.user):
            queryset = queryset.filter(authors=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or roles.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return roles.is_editor(request.user) and super().has_delete_permission(request, obj)

    def get_list_display(self, request):
        return [
            "workflow_state" if name == "status" else name
            for name in super().get_list_display(request)
        ]

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_state(self, obj):
        return workflow_state(obj)["label"]

    def view_on_site(self, obj):
        # Only what readers can open: a draft's or scheduled article's address is a 404.
        return obj.get_absolute_url() if obj.is_published else None

    def has_publish_permission(self, request):
        return roles.is_editor(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    # Saving: one revision per save, with subjects and tags; then the requested move.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        # The baseline, the save and its revision commit together; a form sent back
        # with errors (or a save that fails) leaves nothing behind.
        with transaction.atomic(using=router.db_for_write(self.model)):
            if object_id is not None:
                article = self.get_object(request, unquote(object_id))
                if article is not None and self.has_change_permission(request, article):
                    save_baseline_revision(article=article)
            with reversion.create_revision():
                reversion.set_user(request.user)
                response = super().changeform_view(request, object_id, form_url, extra_context)
            if not getattr(request, SAVED_FLAG, False):
                transaction.set_rollback(True)
            return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        setattr(request, SAVED_FLAG, True)
        model_fields = {field.name for field in obj._meta.get_fields()}
        fields = [
            str(form.fields[name].label or name)
            for name in form.changed_data
            if name in model_fields
        ]
        reversion.set_comment(
            _("Changed %(fields)s.") % {"fields": ", ".join(fields)} if change else _("Created.")
        )

    def save_related(self, request, form, formsets, change):
        article = form.instance
        if not roles.is_editor(request.user):
            # A reporter's article stays theirs, whatever the authors field said.
            form.cleaned_data["authors"] = [
                *form.cleaned_data.get("authors", []),
                request.user,
            ]
        super().save_related(request, form, formsets, change)
        reversion.add_to_revision(article)
        move = form.requested_move
        if move is not None:
            self._run_move(request, article, move, form)

    def _run_move(self, request, article, move, form):
        kwargs = {"article": article, "user": request.user}
        kwargs["note"] = form.cleaned_data.get("transition_note", "")
        if move.name == "publish":
            # "Publish now" on a scheduled article brings it forward to now.
            scheduled = article.status == workflow.Status.PUBLISHED
            kwargs["at"] = form.schedule_at or (timezone.now() if scheduled else None)
        try:
            outcome = workflow.SERVICES[move.name](**kwargs)
        except (PermissionDenied, ValidationError) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(
                request,
                _("Your edits were saved, but the status did not change: %(reason)s")
                % {"reason": text},
                messages.ERROR,
            )
        else:
            self.message_user(request, outcome.message, messages.SUCCESS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_moves"] = workflow.allowed_moves(request.user, obj) if obj else []
        if add and request.user.has_perm("articles.add_article"):
            context["workflow_moves"] = [
                move
                for move in workflow.MOVES.values()
                if workflow.Status.DRAFT in move.sources
                and (not move.editors_only or roles.is_editor(request.user))
            ]
        context["workflow_form"] = context["adminform"].form
        context["workflow_state"] = workflow_state(obj)
        context["can_save"] = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        if obj is not None and roles.can_view(request.user, obj):
            context["transitions"] = list(obj.transitions.select_related("by"))
            context["notes"] = list(obj.notes.all())
            context["can_add_note"] = (
                roles.is_editor(request.user) and obj.status == obj.Status.PUBLISHED
            )
            context["note_form"] = NoteForm()
        context["is_editor"] = roles.is_editor(request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/notes/add/",
                self.admin_site.admin_view(require_POST(self.add_note_view)),
                name="articles_article_add_note",
            )
        ]
        return [*urls, *super().get_urls()]

    def add_note_view(self, request, object_id):
        article = article_or_refuse(
            self, request, object_id, lambda user, _article: roles.is_editor(user)
        )
        form = NoteForm(request.POST)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if not form.is_valid():
            for errors in form.errors.values():
                for text in errors:
                    self.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(change_url + "#notes")
        try:
            workflow.add_note(article=article, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for text in error.messages:
                self.message_user(request, text, messages.ERROR)
        else:
            self.message_user(
                request,
                _("The note was added under the article; its modified time moved."),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(change_url + "#notes")

    # Deleting keeps a last revision, so "Recover deleted articles" can bring it back.

    def delete_model(self, request, obj):
        save_deletion_revision(articles=[obj], user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        save_deletion_revision(articles=list(queryset), user=request.user)
        super().delete_queryset(request, queryset)

    # Bulk actions go through the same services, one article at a time.

    def _apply_move(self, request, queryset, name):
        done, failed = 0, []
        for article in queryset:
            try:
                workflow.SERVICES[name](article=article, user=request.user)
            except (PermissionDenied, ValidationError) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                failed.append(f"« {article.title} » : {reason}")
            else:
                done += 1
        if done:
            self.message_user(
                request,
                _("%(count)d article(s): %(action)s — done.")
                % {"count": done, "action": workflow.MOVES[name].label},
                messages.SUCCESS,
            )
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)

    @admin.action(description=gettext_lazy("Submit selected articles for review"))
    def submit_articles(self, request, queryset):
        self._apply_move(request, queryset, "submit")

    @admin.action(description=gettext_lazy("Publish selected articles"), permissions=["publish"])
    def publish_articles(self, request, queryset):
        self._apply_move(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Unpublish selected articles"), permissions=["publish"])
    def unpublish_articles(self, request, queryset):
        self._apply_move(request, queryset, "unpublish")
