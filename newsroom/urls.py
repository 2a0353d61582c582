from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from articles.languages.views import default_language_prefix
from articles.public.views import serve_media

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"

# Database down: 503 with Retry-After, also when the error is raised outside a view.
handler500 = "articles.security.outage.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("media/<path:path>", serve_media, name="media"),
    # French is the default language, at the root: its prefix redirects there.
    re_path(r"^fr/(?P<rest>.*)\Z", default_language_prefix),
    *i18n_patterns(path("", include("articles.urls")), prefix_default_language=False),
]
