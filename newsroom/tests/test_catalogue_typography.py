"""French interface strings follow French typography, as the reader's pages do.

High punctuation (: ; ! ?) takes a no-break space before it, « guillemets » take
no-break spaces inside: a line never starts with a colon or a lone guillemet.
"""

import re

import pytest
from django.contrib import admin
from django.utils import translation

from articles.models import Article
from newsroom.tests.test_catalogue import read_catalogue

NO_BREAK = "\u00a0\u202f"
# A colon ending a clause (not "14:30", not "https://") without a no-break space before it.
BAD_HIGH_PUNCTUATION = re.compile(rf"(?:^|[^{NO_BREAK}])[;:!?](?=\s|$|»|\))")
BAD_OPENING = re.compile(rf"«(?![{NO_BREAK}])")
BAD_CLOSING = re.compile(rf"(?<![{NO_BREAK}])»")


def typography_faults(text):
    return [
        match.group(0)
        for pattern in (BAD_HIGH_PUNCTUATION, BAD_OPENING, BAD_CLOSING)
        for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "faults"),
    [
        ("repéré: Moscou", ["é:"]),
        ("repéré : Moscou", [" :"]),
        ("repéré\u202f: Moscou", []),
        ("« Paix »", ["«", "»"]),
        ("«\u00a0Paix\u00a0»", []),
        ("à 14:30, voir https://example.org", []),
    ],
)
def test_the_check_itself(text, faults):
    assert [f.strip() or f for f in typography_faults(text)] == [f.strip() or f for f in faults]


def test_every_french_string_is_typeset():
    faults = {}
    for message in read_catalogue("fr"):
        strings = message.string if message.pluralizable else [message.string]
        for text in strings:
            if found := typography_faults(text):
                faults[text] = found
    assert faults == {}


@pytest.mark.django_db
def test_suggestion_panel_says_repere_with_a_no_break_space():
    with translation.override("fr"):
        media = str(admin.site._registry[Article].media)
    assert "(repéré\u202f: %(words)s)" in media
