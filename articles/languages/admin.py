"""The admin's "Create translation": a draft in another language from an article."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.languages.services import create_translation
from articles.models import ARTICLE_LANGUAGES


class TranslationLanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Translate into"), choices=())

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        original = article.translation_of or article
        taken = {original.language, *original.translations.values_list("language", flat=True)}
        self.fields["language"].choices = [
            (code, name) for code, name in ARTICLE_LANGUAGES if code not in taken
        ]


class TranslationAdminMixin:
    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_article_translate",
            )
        ]
        return [*urls, *super().get_urls()]

    def translate_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No such article."))
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = TranslationLanguageForm(
            request.POST if request.method == "POST" else None, article=article
        )
        if form.is_valid():
            try:
                draft = create_translation(
                    article=article, language=form.cleaned_data["language"], user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _("A draft translation was created; translate its text, then submit it."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[draft.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Create translation"),
            "opts": self.model._meta,
            "original": article,
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/article/translate.html", context)

    @admin.action(description=gettext_lazy("Create translation…"), permissions=["add"])
    def create_translation(self, request, queryset):
        articles = list(queryset[:2])
        if len(articles) != 1:
            self.message_user(request, _("Select one article to translate."), messages.WARNING)
            return None
        return HttpResponseRedirect(
            reverse("admin:articles_article_translate", args=[articles[0].pk])
        )
