"""The Content-Security-Policy and Permissions-Policy headers, and templates that obey them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from articles.security.headers import permissions_policy_header
from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db


def policy(response):
    """The header as {directive: [sources]}."""
    directives = {}
    for part in response.headers["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_public_pages_allow_only_their_own_files():
    article = make_article(title="Sommet à Vladivostok")
    for url in ["/", article.get_absolute_url(), "/countries/", "/search/?q=sommet"]:
        response = Client().get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["img-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["base-uri"] == ["'none'"]
        assert "Content-Security-Policy-Report-Only" not in response.headers


def test_the_404_page_has_the_policy_too():
    response = Client().get("/nothing-here/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]


def test_admin_pages_allow_local_picture_previews(editor_client):
    directives = policy(editor_client.get(reverse("admin:articles_article_changelist")))
    assert {"'self'", "blob:", "data:"} <= set(directives["img-src"])
    assert "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-inline'" not in directives["script-src"]


def test_the_article_form_nonces_the_prose_editors_import_map(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    importmap = re.search(r'<script type="importmap"[^>]*>', html).group(0)
    assert f'nonce="{nonce}"' in importmap
    # A fresh nonce per response.
    again = editor_client.get(reverse("admin:articles_article_add"))
    assert nonce not in again.headers["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/api/ninjs/articles/", "/feed/", "/admin/login/"])
def test_permissions_policy_turns_unused_features_off(url):
    response = Client().get(url)
    header = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def test_permissions_policy_header_format():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )


TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "articles"]
INLINE = [
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler attribute"),
    (re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I), "a <style> without nonce"),
    (
        re.compile(r"<script(?![^>]*\b(?:src|nonce)=)(?![^>]*application/ld\+json)[^>]*>", re.I),
        "an inline <script> without nonce",
    ),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def our_templates():
    for folder in TEMPLATE_DIRS:
        yield from folder.rglob("*.html")


def test_no_template_holds_inline_code_the_policy_would_refuse():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {what}"
        for path in our_templates()
        for pattern, what in INLINE
        if pattern.search(path.read_text())
    ]
    assert found == []


def test_the_template_check_catches_inline_code(tmp_path):
    samples = [
        '<p style="color:red">',
        '<a onclick="x()">',
        "<style>p{}</style>",
        "<script>alert(1)</script>",
        '<a href="javascript:x()">',
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern, _what in INLINE), sample
    for allowed in [
        '<style nonce="{{ request.csp_nonce }}">',
        '<script src="/static/x.js"></script>',
        '<script type="application/ld+json">{}</script>',
    ]:
        assert not any(pattern.search(allowed) for pattern, _what in INLINE), allowed
