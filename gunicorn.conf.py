"""gunicorn settings for `make serve` (production profile; see README "Running in production")."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers; threads let a worker wait on the database without blocking readers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Load the app before forking: one copy of the code and warm imports in every worker.
preload_app = True
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    # In each worker, after the fork: search names, leaders and suggestion
    # indexes are built before the first request rather than during it.
    from articles.scale.warmup import warm

    warm()
