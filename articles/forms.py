import csv
import html

from django import forms
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField, TagWidget

from articles.html import sanitize_html
from articles.models import Article, Tag
from articles.pictures.article_form import LeadPictureFormMixin
from articles.services import normalize_tag_names
from articles.text import fold


class TagSuggestWidget(TagWidget):
    """Taggit's comma-separated input, with existing tags offered as you type."""

    template_name = "articles/widgets/tag_suggest.html"

    class Media:
        js = ["articles/js/tag-suggest.js"]

    def get_context(self, name, value, attrs):
        attrs = {**(attrs or {}), "data-suggest-url": reverse("admin:articles_tag_suggest")}
        return super().get_context(name, value, attrs)


class CommaSeparatedTagField(TagField):
    """Tags separated by commas only, in the order typed; quotes protect a comma.

    Taggit splits on spaces when there is no comma, which turns a single tag
    like "Corée du Nord" into three.
    """

    def clean(self, value):
        value = forms.CharField.clean(self, value)
        return [name.strip() for name in next(csv.reader([value], skipinitialspace=True), [])]

    def has_changed(self, initial, data):
        # Tags have no order, and case or accents pick the same tag: retyping the
        # same tags differently is not a change worth a line in the history.
        try:
            typed = self.clean(data)
        except forms.ValidationError:
            return True
        before = {fold(tag.name if hasattr(tag, "name") else tag) for tag in initial or []}
        return before != {fold(name) for name in typed if name}


class ArticleAdminForm(LeadPictureFormMixin, forms.ModelForm):
    tags = CommaSeparatedTagField(
        label=_("Tags"),
        required=False,
        widget=TagSuggestWidget,
        help_text=_("Comma-separated; existing tags are suggested as you type."),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "standfirst",
            "body",
            "language",
            "translation_of",
            "dateline",
            "authors",
            "credit",
            "status",
            "published_at",
            "countries",
            "leaders",
            "tags",
            "lead_picture",
        ]

    def clean_tags(self):
        return normalize_tag_names(self.cleaned_data.get("tags") or [])

    def clean_body(self):
        body = super().clean_body() or ""  # the pictures it shows: the user's to use?
        # The model sanitises after its own "required" check: a body of scripts alone
        # would be saved empty, and the next save refused. Say so now, text kept.
        cleaned = sanitize_html(body)
        if body.strip() and not (html.unescape(strip_tags(cleaned)).strip() or "<img" in cleaned):
            raise forms.ValidationError(
                _(
                    "Nothing readable would remain of this text: scripts, styles and "
                    "markup the editor does not produce are removed. Write the article "
                    "in the editor."
                ),
                code="empty_once_cleaned",
            )
        return body


class TagMergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        label=_("Keep this tag"),
        help_text=_("Articles of the other tags get this one; the others are deleted."),
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = tags
