"""Public pages. Every article that reaches a reader comes from ``published()``."""

import datetime
import posixpath

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve

from .models import Article, Country, Leader, Tag
from .text import fold


class PublishedArticlesMixin:
    """A paginated list of published articles, newest first.

    Subclasses narrow it with ``filter_articles`` to one country, leader or tag.
    """

    paginate_by = settings.ARTICLES_PER_PAGE
    context_object_name = "articles"

    def filter_articles(self, queryset):
        return queryset

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().for_listing())


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"


class SubjectArticlesView(PublishedArticlesMixin, ListView):
    """Coverage of one subject (a country, a leader, a tag), looked up by slug."""

    subject_model = None
    subject_context_name = None
    article_filter = None

    def get_subject_queryset(self):
        return self.subject_model.objects.all()

    def filter_articles(self, queryset):
        self.subject = get_object_or_404(self.get_subject_queryset(), slug=self.kwargs["slug"])
        return queryset.filter(**{self.article_filter: self.subject})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        context[self.subject_context_name] = self.subject
        return context


class CountryView(SubjectArticlesView):
    subject_model = Country
    subject_context_name = "country"
    article_filter = "countries"
    template_name = "articles/country.html"


class LeaderView(SubjectArticlesView):
    subject_model = Leader
    subject_context_name = "leader"
    article_filter = "leaders"
    template_name = "articles/leader.html"

    def get_subject_queryset(self):
        return Leader.objects.select_related("country")


class TagView(SubjectArticlesView):
    subject_model = Tag
    subject_context_name = "tag"
    article_filter = "tags"
    template_name = "articles/tag.html"


class ArticleView(DetailView):
    template_name = "articles/article.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        try:
            day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
        except ValueError:
            raise Http404("No such date.") from None
        queryset = Article.objects.published().prefetch_related(
            "authors",
            "countries",
            Prefetch("leaders", queryset=Leader.objects.select_related("country")),
            "tags",
            "notes",
        )
        return get_object_or_404(queryset, slug=self.kwargs["slug"], published_at__date=day)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = related_articles(self.object)
        return context

    def render_to_response(self, context, **response_kwargs):
        # The whole page speaks the article's language: dates, country names, chrome.
        response = super().render_to_response(context, **response_kwargs)
        with translation.override(self.object.language):
            response.render()
        response.headers["Content-Language"] = self.object.language
        return response


def related_articles(article, limit=4):
    """Published articles sharing the most countries, leaders and tags with ``article``.

    Takes the already prefetched relations, so it costs one query.
    """
    countries = [c.pk for c in article.countries.all()]
    leaders = [leader.pk for leader in article.leaders.all()]
    tags = [t.pk for t in article.tags.all()]
    if not (countries or leaders or tags):
        return []
    shared = Q(countries__in=countries) | Q(leaders__in=leaders) | Q(tagged_items__tag__in=tags)
    return list(
        Article.objects.published()
        .for_listing()
        .exclude(pk=article.pk)
        .filter(shared)
        .annotate(
            shared_subjects=Count("countries", filter=Q(countries__in=countries), distinct=True)
            + Count("leaders", filter=Q(leaders__in=leaders), distinct=True)
            + Count("tagged_items", filter=Q(tagged_items__tag__in=tags), distinct=True)
        )
        .order_by("-shared_subjects", "-published_at", "-pk")[:limit]
    )


class CountryIndexView(TemplateView):
    template_name = "articles/country_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = list(
            Country.objects.annotate(
                coverage=Count("articles", filter=Q(articles__in=Article.objects.published()))
            )
        )
        # Sorted here rather than in SQL: the order follows the reader's language.
        countries.sort(key=lambda c: (c.coverage == 0, fold(c.local_name)))
        context["covered"] = [c for c in countries if c.coverage]
        context["others"] = [c for c in countries if not c.coverage]
        return context


class LeaderIndexView(ListView):
    template_name = "articles/leader_index.html"
    context_object_name = "leaders"

    def get_queryset(self):
        return Leader.objects.select_related("country").annotate(
            coverage=Count("articles", filter=Q(articles__in=Article.objects.published()))
        )


def serve_media(request, path):
    """Uploaded pictures: leaders' portraits, and lead pictures of published articles only.

    A draft's picture is not served to readers even if its address leaks; staff
    see every picture (the admin shows them).
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or not path:
        raise Http404
    public = path.startswith("leaders/") or (
        path.startswith("articles/")
        and Article.objects.published().filter(lead_image=path).exists()
    )
    if not (public or (request.user.is_authenticated and request.user.is_staff)):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response.headers["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
