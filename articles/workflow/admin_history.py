"""Admin views of an article's revisions: list, word-level diff, restore, recover deleted."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from articles.workflow import history, roles
from articles.workflow.admin import article_or_refuse


class HistoryAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("recover/", view(self.recoverlist_view), name="articles_article_recoverlist"),
            path(
                "recover/<int:version_id>/",
                view(require_POST(self.recover_view)),
                name="articles_article_recover",
            ),
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name="articles_article_restore",
            ),
        ]
        return [*urls, *super().get_urls()]

    def _context(self, request, article, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": title,
            "is_editor": roles.is_editor(request.user),
        }

    def history_view(self, request, object_id, extra_context=None):
        """The article's revisions, newest first, to compare or restore."""
        article = article_or_refuse(self, request, object_id, roles.can_view)
        versions = list(history.versions_of(article))
        context = {
            **self._context(request, article, _("History of “%(title)s”") % {"title": article}),
            "versions": versions,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def compare_view(self, request, object_id):
        article = article_or_refuse(self, request, object_id, roles.can_view)
        versions = history.versions_of(article)
        try:
            older = versions.get(pk=int(request.GET.get("from", "")))
            newer = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            self.message_user(request, _("Choose two revisions to compare."), messages.WARNING)
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[article.pk])
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self._context(request, article, _("Changes to “%(title)s”") % {"title": article}),
            "older": older,
            "newer": newer,
            "diffs": history.diff_fields(older.field_dict, newer.field_dict),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        def may_restore(user, article):
            return roles.is_editor(user) and self.has_change_permission(request, article)

        article = article_or_refuse(self, request, object_id, may_restore)
        version = get_object_or_404(history.versions_of(article), pk=version_id)
        try:
            problems = history.restore(article=article, version=version, user=request.user)
        except ValidationError as error:
            for text in error.messages:
                self.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[article.pk])
            )
        self.message_user(request, _("The revision was restored."), messages.SUCCESS)
        for text in problems:
            self.message_user(request, text, messages.WARNING)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def _check_recover(self, request):
        if not (roles.is_editor(request.user) and self.has_add_permission(request)):
            raise PermissionDenied

    def recoverlist_view(self, request, extra_context=None):
        self._check_recover(request)
        context = {
            **self._context(request, None, _("Recover deleted articles")),
            "versions": list(history.deleted_versions()),
        }
        return TemplateResponse(request, "admin/articles/article/recover_list.html", context)

    def recover_view(self, request, version_id):
        self._check_recover(request)
        version = get_object_or_404(history.deleted_versions(), pk=version_id)
        try:
            article, problems = history.recover(version=version, user=request.user)
        except ValidationError as error:
            for text in error.messages:
                self.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_recoverlist"))
        self.message_user(
            request,
            _("“%(title)s” was recovered as a draft.") % {"title": article},
            messages.SUCCESS,
        )
        for text in problems:
            self.message_user(request, text, messages.WARNING)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
