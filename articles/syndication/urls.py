"""RSS 2.0 and Atom for the site and each subject, sitemaps, and the ninjs API."""

from django.urls import path

from articles.syndication import api, feeds, sitemaps

urlpatterns = [
    path("feed/", feeds.feed_view(feeds.ArticleFeed), name="feed_rss"),
    path("feed/atom/", feeds.feed_view(feeds.ArticleAtomFeed), name="feed_atom"),
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
