"""Signed share-preview links of unpublished articles, and their pictures."""

from django.urls import path

from articles.workflow import previews

urlpatterns = [
    path("preview/<str:token>/", previews.shared_preview, name="preview"),
    path(
        "preview/<str:token>/pictures/<int:pk>/<str:name>",
        previews.shared_picture,
        name="preview_picture",
    ),
]
