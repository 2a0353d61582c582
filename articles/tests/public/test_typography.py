"""Names that do not break, and times with their zone, applied at render only."""

import datetime

import pytest

from articles.languages.alternates import article_path
from articles.models import Article
from articles.public.typography import NBSP, dateline_zone, typeset, zoned_time
from articles.tests.helpers.factories import make_article

APRIL_25_7_UTC = datetime.datetime(2019, 4, 25, 7, 0, tzinfo=datetime.UTC)


class TestNames:
    @pytest.mark.parametrize(
        ("text", "kept"),
        [
            ("Kim Jong-un arrive", 'Kim <span class="nobr">Jong-un</span> arrive'),
            ("Moon Jae-in et Jean-Yves", '<span class="nobr">Jae-in</span>'),
            ("à Saint-Pétersbourg.", '<span class="nobr">Saint-Pétersbourg</span>.'),
        ],
    )
    def test_hyphenated_names_stay_on_one_line(self, text, kept):
        assert kept in typeset(text, "fr")

    def test_common_words_and_tags_are_left_alone(self):
        html = '<a href="/x-Y/" title="Jong-un">un porte-avions</a>'
        assert typeset(html, "en", is_html=True) == html

    def test_escaping_still_comes_first(self):
        assert (
            typeset("<b>Jong-un</b>", "en")
            == '&lt;b&gt;<span class="nobr">Jong-un</span>&lt;/b&gt;'
        )

    @pytest.mark.django_db
    def test_stored_text_keeps_its_hyphen(self, client):
        article = make_article(title="Kim Jong-un à Vladivostok")
        html = client.get(article.get_absolute_url()).content.decode()
        assert '<span class="nobr">Jong-un</span>' in html
        assert "<title>Kim Jong-un à Vladivostok" in html
        assert Article.objects.get(pk=article.pk).title == "Kim Jong-un à Vladivostok"
        assert "\u2011" not in html


class TestTimes:
    def test_french_hours_and_the_site_zone(self):
        assert zoned_time(APRIL_25_7_UTC, "fr") == f"9{NBSP}h{NBSP}00{NBSP}(heure de Paris)"

    def test_english_names_the_zone(self):
        text = zoned_time(APRIL_25_7_UTC, "en")
        assert text.startswith("9:00") and "AM" in text and text.endswith(" (Paris time)")

    @pytest.mark.parametrize(
        ("dateline", "zone"),
        [
            ("Vladivostok", "Asia/Vladivostok"),
            ("SÉOUL", "Asia/Seoul"),
            ("Moscou", "Europe/Moscow"),
            ("Pékin", "Asia/Shanghai"),
            ("Washington", "America/New_York"),
            ("Quelque part", None),
            ("", None),
        ],
    )
    def test_dateline_zone(self, dateline, zone):
        found = dateline_zone(dateline)
        assert (found.key if found else None) == zone

    def test_the_datelines_time(self):
        assert zoned_time(APRIL_25_7_UTC, "fr", "Vladivostok") == (
            f"17{NBSP}h{NBSP}00{NBSP}(heure de Vladivostok)"
        )
        assert zoned_time(APRIL_25_7_UTC, "fr", "Ankara") == (
            f"10{NBSP}h{NBSP}00{NBSP}(heure d’Istanbul)"
        )

    @pytest.mark.django_db
    def test_article_page_says_where_the_time_is(self, client):
        article = make_article(
            title="Sommet", dateline="Vladivostok", language="fr", published_at=APRIL_25_7_UTC
        )
        html = client.get(article.get_absolute_url()).content.decode()
        assert f"Publié le 25 avril 2019 à 17{NBSP}h{NBSP}00{NBSP}(heure de Vladivostok)" in html
        english = make_article(title="Summit", language="en", published_at=APRIL_25_7_UTC)
        # The line is the page's, in the reader's language, whatever the article's.
        html = client.get(article_path(english, "fr")).content.decode()
        assert f"9{NBSP}h{NBSP}00{NBSP}(heure de Paris)" in html
        html = client.get(article_path(english, "en")).content.decode()
        assert "9:00" in html and "(Paris time)" in html
