"""Snippets find the reader's words however the text writes them, and read a
body that does not hold them without looking at each of its words."""

import pytest

from articles.search import highlight as module
from articles.search.highlight import highlight, snippet

FILLER = "mot " * 200


@pytest.mark.parametrize(
    ("text", "term", "marked"),
    [
        ("Un SOMMET historique", "sommet", "SOMMET"),
        ("Les sommets de Séoul", "sommet", "sommets"),
        ("La Corée du Nord", "coree", "Corée"),
        ("Un CŒUR battant", "coeur", "CŒUR"),
        ("Straße gesperrt", "strasse", "Straße"),
        ("Визит Путина в Пхеньян", "путина", "Путина"),
    ],
)
def test_snippet_centres_on_the_word_however_written(text, term, marked):
    piece = str(snippet(FILLER + text + " " + FILLER, [term]))
    assert piece.startswith("… ")
    assert f"<mark>{marked}</mark>" in piece


def test_a_body_without_the_words_is_not_read_word_by_word(monkeypatch):
    looked_at = []
    real = module._matches

    def counting(word, terms):
        looked_at.append(word)
        return real(word, terms)

    monkeypatch.setattr(module, "_matches", counting)
    piece = str(snippet(FILLER + "la fin", ["sommet"]))
    assert piece.startswith("mot mot") and "<mark>" not in piece
    # Only the snippet's own words, to highlight them; not the 200 of the body.
    assert len(looked_at) == len(piece.split()) - 1  # the closing "…"


def test_highlight_marks_each_form_and_escapes():
    html = str(highlight("<b>Sommet</b> & sommets, pas sondage", ["sommet"]))
    assert html == (
        "&lt;b&gt;<mark>Sommet</mark>&lt;/b&gt; &amp; <mark>sommets</mark>, pas sondage"
    )
