"""The reader's pages: home, articles, countries, leaders, tags, authors."""

from django.urls import path, register_converter

from articles.public import authors, views


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
    # Ids first: a profile slug always has a letter, so it never looks like one.
    path("authors/<int:pk>/", authors.AuthorByIdView.as_view(), name="author_by_id"),
    path("authors/<str:slug>/", authors.AuthorView.as_view(), name="author"),
]
