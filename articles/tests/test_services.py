import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import services
from articles.models import Article, Tag
from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db


class TestPublish:
    def test_publish_now(self):
        article = make_article(status=Article.Status.DRAFT)
        services.publish(article=article)
        assert Article.objects.published().get() == article

    def test_publish_later_schedules(self):
        article = make_article(status=Article.Status.DRAFT)
        at = timezone.now() + datetime.timedelta(days=1)
        services.publish(article=article, at=at)
        stored = Article.objects.get(pk=article.pk)
        assert stored.status == Article.Status.PUBLISHED
        assert stored.published_at == at
        assert not Article.objects.published().exists()
        # Scheduled, not left as a draft: readers get it once its time has come.
        with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
            assert Article.objects.published().get() == article

    def test_republishing_keeps_the_url(self, client):
        first = timezone.now() - datetime.timedelta(days=3)
        article = make_article(published_at=first)
        url = article.get_absolute_url()
        services.unpublish(article=Article.objects.get(pk=article.pk))
        assert not Article.objects.published().exists()
        assert client.get(url).status_code == 404
        services.publish(article=Article.objects.get(pk=article.pk))
        stored = Article.objects.get(pk=article.pk)
        assert stored.published_at == first
        assert stored.get_absolute_url() == url
        assert client.get(url).status_code == 200

    def test_publish_validates(self):
        article = make_article(status=Article.Status.DRAFT)
        article.title = ""
        with pytest.raises(ValidationError):
            services.publish(article=article)
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT


class TestTags:
    def test_normalize_folds_case_and_accents_keeping_the_first_spelling(self):
        assert services.normalize_tag_names(["Corée", "COREE", " corée ", "Sommet"]) == [
            "Corée",
            "Sommet",
        ]

    def test_normalize_prefers_existing_spelling(self):
        Tag.objects.create(name="Pékin")
        assert services.normalize_tag_names(["pekin"]) == ["Pékin"]

    def test_normalize_refuses_long_names(self):
        with pytest.raises(ValidationError) as error:
            services.normalize_tag_names(["ok", "x" * 101])
        assert "100" in error.value.messages[0]

    def test_set_tags_reuses_existing_tags(self):
        Tag.objects.create(name="Corée du Nord")
        article = make_article()
        services.set_tags(article=article, names=["corée du nord", "Russie"])
        assert Tag.objects.count() == 2
        assert sorted(t.name for t in article.tags.all()) == ["Corée du Nord", "Russie"]


class TestMergeTags:
    def test_merge_moves_coverage_and_deletes_the_others(self):
        a = make_article(tags=["Corée du Nord"])
        b = make_article(tags=["RPDC"])
        c = make_article(tags=["RPDC", "Nord-Corée", "Corée du Nord"])
        survivor = Tag.objects.get(name="Corée du Nord")
        others = list(Tag.objects.exclude(pk=survivor.pk))
        gained = services.merge_tags(survivor=survivor, others=others)
        assert gained == 1
        assert list(Tag.objects.all()) == [survivor]
        for article in (a, b, c):
            assert [t.pk for t in article.tags.all()] == [survivor.pk]

    def test_merge_with_only_the_survivor_does_nothing(self):
        make_article(tags=["Sommet"])
        tag = Tag.objects.get()
        assert services.merge_tags(survivor=tag, others=[tag]) == 0
        assert Tag.objects.count() == 1
