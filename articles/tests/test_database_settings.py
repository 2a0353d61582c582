"""SQLite as an embedded database: concurrent saves wait their turn instead of failing."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def test_sqlite_waits_for_the_lock_rather_than_failing():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite settings only")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    # Longer than any save: a writer waits this long for the lock before failing.
    assert options["timeout"] >= 20


# serialized_rollback: the browser tests after this one find the migrations' data again.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_saving_at_once_lose_nothing(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL has row locks; this is SQLite's single writer")
    # A file, not the shared in-memory test database: that one locks tables, not files.
    path = tmp_path / "newsroom.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    threads, saves = 8, 6
    run = subprocess.run(
        [sys.executable, "-m", "articles.tests.helpers.concurrent_saves", str(threads), str(saves)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{path}", "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert len(outcome["titles"]) == threads
    for pk, title in outcome["titles"].items():
        assert title == f"Article {pk}, version {saves}"


def test_parallel_test_workers_get_a_redis_database_each():
    from newsroom.settings import redis_database_for_worker

    url = "redis://127.0.0.1:6379/15"
    databases = {redis_database_for_worker(url, f"gw{n}") for n in range(4)}
    assert databases == {f"redis://127.0.0.1:6379/{db}" for db in (15, 14, 13, 12)}
    assert redis_database_for_worker("redis://:secret@cache:6379", "gw1").endswith(
        ":secret@cache:6379/15"
    )
