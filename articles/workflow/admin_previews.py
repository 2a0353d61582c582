"""Admin views of the article's previews: preview, share a signed link, revoke it."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.models import PreviewLink
from articles.workflow import previews, roles
from articles.workflow.admin import article_or_refuse


class PreviewAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path(
                "<path:object_id>/preview/",
                # previews.private() sets the cache headers itself, exactly.
                view(self.preview_view, cacheable=True),
                name="articles_article_preview",
            ),
            path(
                "<path:object_id>/share/",
                view(require_POST(self.share_view)),
                name="articles_article_share",
            ),
            path(
                "<path:object_id>/share/<int:link_id>/revoke/",
                view(require_POST(self.revoke_share_view)),
                name="articles_article_revoke_share",
            ),
        ]
        return [*urls, *super().get_urls()]

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def preview_view(self, request, object_id):
        article = article_or_refuse(self, request, object_id, roles.can_view)
        article = previews.preview_queryset().get(pk=article.pk)
        return previews.render_preview(request, article, shared=False)

    def share_view(self, request, object_id):
        article = article_or_refuse(self, request, object_id, roles.can_edit)
        link, token = previews.create_link(article=article, user=request.user)
        self.message_user(
            request,
            format_html(
                '{} <a href="{url}" class="share-link">{url}</a> — {}',
                _("Share preview link:"),
                _("works without an account until %(time)s.")
                % {"time": date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT")},
                url=previews.share_url(request, token),
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._change_url(article))

    def revoke_share_view(self, request, object_id, link_id):
        article = article_or_refuse(self, request, object_id, roles.can_edit)
        link = get_object_or_404(PreviewLink, pk=link_id, article=article)
        previews.revoke(link=link)
        self.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
        return HttpResponseRedirect(self._change_url(article))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and roles.can_edit(request.user, obj):
            context["preview_links"] = [
                link for link in obj.preview_links.select_related("created_by") if link.is_active
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)
