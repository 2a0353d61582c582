#!/usr/bin/env bash
# Search benchmark on SQLite and PostgreSQL at 10,000 and 100,000 articles.
# Databases live in /tmp/nr-bench (SQLite) and nr_search_bench_* (PostgreSQL),
# never in the repository. Usage: bench/run_search_bench.sh [sizes…]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
mkdir -p /tmp/nr-bench
for size in ${sizes[@]}; do
  for url in "sqlite:////tmp/nr-bench/search-${size}.sqlite3" \
             "postgres://postgres@127.0.0.1:5432/nr_search_bench_${size}"; do
    if [[ $url == sqlite* ]]; then
      rm -f "/tmp/nr-bench/search-${size}.sqlite3"*
    else
      dropdb -h 127.0.0.1 -U postgres --if-exists "nr_search_bench_${size}"
      createdb -h 127.0.0.1 -U postgres "nr_search_bench_${size}"
    fi
    DATABASE_URL=$url .venv/bin/python manage.py migrate -v0
    DATABASE_URL=$url .venv/bin/python manage.py load_demo >/dev/null  # leaders for the data
    DATABASE_URL=$url .venv/bin/python manage.py shell -c \
      "from articles.models import Article; Article.objects.all().delete()"
    DATABASE_URL=$url .venv/bin/python manage.py bench_search_data --count "$size" | tail -n 1
    # What autovacuum does soon after a bulk load: index-only scans need the
    # visibility map; measuring before it would time a state that does not last.
    if [[ $url == postgres* ]]; then psql "$url" -qc "VACUUM ANALYZE"; fi
    DATABASE_URL=$url .venv/bin/python bench/search_bench.py
  done
done
