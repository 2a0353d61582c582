"""The Nu HTML Checker (vnu, from npm) on every kind of public page, in the states
that broke validity before: a story published "now", hostile headlines,
correction notes, pictures, a share preview, a 404. One JVM run for all pages.

Skipped without java or node_modules on a laptop; a failure on CI (see
articles/tests/helpers/conformance.py).
"""

from pathlib import Path

import pytest

from articles.tests.helpers.conformance import vnu_errors
from articles.tests.helpers.hostile_site import build_site

pytestmark = pytest.mark.django_db

# Known invalid (six fractional digits), so a run that reports nothing at all
# is seen for what it is.
CANARY = (
    '<!doctype html><html lang="fr"><head><title>Témoin</title></head><body>'
    '<p><time datetime="2026-12-01T07:22:21.044416+00:00">1er décembre</time></p></body></html>'
)


def test_public_pages_are_valid_html(client, tmp_path):
    files = []
    for name, path in build_site().items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")

    errors = vnu_errors([*files, canary])

    def page(error):
        return Path(error.get("url", "")).name

    assert any(page(e) == "canary.html" for e in errors), "vnu passed a known-invalid page"
    report = [
        f"{page(e)}:{e.get('lastLine')}: {e['message']}\n    {e.get('extract', '')!r}"
        for e in errors
        if page(e) != "canary.html"
    ]
    assert not report, "\n".join(report)
