"""The app's models, one module per concern, registered under the ``articles`` label."""

from articles.models.article import (
    ARTICLE_LANGUAGES,
    SITE_LANGUAGES,
    Article,
    ArticleQuerySet,
    author_name,
    storable_id,
)
from articles.models.pictures import Picture, PictureQuerySet
from articles.models.subjects import ArticleSubject, Country, Leader, Tag, TaggedArticle
from articles.models.workflow import ArticleNote, PreviewLink, Transition

__all__ = [
    "ARTICLE_LANGUAGES",
    "SITE_LANGUAGES",
    "Article",
    "ArticleNote",
    "ArticleQuerySet",
    "ArticleSubject",
    "Country",
    "Leader",
    "Picture",
    "PictureQuerySet",
    "PreviewLink",
    "Tag",
    "TaggedArticle",
    "Transition",
    "author_name",
    "storable_id",
]
