import pytest


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploaded files go to a fresh folder per test, never the developer's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Hashed names need collectstatic; tests render pages without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Factories create many users; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, whether in-process or Redis."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_stamps_at_once(monkeypatch):
    """Page stamps move when a transaction commits; a test's transaction never does, so
    they move at once (tests of the on-commit rule put it back)."""
    from articles.public import invalidation

    monkeypatch.setattr(invalidation, "on_commit", lambda func: func())


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a request to /en/… leaves English active."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
