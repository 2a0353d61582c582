"""What the two index implementations share, and which one a connection uses.

SQLite FTS5 (``sqlite_backend``) and PostgreSQL tsvector (``postgres_backend``)
both take documents (``documents.Document``) to write, and a list of groups
(``query.Group``) to match; each group is a phrase of folded words or any of a
few subject tokens, and all groups must match. Reader text is only ever passed
as a quoted FTS5 phrase or a bound parameter.
"""

from dataclasses import dataclass

from django.db.models.functions import Coalesce

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
    """A query in the backend's own syntax: what must match, and the headline tier.

    FTS5 queries on SQLite, tsquery texts on PostgreSQL; always bound as parameters.
    """

    match: str
    head: str = ""
    # One group, the reader's own: a headline-tier hit matches the whole query
    # (the headline fields are part of the whole article), no check needed.
    head_is_match: bool = False


# How many of the newest articles are read, per match wanted (and at least),
# before taking a word for rare and reading all its matches: a word in one
# article of twenty is found among them; rarer ones have few matches.
SCAN_PER_RESULT = 20
SCAN_MIN = 500


def scan_size(count):
    return max(SCAN_MIN, SCAN_PER_RESULT * count)
