"""Reader search: one full-text index per database backend.

SQLite uses an FTS5 table, PostgreSQL a stored tsvector with a GIN index; both
are kept in step with the articles by ``signals`` inside the writing
transaction, and rebuilt with ``manage.py rebuild_search_index``.
"""
