"""The same page in the other interface languages, and an article in its translations."""

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation

from articles.models import INTERFACE_LANGUAGES, Article


def interface_alternates(request):
    """``[(code, name, path)]``: this page in each interface language, the current one first.

    Worked out once per request and language: the head's alternates and the
    language switcher both show them, and each address is a resolve and a reverse.
    """
    current = translation.get_language()
    path = request.get_full_path()
    kept = request.__dict__.setdefault("_interface_alternates", {})
    if (current, path) not in kept:
        names = dict(settings.LANGUAGES)
        codes = sorted(INTERFACE_LANGUAGES, key=lambda code: code != current)
        kept[current, path] = [(code, names[code], translate_url(path, code)) for code in codes]
    return list(kept[current, path])


def article_path(article, language=None):
    """The address of ``article`` in the interface of ``language``, else the default one."""
    language = language if language in INTERFACE_LANGUAGES else settings.LANGUAGE_CODE
    with translation.override(language):
        return article.get_absolute_url()


def group_of(article):
    """The original of ``article``'s translation group (itself when it is the original)."""
    return article.translation_of_id or article.pk


def published_translations(article):
    """The other published articles of ``article``'s translation group, by language.

    Through ``published()``: a published article never links a draft translation.
    """
    original = group_of(article)
    return list(
        Article.objects.published()
        .filter(Q(pk=original) | Q(translation_of=original))
        .exclude(pk=article.pk)
        .only("pk", "slug", "title", "language", "published_at", "translation_of")
        .order_by("language")
    )


def article_alternates(article, translations):
    """``[(hreflang, path)]``: the article and its translations, each in its language's
    interface, and x-default the original."""
    group = [article, *translations]
    links = [(a.language, article_path(a, a.language)) for a in group]
    original = next((a for a in group if a.pk == group_of(article)), article)
    links.append(("x-default", article_path(original, original.language)))
    return links
