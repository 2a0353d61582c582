"""The project has one French catalogue, complete and compiled."""

import gettext
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def read_catalogue():
    with PO.open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


def test_no_catalogue_outside_the_project_one():
    # Two catalogues translating one string let one of them win silently.
    catalogues = [
        path
        for path in ROOT.glob("**/LC_MESSAGES/django.po")
        if not {".venv", "node_modules"} & set(path.parts)
    ]
    assert catalogues == [PO]
    assert [Path(p) for p in settings.LOCALE_PATHS] == [ROOT / "locale"]


def test_every_french_string_is_translated():
    messages = read_catalogue()
    untranslated = [m.id for m in messages if not all(m.string if m.pluralizable else [m.string])]
    assert untranslated == []
    assert [m.id for m in messages if m.fuzzy] == []


def test_compiled_catalogue_matches_the_source():
    with PO.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for message in read_catalogue():
        if message.pluralizable:
            singular, plural = message.id
            got = [
                compiled.npgettext(message.context, singular, plural, n)
                if message.context
                else compiled.ngettext(singular, plural, n)
                for n in (1, 2)
            ]
            expected = list(message.string)
        else:
            got = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            expected = message.string
        if got != expected:
            stale.append(message.id)
    assert stale == [], (
        "run: msgfmt -o locale/fr/LC_MESSAGES/django.mo locale/fr/LC_MESSAGES/django.po"
    )


def test_strings_once_in_the_app_catalogue_are_still_french():
    # One string from each catalogue merged into the project's.
    with translation.override("fr"):
        assert translation.gettext("Sign-in blocked") != "Sign-in blocked"
        assert translation.gettext("publication time") == "date de publication"
