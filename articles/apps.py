from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        # Connects the signals that rebuild the suggestion index on changes.
        from articles.suggest import knowledge  # noqa: F401
        from articles.workflow.history import register_models

        register_models()
        from articles.public import invalidation  # noqa: F401  (bumps the page stamps)
        from articles.search import signals  # noqa: F401  (connects the search index)
