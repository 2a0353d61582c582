"""Picture renditions, and the crops' addresses from before the library (they redirect)."""

from django.urls import path

from articles.pictures.views import legacy_rendition, serve_picture

urlpatterns = [
    path("pictures/<int:pk>/<str:name>", serve_picture, name="picture"),
    path("renditions/<int:pk>/<str:name>.jpg", legacy_rendition, name="rendition"),
]
