"""The project has one catalogue per interface language, complete and compiled.

Complete means: every string the code and the templates mark for translation is in
it, translated and not fuzzy. The source strings are English; the English catalogue
repeats them (or words them differently for readers).
"""

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po
from django.conf import settings
from django.template import engines
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIPPED = {".venv", "node_modules", "tests", "migrations", "bench"}
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
    "gettext_noop": None,
}


def po_path(language):
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


def read_catalogue(language):
    with po_path(language).open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


def _literal(expression):
    if expression is None:
        return None
    # {% translate %} keeps a Variable, {% blocktranslate context %} the resolved string.
    return getattr(expression.var, "literal", expression.var)


def template_strings(path):
    """``{(context, msgid): where}`` of one template: {% translate %} and {% blocktranslate %}."""
    template = engines["django"].engine.from_string(path.read_text(encoding="utf-8"))
    found = {}
    for node in template.nodelist.get_nodes_by_type(TranslateNode):
        message = getattr(node.filter_expression.var, "literal", None)
        if not node.noop and isinstance(message, str):
            found[(_literal(node.message_context), message)] = str(path.relative_to(ROOT))
    for node in template.nodelist.get_nodes_by_type(BlockTranslateNode):
        message, _vars = node.render_token_list(node.singular)
        if node.plural:
            message = (message, node.render_token_list(node.plural)[0])
        found[(_literal(node.message_context), message)] = str(path.relative_to(ROOT))
    return found


def source_strings():
    """Every string the project's code and templates mark for translation."""
    found = {}
    for path in sorted(ROOT.glob("**/*.py")):
        if SKIPPED & set(path.relative_to(ROOT).parts):
            continue
        with path.open("rb") as handle:
            for lineno, message, _comments, context in extract("python", handle, keywords=KEYWORDS):
                found[(context, message)] = f"{path.relative_to(ROOT)}:{lineno}"
    for pattern in ("**/templates/**/*.html", "**/templates/**/*.xml"):
        for path in sorted(ROOT.glob(pattern)):
            if not SKIPPED & set(path.relative_to(ROOT).parts):
                found.update(template_strings(path))
    return found


def test_one_catalogue_per_interface_language_in_the_project():
    # Two catalogues translating one string let one of them win silently.
    catalogues = sorted(
        path
        for path in ROOT.glob("**/LC_MESSAGES/django.po")
        if not {".venv", "node_modules"} & set(path.parts)
    )
    assert catalogues == sorted(po_path(language) for language in INTERFACE_LANGUAGES)
    assert [Path(p) for p in settings.LOCALE_PATHS] == [ROOT / "locale"]


def test_the_extraction_sees_code_and_templates():
    found = source_strings()
    assert (None, "Skip to content") in found  # base.html, {% translate %}
    assert (None, "Published %(date)s at %(time)s") in found  # {% blocktranslate %}
    assert (None, "publication time") in found  # gettext_lazy in a model


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_string_of_code_and_templates_is_in_the_catalogue(language):
    have = {(message.context, message.id) for message in read_catalogue(language)}
    missing = {key: where for key, where in source_strings().items() if key not in have}
    assert missing == {}, f"add these to {po_path(language).relative_to(ROOT)}"


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_string_is_translated(language):
    messages = read_catalogue(language)
    untranslated = [m.id for m in messages if not all(m.string if m.pluralizable else [m.string])]
    assert untranslated == []
    assert [m.id for m in messages if m.fuzzy] == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    po = po_path(language)
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for message in read_catalogue(language):
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
    assert stale == [], f"run: msgfmt -o {po.with_suffix('.mo')} {po}"


def test_strings_once_in_the_app_catalogue_are_still_french():
    # One string from each catalogue merged into the project's.
    with translation.override("fr"):
        assert translation.gettext("Sign-in blocked") != "Sign-in blocked"
        assert translation.gettext("publication time") == "date de publication"


def test_english_catalogue_is_the_one_django_reads():
    with translation.override("en"):
        assert translation.gettext("publication time") == "publication time"
    assert translation.trans_real.translation("en")._catalog.get("Skip to content")
