"""Wrong admin passwords: django-axes blocks the account and the address, not forever."""

import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from articles.security.clients import client_ip
from articles.tests.helpers.factories import make_editor

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery"  # the factories' password


@pytest.fixture(autouse=True)
def _language_restored():
    # LocaleMiddleware leaves the request's language active in this thread.
    before = translation.get_language()
    yield
    translation.activate(before)


@pytest.fixture
def alice():
    return make_editor(username="alice")


def sign_in(username, password, *, ip="203.0.113.7", language="en"):
    client = Client(REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE=language)
    response = client.post(reverse("admin:login"), {"username": username, "password": password})
    return client, response


def signed_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def fail(times, username="alice", ip="203.0.113.7"):
    for _ in range(times):
        _client, response = sign_in(username, "wrong", ip=ip)
        assert response.status_code in {200, 429}


def test_wrong_passwords_then_the_right_one_is_refused(settings, alice):
    fail(settings.AXES_FAILURE_LIMIT)
    client, response = sign_in("alice", RIGHT)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in blocked after 5 wrong passwords" in html
    assert "Try again in 15 minutes" in html
    assert not signed_in(client)


def test_fewer_failures_than_the_limit_still_let_the_editor_in(settings, alice):
    fail(settings.AXES_FAILURE_LIMIT - 1)
    client, response = sign_in("alice", RIGHT)
    assert response.status_code == 302
    assert signed_in(client)
    # A success starts the count over: the next typos do not lock at once.
    assert not AccessAttempt.objects.filter(username="alice").exists()


def test_the_account_is_locked_from_every_address(settings, alice):
    fail(settings.AXES_FAILURE_LIMIT, ip="203.0.113.7")
    client, response = sign_in("alice", RIGHT, ip="198.51.100.20")
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_address_is_locked_for_every_account(settings, alice):
    make_editor(username="bruno")
    for index in range(settings.AXES_FAILURE_LIMIT):
        _client, response = sign_in(f"guess{index}", "wrong")
    client, response = sign_in("bruno", RIGHT)
    assert response.status_code == 429
    # Someone else, elsewhere, is not affected.
    client, response = sign_in("bruno", RIGHT, ip="198.51.100.20")
    assert signed_in(client)


def test_the_lockout_page_is_in_french(settings, alice):
    fail(settings.AXES_FAILURE_LIMIT)
    _client, response = sign_in("alice", RIGHT, language="fr")
    html = response.content.decode()
    assert "Connexion bloquée après 5 mots de passe erronés" in html
    assert "Réessayez dans 15 minutes" in html


def test_the_lockout_ends_after_the_cool_off(settings, alice, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    fail(settings.AXES_FAILURE_LIMIT)
    assert sign_in("alice", RIGHT)[1].status_code == 429
    time_machine.shift(settings.AXES_COOLOFF_TIME.total_seconds() + 1)
    client, _response = sign_in("alice", RIGHT)
    assert signed_in(client)


@pytest.mark.parametrize(
    "command",
    [["axes_reset_username", "alice"], ["axes_reset_ip", "203.0.113.7"], ["axes_reset"]],
)
def test_reset_commands_lift_the_lockout(settings, alice, command):
    fail(settings.AXES_FAILURE_LIMIT)
    assert sign_in("alice", RIGHT)[1].status_code == 429
    call_command(*command, stdout=io.StringIO())
    client, _response = sign_in("alice", RIGHT)
    assert signed_in(client)


@pytest.mark.parametrize(
    "proxies, remote, forwarded, expected",
    [
        (0, "10.0.0.1", "203.0.113.7", "10.0.0.1"),  # no proxy: the header is anyone's
        (1, "10.0.0.1", "203.0.113.7", "203.0.113.7"),
        (1, "10.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # a forged entry first
        (2, "10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "10.0.0.2", "203.0.113.7", "10.0.0.2"),  # fewer hops than proxies
        (1, "10.0.0.1", "not-an-address", None),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
