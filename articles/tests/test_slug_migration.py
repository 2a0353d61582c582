"""The data migration folding the slugs saved before slugs were ASCII."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("articles", "0019_author_profile")]
AFTER = [("articles", "0020_ascii_slugs")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes("articles")


@pytest.fixture(autouse=True)
def _schema_back_to_latest():
    # Later tests in this process expect today's tables, whatever this test left.
    yield
    migrate(latest())


def test_non_ascii_slugs_are_folded_and_clashes_get_a_number(client):
    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    Tag = apps.get_model("articles", "Tag")
    Leader = apps.get_model("articles", "Leader")
    when = timezone.now() - datetime.timedelta(days=2)
    kept = Article.objects.create(title="a", slug="deja-ascii", body="", published_at=when)
    moved = Article.objects.create(
        title="b", slug="xi-jinping-reçoit-à-pékin", body="", published_at=when, status="published"
    )
    # Folds to a slug another article of the same day has.
    clash = Article.objects.create(title="c", slug="deja-àscii", body="", published_at=when)
    tag = Tag.objects.create(name="Корея", slug="корея")
    leader = Leader.objects.create(name="Emmanuel Macron", slug="emmanuël-macron")

    apps = migrate(AFTER)
    Article = apps.get_model("articles", "Article")
    slugs = dict(Article.objects.values_list("pk", "slug"))
    assert slugs[kept.pk] == "deja-ascii"
    assert slugs[moved.pk] == "xi-jinping-recoit-a-pekin"
    assert slugs[clash.pk] == "deja-ascii-2"
    assert apps.get_model("articles", "Tag").objects.get(pk=tag.pk).slug == "koreya"
    assert apps.get_model("articles", "Leader").objects.get(pk=leader.pk).slug == (
        "emmanuel-macron"
    )
    # The published address from before leads to the folded one (today's code, today's tables).
    migrate(latest())
    day = timezone.localtime(when)
    response = client.get(f"/{day:%Y/%m/%d}/xi-jinping-reçoit-à-pékin/")
    assert response.status_code == 301
    assert response["Location"] == f"/{day:%Y/%m/%d}/xi-jinping-recoit-a-pekin/"
