"""Every public URL of the app, one list per concern, under the ``articles`` namespace."""

from articles.pictures.urls import urlpatterns as pictures
from articles.public.urls import urlpatterns as public
from articles.search.urls import urlpatterns as search
from articles.syndication.urls import urlpatterns as syndication
from articles.workflow.urls import urlpatterns as workflow

app_name = "articles"
# Syndication last: the API answers JSON 404s for anything under its prefix.
urlpatterns = [*public, *workflow, *pictures, *search, *syndication]
