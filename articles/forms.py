import csv
import html
from types import SimpleNamespace

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin, get_select2_language
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from articles.html import sanitize_html
from articles.models import Article, Tag
from articles.pictures.article_form import LeadPictureFormMixin
from articles.services import normalize_tag_names
from articles.text import fold


def tag_names(value):
    """The names in ``value``: a line typed or posted, or the article's tags."""
    if not value:
        return []
    if isinstance(value, str):
        return [name.strip() for name in next(csv.reader([value], skipinitialspace=True), [])]
    return [getattr(getattr(tag, "tag", tag), "name", str(tag)) for tag in value]


def tag_line(names):
    """``names`` as one comma-separated line that ``tag_names`` reads back exactly:
    a name holding a comma or a quote is quoted, its quotes doubled (as in CSV)."""
    return ", ".join(
        '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"') else name
        for name in names
    )


class TagChipsWidget(forms.TextInput):
    """Tags as chips, like the countries, leaders and authors beside them.

    The field posts one comma-separated line (``tag_line``), so a form sent without
    scripts still works; static/articles/js/tag-chips.js hides it behind a select2
    box that offers existing tags (case- and accent-folded) and makes a new tag of
    what was typed on Enter.
    """

    template_name = "articles/widgets/tag_chips.html"

    @property
    def media(self):
        # The admin's own select2, loaded in the order its autocomplete widgets use.
        select2 = AutocompleteMixin.media.fget(SimpleNamespace(i18n_name=get_select2_language()))
        return select2 + forms.Media(js=["articles/js/tag-chips.js"])

    def format_value(self, value):
        return tag_line(tag_names(value)) or None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["names"] = tag_names(value)
        context["widget"]["autocomplete_url"] = reverse("admin:articles_tag_suggest")
        return context


class CommaSeparatedTagField(TagField):
    """Tags separated by commas only, in the order typed; quotes protect a comma.

    Taggit splits on spaces when there is no comma, which turns a single tag
    like "Corée du Nord" into three.
    """

    def clean(self, value):
        return tag_names(forms.CharField.clean(self, value))

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
        widget=TagChipsWidget,
        help_text=_("Type to find an existing tag; Enter adds a new one."),
    )

    class Meta:
        model = Article
        # No status or publication time: they change through the workflow's moves.
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
            "countries",
            "leaders",
            "tags",
            "lead_picture",
        ]

    # Lengths past which search results and link previews cut the text short.
    COUNTERS = {"title": 70, "standfirst": 160}

    class Media:
        css = {"all": ["articles/css/article-form.css"]}
        js = ["articles/js/article-form.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        text = {
            "title": _("%(count)s characters; search engines show about %(limit)s."),
            "standfirst": _("%(count)s characters; link previews show about %(limit)s."),
        }
        for name, limit in self.COUNTERS.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"data-counter-limit": limit, "data-counter-text": text[name]}
                )
        if "standfirst" in self.fields:
            self.fields["standfirst"].widget.attrs.setdefault("rows", 3)

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
