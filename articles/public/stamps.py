# ruff: noqa: S608 - SQL here is built from table and column names; values are bound parameters.
"""Page stamps: read them for a page, bump them when what they cover changes.

A key is ``(kind, object_id)``: ``LATEST`` (the newest articles: home, feeds,
sitemaps), one article, or one country, leader, tag or author. A page's
validators are made of the stamps of what it shows (see ``caching``); the
signals in ``invalidation`` bump them.

``SITE`` moves with every bump and every scheduled change: every read also
returns it, in the same query, so that a page knows which state of the whole
site it was rendered from (see ``early_cache``). It is never part of a page's
validators: a change elsewhere does not change a page's ETag.
"""

import datetime
import functools
import hashlib
import secrets
from typing import NamedTuple

from django.db import connection
from django.db.models import Min, Q, Value
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article, PageStamp, TaggedArticle

Kind = PageStamp.Kind
LATEST = (Kind.LATEST, 0)
SITE = (Kind.SITE, 0)

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


class Stamp(NamedTuple):
    pk: int
    kind: str
    object_id: int
    version: str
    changed_at: datetime.datetime
    due_at: datetime.datetime | None


# Pages read their stamps on every request, cached or not: plain SQL, written once,
# costs a fraction of building the same query with the ORM each time.
COLUMNS = "s.id, s.kind, s.object_id, s.version, s.changed_at, s.due_at"


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name):
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _aware(value):
    # SQLite hands back text for columns of a UNION; PostgreSQL aware datetimes.
    if value is None or isinstance(value, datetime.datetime):
        if value is not None and timezone.is_naive(value):
            return timezone.make_aware(value, datetime.UTC)
        return value
    parsed = parse_datetime(value)
    return timezone.make_aware(parsed, datetime.UTC) if timezone.is_naive(parsed) else parsed


def _stamps(rows):
    stamps = [
        Stamp(pk, kind, object_id, version, _aware(changed), _aware(due))
        for pk, kind, object_id, version, changed, due in rows
        if pk is not None
    ]
    stamps.sort(key=lambda stamp: (stamp.kind, stamp.object_id))
    return _settled(stamps)


def read_keys(keys):
    """The stamps of ``keys`` and ``SITE``, in one query."""
    keys = sorted({*keys, SITE})
    where = " OR ".join(["(s.kind = %s AND s.object_id = %s)"] * len(keys))
    sql = f"SELECT {COLUMNS} FROM {_table(PageStamp)} s WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for key in keys for value in key])
        return _stamps(cursor.fetchall())


def read_subject(model, kind, slug, with_country=False):
    """``(pk, stamps)`` of the subject of ``model`` at ``slug`` (pk None: no such
    subject), with its country's stamp if ``with_country`` and ``SITE``, in one query."""
    join = "(s.kind = %s AND s.object_id = m.id) OR (s.kind = %s AND s.object_id = 0)"
    params = [kind, Kind.SITE]
    if with_country:
        join += f" OR (s.kind = %s AND s.object_id = m.{_column(model, 'country')})"
        params.append(Kind.COUNTRY)
    sql = (
        f"SELECT m.id, {COLUMNS} FROM {_table(model)} m "
        f"LEFT JOIN {_table(PageStamp)} s ON {join} WHERE m.{_column(model, 'slug')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, slug])
        rows = cursor.fetchall()
    if not rows:
        return None, []
    return rows[0][0], _stamps(row[1:] for row in rows)


@functools.cache
def _article_sql(vendor):
    article = Article._meta
    quote = connection.ops.quote_name
    branches = [
        f"SELECT 0, a.id, a.updated_at, {COLUMNS} FROM a "
        f"LEFT JOIN {_table(PageStamp)} s ON s.kind = %s AND s.object_id = a.id"
    ]
    for through, article_column, subject_column in RELATIONS.values():
        branches.append(
            f"SELECT 1, a.id, a.updated_at, {COLUMNS} FROM a "
            f"JOIN {_table(through)} r ON r.{quote(article_column)} = a.id "
            f"JOIN {_table(PageStamp)} s ON s.kind = %s AND s.object_id = r.{quote(subject_column)}"
        )
    branches.append(
        f"SELECT 2, a.id, a.updated_at, {COLUMNS} FROM a "
        f"JOIN {_table(PageStamp)} s ON s.kind = %s AND s.object_id = 0"
    )
    published_at = quote(article.get_field("published_at").column)
    return (
        f"WITH a AS (SELECT id, {quote(article.get_field('updated_at').column)} AS updated_at "
        f"FROM {_table(Article)} WHERE {quote(article.get_field('slug').column)} = %s "
        f"AND {quote(article.get_field('status').column)} = %s "
        f"AND {published_at} >= %s AND {published_at} < %s AND {published_at} <= %s) "
        + " UNION ALL ".join(branches)
    )


ARTICLE_KINDS = [str(Kind.ARTICLE), *(str(kind) for kind in RELATIONS), str(Kind.SITE)]


def read_article(slug, start, end):
    """``(pk, updated_at, stamps)`` of the published article at ``slug`` published in
    [start, end): its own stamp, its subjects', its authors' and ``SITE``; pk None if
    there is none. One query: the article, then a union of index lookups."""
    adapt = connection.ops.adapt_datetimefield_value
    params = [slug, str(Article.Status.PUBLISHED), adapt(start), adapt(end)]
    params += [adapt(timezone.now()), *ARTICLE_KINDS]
    with connection.cursor() as cursor:
        cursor.execute(_article_sql(connection.vendor), params)
        rows = cursor.fetchall()
    if not rows:
        return None, None, []
    return rows[0][1], _aware(rows[0][2]), _stamps(row[3:] for row in rows)


def _settled(stamps):
    """Stamps whose scheduled publication has come are bumped before they are used."""
    now = timezone.now()
    if not any(stamp.due_at is not None and stamp.due_at <= now for stamp in stamps):
        return stamps
    return [
        _settle(stamp, now) if stamp.due_at is not None and stamp.due_at <= now else stamp
        for stamp in stamps
    ]


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
    bump_site()
    return stamp._replace(version=version, changed_at=stamp.due_at, due_at=next_due)


def bump(keys):
    """New versions for ``keys`` and ``SITE``: one upsert."""
    keys = set(keys)
    if keys:
        _upsert(keys | {SITE})


def bump_site():
    """A new version for ``SITE`` alone: every page kept early is set aside."""
    _upsert({SITE})


def _upsert(keys):
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
    # Pages kept early have not seen this time among their stamps.
    bump_site()


def keys_query(keys):
    query = Q(pk__in=[])
    for kind, object_id in keys:
        query |= Q(kind=kind, object_id=object_id)
    return query


def fingerprint(stamps, *parts):
    """A short digest of ``parts`` and the versions of ``stamps`` (``SITE`` aside)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode())
        digest.update(b"\0")
    for stamp in stamps:
        if stamp.kind != Kind.SITE:
            digest.update(f"{stamp.kind}:{stamp.object_id}:{stamp.version};".encode())
    return digest.hexdigest()[:32]


def last_changed(stamps, *times):
    changes = [stamp.changed_at for stamp in stamps if stamp.kind != Kind.SITE]
    return max(changes + [t for t in times if t], default=None)


def site_version(stamps):
    """The version of ``SITE`` among ``stamps`` ("" before the first bump)."""
    return next((stamp.version for stamp in stamps if stamp.kind == Kind.SITE), "")


def next_due(stamps):
    """The next scheduled change among ``stamps``, if any."""
    return min((stamp.due_at for stamp in stamps if stamp.due_at is not None), default=None)


def read_site_version():
    """The version of ``SITE`` alone ("" before the first bump): one row by its key."""
    sql = f"SELECT s.version FROM {_table(PageStamp)} s WHERE s.kind = %s AND s.object_id = 0"
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(Kind.SITE)])
        row = cursor.fetchone()
    return row[0] if row else ""
