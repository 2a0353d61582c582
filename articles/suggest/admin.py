"""“Suggest from text” on the article form.

A small JSON view reads the headline, standfirst and body the editor has
typed (saved or not) and answers with the countries, leaders and tags they
name; ``static/articles/js/suggest.js`` shows them and adds the chosen ones to
the form without reloading it. Mixed into ``ArticleAdmin``.
"""

import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.html import html_to_text
from articles.models import ARTICLE_LANGUAGES
from articles.suggest.engine import suggest

MAX_CHARS = 500_000


def suggestion_payload(result):
    return {
        kind: [
            {
                "id": item.target.id,
                "key": item.target.key,
                "name": item.target.name,
                "subject": item.subject,
                "score": item.score,
                "matched": item.matched,
            }
            for item in items
        ]
        for kind, items in result.by_kind().items()
    }


class SuggestFromTextMixin:
    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.suggest_from_text_view))
        name = f"{self.opts.app_label}_{self.opts.model_name}_suggest_from_text"
        return [path("suggest-from-text/", view, name=name), *super().get_urls()]

    @property
    def media(self):
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_suggest_from_text",
            current_app=self.admin_site.name,
        )
        script = forms.Script(
            "articles/js/suggest.js",
            **{
                "data-suggest-url": url,
                "data-label-button": _("Suggest from text"),
                "data-label-add": _("Add selected"),
                "data-label-why": _("(matched: %(words)s)"),
                "data-label-none": _("Nothing found in the text."),
                "data-label-stored": _("Mentioned in the copy at import"),
                "data-label-added": _("Added to the form; save to keep them."),
                "data-label-error": _("Suggestions failed; your text is untouched."),
                "data-label-countries": _("Countries"),
                "data-label-leaders": _("Leaders"),
                "data-label-tags": _("Tags"),
            },
        )
        return super().media + forms.Media(js=[script], css={"all": ["articles/css/suggest.css"]})

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("countries")
        if obj is not None and obj.suggestions and field is not None:
            # Passing mentions found at import, offered again in one click.
            field.widget.attrs["data-stored-suggestions"] = json.dumps(obj.suggestions)
        return form

    def suggest_from_text_view(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            return JsonResponse({"error": _("You may not edit articles.")}, status=403)
        title = request.POST.get("title", "")
        # Paragraphs apart, as the matcher reads sentence starts.
        body = html_to_text(request.POST.get("body"), separator="\n\n")
        text = "\n\n".join(
            part for part in (request.POST.get("standfirst", ""), body) if part.strip()
        )
        if len(title) + len(text) > MAX_CHARS:
            message = _("The text is too long to analyse (%(max)d characters at most).")
            return JsonResponse({"error": message % {"max": MAX_CHARS}}, status=400)
        language = request.POST.get("language", "")
        if language not in dict(ARTICLE_LANGUAGES):
            language = settings.LANGUAGE_CODE
        date = _article_date(request.POST.get("date", ""))
        return JsonResponse(suggestion_payload(suggest(text, language, title=title, date=date)))


def _article_date(value):
    """The publication date as the admin writes it; None (today) when blank or invalid."""
    try:
        return forms.DateField(required=False, localize=True).clean(value.strip())
    except ValidationError:
        return None
