from django.contrib import admin
from django.urls import include, path

from articles.public.views import serve_media

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"

# Database down: 503 with Retry-After, also when the error is raised outside a view.
handler500 = "articles.security.outage.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("media/<path:path>", serve_media, name="media"),
    path("", include("articles.urls")),
]
