# ruff: noqa: S608, S610, S611 - SQL here is built from constants; reader text is always a bound parameter.
"""The two index implementations: SQLite FTS5 and PostgreSQL tsvector.

Both take documents (``documents.Document``) to write, and a list of groups
(``query.Group``) to match; each group is a phrase of folded words or any of a
few subject tokens, and all groups must match. Reader text is only ever passed
as a quoted FTS5 phrase or a bound parameter.
"""

from django.db import connection as default_connection
from django.db.models.expressions import RawSQL

from .documents import PG_QUERY_CONFIGS

TABLE = "articles_search"


class SQLiteBackend:
    vendor = "sqlite"
    unique_scores = False
    # bm25 weights per column: title, standfirst, body, subjects.
    weights = (10.0, 4.0, 1.0, 2.0)

    def write(self, cursor, documents):
        self.delete(cursor, [d.pk for d in documents])
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, standfirst, body, subjects) "
            "VALUES (%s, %s, %s, %s, %s)",
            [(d.pk, d.title, d.standfirst, d.body, d.subjects) for d in documents],
        )

    def delete(self, cursor, ids):
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in ids])

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    def optimize(self, cursor):
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
        # Without statistics SQLite fetches "published() and pk in (…100 ids)" by
        # walking the status index over every published article.
        cursor.execute("ANALYZE")

    @staticmethod
    def _phrase(words):
        return '"' + " ".join(words).replace('"', '""') + '"'

    def match_expression(self, groups):
        parts = []
        for group in groups:
            alternatives = [self._phrase(group.words)] if group.words else []
            alternatives += [self._phrase([token]) for token in group.tokens]
            parts.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(parts)

    def prepare(self, groups):
        return self.match_expression(groups)

    def filter(self, queryset, prepared):
        """``queryset`` narrowed to matches; usable as a subquery (facets, admin)."""
        return queryset.filter(
            pk__in=RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [prepared])
        )

    def top(self, prepared, limit, window=None):
        """The ``limit`` best matches as (article id, sort key), best first.

        Only the ``window`` newest matches (by id) are scored, if given.
        """
        with default_connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, score FROM (SELECT rowid, {self._score} AS score FROM {TABLE} "
                f"WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s) "
                "ORDER BY score, rowid DESC LIMIT %s",
                [prepared, window or -1, limit],
            )
            return cursor.fetchall()

    @property
    def _score(self):
        return f"bm25({TABLE}, {', '.join(str(w) for w in self.weights)})"

    def tied(self, queryset, prepared, score, window=None):
        """``queryset`` narrowed to the matches (in the window) scoring exactly ``score``."""
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM (SELECT rowid, {self._score} AS score FROM {TABLE} "
                f"WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s) WHERE score = %s",
                [prepared, window or -1, score],
            )
        )

    def rank(self, queryset, prepared):
        """``queryset`` joined to the index, matches only, best first (top level only)."""
        weights = ", ".join(str(w) for w in self.weights)
        return queryset.extra(
            select={"search_rank": f"bm25({TABLE}, {weights})"},
            tables=[TABLE],
            where=[f"{TABLE}.rowid = articles_article.id", f"{TABLE} MATCH %s"],
            params=[prepared],
        ).order_by("search_rank", "-published_at", "-pk")


class PostgresBackend:
    vendor = "postgresql"
    # Each match's score is its place in the final order (rank, then recency), so
    # no two tie: the best ``limit`` are enough, none need settling afterwards.
    unique_scores = True

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
                if group.words:
                    ors.append(f"phraseto_tsquery('{config}', unaccent(%s))")
                    params.append(" ".join(group.words))
                for token in group.tokens:
                    ors.append("plainto_tsquery('simple', %s)")
                    params.append(token)
                ands.append("(" + " || ".join(ors) + ")")
            per_config.append("(" + " && ".join(ands) + ")")
        return " || ".join(per_config), params

    def prepare(self, groups):
        """The tsquery as text, computed once so the main query compares to a constant.

        Configurations that parse the query alike are OR-ed once, not five times
        (the planner would think the query five times less selective).
        """
        parts, params = [], []
        for config in PG_QUERY_CONFIGS:
            sql, config_params = self.tsquery_sql(groups, [config])
            parts.append(f"({sql})::text")
            params += config_params
        with default_connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            texts = [text for text in dict.fromkeys(cursor.fetchone()) if text]
        return " | ".join(f"( {text} )" for text in texts)

    def filter(self, queryset, prepared):
        return queryset.filter(
            pk__in=RawSQL(f"SELECT article_id FROM {TABLE} WHERE vector @@ %s::tsquery", [prepared])
        )

    def top(self, prepared, limit, window=None):
        sql, params = self._scored(prepared, window)
        with default_connection.cursor() as cursor:
            cursor.execute(f"{sql} ORDER BY score, article_id DESC LIMIT %s", [*params, limit])
            return cursor.fetchall()

    def _scored(self, prepared, window):
        # "article_id + 0": ordering by the bare primary key makes the planner walk
        # it backwards and unpack every vector it passes; this way it takes the
        # matches from the GIN index, keeps the newest ids, then scores those.
        # Headlines often miss a common word: most matches rank alike and
        # recency decides, from the index's own copy of the publication time.
        return (
            "SELECT article_id, row_number() OVER (ORDER BY ts_rank(head, %s::tsquery) DESC, "
            f"published_at DESC NULLS LAST, article_id DESC)::float8 AS score FROM {TABLE} "
            f"WHERE article_id = ANY(ARRAY(SELECT article_id FROM {TABLE} "
            "WHERE vector @@ %s::tsquery ORDER BY article_id + 0 DESC LIMIT %s))",
            [prepared, prepared, window],
        )

    def tied(self, queryset, prepared, score, window=None):
        sql, params = self._scored(prepared, window)
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT article_id FROM ({sql}) AS scored WHERE score = %s", [*params, score]
            )
        )

    def rank(self, queryset, prepared):
        return queryset.extra(
            select={"search_rank": f"ts_rank({TABLE}.head, %s::tsquery)::float8"},
            select_params=[prepared],
            tables=[TABLE],
            where=[f"{TABLE}.article_id = articles_article.id", f"{TABLE}.vector @@ %s::tsquery"],
            params=[prepared],
        ).order_by("-search_rank", "-published_at", "-pk")


def get_backend(connection=None):
    vendor = (connection or default_connection).vendor
    if vendor == "postgresql":
        return PostgresBackend()
    if vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {vendor}.")
