"""/livez, /healthz, and a plain 503 when the database is down."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections
from django.test import Client
from django.urls import reverse

from articles.tests.helpers.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it would with the server gone."""

    def down(error=OperationalError):
        def refuse(*args, **kwargs):
            raise error("could not connect to server: Connection refused")

        monkeypatch.setattr(connections["default"], "cursor", refuse)
        monkeypatch.setattr(connections["default"], "chunked_cursor", refuse)

    return down


def test_livez_answers_without_the_database(client, database_down):
    database_down()
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_is_ready_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_healthz_is_503_when_the_database_is_down(client, database_down, error):
    database_down(error)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
    }
    assert "Connection refused" not in response.content.decode()


def test_healthz_is_503_when_the_cache_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(cache, "set", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_health_answers_for_any_host_and_over_plain_http(settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/livez", "/healthz"):
        response = Client(HTTP_HOST="10.0.0.7:8000").get(path)
        assert response.status_code == 200, path


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_public_page_is_a_plain_503_when_the_database_is_down(database_down, error):
    make_article(title="Sommet à Vladivostok")
    database_down(error)
    client = Client(raise_request_exception=False)
    for url in ["/", "/countries/", "/search/?q=sommet", "/api/ninjs/articles/"]:
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        html = response.content.decode()
        assert "Momentanément indisponible" in html
        assert "Connection refused" not in html


def test_the_admin_is_a_503_too(database_down):
    client = Client(raise_request_exception=False)
    client.force_login(make_editor())
    database_down()
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 503


def test_a_database_error_outside_any_view_is_a_503_too(monkeypatch):
    # Saving the session happens after the view, out of the middleware's reach.
    def refuse(self, request, response):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionMiddleware, "process_response", refuse)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_errors_stay_500(monkeypatch):
    def broken(self, request, response):
        raise RuntimeError("a bug")

    monkeypatch.setattr(SessionMiddleware, "process_response", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
