"""Which attached countries and leaders an article is about, in order.

The suggestion engine marks subjects (named in the headline or the lead, or
again and again); the rest of what an article names are passing mentions. These
functions turn its verdict into ``ArticleSubject`` rows: at import, when an
editor saves an article without choosing subjects, and once for the articles
written before subjects were kept (migration 0024).
"""

from django.db import transaction

from articles.html import html_to_text
from articles.models import ArticleSubject
from articles.suggest.engine import detect


def article_text(*, standfirst, body):
    # Paragraphs apart, as the matcher reads sentence starts.
    return "\n\n".join(
        part for part in (standfirst or "", html_to_text(body, separator="\n\n")) if part.strip()
    )


def subject_order(suggestions, *, country_ids, leader_ids):
    """``[("country", id) | ("leader", id)]``: the engine's subjects among those attached.

    Countries first, then leaders, each the most named first: the first one is
    what the kicker shows, and readers of a news site look for a place there.
    """
    countries = [
        ("country", s.target.id)
        for s in suggestions.countries
        if s.subject and s.target.id in country_ids
    ]
    leaders = [
        ("leader", s.target.id)
        for s in suggestions.leaders
        if s.subject and s.target.id in leader_ids
    ]
    return countries + leaders


def subjects_from_text(index, *, title, standfirst, body, country_ids, leader_ids):
    suggestions = detect(index, article_text(standfirst=standfirst, body=body), title=title)
    return subject_order(suggestions, country_ids=set(country_ids), leader_ids=set(leader_ids))


@transaction.atomic
def set_subjects(*, article, subjects):
    """Make ``subjects`` (``[("country"|"leader", id)]``, main first) the article's subjects.

    Subjects are attached as well: a subject is never missing from the
    article's countries or leaders.
    """
    if any(kind not in ("country", "leader") for kind, _pk in subjects):
        raise ValueError("A subject is a country or a leader.")
    # Once each, at its first place; the database's constraints check the rest in
    # one statement rather than a validation query per row.
    subjects = list(dict.fromkeys(subjects))
    ArticleSubject.objects.filter(article=article).delete()
    rows = ArticleSubject.objects.bulk_create(
        ArticleSubject(article=article, position=position, **{f"{kind}_id": pk})
        for position, (kind, pk) in enumerate(subjects, start=1)
    )
    attach_subjects(article=article)
    return rows


def attach_subjects(*, article):
    """Add the article's subjects to its countries and leaders (no-op when they are)."""
    rows = ArticleSubject.objects.filter(article=article).values_list("country_id", "leader_id")
    country_ids = [c for c, _leader in rows if c]
    leader_ids = [x for _country, x in rows if x]
    if country_ids:
        article.countries.add(*country_ids)
    if leader_ids:
        article.leaders.add(*leader_ids)


def derive_subjects(*, article):
    """Subjects for an article that has none, as the engine reads its copy."""
    from articles.suggest.knowledge import get_index

    country_ids = list(article.countries.values_list("pk", flat=True))
    leader_ids = list(article.leaders.values_list("pk", flat=True))
    if not (country_ids or leader_ids):
        return []
    subjects = subjects_from_text(
        get_index(article.language),
        title=article.title,
        standfirst=article.standfirst,
        body=article.body,
        country_ids=country_ids,
        leader_ids=leader_ids,
    )
    if subjects:
        set_subjects(article=article, subjects=subjects)
    return subjects
