from django.urls import path, register_converter

from articles.pictures import renditions
from articles.pictures.views import serve_picture
from articles.public import authors, views
from articles.search.views import SearchView
from articles.syndication import api, feeds, sitemaps
from articles.workflow import previews


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigits, "dd")

app_name = "articles"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "<yyyy:year>/<dd:month>/<dd:day>/<str:slug>/", views.ArticleView.as_view(), name="article"
    ),
    path("countries/", views.CountryIndexView.as_view(), name="countries"),
    path("countries/<str:slug>/", views.CountryView.as_view(), name="country"),
    path("leaders/", views.LeaderIndexView.as_view(), name="leaders"),
    path("leaders/<str:slug>/", views.LeaderView.as_view(), name="leader"),
    path("tags/<str:slug>/", views.TagView.as_view(), name="tag"),
    # Workflow (issue 3): signed share-preview links of unpublished articles.
    path("preview/<str:token>/", previews.shared_preview, name="preview"),
    path("preview/<str:token>/picture/", previews.shared_picture, name="preview_picture"),
    # Syndication (issue 5): RSS 2.0 and Atom for the site and each subject.
    path("feed/", feeds.feed_view(feeds.ArticleFeed), name="feed_rss"),
    path("feed/atom/", feeds.feed_view(feeds.ArticleAtomFeed), name="feed_atom"),
    path("pictures/<int:pk>/<str:name>", serve_picture, name="picture"),
    path("renditions/<int:pk>/<str:name>.jpg", renditions.serve_rendition, name="rendition"),
    path("authors/<int:pk>/", authors.AuthorView.as_view(), name="author"),
    path("search/", SearchView.as_view(), name="search"),
]
for _kind, _prefix in [("country", "countries"), ("leader", "leaders"), ("tag", "tags")]:
    urlpatterns += [
        path(
            f"{_prefix}/<str:slug>/feed/",
            feeds.feed_view(feeds.ArticleFeed, _kind),
            name=f"{_kind}_feed_rss",
        ),
        path(
            f"{_prefix}/<str:slug>/feed/atom/",
            feeds.feed_view(feeds.ArticleAtomFeed, _kind),
            name=f"{_kind}_feed_atom",
        ),
    ]

urlpatterns += sitemaps.urlpatterns + api.urlpatterns
