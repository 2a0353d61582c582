# ruff: noqa: S608, S610, S611 - SQL here is built from constants; reader text is always a bound parameter.
"""The two index implementations: SQLite FTS5 and PostgreSQL tsvector.

Both take documents (``documents.Document``) to write, and a list of groups
(``query.Group``) to match; each group is a phrase of folded words or any of a
few subject tokens, and all groups must match. Reader text is only ever passed
as a quoted FTS5 phrase or a bound parameter.
"""

import json
from dataclasses import dataclass

from django.db import connection as default_connection
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .documents import PG_QUERY_CONFIGS

TABLE = "articles_search"
# SQLite: headline, standfirst and subjects again, alone, so the headline tier
# reads only the matches in them (the main table's list of a word's matches
# would have to be read whole to find them).
HEAD_TABLE = "articles_search_head"


def newest_first(queryset):
    """``queryset`` newest first, sorted on an expression, not on the indexed column.

    With an index to walk, a planner expecting many matches would read the
    whole archive, newest first, looking for a rare word's few.
    """
    return queryset.order_by(Coalesce("published_at", "published_at").desc(), "-pk")


@dataclass(frozen=True)
class Prepared:
    """A query in the backend's own syntax: what must match, and the headline tier."""

    match: str
    head: str = ""
    # One group, the reader's own: a headline-tier hit matches the whole query
    # (the headline fields are part of the whole article), no check needed.
    head_is_match: bool = False


def _first_complete(rows, size):
    """Of (part, …) rows from a "first part, else second part" query, the rows to use.

    The second part only runs when the first has fewer than ``size`` rows.
    """
    first = [row[1:] for row in rows if row[0] == 0]
    return first if len(first) == size else [row[1:] for row in rows if row[0] == 1]


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
    def with_ids(queryset, field, ids, *, exclude=False):
        """``queryset`` where ``field`` is (or is not) one of ``ids``, as one parameter.

        A thousand ``IN`` parameters cost Django more to prepare than SQLite to run.
        """
        lookup = {f"{field}__in": RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])}
        return queryset.exclude(**lookup) if exclude else queryset.filter(**lookup)

    def newest_matches(self, queryset, prepared, *, count, scan):
        """Ids of the ``count`` newest matches in ``queryset``.

        Articles are read newest first, each looked up in the index, and reading
        stops at the ``count``-th match, or after ``scan`` articles: SQLite's
        planner cannot tell a rare word from a common one, so the bound is ours.
        Exact, since every article left unread is older than those read. If the
        index holds fewer than ``scan`` matches, or too few among the articles
        read, all matches are read instead: they are few.
        """
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
            recent = queryset.extra(
                where=[self._matches("articles_article.id")], params=[prepared.match]
            )
            if floor:  # ties with the last article read are read too
                recent = recent.filter(published_at__gte=floor[0])
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
            check = " AND " + self._matches(f"{HEAD_TABLE}.rowid")
            params.append(prepared.match)
        with default_connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({HEAD_TABLE}, {weights}) FROM {HEAD_TABLE} "
                f"WHERE {HEAD_TABLE} MATCH %s{check} ORDER BY rowid DESC LIMIT %s",
                [*params, window or -1],
            )
            return cursor.fetchall()


class PostgresBackend:
    vendor = "postgresql"

    def write(self, cursor, documents):
        # The article's own configuration stems its texts; subject tokens are kept
        # as is. ``vector`` (everything) is matched through the GIN index; ``head``
        # (headline, standfirst, subjects) ranks: it is small enough to stay
        # inline, so ranking thousands of matches does not unpack every body.
        # Matches in the body alone score alike; recency orders them.
        cursor.executemany(
            f"INSERT INTO {TABLE} (article_id, published_at, vector, head) "
            "SELECT %s, %s, a || b || setweight(to_tsvector(cfg, unaccent(%s)), 'C') || d, "
            "a || b || d "
            "FROM (SELECT cfg, "
            "setweight(to_tsvector(cfg, unaccent(%s)), 'A') AS a, "
            "setweight(to_tsvector(cfg, unaccent(%s)), 'B') AS b, "
            "setweight(to_tsvector('simple', %s), 'D') AS d "
            "FROM (SELECT %s::regconfig AS cfg) c) parts "
            "ON CONFLICT (article_id) DO UPDATE "
            "SET vector = EXCLUDED.vector, head = EXCLUDED.head, "
            "published_at = EXCLUDED.published_at",
            [
                (d.pk, d.published_at, d.body, d.title, d.standfirst, d.subjects, d.pg_config)
                for d in documents
            ],
        )

    def delete(self, cursor, ids):
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(ids)])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    def optimize(self, cursor):
        # A rebuild deletes every row: vacuum, or matching reads twice the pages.
        # VACUUM cannot run inside a transaction (tests, callers' atomic blocks).
        verb = "ANALYZE" if default_connection.in_atomic_block else "VACUUM ANALYZE"
        cursor.execute(f"{verb} {TABLE}")
        cursor.execute("ANALYZE articles_article")

    def tsquery_sql(self, groups, configs=PG_QUERY_CONFIGS):
        """SQL and params for the query in every configuration, OR-ed.

        The article's language is not known before matching, so the words are
        stemmed the French, English, Spanish, German and plain way; stop words
        drop out of the configurations that have them.
        """
        per_config, params = [], []
        for config in configs:
            ands = []
            for group in groups:
                ors = []
                for phrase in group.phrases:
                    ors.append(f"phraseto_tsquery('{config}', unaccent(%s))")
                    params.append(" ".join(phrase))
                for token in group.tokens:
                    ors.append("plainto_tsquery('simple', %s)")
                    params.append(token)
                ands.append("(" + " || ".join(ors) + ")")
            per_config.append("(" + " && ".join(ands) + ")")
        return " || ".join(per_config), params

    def prepare(self, groups, reader_groups):
        """The tsqueries as text, computed once so the main queries compare to constants.

        ``match`` needs every group; ``head`` any of the reader's own groups (not
        a filter's token), for the headline tier. Configurations that parse the
        query alike are OR-ed once, not five times (the planner would think the
        query five times less selective).
        """
        parts, params = [], []
        builders = [
            lambda config: self.tsquery_sql(groups, [config]),
            lambda config: self._any_sql(reader_groups, config),
        ]
        for build in builders:
            for config in PG_QUERY_CONFIGS:
                sql, config_params = build(config)
                parts.append(f"({sql})::text")
                params += config_params
        with default_connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            texts = cursor.fetchone()
        size = len(PG_QUERY_CONFIGS)
        return Prepared(
            match=self._or(texts[:size]),
            head=self._or(texts[size:]),
            head_is_match=len(groups) == 1,
        )

    def _any_sql(self, groups, config):
        if not groups:
            return "NULL::tsquery", []
        sqls, params = [], []
        for group in groups:
            sql, group_params = self.tsquery_sql([group], [config])
            sqls.append(sql)
            params += group_params
        return " || ".join(sqls), params

    @staticmethod
    def _or(texts):
        return " | ".join(f"( {text} )" for text in dict.fromkeys(texts) if text)

    def filter(self, queryset, prepared):
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT article_id FROM {TABLE} WHERE vector @@ %s::tsquery", [prepared.match]
            )
        )

    @staticmethod
    def with_ids(queryset, field, ids, *, exclude=False):
        """``queryset`` where ``field`` is (or is not) one of ``ids``, as one array.

        "= ANY(array)": the planner knows how many ids there are and looks them
        up; from a subquery it guesses 200 and reads the whole table.
        """
        meta = queryset.model._meta
        column = f'"{meta.db_table}"."{meta.get_field(field).column}"'
        where = f"NOT ({column} = ANY(%s))" if exclude else f"{column} = ANY(%s)"
        return queryset.extra(where=[where], params=[list(ids)])

    def newest_matches(self, queryset, prepared, *, count, scan):
        """Ids of the ``count`` newest matches in ``queryset``, in one round trip.

        First among the ``scan`` newest articles: the planner walks them newest
        first, checking each one's vector, and stops at the ``count``-th match,
        or hashes a rare word's few matches; the bound keeps a word it wrongly
        takes for common from walking the whole archive. Exact, since every
        article left unread is older than those read. Only if too few of them
        match does the second part run, reading all matches: they are few.
        """
        recent = queryset.order_by("-published_at", "-pk").values("pk", "published_at")[:scan]
        recent_sql, recent_params = recent.query.sql_with_params()
        matches = newest_first(self.filter(queryset, prepared)).values("pk", "published_at")
        all_sql, all_params = matches[:count].query.sql_with_params()
        with default_connection.cursor() as cursor:
            cursor.execute(
                "WITH recent AS MATERIALIZED ("
                f"SELECT recent.pk, recent.published_at FROM ({recent_sql}) AS recent "
                f"WHERE recent.pk IN (SELECT article_id FROM {TABLE} WHERE vector @@ %s::tsquery) "
                "ORDER BY recent.published_at DESC, recent.pk DESC LIMIT %s) "
                "SELECT 0, pk, published_at FROM recent UNION ALL "
                f"SELECT 1, pk, published_at FROM ({all_sql}) AS matches "
                "WHERE (SELECT count(*) FROM recent) < %s "
                "ORDER BY 1, 3 DESC, 2 DESC",
                [*recent_params, prepared.match, count, *all_params, count],
            )
            return [pk for pk, _ in _first_complete(cursor.fetchall(), count)]

    # The headline tier is first looked for among this many newest ids per
    # article of the window: enough when one article in ten is in it.
    HEAD_SPAN = 10

    def head_scores(self, prepared, window):
        """(article id, score) of the ``window`` newest headline-tier matches; lower is better.

        In one round trip: first among the newest ids only, so a word in many
        headlines does not read them all; only if too few are there, among all.
        """
        if not prepared.head:
            return []
        # "article_id + 0": ordering by the bare primary key makes the planner
        # walk it backwards and unpack every vector it passes; this way the GIN
        # indexes (headline tier, whole article) narrow the rows first.
        check, params = "", []
        if not prepared.head_is_match:
            check, params = " AND vector @@ %s::tsquery", [prepared.match]
        scored = (
            f"SELECT article_id, -ts_rank(head, %s::tsquery)::float8 AS score FROM {TABLE} "
            f"WHERE head @@ %s::tsquery{check}"
        )
        scored_params = [prepared.head, prepared.head, *params]
        with default_connection.cursor() as cursor:
            if not window:
                cursor.execute(scored, scored_params)
                return cursor.fetchall()
            cursor.execute(
                f"WITH near AS MATERIALIZED ({scored} AND article_id > "
                f"(SELECT max(article_id) FROM {TABLE}) - %s "
                "ORDER BY article_id + 0 DESC LIMIT %s) "
                "SELECT 0, article_id, score FROM near UNION ALL "
                f"SELECT 1, article_id, score FROM ({scored} "
                "ORDER BY article_id + 0 DESC LIMIT %s) AS far "
                "WHERE (SELECT count(*) FROM near) < %s",
                [
                    *scored_params,
                    window * self.HEAD_SPAN,
                    window,
                    *scored_params,
                    window,
                    window,
                ],
            )
            return _first_complete(cursor.fetchall(), window)


def get_backend(connection=None):
    vendor = (connection or default_connection).vendor
    if vendor == "postgresql":
        return PostgresBackend()
    if vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {vendor}.")
