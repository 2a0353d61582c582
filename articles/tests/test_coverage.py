"""Subjects of published articles: deletions refused with the list, tag merges recorded."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import services
from articles.models import Article, Country, Leader, Tag
from articles.tests.helpers.factories import make_article, make_editor, make_leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def kosovo():
    return Country.objects.create(code="XK", name="Kosovo", slug="kosovo")


def delete_url(subject):
    name = subject._meta.model_name
    return reverse(f"admin:articles_{name}_delete", args=[subject.pk])


def bulk_delete(client, subjects):
    model = subjects[0]._meta.model_name
    return client.post(
        reverse(f"admin:articles_{model}_changelist"),
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [s.pk for s in subjects],
            "post": "yes",
        },
    )


class TestDeletingASubject:
    def test_a_country_of_published_articles_is_not_deleted(self, editor_client, kosovo):
        live = make_article(title="Élections à Pristina", countries=[kosovo])
        scheduled = make_article(
            title="Le scrutin de demain",
            countries=[kosovo],
            published_at=timezone.now() + datetime.timedelta(days=1),
        )
        page = editor_client.get(delete_url(kosovo))
        html = page.content.decode()
        assert page.status_code == 200
        assert "Élections à Pristina" in html
        assert "Le scrutin de demain" in html
        assert reverse("admin:articles_article_change", args=[live.pk]) in html
        assert "article programmé" in html and "article publié" in html
        assert "object (" not in html
        response = editor_client.post(delete_url(kosovo), {"post": "yes"})
        assert Country.objects.filter(pk=kosovo.pk).exists()
        assert response.status_code == 200
        for article in (live, scheduled):
            assert list(article.countries.all()) == [kosovo]

    def test_a_leader_of_published_articles_is_not_deleted(self, editor_client):
        leader = make_leader(name="Kim Jong-un")
        make_article(title="Kim à Vladivostok", leaders=[leader])
        html = editor_client.get(delete_url(leader)).content.decode()
        assert "Kim à Vladivostok" in html
        editor_client.post(delete_url(leader), {"post": "yes"})
        assert Leader.objects.filter(pk=leader.pk).exists()

    def test_bulk_delete_refuses_too_and_lists_the_articles(self, editor_client, kosovo):
        free = make_leader(name="Personne")
        carried = make_leader(name="Kim Jong-un")
        make_article(title="Kim à Vladivostok", leaders=[carried])
        response = bulk_delete(editor_client, [free, carried])
        html = response.content.decode()
        assert "Kim à Vladivostok" in html
        assert Leader.objects.filter(pk__in=[free.pk, carried.pk]).count() == 2

    def test_drafts_alone_do_not_hold_a_subject_and_are_named_readably(self, editor_client, kosovo):
        draft = make_article(
            title="Brouillon sur Pristina", status=Article.Status.DRAFT, countries=[kosovo]
        )
        html = editor_client.get(delete_url(kosovo)).content.decode()
        assert "Brouillon sur Pristina" in html  # the link row, named after its article
        assert "Article_countries object" not in html
        editor_client.post(delete_url(kosovo), {"post": "yes"})
        assert not Country.objects.filter(pk=kosovo.pk).exists()
        assert Article.objects.filter(pk=draft.pk).exists()

    def test_a_long_list_is_cut(self, editor_client, kosovo):
        for n in range(53):
            make_article(title=f"Dépêche {n}", countries=[kosovo])
        html = editor_client.get(delete_url(kosovo)).content.decode()
        assert "… et 3 autres articles." in html

    def test_an_unused_subject_is_deleted(self, editor_client, kosovo):
        editor_client.post(delete_url(kosovo), {"post": "yes"})
        assert not Country.objects.filter(pk=kosovo.pk).exists()


class TestMergingTags:
    def test_each_retagged_article_gets_a_revision_and_a_new_date(self):
        user = make_editor(username="chef")
        past = timezone.now() - datetime.timedelta(days=3)
        a = make_article(title="Premier", tags=["RPDC"])
        b = make_article(title="Second", tags=["Corée du Nord", "Nord-Corée"])
        untouched = make_article(title="Autre", tags=["Russie"])
        Article.objects.update(updated_at=past)
        survivor = Tag.objects.get(name="Corée du Nord")
        others = list(Tag.objects.filter(name__in=["RPDC", "Nord-Corée"]))
        services.merge_tags(survivor=survivor, others=others, user=user)
        for article in (a, b):
            article.refresh_from_db()
            assert article.updated_at > past
            versions = list(Version.objects.get_for_object(article))
            # The state before (a baseline) and after the merge.
            assert len(versions) == 2
            latest = versions[0].revision
            assert latest.user == user
            assert "fusionné" in latest.comment or "merged" in latest.comment
        untouched.refresh_from_db()
        assert untouched.updated_at == past
        assert not Version.objects.get_for_object(untouched).exists()

    def test_the_admin_merge_records_who_merged(self, editor_client):
        a = make_article(tags=["RPDC"])
        make_article(tags=["Corée du Nord"])
        survivor = Tag.objects.get(name="Corée du Nord")
        editor_client.post(
            reverse("admin:articles_tag_changelist"),
            {
                "action": "merge_tags",
                ACTION_CHECKBOX_NAME: list(Tag.objects.values_list("pk", flat=True)),
                "survivor": survivor.pk,
            },
        )
        assert [t.name for t in a.tags.all()] == ["Corée du Nord"]
        assert Version.objects.get_for_object(a).first().revision.user.username == "editor"
