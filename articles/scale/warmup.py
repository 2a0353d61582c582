"""What a new worker builds before its first request, not during it.

gunicorn.conf.py calls ``warm()`` in every worker once it has forked (not in the
master: it would share its database connection with the workers). Without it
the first search of a worker reads the country names and every leader, and the
first "Suggest from text" builds its index: a few hundred milliseconds for that
reader or editor.
"""

import logging
import time

from django.db import DatabaseError

logger = logging.getLogger(__name__)
WARM_UP_QUERY = "Corée du Nord"


def warm():
    """Load the names search recognises and the suggestion indexes; returns ms spent."""
    from articles.search.engine import search
    from articles.search.query import country_names, known_leaders
    from articles.suggest.engine import suggest
    from articles.suggest.knowledge import get_index, suggest_languages

    start = time.perf_counter()
    country_names()
    try:
        known_leaders()
        for language in suggest_languages():
            get_index(language)
        # One search and one suggestion end to end: the code they import and the
        # queries they compile on first use are then ready too.
        found = search(WARM_UP_QUERY)
        found.facets()
        list(found.results[:1])
        suggest(WARM_UP_QUERY, suggest_languages()[0])
    except DatabaseError:
        # Not migrated yet, or the database is away: the first request builds them.
        logger.warning("Warm-up skipped: the database is not ready.", exc_info=True)
    # The connection it opened stays: the first request's start checks it as usual.
    return (time.perf_counter() - start) * 1000
