import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Leader, Tag
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_leader, make_reporter
from articles.workflow import history

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_from_admin(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return response


class TestWordDiff:
    def test_marks_removed_and_added_words(self):
        diff = history.word_diff("Le sommet a eu lieu lundi", "Le sommet a eu lieu mardi soir")
        assert diff == "Le sommet a eu lieu <del>lundi</del><ins>mardi soir</ins>"

    def test_escapes_html(self):
        diff = history.word_diff("a <b>", "a <script>")
        assert "<script>" not in diff
        assert diff == "a &lt;<del>b</del><ins>script</ins>&gt;"

    def test_accents_and_guillemets_are_words(self):
        diff = history.word_diff("« Paix » à Séoul", "« Paix » à Pyongyang")
        assert diff.endswith("<del>Séoul</del><ins>Pyongyang</ins>")


class TestRevisions:
    def test_every_admin_save_stores_a_revision_with_subjects(self, editor_client, editor):
        leader = make_leader(name="Kim Jong-un")
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(
            editor_client,
            article,
            title="Premier titre",
            tags="Sommet, Corée",
            leaders=[str(leader.pk)],
            countries=[],
        )
        version = Version.objects.get_for_object(article).first()
        assert version.revision.user == editor
        assert version.field_dict["title"] == "Premier titre"
        assert version.field_dict["leaders"] == [leader.pk]
        tags = {v.object_repr for v in version.revision.version_set.get_for_model(Tag).iterator()}
        assert tags == {"Sommet", "Corée"}

    def test_history_lists_revisions_and_compares_words(self, editor_client, editor):
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(editor_client, article, body="<p>Le train est arrivé lundi.</p>")
        save_from_admin(editor_client, article, body="<p>Le train blindé est arrivé mardi.</p>")
        page = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
        assert page.status_code == 200
        newer, older = page.context["versions"][:2]
        response = editor_client.get(
            reverse("admin:articles_article_compare", args=[article.pk]),
            {"from": older.pk, "to": newer.pk},
        )
        html = response.content.decode()
        assert "Le train<ins> blindé</ins> est arrivé" in html
        assert "<del>lundi</del><ins>mardi</ins>" in html

    def test_compare_with_bad_ids_goes_back_to_history(self, editor_client, editor):
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        url = reverse("admin:articles_article_compare", args=[article.pk])
        for params in [{}, {"from": "x", "to": "1"}, {"from": "999999", "to": "999998"}]:
            response = editor_client.get(url, params)
            assert response.status_code == 302

    def test_restore_brings_back_text_and_tags_as_a_new_revision(self, editor_client, editor):
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(editor_client, article, title="Version un", tags="Sommet, Corée")
        save_from_admin(editor_client, article, title="Version deux", tags="Autre")
        versions = list(history.versions_of(article))
        count = len(versions)
        old = versions[1]
        response = editor_client.post(
            reverse("admin:articles_article_restore", args=[article.pk, old.pk]), follow=True
        )
        assert "La version a été restaurée." in response.content.decode()
        article.refresh_from_db()
        assert article.title == "Version un"
        assert sorted(t.name for t in article.tags.all()) == ["Corée", "Sommet"]
        assert history.versions_of(article).count() == count + 1
        assert "restaurée" in history.versions_of(article).first().revision.get_comment()

    def test_restore_says_what_was_deleted_since(self, editor_client, editor):
        kim = make_leader(name="Kim Jong-un")
        putin = make_leader(name="Vladimir Putin")
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(
            editor_client,
            article,
            title="Avec Kim",
            tags="Sommet, Éphémère",
            leaders=[str(kim.pk), str(putin.pk)],
        )
        save_from_admin(editor_client, article, title="Sans eux", tags="", leaders=[])
        old = history.versions_of(article)[1]
        Leader.objects.filter(pk=kim.pk).delete()
        Tag.objects.filter(name="Éphémère").delete()
        response = editor_client.post(
            reverse("admin:articles_article_restore", args=[article.pk, old.pk]), follow=True
        )
        html = response.content.decode()
        assert "Le dirigeant « Kim Jong-un » a été supprimé depuis" in html
        assert "Le mot-clé « Éphémère » a été supprimé depuis" in html
        article.refresh_from_db()
        assert article.title == "Avec Kim"
        assert list(article.leaders.all()) == [putin]
        assert [t.name for t in article.tags.all()] == ["Sommet"]

    def test_restore_never_changes_the_status(self, editor_client, editor):
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(editor_client, article, title="Brouillon")
        old = history.versions_of(article).first()
        save_from_admin(editor_client, article, _transition="publish")
        assert article.is_published
        editor_client.post(reverse("admin:articles_article_restore", args=[article.pk, old.pk]))
        article.refresh_from_db()
        assert article.is_published

    def test_reporters_cannot_restore(self, client, editor_client, editor):
        reporter = make_reporter()
        article = make_article(status=Article.Status.DRAFT, authors=[reporter, editor])
        save_from_admin(editor_client, article, title="Un")
        save_from_admin(editor_client, article, title="Deux")
        old = history.versions_of(article)[1]
        client.force_login(reporter)
        response = client.post(reverse("admin:articles_article_restore", args=[article.pk, old.pk]))
        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title == "Deux"

    def test_restore_needs_post(self, editor_client, editor):
        article = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(editor_client, article, title="Un")
        version = history.versions_of(article).first()
        url = reverse("admin:articles_article_restore", args=[article.pk, version.pk])
        assert editor_client.get(url).status_code == 405

    def test_a_revision_of_another_article_is_a_404(self, editor_client, editor):
        a = make_article(status=Article.Status.DRAFT, authors=[editor])
        b = make_article(status=Article.Status.DRAFT, authors=[editor])
        save_from_admin(editor_client, b, title="Autre")
        version = history.versions_of(b).first()
        url = reverse("admin:articles_article_restore", args=[a.pk, version.pk])
        assert editor_client.post(url).status_code == 404


class TestRecover:
    def test_a_deleted_article_comes_back_as_a_draft(self, editor_client, editor):
        article = make_article(title="Effacé par erreur", authors=[editor], tags=["Sommet"])
        pk = article.pk
        delete_url = reverse("admin:articles_article_delete", args=[pk])
        assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
        assert not Article.objects.filter(pk=pk).exists()
        listing = editor_client.get(reverse("admin:articles_article_recoverlist"))
        assert "Effacé par erreur" in listing.content.decode()
        version = listing.context["versions"][0]
        response = editor_client.post(
            reverse("admin:articles_article_recover", args=[version.pk]), follow=True
        )
        assert "a été récupéré en brouillon" in response.content.decode()
        recovered = Article.objects.get(pk=pk)
        assert recovered.status == Article.Status.DRAFT
        assert [t.name for t in recovered.tags.all()] == ["Sommet"]
        assert list(recovered.authors.all()) == [editor]

    def test_bulk_delete_is_recoverable_too(self, editor_client, editor):
        a = make_article(title="Un", authors=[editor])
        b = make_article(title="Deux", authors=[editor])
        editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "delete_selected", "_selected_action": [a.pk, b.pk], "post": "yes"},
        )
        assert not Article.objects.exists()
        assert {v.object_repr for v in history.deleted_versions()} == {"Un", "Deux"}

    def test_reporters_cannot_recover(self, client, editor_client, editor):
        article = make_article(authors=[editor])
        editor_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        )
        version = history.deleted_versions().get()
        client.force_login(make_reporter())
        assert client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
        response = client.post(reverse("admin:articles_article_recover", args=[version.pk]))
        assert response.status_code == 403
        assert not Article.objects.exists()


def test_an_article_made_outside_the_admin_keeps_its_first_state(editor_client, editor):
    article = make_article(title="Titre d’origine", status=Article.Status.DRAFT, authors=[editor])
    assert not history.versions_of(article).exists()
    save_from_admin(editor_client, article, title="Titre retouché")
    versions = list(history.versions_of(article))
    assert [v.field_dict["title"] for v in versions] == ["Titre retouché", "Titre d’origine"]
    editor_client.post(reverse("admin:articles_article_restore", args=[article.pk, versions[1].pk]))
    article.refresh_from_db()
    assert article.title == "Titre d’origine"
