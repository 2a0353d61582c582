import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article, Country, Tag
from articles.tests.helpers.factories import (
    country,
    make_article,
    make_leader,
    make_user,
)

pytestmark = pytest.mark.django_db


class TestPublished:
    def test_only_published_articles_whose_time_has_come(self):
        visible = make_article()
        make_article(status=Article.Status.DRAFT)
        make_article(published_at=timezone.now() + datetime.timedelta(minutes=5))
        assert list(Article.objects.published()) == [visible]

    def test_a_draft_with_a_past_time_is_not_published(self):
        make_article(status=Article.Status.DRAFT, published_at=timezone.now())
        assert not Article.objects.published().exists()

    def test_scheduled_article_appears_when_its_time_comes(self):
        at = timezone.now() + datetime.timedelta(hours=1)
        article = make_article(published_at=at)
        assert not Article.objects.published().exists()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(timezone, "now", lambda: at + datetime.timedelta(seconds=1))
            assert list(Article.objects.published()) == [article]


class TestArticleConstraints:
    def test_published_without_time_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.create(title="T", slug="t", status="published", published_at=None)

    def test_unknown_status_is_refused_by_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.create(title="T", slug="t", status="bogus")

    def test_same_slug_same_day_is_refused(self):
        day = timezone.now().replace(hour=12)
        make_article(slug="sommet", published_at=day - datetime.timedelta(hours=1))
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article(slug="sommet", published_at=day)

    def test_same_slug_same_day_gives_a_clear_validation_error(self):
        day = timezone.now().replace(hour=12)
        make_article(slug="sommet", published_at=day - datetime.timedelta(hours=1))
        article = Article(title="Autre", slug="sommet", status="published", published_at=day)
        with pytest.raises(ValidationError) as error:
            article.validate_constraints()
        assert "publié le même jour utilise déjà ce slug" in str(error.value)

    def test_same_slug_on_another_day_is_fine(self):
        make_article(slug="sommet", published_at=timezone.now() - datetime.timedelta(days=2))
        make_article(slug="sommet", published_at=timezone.now() - datetime.timedelta(days=1))
        assert Article.objects.filter(slug="sommet").count() == 2

    def test_clean_fills_in_the_publication_time(self):
        article = Article(title="T", slug="t", body="<p>x</p>", status="published")
        article.clean()
        assert article.published_at is not None


class TestSanitising:
    def test_body_is_sanitised_on_every_save(self):
        article = make_article(
            body=(
                '<p onclick="steal()">Bonjour<script>alert(1)</script></p>'
                '<a href="javascript:alert(1)">x</a><a href="data:text/html,hi">y</a>'
                '<img src="x" onerror="alert(1)"><a href="https://example.org">ok</a>'
            )
        )
        article.refresh_from_db()
        assert "script" not in article.body
        assert "onclick" not in article.body
        assert "javascript:" not in article.body
        assert "data:" not in article.body
        assert "onerror" not in article.body
        assert "<p>Bonjour</p>" in article.body
        assert 'href="https://example.org"' in article.body

    def test_saving_only_the_body_sanitises_it(self):
        article = make_article()
        article.body = "<p>ok</p><script>x</script>"
        article.save(update_fields=["body"])
        article.refresh_from_db()
        assert article.body == "<p>ok</p>"

    def test_queryset_update_sanitises_the_body(self):
        article = make_article()
        Article.objects.filter(pk=article.pk).update(
            body='<p onclick="steal()">Mise à jour</p><script>x</script>'
        )
        article.refresh_from_db()
        assert article.body == "<p>Mise à jour</p>"

    def test_queryset_update_refuses_a_body_computed_by_the_database(self):
        article = make_article(standfirst="<script>x</script>")
        with pytest.raises(TypeError):
            Article.objects.filter(pk=article.pk).update(body=F("standfirst"))
        article.refresh_from_db()
        assert "script" not in article.body

    def test_bulk_writes_sanitise_the_body(self):
        created = Article.objects.bulk_create(
            [
                Article(title="Un", slug="un", body="<p>un</p><script>x</script>"),
                Article(title="Deux", slug="deux", body='<p>deux</p><iframe src="x"></iframe>'),
            ]
        )
        assert sorted(Article.objects.values_list("body", flat=True)) == [
            "<p>deux</p>",
            "<p>un</p>",
        ]
        for article in created:
            article.body += '<p onclick="steal()">encore</p>'
        Article.objects.bulk_update(created, ["body"])
        assert sorted(Article.objects.values_list("body", flat=True)) == [
            "<p>deux</p><p>encore</p>",
            "<p>un</p><p>encore</p>",
        ]

    def test_queryset_update_keeps_the_database_rules(self):
        article = make_article()
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.filter(pk=article.pk).update(published_at=None)
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.filter(pk=article.pk).update(status="online")
        assert Article.objects.published().get() == article


class TestByline:
    def test_names_then_credit_as_feeds_and_the_api_print_them(self):
        anne = make_user(first_name="Anne", last_name="Dupont")
        article = make_article(authors=[anne], credit="avec AFP")
        assert article.byline == "Anne Dupont, avec AFP"
        # Without a full name, the username.
        article.authors.set([make_user(username="marc.roy")])
        assert article.byline == "marc.roy, avec AFP"

    def test_credit_alone_and_nothing(self):
        article = make_article(credit="AFP")
        article.authors.clear()
        assert article.byline == "AFP"
        article.credit = ""
        assert article.byline == ""


class TestUrlStability:
    def test_published_article_cannot_change_slug(self):
        article = make_article(slug="premier")
        article.slug = "second"
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "slug" in error.value.message_dict

    def test_published_article_cannot_move_to_another_day(self):
        article = make_article()
        article.published_at -= datetime.timedelta(days=3)
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "published_at" in error.value.message_dict

    def test_draft_may_change_slug(self):
        article = make_article(status=Article.Status.DRAFT, slug="premier")
        article.slug = "second"
        article.full_clean()

    def test_url_uses_the_local_publication_day(self):
        at = datetime.datetime(2019, 4, 25, 23, 30, tzinfo=datetime.UTC)  # 26th in Paris
        article = make_article(slug="sommet", published_at=at)
        assert article.get_absolute_url() == "/2019/04/26/sommet/"

    def test_draft_has_no_url(self):
        assert make_article(status=Article.Status.DRAFT).get_absolute_url() is None


class TestCountry:
    def test_all_iso_countries_are_loaded(self):
        assert Country.objects.count() == 249
        assert not Country.objects.filter(code__in=["EU", "ZZ", "UN", "XK"]).exists()

    def test_name_in_the_pages_language(self):
        russia = country("RU")
        assert russia.name == "Russie"
        assert russia.name_in("en") == "Russia"
        assert russia.name_in("de") == "Russland"
        assert country("KP").name_in("fr") == "Corée du Nord"

    def test_unknown_language_falls_back(self):
        assert country("RU").name_in("xx") == "Russie"


class TestLeader:
    def test_wikidata_id_must_be_q_and_digits(self):
        leader = make_leader(name="Vladimir Putin", wikidata_id="7747")
        with pytest.raises(ValidationError) as error:
            leader.full_clean()
        assert "wikidata_id" in error.value.message_dict
        leader.wikidata_id = "Q7747"
        leader.full_clean()

    def test_aliases_one_per_line(self):
        leader = make_leader(aliases="Poutine\n  Путин \n\n")
        assert leader.alias_list == ["Poutine", "Путин"]

    def test_office_dates_in_order(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_leader(
                in_office_from=datetime.date(2020, 1, 1), in_office_to=datetime.date(2019, 1, 1)
            )


class TestTag:
    def test_slug_folds_case_and_accents(self):
        assert Tag.objects.create(name="Corée du Nord").slug == "coree-du-nord"

    def test_non_latin_names_are_transliterated(self):
        assert Tag.objects.create(name="Путин").slug == "putin"
        assert Tag.objects.create(name="习近平").slug == "xijinping"

    def test_rename_moves_the_slug(self):
        tag = Tag.objects.create(name="Sommet")
        tag.name = "Sommets"
        tag.save()
        assert tag.slug == "sommets"

    def test_clean_refuses_a_name_that_folds_to_another_tag(self):
        Tag.objects.create(name="Corée")
        with pytest.raises(ValidationError):
            Tag(name="COREE").full_clean()
