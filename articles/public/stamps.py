"""Page stamps: read them for a page, bump them when what they cover changes.

A key is ``(kind, object_id)``: ``LATEST`` (the newest articles: home, feeds,
sitemaps), one article, or one country, leader, tag or author. A page's
validators are made of the stamps of what it shows (see ``caching``); the
signals in ``invalidation`` bump them.
"""

import hashlib
import secrets

from django.db.models import Min, Q, Value
from django.utils import timezone

from articles.models import Article, PageStamp, TaggedArticle

Kind = PageStamp.Kind
LATEST = (Kind.LATEST, 0)

# kind -> (through model, its article column, its subject column)
RELATIONS = {
    Kind.COUNTRY: (Article.countries.through, "article_id", "country_id"),
    Kind.LEADER: (Article.leaders.through, "article_id", "leader_id"),
    Kind.TAG: (TaggedArticle, "content_object_id", "tag_id"),
    Kind.AUTHOR: (Article.authors.through, "article_id", "user_id"),
}
# kind -> lookup from Article to it, for the articles a stamp covers.
ARTICLE_LOOKUPS = {
    Kind.ARTICLE: "pk",
    Kind.COUNTRY: "countries",
    Kind.LEADER: "leaders",
    Kind.TAG: "tags",
    Kind.AUTHOR: "authors",
}


def new_version():
    return secrets.token_hex(8)


def subject_keys(article_ids):
    """The keys of the subjects and authors of ``article_ids`` (a list or a queryset of
    ids), in one query."""
    queries = [
        through.objects.filter(**{f"{article_column}__in": article_ids})
        .annotate(kind=Value(kind))
        .values_list("kind", subject_column)
        for kind, (through, article_column, subject_column) in RELATIONS.items()
    ]
    first, *others = queries
    return {(kind, pk) for kind, pk in first.union(*others)}


def article_keys(article_id):
    """Every key a change to one published article bumps: its page, the latest
    articles, and each page listing it (subjects, authors)."""
    return {(Kind.ARTICLE, article_id), LATEST, *subject_keys([article_id])}


def keys_query(keys):
    query = Q(pk__in=[])
    for kind, object_id in keys:
        query |= Q(kind=kind, object_id=object_id)
    return query


def article_page_query(article_id):
    """The stamps of an article page: the article, its subjects and authors (whose
    names it shows and whose changes reach its related articles)."""
    query = Q(kind=Kind.ARTICLE, object_id=article_id)
    for kind, (through, article_column, subject_column) in RELATIONS.items():
        ids = through.objects.filter(**{article_column: article_id}).values(subject_column)
        query |= Q(kind=kind, object_id__in=ids)
    return query


def read(query):
    """The stamps matching ``query`` (a Q), in one query; those whose scheduled
    publication has come are bumped first."""
    stamps = list(PageStamp.objects.filter(query).order_by("kind", "object_id"))
    now = timezone.now()
    if any(stamp.due_at is not None and stamp.due_at <= now for stamp in stamps):
        for stamp in stamps:
            if stamp.due_at is not None and stamp.due_at <= now:
                _settle(stamp, now)
    return stamps


def _settle(stamp, now):
    """A scheduled article went live: its pages change now, with no write to say so."""
    lookup = ARTICLE_LOOKUPS.get(stamp.kind)
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
    if lookup is not None:
        scheduled = scheduled.filter(**{lookup: stamp.object_id})
    next_due = scheduled.aggregate(next=Min("published_at"))["next"]
    version = new_version()
    # Compare-and-set: when two workers settle the same stamp, one write wins and
    # both pages carry a version neither had seen.
    PageStamp.objects.filter(pk=stamp.pk, due_at=stamp.due_at).update(
        version=version, changed_at=stamp.due_at, due_at=next_due
    )
    stamp.version, stamp.changed_at, stamp.due_at = version, stamp.due_at, next_due


def bump(keys):
    """New versions for ``keys``: one upsert."""
    keys = set(keys)
    if not keys:
        return
    now = timezone.now()
    PageStamp.objects.bulk_create(
        [
            PageStamp(kind=kind, object_id=object_id, version=new_version(), changed_at=now)
            for kind, object_id in sorted(keys)
        ],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["version", "changed_at"],
    )


def schedule(keys, at):
    """``keys`` change again at ``at`` (a scheduled publication)."""
    keys = set(keys)
    if not keys:
        return
    PageStamp.objects.bulk_create(
        [
            PageStamp(kind=kind, object_id=object_id, version=new_version())
            for kind, object_id in sorted(keys)
        ],
        ignore_conflicts=True,
    )
    PageStamp.objects.filter(keys_query(keys)).filter(
        Q(due_at__isnull=True) | Q(due_at__gt=at)
    ).update(due_at=at)


def fingerprint(stamps, *parts):
    """A short digest of ``parts`` and the versions of ``stamps``."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode())
        digest.update(b"\0")
    for stamp in stamps:
        digest.update(f"{stamp.kind}:{stamp.object_id}:{stamp.version};".encode())
    return digest.hexdigest()[:32]


def last_changed(stamps, *times):
    return max([stamp.changed_at for stamp in stamps] + [t for t in times if t], default=None)
