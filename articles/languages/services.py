"""Translations of articles: a new draft in another language, with the original's subjects."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article


@transaction.atomic
def create_translation(*, article, language, user):
    """A draft translating ``article`` into ``language``, ready for the translator.

    It copies the text to translate, the countries, leaders, tags and pictures, and
    points at the group's original (a translation of a translation translates the
    original). The translator is its author.
    """
    original = article.translation_of or article
    if language == original.language or original.translations.filter(language=language).exists():
        raise ValidationError(
            _("This article already exists in that language."), code="translation_exists"
        )
    translation = Article(
        title=article.title,
        slug=f"{article.slug}-{language}"[: Article._meta.get_field("slug").max_length],
        standfirst=article.standfirst,
        body=article.body,
        language=language,
        dateline=article.dateline,
        credit=article.credit,
        lead_picture=article.lead_picture,
        status=Article.Status.DRAFT,
        translation_of=original,
    )
    translation.full_clean()
    translation.save()
    translation.authors.set([user])
    translation.countries.set(article.countries.all())
    translation.leaders.set(article.leaders.all())
    translation.tags.set(list(article.tags.all()))
    return translation
