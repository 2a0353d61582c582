import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_editor, make_reporter
from articles.workflow.desk import desk_for

pytestmark = pytest.mark.django_db

Status = Article.Status


def fill(user, n):
    soon = timezone.now() + datetime.timedelta(hours=2)
    for i in range(n):
        make_article(title=f"Brouillon {i}", status=Status.DRAFT, authors=[user])
        make_article(title=f"À relire {i}", status=Status.IN_REVIEW, authors=[user])
        make_article(title=f"Programmé {i}", published_at=soon + datetime.timedelta(minutes=i))
        make_article(title=f"Publié {i}")


class TestDesk:
    def test_sections(self):
        editor = make_editor()
        reporter = make_reporter()
        mine = make_article(title="Mon brouillon", status=Status.DRAFT, authors=[editor])
        theirs = make_article(title="Son brouillon", status=Status.DRAFT, authors=[reporter])
        review = make_article(title="À relire", status=Status.IN_REVIEW, authors=[reporter])
        soon = make_article(published_at=timezone.now() + datetime.timedelta(hours=3))
        later = make_article(published_at=timezone.now() + datetime.timedelta(hours=30))
        live = make_article()
        desk = desk_for(editor)
        assert desk["drafts"] == [mine]
        assert desk["in_review"] == [review]
        assert desk["scheduled"] == [soon]
        assert desk["published"] == [live]
        assert later not in desk["scheduled"]
        reporter_desk = desk_for(reporter)
        assert reporter_desk["drafts"] == [theirs]
        assert reporter_desk["in_review"] == [review]
        assert reporter_desk["scheduled"] == []

    @pytest.mark.parametrize("n", [1, 12])
    def test_four_queries_whatever_the_size(self, django_assert_num_queries, n):
        editor = make_editor()
        fill(editor, n)
        editor.has_perm("articles.publish_article")  # permissions cached, as in a request
        with django_assert_num_queries(4):
            desk = desk_for(editor)
        assert all(len(articles) == min(n, 10) for articles in desk.values())

    def test_the_admin_index_shows_it_in_fixed_queries(self, client):
        editor = make_editor()
        client.force_login(editor)
        counts = []
        for n in (1, 8):
            fill(editor, n)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("admin:index"))
            counts.append(len(queries))
        assert counts[0] == counts[1]
        html = response.content.decode()
        assert 'id="editor-desk"' in html
        for title in ["Brouillon 7", "À relire 7", "Programmé 7", "Publié 7"]:
            assert title in html

    def test_reporters_see_their_own_desk(self, client):
        reporter = make_reporter()
        make_article(title="Le brouillon d’un autre", status=Status.DRAFT)
        make_article(title="Mon papier", status=Status.IN_REVIEW, authors=[reporter])
        client.force_login(reporter)
        html = client.get(reverse("admin:index")).content.decode()
        assert "Mon papier" in html
        assert "Le brouillon d’un autre" not in html
