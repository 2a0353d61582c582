"""Checks of a page's cached answers."""

from articles.public import stamps


def assert_cached_answers(client, url, assert_num_queries, queries=1):
    """``url``, already rendered once, answers from the copy kept early for one query.
    With early copies set aside (a change elsewhere), it answers from the page cache for
    ``queries`` (its stamps), plus the early check that found its copy outdated."""
    with assert_num_queries(1):
        assert client.get(url)["X-Page-Cache"] == "early"
    stamps.bump_site()
    with assert_num_queries(1 + queries):
        assert client.get(url)["X-Page-Cache"] == "hit"
