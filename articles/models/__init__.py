"""The app's models, one module per concern, registered under the ``articles`` label."""

from articles.models.article import (
    ARTICLE_LANGUAGES,
    INTERFACE_LANGUAGES,
    SITE_LANGUAGES,
    Article,
    ArticleQuerySet,
    authors_prefetch,
    prefetch_page,
    storable_id,
    teaser_relations,
)
from articles.models.authors import (
    AuthorProfile,
    author_name,
    author_url,
    profile_of,
    unique_author_slug,
    with_profiles,
)
from articles.models.pictures import Picture, PictureQuerySet
from articles.models.stamps import PageStamp
from articles.models.subjects import ArticleSubject, Country, Leader, Tag, TaggedArticle
from articles.models.workflow import ArticleNote, PreviewLink, Transition

__all__ = [
    "ARTICLE_LANGUAGES",
    "INTERFACE_LANGUAGES",
    "SITE_LANGUAGES",
    "Article",
    "ArticleNote",
    "ArticleQuerySet",
    "ArticleSubject",
    "AuthorProfile",
    "Country",
    "Leader",
    "PageStamp",
    "Picture",
    "PictureQuerySet",
    "PreviewLink",
    "Tag",
    "TaggedArticle",
    "Transition",
    "author_name",
    "author_url",
    "authors_prefetch",
    "prefetch_page",
    "profile_of",
    "storable_id",
    "teaser_relations",
    "unique_author_slug",
    "with_profiles",
]
