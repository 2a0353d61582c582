import pytest
from django.core.exceptions import ValidationError

from articles import services
from articles.models import Tag
from articles.tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db


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
