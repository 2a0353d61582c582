from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Q, When
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from articles import services
from articles.authors.admin import AuthorProfileAdmin  # noqa: F401  (registers profiles)
from articles.coverage import KeepPublishedCoverageMixin
from articles.forms import TagMergeForm
from articles.languages.admin import TranslationAdminMixin
from articles.models import Article, ArticleSubject, Country, Leader, Tag
from articles.pictures.admin import PictureAdmin  # noqa: F401  (registers the library)
from articles.pictures.admin import thumbnail as picture_thumbnail
from articles.pictures.article_form import NEW_PICTURE_FIELDS, LeadPictureAdminMixin
from articles.scale.admin_lists import (
    EstimatedCountPaginator,
    FlatChangeList,
    PublicationDateFilter,
    UsedSubjectFilter,
)
from articles.search.admin import IndexSearchMixin
from articles.security.admin import NonceMediaMixin
from articles.suggest.admin import SuggestFromTextMixin
from articles.suggest.article_subjects import attach_subjects, derive_subjects
from articles.text import folded_slug
from articles.wording.admin import WordedAdminMixin, WordedRelatedFieldsMixin
from articles.workflow.admin import WorkflowAdminMixin
from articles.workflow.admin_authors import AuthorsAdminMixin
from articles.workflow.admin_history import HistoryAdminMixin
from articles.workflow.admin_previews import PreviewAdminMixin

# Our own Tag model replaces taggit's; one "Tags" entry in the admin, not two.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


def _links(objects):
    return format_html_join(", ", "{}", ((str(obj),) for obj in objects)) or "—"


@admin.register(Country)
class CountryAdmin(WordedAdminMixin, KeepPublishedCoverageMixin, admin.ModelAdmin):
    coverage_field = "countries"
    list_display = ["code", "name", "slug"]
    search_fields = ["name", "code", "slug", "aliases"]
    ordering = ["name"]


@admin.register(Leader)
class LeaderAdmin(WordedAdminMixin, KeepPublishedCoverageMixin, admin.ModelAdmin):
    coverage_field = "leaders"
    list_display = [
        "thumbnail",
        "name",
        "role",
        "country",
        "in_office_from",
        "in_office_to",
        "source",
    ]
    list_display_links = ["thumbnail", "name"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter), "source"]
    # Set by the loads; a row an editor changes is the editor's from then on.
    readonly_fields = ["source", "last_synced", "current_portrait"]
    list_select_related = ["country", "portrait"]
    search_fields = ["name", "name_fr", "aliases", "role", "country__name"]
    autocomplete_fields = ["country", "portrait"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        css = {"all": ["articles/css/leaders.css", "articles/css/pictures.css"]}

    @admin.display(description=_("portrait"))
    def thumbnail(self, obj):
        return picture_thumbnail(obj.portrait, width=40) if obj.portrait_id else "—"

    @admin.display(description=_("current portrait"))
    def current_portrait(self, obj):
        return picture_thumbnail(obj.portrait, width=160) if obj and obj.portrait_id else "—"


@admin.register(Tag)
class TagAdmin(WordedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "usage"]
    search_fields = ["name", "name_en"]
    fields = ["name", "name_en"]
    actions = ["merge_tags"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(usage=Count("tagged_articles"))

    @admin.display(description=_("articles"), ordering="usage")
    def usage(self, obj):
        return obj.usage

    def get_urls(self):
        suggest = path(
            "suggest/",
            self.admin_site.admin_view(self.suggest_view),
            name="articles_tag_suggest",
        )
        return [suggest, *super().get_urls()]

    def suggest_view(self, request):
        """Existing tags for the article form's tag box, in select2's format.

        Matched on the folded slug too, so "coree" finds "Corée du Nord"; tags
        starting with what was typed come first, then the most used.
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        term = " ".join(request.GET.get("term", request.GET.get("q", "")).split())[:100]
        folded = folded_slug(term)
        if not folded:
            return JsonResponse({"results": [], "pagination": {"more": False}})
        names = (
            Tag.objects.filter(Q(slug__contains=folded) | Q(name__icontains=term))
            .annotate(
                usage=Count("tagged_articles"),
                prefix=Case(When(slug__startswith=folded, then=0), default=1),
            )
            .order_by("prefix", "-usage", "name")
            .values_list("name", flat=True)[:20]
        )
        return JsonResponse(
            {
                "results": [{"id": name, "text": name} for name in names],
                "pagination": {"more": False},
            }
        )

    @admin.action(description=_("Merge selected tags…"), permissions=["change", "delete"])
    def merge_tags(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, _("Select at least two tags to merge."), messages.WARNING)
            return None
        form = TagMergeForm(request.POST if "survivor" in request.POST else None, tags=queryset)
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = list(queryset.exclude(pk=survivor.pk))
            services.merge_tags(survivor=survivor, others=others, user=request.user)
            self.message_user(
                request,
                ngettext(
                    "Merged %(count)d tag into “%(name)s”.",
                    "Merged %(count)d tags into “%(name)s”.",
                    len(others),
                )
                % {"count": len(others), "name": survivor.name},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge tags"),
            "opts": self.model._meta,
            "form": form,
            "tags": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/tag/merge.html", context)


class ArticleSubjectInline(WordedRelatedFieldsMixin, admin.TabularInline):
    """The subjects, in order: the editor reorders them by their position numbers."""

    model = ArticleSubject
    fields = ["position", "country", "leader"]
    autocomplete_fields = ["country", "leader"]
    ordering = ["position", "pk"]
    extra = 0
    verbose_name = _("subject (a country or a leader the article is about)")
    verbose_name_plural = _(
        "Subjects, main one first (position 1 is shown above the headline); left empty, "
        "they are read from the copy on saving"
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "leader")

    # Subjects are part of the article: whoever may edit it may edit them.
    def _article_permission(self, request, obj):
        article_admin = self.admin_site.get_model_admin(Article)
        if obj is None:
            return article_admin.has_add_permission(request) or article_admin.has_change_permission(
                request
            )
        return article_admin.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return self.admin_site.get_model_admin(Article).has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._article_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._article_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._article_permission(request, obj)


@admin.register(Article)
class ArticleAdmin(
    WordedAdminMixin,
    TranslationAdminMixin,
    LeadPictureAdminMixin,
    WorkflowAdminMixin,
    HistoryAdminMixin,
    PreviewAdminMixin,
    AuthorsAdminMixin,
    SuggestFromTextMixin,
    IndexSearchMixin,
    NonceMediaMixin,
    admin.ModelAdmin,
):
    # The form is the workflow's (WorkflowAdminMixin.form), a subclass of ArticleAdminForm.
    list_display = [
        "title",
        "status",
        "published_at",
        "country_list",
        "leader_list",
        "tag_list",
    ]
    list_filter = [
        "status",
        "language",
        PublicationDateFilter,
        ("countries", UsedSubjectFilter),
        ("leaders", UsedSubjectFilter),
        ("tags", UsedSubjectFilter),
    ]
    search_fields = ["title", "standfirst", "dateline"]
    # Flat at any size (articles.scale.admin_lists): no date_hierarchy, whose
    # year and month links truncate every row's date; no second, unfiltered count;
    # the planner's estimate for a long list on PostgreSQL.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    prepopulated_fields = {"slug": ["title"]}
    # authors: AuthorsAdminMixin
    autocomplete_fields = ["countries", "leaders", "lead_picture", "translation_of"]
    actions = ["submit_articles", "publish_articles", "unpublish_articles", "create_translation"]
    # Written in the wide column; filed in the side one ("side" in the template), under
    # the publication box. Status and publication time change only through its buttons.
    fieldsets = [
        (None, {"fields": ["title", "standfirst", "body"], "classes": ["article-main"]}),
        (_("Subjects"), {"fields": ["countries", "leaders", "tags"], "classes": ["side"]}),
        (
            _("Lead picture"),
            {
                "fields": ["current_lead_picture", "lead_picture", *NEW_PICTURE_FIELDS],
                "classes": ["side"],
            },
        ),
        (
            _("Byline and address"),
            {
                "fields": ["authors", "credit", "dateline", "language", "translation_of", "slug"],
                "classes": ["side"],
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("body")
            .prefetch_related("countries", "leaders", "tags")
        )

    def get_changelist(self, request, **kwargs):
        return FlatChangeList

    inlines = [ArticleSubjectInline]

    def get_formsets_with_inlines(self, request, obj=None):
        # A form sent without the subjects (a script, an older page) keeps them as they are.
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            prefix = formset.get_default_prefix()
            if request.method == "POST" and f"{prefix}-TOTAL_FORMS" not in request.POST:
                continue
            yield formset, inline

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if article.subjects.exists():
            attach_subjects(article=article)
        else:
            derive_subjects(article=article)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("authors", [request.user.pk])
        return initial

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return _links(obj.countries.all())

    @admin.display(description=_("leaders"))
    def leader_list(self, obj):
        return _links(obj.leaders.all())

    @admin.display(description=_("tags"))
    def tag_list(self, obj):
        return _links(obj.tags.all())
