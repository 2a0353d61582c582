"""Editor HTML read back as plain text: one reading for diffs, search, suggestions, counts."""

from articles.html import html_to_text


def test_body_is_compared_as_text():
    assert html_to_text("<p>Un</p><p>Deux &amp; trois</p>").strip() == "Un\nDeux & trois"


def test_plain_text_keeps_paragraphs():
    text = html_to_text("<p>Un &amp; deux</p><p>trois<br>quatre</p>", separator="\n\n")
    assert text.split("\n\n") == ["Un & deux", "trois", "quatre", ""]


def test_inline_tags_do_not_split_words_and_lists_start_a_line():
    html = "<p>l’<em>article</em> de <strong>Séoul</strong></p><ul><li>a</li><li>b</li></ul>"
    assert html_to_text(html) == "l’article de Séoul\n\na\nb\n"
