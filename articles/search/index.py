"""Writing the index. Called from signals, inside the article's own transaction."""

import uuid

from django.core.cache import cache
from django.db import connection, transaction

from articles.search.backends import get_backend
from articles.search.documents import build_documents

GENERATION_KEY = "articles:search:generation"


def generation():
    """A token that changes whenever the index does; cached search summaries carry it."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY, "")
    return token


def bump_generation(conn=None):
    """Forget every cached count and facet, now and again once the change commits.

    Now, so the writer's own next search sees its change; on commit, so a
    search run by another request meanwhile cannot keep the old state.
    """

    def bump():
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)

    bump()
    transaction.on_commit(bump, using=(conn or connection).alias)


def index_articles(ids, *, article_model=None, using_connection=None):
    """(Re)index the articles ``ids``; ids of deleted articles are dropped."""
    from articles.models import Article

    ids = list(ids)
    if not ids:
        return
    conn = using_connection or connection
    documents = build_documents(article_model or Article, ids)
    backend = get_backend(conn)
    with conn.cursor() as cursor:
        found = {d.pk for d in documents}
        gone = [pk for pk in ids if pk not in found]
        if gone:
            backend.delete(cursor, gone)
        if documents:
            backend.write(cursor, documents)
    bump_generation(conn)


def remove_articles(ids):
    with connection.cursor() as cursor:
        get_backend().delete(cursor, list(ids))
    bump_generation()


def rebuild(*, batch_size=1000, article_model=None, using_connection=None, progress=None):
    """Empty the index and index every article again, in one transaction."""
    from articles.models import Article

    model = article_model or Article
    conn = using_connection or connection
    backend = get_backend(conn)
    total = 0
    with transaction.atomic(using=conn.alias):
        with conn.cursor() as cursor:
            backend.clear(cursor)
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            with conn.cursor() as cursor:
                backend.write(cursor, build_documents(model, batch))
            total += len(batch)
            if progress:
                progress(total)
    with conn.cursor() as cursor:
        backend.optimize(cursor)
    bump_generation(conn)
    return total
