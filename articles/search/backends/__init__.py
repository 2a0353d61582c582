"""Which search backend a connection uses: one module per database vendor.

``base`` holds what both share; ``sqlite`` (FTS5) and ``postgres`` (tsvector)
build on it. They are imported on first use so that importing this package
never pulls in the other vendor's code.
"""

from django.db import connection as default_connection


def get_backend(connection=None):
    vendor = (connection or default_connection).vendor
    if vendor == "postgresql":
        from articles.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from articles.search.backends.sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {vendor}.")
