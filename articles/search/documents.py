"""What goes into the index for one article: its texts and subject tokens.

Countries, leaders, tags and the language go into the index as opaque tokens
("xxcountrykp", "xxleader12", "xxtag7", "xxlangfr") so a query naming an
entity, and a filter on one, are answered by the index alone, without joins.
"""

from dataclasses import dataclass

from articles.html import html_to_text
from articles.text import fold

# PostgreSQL's stemmers for the site languages; other languages are indexed without one.
PG_CONFIGS = {"fr": "french", "en": "english", "es": "spanish", "de": "german"}
PG_QUERY_CONFIGS = [*PG_CONFIGS.values(), "simple"]


# Letters that are not "letter + accent" in Unicode, so folding keeps them.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def search_fold(text):
    """Case, accents and ligatures folded, identically for the index and the query.

    "Straße", "STRASSE" and "strasse" index alike, as do "cœur" and "coeur".
    """
    return fold(text or "").translate(LIGATURES)


def country_token(code):
    return f"xxcountry{code.lower()}"


def leader_token(pk):
    return f"xxleader{int(pk)}"


def tag_token(pk):
    return f"xxtag{int(pk)}"


def language_token(language):
    return f"xxlang{language.lower()}"


@dataclass
class Document:
    pk: int
    title: str
    standfirst: str
    body: str
    subjects: str
    language: str
    published_at: object = None  # breaks ties in the index itself (PostgreSQL)

    @property
    def pg_config(self):
        return PG_CONFIGS.get(self.language, "simple")


def build_documents(article_model, ids):
    """Documents for the articles ``ids``; works with historical models in migrations."""
    ids = list(ids)
    if not ids:
        return []
    subjects = {pk: [] for pk in ids}
    countries = article_model.countries.through.objects.filter(article_id__in=ids)
    for article_id, code in countries.values_list("article_id", "country__code"):
        subjects[article_id].append(country_token(code))
    leaders = article_model.leaders.through.objects.filter(article_id__in=ids)
    for article_id, leader_id in leaders.values_list("article_id", "leader_id"):
        subjects[article_id].append(leader_token(leader_id))
    # The historical TaggedArticle in migrations, the model itself otherwise.
    tagged = article_model._meta.get_field("tagged_items").related_model
    tags = tagged.objects.filter(content_object_id__in=ids)
    for article_id, tag_id in tags.values_list("content_object_id", "tag_id"):
        subjects[article_id].append(tag_token(tag_id))
    rows = article_model.objects.filter(pk__in=ids).values_list(
        "pk", "title", "standfirst", "body", "language", "published_at"
    )
    return [
        Document(
            pk=pk,
            title=search_fold(title),
            standfirst=search_fold(standfirst),
            body=search_fold(html_to_text(body)),
            subjects=" ".join([language_token(language), *sorted(subjects[pk])]),
            language=language,
            published_at=published_at,
        )
        for pk, title, standfirst, body, language, published_at in rows
    ]
