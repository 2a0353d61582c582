# ruff: noqa: S608, S610, S611 - SQL here is built from constants; reader text is always a bound parameter.
"""The PostgreSQL index: a tsvector per article, in its language, with GIN indexes."""

from django.db import connection as default_connection
from django.db.models.expressions import RawSQL

from articles.models import Article
from articles.search.backends.base import TABLE, Prepared, scan_size
from articles.search.documents import PG_QUERY_CONFIGS

# The headline tier's rows in the ranking: (tier, id, date, score).
HEAD_ROWS = ("SELECT 0, pk, published_at, score FROM head", [])


def _from_db(fields, values):
    """``values`` of Article ``fields`` read by hand, as Django would convert them."""
    converted = []
    for name, value in zip(fields, values, strict=True):
        field = Article._meta.get_field(name)
        for convert in field.get_db_converters(default_connection):
            value = convert(value, field, default_connection)
        converted.append(value)
    return converted


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

    @staticmethod
    def _config_sql(groups, config):
        """SQL and params: every group matches, the words parsed the ``config`` way."""
        ands, params = [], []
        for group in groups:
            ors = []
            for phrase in group.phrases:
                ors.append(f"phraseto_tsquery('{config}', unaccent(%s))")
                params.append(" ".join(phrase))
            for token in group.tokens:
                ors.append("plainto_tsquery('simple', %s)")
                params.append(token)
            ands.append("(" + " || ".join(ors) + ")")
        return " && ".join(ands), params

    def prepare(self, groups, reader_groups):
        """The tsqueries as text, computed once so the main queries compare to constants.

        ``match`` needs every group; ``head`` any of the reader's own groups (not
        a filter's token), for the headline tier. The article's language is not
        known before matching, so the words are parsed the French, English,
        Spanish, German and plain way; stop words drop out of the configurations
        that have them. (``unaccent`` is not IMMUTABLE: left in the main queries,
        the tsquery would be a run-time value whose selectivity the planner can
        only guess, and it could not tell a rare word from a common one.)
        """
        parts, params = [], []
        for config in PG_QUERY_CONFIGS:
            sql, config_params = self._config_sql(groups, config)
            parts.append(f"({sql})::text")
            params += config_params
        for config in PG_QUERY_CONFIGS:
            ors = [self._config_sql([group], config) for group in reader_groups]
            parts.append(
                "(" + " || ".join(f"({sql})" for sql, _ in ors) + ")::text" if ors else "NULL"
            )
            params += [param for _, group_params in ors for param in group_params]
        with default_connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            texts = cursor.fetchone()
        size = len(PG_QUERY_CONFIGS)
        match, head = self._or(texts[:size]), self._or(texts[size:])
        return Prepared(match=match, head=head, head_is_match=len(groups) == 1)

    @staticmethod
    def _or(texts):
        # Configurations that parse the query alike are OR-ed once: the planner
        # would take "'sommet' | 'sommet' | …" for a word five times as common.
        return " | ".join(f"( {text} )" for text in dict.fromkeys(texts) if text)

    def _matching_ids(self, prepared):
        return (
            f"SELECT article_id FROM {TABLE} WHERE vector @@ %s::tsquery",
            [prepared.match],
        )

    def filter(self, queryset, prepared):
        return queryset.filter(pk__in=RawSQL(*self._matching_ids(prepared)))

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

    # The headline tier is first looked for among this many newest ids per
    # article of the window: enough when one article in ten is in it.
    HEAD_SPAN = 10

    @staticmethod
    def _base(queryset):
        """SQL and params: ``queryset``'s (pk, published_at), compiled once per ranking.

        Every part of the ranking statement reads it as a subquery, which the
        planner merges into its own conditions (ids, newest first).
        """
        return queryset.order_by().values("pk", "published_at").query.sql_with_params()

    def _head_sql(self, base, prepared, window):
        """SQL and params: the ``head`` CTE, headline-tier matches in ``base``.

        First among the newest ids only, so a word in many headlines does not
        read them all; only if too few are there, among all. Then only those
        ``base`` accepts (published, tag, dates), looked up by id.
        """
        if not prepared.head:
            return (
                "head AS (SELECT NULL::bigint AS pk, NULL::timestamptz AS published_at, "
                "NULL::float8 AS score WHERE false)",
                [],
            )
        # "article_id + 0": ordering by the bare primary key makes the planner
        # walk it backwards and unpack every vector it passes; this way the
        # headline tier's GIN index narrows the rows first.
        check, check_params = "", []
        if not prepared.head_is_match:
            # Called as a function, not as the @@ operator, so that no index can
            # serve it: otherwise the planner ANDs the headline hits' bitmap
            # with the whole query's, reading every match of a common word and
            # its filter to keep a handful of headline hits.
            check, check_params = " AND ts_match_vq(vector, %s::tsquery)", [prepared.match]
        scored = (
            f"SELECT article_id, -ts_rank(head, %s::tsquery)::float8 AS score FROM {TABLE} "
            f"WHERE head @@ %s::tsquery{check}"
        )
        params = [prepared.head, prepared.head, *check_params]
        if not window:
            raw, raw_params = f"head_raw AS MATERIALIZED ({scored})", params
        else:
            raw = (
                f"near AS MATERIALIZED ({scored} AND article_id > "
                f"(SELECT max(article_id) FROM {TABLE}) - %s "
                "ORDER BY article_id + 0 DESC LIMIT %s), "
                "head_raw AS MATERIALIZED ("
                "SELECT article_id, score FROM near WHERE (SELECT count(*) FROM near) = %s "
                f"UNION ALL SELECT article_id, score FROM ({scored} "
                "ORDER BY article_id + 0 DESC LIMIT %s) AS far "
                "WHERE (SELECT count(*) FROM near) < %s)"
            )
            raw_params = [
                *params, window * self.HEAD_SPAN, window, window, *params, window, window
            ]  # fmt: skip
        base_sql, base_params = base
        return (
            f"{raw}, head AS MATERIALIZED (SELECT q.pk, q.published_at, h.score "
            f"FROM ({base_sql}) AS q JOIN head_raw AS h ON h.article_id = q.pk "
            # As an array, so the planner looks the few ids up instead of
            # reading every published article to join them.
            "WHERE q.pk = ANY(ARRAY(SELECT article_id FROM head_raw)))",
            [*raw_params, *base_params],
        )

    def _newest_sql(self, base, prepared, *, count, want):
        """SQL and params: the ``recent`` CTE, and rows (tier, id, date, score) of
        the newest matches outside ``head`` in ``base``: tier 1 if enough were
        found among the newest articles, else tier 2, the fallback.

        ``want`` (SQL) of them are wanted, at most ``count``. First among the
        ``scan_size(count)`` newest articles: the planner walks them newest
        first, checking each one's vector, and stops at the last one wanted, or
        hashes a rare word's few matches; the bound keeps a word it wrongly
        takes for common from walking the whole archive. Exact, since every
        article left unread is older than those read. Only if too few of them
        match does the fallback run, reading all matches, sorted on an
        expression so that no planner walks the archive for a rare word's few.
        """
        base_sql, base_params = base
        matching_sql, matching_params = self._matching_ids(prepared)
        return (
            "recent AS MATERIALIZED (SELECT r.pk, r.published_at FROM ("
            f"SELECT q.pk, q.published_at FROM ({base_sql}) AS q "
            "ORDER BY q.published_at DESC, q.pk DESC LIMIT %s) AS r "
            f"WHERE r.pk IN ({matching_sql}) AND NOT (r.pk = ANY(ARRAY(SELECT pk FROM head))) "
            # The whole ``count``, a constant: with ``want`` the planner would not
            # know how many rows are wanted, and read a rare word's few matches
            # by checking the newest articles one by one.
            "ORDER BY r.published_at DESC, r.pk DESC LIMIT %s)",
            [*base_params, scan_size(count), *matching_params, count],
            f"SELECT 1, pk, published_at, NULL::float8 FROM recent "
            f"WHERE (SELECT count(*) FROM recent) >= {want} UNION ALL "
            "SELECT 2, pk, published_at, NULL::float8 FROM ("
            f"SELECT q.pk, q.published_at FROM ({base_sql}) AS q "
            f"WHERE q.pk = ANY(ARRAY({matching_sql})) "
            "AND NOT (q.pk = ANY(ARRAY(SELECT pk FROM head))) "
            "ORDER BY coalesce(q.published_at, q.published_at) DESC, q.pk DESC LIMIT %s) AS a "
            f"WHERE (SELECT count(*) FROM recent) < {want}",
            [*base_params, *matching_params, count],
        )

    def _run(self, ctes, selects, page=None):
        """Run ``WITH ctes`` and the ranking (``selects``, UNION ALL-ed).

        Returns (tier, id) rows best first (tier 0: the headline tier), and the
        articles of the ``page`` (start, stop, fields) of the ranking, loaded by
        the same statement.
        """
        ranked = "ranked (tier, pk, published_at, score) AS (" + " UNION ALL ".join(
            sql for sql, _ in selects
        ) + ")"  # fmt: skip
        order = "tier, score, published_at DESC NULLS LAST, pk DESC"
        params = [p for _, ps in ctes for p in ps] + [p for _, ps in selects for p in ps]
        ctes = ", ".join([*(sql for sql, _ in ctes), ranked])
        fields = ("id", *page[2]) if page else ()
        if page:
            meta = Article._meta
            columns = ", ".join(f'a."{meta.get_field(name).column}"' for name in fields)
            sql = (
                f"WITH {ctes}, ordered AS MATERIALIZED (SELECT tier, pk, "
                f"row_number() OVER (ORDER BY {order}) AS n FROM ranked) "
                f"SELECT o.tier, o.pk, {columns} FROM ordered AS o LEFT JOIN ("
                f'SELECT {columns} FROM "{meta.db_table}" AS a WHERE a."id" = ANY(ARRAY('
                "SELECT pk FROM ordered WHERE n > %s AND n <= %s))) AS a ON a.id = o.pk "
                "ORDER BY o.n"
            )
            params += [page[0], page[1]]
        else:
            sql = f"WITH {ctes} SELECT tier, pk FROM ranked ORDER BY {order}"
        with default_connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        articles = {
            row[1]: Article.from_db(default_connection.alias, fields, _from_db(fields, row[2:]))
            for row in rows
            if len(row) > 2 and row[2] is not None
        }
        return [(row[0], row[1]) for row in rows], articles

    def rank(self, queryset, prepared, *, window, count, page=None):
        """The headline tier's ids best first, up to ``count`` newest other matches,
        and the articles of ``page`` (start, stop, fields) of that ranking.

        For a page, one round trip: the headline tier (``window`` newest hits
        scored), then as many of the newest other matches as ``count`` leaves
        room for, then the page's articles. Without one (counting and facets
        rank the best thousand), the headline tier comes first, alone: in one
        statement the newest matches would have to fill all of ``count``, not
        only what the headline tier leaves, since the planner must see their
        number as a constant.
        """
        base = self._base(queryset)
        head_cte = self._head_sql(base, prepared, window)
        if page is None:
            rows, _ = self._run([head_cte], [HEAD_ROWS])
            head = [pk for _, pk in rows]
            return head, self._newest(base, prepared, count=count - len(head), exclude=head), {}
        want = f"greatest({int(count)} - (SELECT count(*) FROM head), 0)"
        recent_cte, recent_params, rest_sql, rest_params = self._newest_sql(
            base, prepared, count=count, want=want
        )
        rows, articles = self._run(
            [head_cte, (recent_cte, recent_params)], [HEAD_ROWS, (rest_sql, rest_params)], page
        )
        head = [pk for tier, pk in rows if tier == 0]
        return head, [pk for tier, pk in rows if tier != 0], articles

    def newest_matches(self, queryset, prepared, *, count, exclude=()):
        """Ids of the ``count`` newest matches in ``queryset`` outside ``exclude``."""
        return self._newest(self._base(queryset), prepared, count=count, exclude=exclude)

    def _newest(self, base, prepared, *, count, exclude):
        if count <= 0:
            return []
        head_cte = ("head AS (SELECT unnest(%s::bigint[]) AS pk)", [list(exclude)])
        recent_cte, recent_params, rest_sql, rest_params = self._newest_sql(
            base, prepared, count=count, want=str(int(count))
        )
        rows, _ = self._run([head_cte, (recent_cte, recent_params)], [(rest_sql, rest_params)])
        return [pk for _, pk in rows][:count]
