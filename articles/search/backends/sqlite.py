# ruff: noqa: S608, S610, S611 - SQL here is built from constants; reader text is always a bound parameter.
"""The SQLite index: two FTS5 tables (whole article, headline fields)."""

import json

from django.db import connection as default_connection
from django.db.models.expressions import RawSQL

from articles.search.backends.base import HEAD_TABLE, TABLE, Prepared, newest_first, scan_size

# Up to this many matches, the headline tier is checked against a list of them.
HEAD_CHECK_LIST = 5000


def _timestamp(moment):
    return moment.timestamp() if moment else 0.0


class SQLiteBackend:
    vendor = "sqlite"
    # bm25 weights of the headline tier: title, standfirst, subjects. The body
    # only decides whether an article matches: body matches go by recency.
    weights = (10.0, 4.0, 2.0)

    def write(self, cursor, documents):
        self.delete(cursor, [d.pk for d in documents])
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, standfirst, body, subjects) "
            "VALUES (%s, %s, %s, %s, %s)",
            [(d.pk, d.title, d.standfirst, d.body, d.subjects) for d in documents],
        )
        cursor.executemany(
            f"INSERT INTO {HEAD_TABLE} (rowid, title, standfirst, subjects) "
            "VALUES (%s, %s, %s, %s)",
            [(d.pk, d.title, d.standfirst, d.subjects) for d in documents],
        )

    def delete(self, cursor, ids):
        for table in (TABLE, HEAD_TABLE):
            cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(pk,) for pk in ids])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(f"DELETE FROM {HEAD_TABLE}")

    def optimize(self, cursor):
        for table in (TABLE, HEAD_TABLE):
            cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        # Without statistics SQLite fetches "published() and pk in (…100 ids)" by
        # walking the status index over every published article.
        cursor.execute("ANALYZE")

    @staticmethod
    def _phrase(words):
        return '"' + " ".join(words).replace('"', '""') + '"'

    def match_expression(self, groups):
        parts = []
        for group in groups:
            alternatives = [self._phrase(phrase) for phrase in group.phrases]
            alternatives += [self._phrase([token]) for token in group.tokens]
            parts.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(parts)

    def prepare(self, groups, reader_groups):
        """The match for every group, and the one for the headline tier.

        The headline tier is the matches where one of the reader's own groups (not
        a filter's token) is in the headline, standfirst or subjects.
        """
        heads = " OR ".join(self.match_expression([group]) for group in reader_groups)
        return Prepared(
            match=self.match_expression(groups), head=heads, head_is_match=len(groups) == 1
        )

    def filter(self, queryset, prepared):
        """``queryset`` narrowed to matches; usable as a subquery (facets, admin)."""
        return queryset.filter(
            pk__in=RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [prepared.match])
        )

    @staticmethod
    def _matches(article_id):
        """SQL: the article ``article_id`` (a column) matches the query (one parameter)."""
        return f"EXISTS (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid = {article_id})"

    @staticmethod
    def _matches_in_window(window, prepared):
        """SQL and params: the article is a match (among ``window``'s, by id).

        The index's matches are read once, from the smallest id of ``window``
        (the articles read) up, rather than the index being asked about each
        article (FTS5 sets a query up for each) or read whole (a common word's
        matches across the archive).
        """
        window_sql, window_params = window.order_by().values("id").query.sql_with_params()
        return (
            f"articles_article.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
            f"AND rowid >= (SELECT min(w.id) FROM ({window_sql}) AS w))",
            [prepared.match, *window_params],
        )

    @staticmethod
    def with_ids(queryset, field, ids, *, exclude=False):
        """``queryset`` where ``field`` is (or is not) one of ``ids``, as one parameter.

        A thousand ``IN`` parameters cost Django more to prepare than SQLite to run.
        """
        lookup = {f"{field}__in": RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])}
        return queryset.exclude(**lookup) if exclude else queryset.filter(**lookup)

    def rank(self, queryset, prepared, *, window, count, page=None):
        """The headline tier's ids best first, and up to ``count`` newest other matches.

        The page's articles are left to the caller (a query in the process
        costs nothing to send).
        """
        scores = dict(self.head_scores(prepared, window))
        head = []
        if scores:  # no query for a word found in no headline
            rows = self.with_ids(queryset, "id", list(scores)).values_list("pk", "published_at")
            ranked = sorted(rows, key=lambda row: (scores[row[0]], -_timestamp(row[1]), -row[0]))
            head = [pk for pk, _ in ranked]
        newest = self.newest_matches(queryset, prepared, count=count - len(head), exclude=head)
        return head, newest, {}

    def newest_matches(self, queryset, prepared, *, count, exclude=()):
        """Ids of the ``count`` newest matches in ``queryset`` outside ``exclude``.

        Articles are read newest first, each looked up in the index, and reading
        stops at the ``count``-th match, or after ``scan_size(count)`` articles:
        SQLite's planner cannot tell a rare word from a common one, so the bound
        is ours. Exact, since every article left unread is older than those
        read. If the index holds fewer matches than that, or too few among the
        articles read, all matches are read instead: they are few.
        """
        if count <= 0:
            return []
        if exclude:
            queryset = self.with_ids(queryset, "id", exclude, exclude=True)
        scan = scan_size(count)
        with default_connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC "
                "LIMIT 1 OFFSET %s",
                [prepared.match, scan - 1],
            )
            common = cursor.fetchone() is not None
        if common:
            newest = queryset.order_by("-published_at").values_list("published_at", flat=True)
            floor = list(newest[scan - 1 : scan])
            recent = queryset
            if floor:  # ties with the last article read are read too
                recent = recent.filter(published_at__gte=floor[0])
            where, params = self._matches_in_window(recent, prepared)
            recent = recent.extra(where=[where], params=params)
            recent = recent.order_by("-published_at", "-pk").values_list("pk", flat=True)
            ids = list(recent[:count])
            if len(ids) == count:
                return ids
        return list(
            newest_first(self.filter(queryset, prepared)).values_list("pk", flat=True)[:count]
        )

    def head_scores(self, prepared, window):
        """(article id, score) of the ``window`` newest headline-tier matches; lower is better.

        FTS5 walks the headline table by descending rowid and stops at the
        window, so only the window is scored; with several words or a filter,
        each hit is checked against the whole match first.
        """
        if not prepared.head:
            return []
        weights = ", ".join(str(w) for w in self.weights)
        check, params = "", [prepared.head]
        if not prepared.head_is_match:
            # A few thousand matches are read once, into a list the headline
            # hits are looked up in; more, and each headline hit is checked
            # (FTS5 sets a query up for each: 60 µs). The count stops there.
            small = HEAD_CHECK_LIST
            check = (
                f" AND CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM {TABLE} "
                f"WHERE {TABLE} MATCH %s LIMIT {small})) < {small} "
                f"THEN +{HEAD_TABLE}.rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) "
                f"ELSE {self._matches(f'{HEAD_TABLE}.rowid')} END"
            )
            params += [prepared.match] * 3
        with default_connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({HEAD_TABLE}, {weights}) FROM {HEAD_TABLE} "
                f"WHERE {HEAD_TABLE} MATCH %s{check} ORDER BY rowid DESC LIMIT %s",
                [*params, window or -1],
            )
            return cursor.fetchall()
