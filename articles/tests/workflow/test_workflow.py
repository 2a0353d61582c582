import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Transition
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import make_article, make_reporter
from articles.workflow import moves as workflow
from articles.workflow import roles

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def draft(reporter):
    return make_article(title="Sommet à Vladivostok", status=Status.DRAFT, authors=[reporter])


class TestRoles:
    def test_the_migration_creates_both_groups(self):
        assert set(Group.objects.values_list("name", flat=True)) >= {"Reporter", "Editor"}

    def test_only_editors_may_publish(self, reporter, editor):
        assert roles.is_editor(editor)
        assert not roles.is_editor(reporter)
        assert reporter.has_perm("articles.add_article")
        assert not reporter.has_perm("articles.delete_article")
        assert not reporter.has_perm("articles.change_leader")

    def test_a_reporter_edits_own_articles_while_not_published(self, reporter, draft):
        assert roles.can_edit(reporter, draft)
        other = make_reporter()
        assert not roles.can_edit(other, draft)
        assert not roles.can_view(other, draft)
        published = make_article(authors=[reporter])
        assert not roles.can_edit(reporter, published)
        assert roles.can_view(reporter, published)

    def test_editors_edit_everything(self, editor, draft):
        assert roles.can_edit(editor, draft)
        assert roles.can_edit(editor, make_article())


class TestTransitions:
    def test_submit_records_who_when_from_to_and_note(self, reporter, draft):
        outcome = workflow.submit_for_review(article=draft, user=reporter, note="Relu deux fois")
        draft.refresh_from_db()
        assert draft.status == Status.IN_REVIEW
        transition = Transition.objects.get(article=draft)
        assert (transition.from_status, transition.to_status) == ("draft", "in_review")
        assert transition.by == reporter
        assert transition.note == "Relu deux fois"
        assert abs(transition.at - timezone.now()) < datetime.timedelta(seconds=5)
        assert outcome.transition == transition

    def test_a_reporter_cannot_submit_someone_elses_article(self, draft):
        with pytest.raises(PermissionDenied):
            workflow.submit_for_review(article=draft, user=make_reporter())
        draft.refresh_from_db()
        assert draft.status == Status.DRAFT
        assert not Transition.objects.exists()

    @pytest.mark.parametrize("service", ["publish", "unpublish", "send_back"])
    def test_a_reporter_cannot_make_editor_moves(self, reporter, draft, service):
        draft.status = Status.IN_REVIEW if service != "unpublish" else Status.PUBLISHED
        draft.published_at = timezone.now()
        draft.save()
        with pytest.raises(PermissionDenied):
            workflow.SERVICES[service](article=draft, user=reporter, note="n")
        assert not Transition.objects.exists()

    def test_publish_from_review(self, reporter, editor, draft):
        workflow.submit_for_review(article=draft, user=reporter)
        outcome = workflow.publish(article=draft, user=editor)
        draft.refresh_from_db()
        assert draft.status == Status.PUBLISHED
        assert draft.is_published
        assert outcome.message == "Publié."
        assert list(Article.objects.published()) == [draft]
        assert [t.to_status for t in draft.transitions.order_by("at", "pk")] == [
            "in_review",
            "published",
        ]

    def test_schedule_with_a_future_time(self, editor, draft):
        at = timezone.now() + datetime.timedelta(hours=3)
        outcome = workflow.publish(article=draft, user=editor, at=at)
        draft.refresh_from_db()
        assert draft.status == Status.PUBLISHED
        assert draft.published_at == at
        assert not draft.is_published
        assert outcome.message.startswith("Programmé pour")
        assert draft.transitions.get().publish_at == at

    def test_scheduling_in_the_past_publishes_now_and_says_so(self, editor, draft):
        at = timezone.now() - datetime.timedelta(days=2)
        outcome = workflow.publish(article=draft, user=editor, at=at)
        draft.refresh_from_db()
        assert draft.published_at > timezone.now() - datetime.timedelta(minutes=1)
        assert "est passée : publié maintenant" in outcome.message
        assert draft.is_published

    def test_a_backdated_publication_keeps_its_past_time(self, editor, draft):
        # Demo content and archived wire copy ran on their own dates.
        at = timezone.now() - datetime.timedelta(days=400)
        workflow.publish(article=draft, user=editor, at=at, backdate=True)
        draft.refresh_from_db()
        assert draft.published_at == at
        assert Article.objects.published().get() == draft
        assert draft.transitions.get().publish_at == at

    def test_a_scheduled_article_reaches_readers_when_its_time_comes(self, editor, draft):
        at = timezone.now() + datetime.timedelta(days=1)
        workflow.publish(article=draft, user=editor, at=at)
        assert not Article.objects.published().exists()
        with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
            assert Article.objects.published().get() == draft

    def test_publishing_validates_the_article(self, editor, draft):
        draft.title = ""
        with pytest.raises(ValidationError):
            workflow.publish(article=draft, user=editor)
        draft.refresh_from_db()
        assert draft.status == Status.DRAFT
        assert not draft.transitions.exists()

    def test_unpublish_keeps_the_publication_time_for_the_url(self, editor):
        article = make_article()
        first = article.published_at
        workflow.unpublish(article=article, user=editor, note="Erreur de chiffre")
        article.refresh_from_db()
        assert article.status == Status.UNPUBLISHED
        assert not Article.objects.published().exists()
        workflow.publish(article=article, user=editor)
        article.refresh_from_db()
        assert article.published_at == first

    def test_send_back_needs_a_note(self, reporter, editor, draft):
        workflow.submit_for_review(article=draft, user=reporter)
        with pytest.raises(ValidationError, match="note"):
            workflow.send_back(article=draft, user=editor, note="  ")
        workflow.send_back(article=draft, user=editor, note="Sources manquantes")
        draft.refresh_from_db()
        assert draft.status == Status.DRAFT
        assert draft.transitions.first().note == "Sources manquantes"

    def test_impossible_moves_are_refused(self, editor, draft):
        with pytest.raises(ValidationError, match="pas possible"):
            workflow.unpublish(article=draft, user=editor)
        live = make_article()
        with pytest.raises(ValidationError, match="pas possible"):
            workflow.publish(article=live, user=editor)
        with pytest.raises(ValidationError, match="pas possible"):
            workflow.submit_for_review(article=live, user=editor)

    def test_the_stored_status_decides_not_a_stale_copy(self, editor, draft):
        stale = Article.objects.get(pk=draft.pk)
        workflow.publish(article=draft, user=editor)
        with pytest.raises(ValidationError):
            workflow.publish(article=stale, user=editor)

    def test_every_move_stores_a_revision(self, reporter, draft):
        from reversion.models import Version

        workflow.submit_for_review(article=draft, user=reporter)
        version = Version.objects.get_for_object(draft).first()
        assert version.revision.user == reporter
        assert version.field_dict["status"] == "in_review"


def _change(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk]))


def _post_change(client, article, data):
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


class TestAdminMoves:
    def test_a_reporter_writes_and_submits_from_the_admin(self, client, reporter):
        client.force_login(reporter)
        page = client.get(reverse("admin:articles_article_add"))
        assert page.status_code == 200
        data = form_data(page)
        data.update(
            title="Kim Jong-un à Vladivostok",
            slug="kim-vladivostok",
            body="<p>Le train blindé est arrivé.</p>",
            tags="Corée du Nord, Russie",
            _transition="submit",
        )
        response = client.post(reverse("admin:articles_article_add"), data)
        assert response.status_code == 302, response.context["errors"]
        article = Article.objects.get(slug="kim-vladivostok")
        assert article.status == Status.IN_REVIEW
        assert reporter in article.authors.all()
        assert article.transitions.get().by == reporter

    def test_a_reporter_posting_status_published_is_refused(self, client, reporter, draft):
        client.force_login(reporter)
        data = form_data(_change(client, draft))
        data.update(status="published", title="Titre modifié")
        response = _post_change(client, draft, data)
        assert response.status_code == 200
        assert "Les journalistes ne peuvent ni publier" in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == Status.DRAFT
        assert draft.title == "Sommet à Vladivostok"

    def test_a_reporter_pressing_publish_by_hand_is_refused(self, client, reporter, draft):
        client.force_login(reporter)
        data = form_data(_change(client, draft))
        data.update(_transition="publish", title="Titre modifié")
        response = _post_change(client, draft, data)
        assert response.status_code == 200
        assert "Seuls les éditeurs peuvent publier" in response.content.decode()
        draft.refresh_from_db()
        assert (draft.status, draft.title) == (Status.DRAFT, "Sommet à Vladivostok")

    def test_a_reporter_setting_the_publication_time_by_hand_is_refused(
        self, client, reporter, draft
    ):
        client.force_login(reporter)
        data = form_data(_change(client, draft))
        data.update(published_at_0="2030-01-01", published_at_1="10:00:00")
        response = _post_change(client, draft, data)
        assert "Seuls les éditeurs fixent l’heure de publication" in response.content.decode()
        draft.refresh_from_db()
        assert draft.published_at is None

    def test_the_reporter_sees_only_their_moves(self, client, reporter, draft):
        client.force_login(reporter)
        page = _change(client, draft).content.decode()
        assert 'value="submit"' in page
        assert 'value="publish"' not in page

    def test_an_editor_schedules_from_the_form(self, client, editor, draft):
        client.force_login(editor)
        data = form_data(_change(client, draft))
        at = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
        data.update(
            published_at_0=at.strftime("%d/%m/%Y"),
            published_at_1=at.strftime("%H:%M:%S"),
            _transition="publish",
        )
        response = _post_change(client, draft, data)
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.status == Status.PUBLISHED
        assert not draft.is_published
        followed = client.get(response.url)
        assert "Programmé pour" in followed.content.decode()

    def test_sending_back_without_a_note_is_refused(self, client, editor, reporter, draft):
        workflow.submit_for_review(article=draft, user=reporter)
        client.force_login(editor)
        data = form_data(_change(client, draft))
        data["_transition"] = "send_back"
        response = _post_change(client, draft, data)
        assert response.status_code == 200
        assert "Expliquez pourquoi dans une note" in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == Status.IN_REVIEW

    def test_transitions_show_on_the_admin_page(self, client, editor, reporter, draft):
        workflow.submit_for_review(article=draft, user=reporter, note="Prêt à relire")
        client.force_login(editor)
        page = _change(client, draft).content.decode()
        assert "Historique des états" in page
        assert "Prêt à relire" in page

    def test_bulk_publish_refused_for_reporters(self, client, reporter, draft):
        client.force_login(reporter)
        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_articles", "_selected_action": [draft.pk]},
        )
        draft.refresh_from_db()
        assert draft.status == Status.DRAFT
        assert response.status_code in {200, 302}

    def test_bulk_publish_by_an_editor(self, client, editor, draft):
        client.force_login(editor)
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_articles", "_selected_action": [draft.pk]},
        )
        draft.refresh_from_db()
        assert draft.is_published
        assert draft.transitions.get().by == editor


def test_scheduling_in_the_past_from_the_admin_says_so(client, editor, draft):
    client.force_login(editor)
    data = form_data(_change(client, draft))
    data.update(published_at_0="02/01/2020", published_at_1="10:00:00", _transition="publish")
    response = _post_change(client, draft, data)
    assert response.status_code == 302
    followed = client.get(response.url).content.decode()
    assert "est passée : publié maintenant" in followed
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at.year == timezone.now().year


def test_the_list_tells_scheduled_from_published(client, editor):
    make_article(title="Programmé", published_at=timezone.now() + datetime.timedelta(hours=2))
    make_article(title="En ligne")
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    admin_ = response.context["cl"].model_admin
    with translation.override("en"):
        states = {
            row.title: admin_.workflow_state(row) for row in response.context["cl"].result_list
        }
    assert states == {"Programmé": "Scheduled", "En ligne": "Published"}


def test_a_reporter_cannot_remove_themselves_from_the_authors(client, reporter, draft):
    other = make_reporter()
    client.force_login(reporter)
    data = form_data(_change(client, draft))
    data["authors"] = [str(other.pk)]
    assert _post_change(client, draft, data).status_code == 302
    assert set(draft.authors.all()) == {reporter, other}


def test_a_scheduled_article_can_be_rescheduled(editor, draft):
    first = timezone.now() + datetime.timedelta(hours=3)
    workflow.publish(article=draft, user=editor, at=first)
    later = first + datetime.timedelta(days=1)
    outcome = workflow.publish(article=draft, user=editor, at=later)
    draft.refresh_from_db()
    assert draft.published_at == later
    assert outcome.message.startswith("Programmé pour")
    assert [t.publish_at for t in draft.transitions.order_by("at", "pk")] == [first, later]


def test_an_unpublished_article_goes_back_through_review(reporter, editor):
    article = make_article(authors=[reporter])
    workflow.unpublish(article=article, user=editor, note="Plainte à vérifier")
    workflow.submit_for_review(article=article, user=reporter, note="Vérifié")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
