"""Settings for Newsroom, read from the environment.

Local defaults need nothing installed: debug on, a SQLite file in the project
folder, an in-process cache. Production sets ``DJANGO_DEBUG=0`` and then must
give a real ``DJANGO_SECRET_KEY``.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def redis_database_for_worker(url, worker):
    """redis://host:6379/15 for worker "gw2" → redis://host:6379/13: counting down from the
    configured database, so parallel test workers never clear each other's cache."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    index = int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{(base - index) % 16}"))


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. Generate one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    # Only ever used with debug on, on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    "axes",
    "csp",
    "articles",
]

MIDDLEWARE = [
    # First: /livez and /healthz answer whatever the host, the scheme or the session.
    "articles.security.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "articles.security.headers.ContentSecurityPolicyMiddleware",
    "articles.security.headers.PermissionsPolicyMiddleware",
    # Database errors in views and templates: a 503 page rather than a 500.
    "articles.security.outage.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' pages from the page cache, answered as early as static files.
    "articles.public.early_cache.EarlyPageCacheMiddleware",
    # Below WhiteNoise, which serves its own precompressed static files. Readers' pages
    # hold no secret (no CSRF token, no session data) for BREACH to guess; admin pages
    # mask their CSRF token anew on every response and Django pads each compressed
    # response with random bytes.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Anything answered to a session stays out of shared caches.
    "articles.public.caching.PrivateResponsesMiddleware",
    # The reader's language from the address (/en/…, French at the root); editors' from
    # their browser.
    "articles.languages.middleware.ReaderLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After an admin sign-in, asks for a byline once if the person has none.
    "articles.authors.prompt.BylinePromptMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.public.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an editor saves.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # Busy timeout, in seconds: a writer waits this long for the lock before
    # "database is locked"; saves are short, so a queue of editors clears in time.
    DATABASES["default"]["OPTIONS"].setdefault(
        "timeout", int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20"))
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # Parallel test workers each clear the cache between tests: one Redis database each.
    REDIS_URL = redis_database_for_worker(REDIS_URL, os.environ["PYTEST_XDIST_WORKER"])
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions read from the cache (Redis when configured), written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Wrong passwords (django-axes): after AXES_FAILURE_LIMIT failures for one username (from
# anywhere) or from one address (whatever the username), logins are refused for
# AXES_COOLOFF_TIME, the right password included. `manage.py axes_reset_username NAME`
# (or axes_reset_ip, axes_reset) lifts a lockout at once.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "articles.security.lockout.lockout_response"
# Behind a proxy every request comes from the proxy: the client is read from
# X-Forwarded-For, counting DJANGO_TRUSTED_PROXIES hops from the right.
AXES_CLIENT_IP_CALLABLE = "articles.security.clients.client_ip"
TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first. LANGUAGES are the interface languages: the reader's pages exist in each
# (French at the root, English under /en/), with a complete catalogue for each.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
# Languages articles are also written in, with their own search stemmers and country names,
# but no interface: their pages speak the reader's language around the article's.
NEWSROOM_CONTENT_LANGUAGES = [
    ("es", _("Spanish")),
    ("de", _("German")),
]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
# One French catalogue for the whole project (the app has no locale/ of its own,
# so no string is translated twice with one version silently winning).
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The same storage whatever DEBUG says: collectstatic always writes the
    # manifest a debug-off server needs (with debug on, pages use plain names).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads larger than this are refused before Pillow opens them.
MAX_IMAGE_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Bytes of recent renditions kept in memory to write again without rendering (tests
# loading the demo over and over); 0 keeps nothing.
PICTURE_RENDER_MEMORY = int(os.environ.get("PICTURE_RENDER_MEMORY", "0"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

TAGGIT_CASE_INSENSITIVE = True

NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "Newsroom")
# Languages whose country names (CLDR) "Suggest from text" and import_article know;
# by default the site's, interface and content.
NEWSROOM_SUGGEST_LANGUAGES = env_list(
    "NEWSROOM_SUGGEST_LANGUAGES",
    [code for code, _name in [*LANGUAGES, *NEWSROOM_CONTENT_LANGUAGES]],
)
ARTICLES_PER_PAGE = 20

# Readers' pages (articles/public/caching.py): browsers keep them PAGE_MAX_AGE seconds,
# shared caches (a CDN) PAGE_SHARED_MAX_AGE, and may serve them
# PAGE_STALE_WHILE_REVALIDATE more while they check. Anonymous readers' pages are kept
# PAGE_CACHE_SECONDS in the cache under their ETag (a change makes a new key).
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "30"))
PAGE_SHARED_MAX_AGE = int(os.environ.get("PAGE_SHARED_MAX_AGE", "120"))
PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_STALE_WHILE_REVALIDATE", "60"))
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Part of every page's ETag; by default worked out from the code and templates' files.
NEWSROOM_RELEASE = os.environ.get("NEWSROOM_RELEASE", "")

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp), enforced: scripts and styles only from our own
# static files, or inline with the response's nonce ({{ request.csp_nonce }}); no
# plugins, frames, foreign forms or <base>. Readers' pages have no inline code at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": not DEBUG,
    }
}
# Added on admin pages only: previews of a picture chosen for upload, the admin's icons,
# and the stylesheet the prose editor (tiptap) injects without a nonce, allowed by its
# hash. Upgrading django-prose-editor may change it: the CSP browser test then fails
# and names the new hash.
TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {
    "img-src": ["blob:", "data:"],
    "style-src": [TIPTAP_STYLE_HASH],
}
# Browser features no page of the site uses, refused to the site and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
