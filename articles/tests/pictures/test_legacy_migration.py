"""The migration that moves today's lead pictures and portraits into the library."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image

from articles.tests.helpers.pictures import assert_no_metadata, camera_jpeg

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("articles", "0012_leader_portrait_picture")]
AFTER = [("articles", "0013_pictures_into_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_world():
    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    Leader = apps.get_model("articles", "Leader")
    Country = apps.get_model("articles", "Country")
    User = apps.get_model("auth", "User")
    author = User.objects.create(username="ancienne")
    photo = default_storage.save(
        "articles/2024/05/b_secret_scoop.jpg",
        ContentFile(camera_jpeg(size=(900, 600), artist="Anna Petrova")),
    )
    portrait = default_storage.save("leaders/kim.jpg", ContentFile(camera_jpeg(size=(300, 400))))
    broken = default_storage.save("articles/2024/05/broken.jpg", ContentFile(b"\xff\xd8\xff"))
    article = Article.objects.create(
        title="Le port",
        slug="le-port",
        body="<p>x</p>",
        lead_image=photo,
        lead_image_alt="Des grues sur le quai",
        lead_image_caption="Le port de Vladivostok",
        lead_image_credit="Anna Petrova / Agence",
    )
    article.authors.add(author)
    lost = Article.objects.create(
        title="Perdu", slug="perdu", body="<p>x</p>", lead_image=broken, lead_image_alt="x"
    )
    leader = Leader.objects.create(
        name="Kim Jong-un",
        slug="kim",
        country=Country.objects.get(code="KP"),
        portrait=portrait,
    )
    yield {"article": article.pk, "lost": lost.pk, "leader": leader.pk, "paths": [photo, portrait]}
    migrate(executor_latest())


def executor_latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("articles")


def test_lead_pictures_and_portraits_become_clean_library_pictures(old_world, capsys):
    apps = migrate(AFTER)
    Article = apps.get_model("articles", "Article")
    Leader = apps.get_model("articles", "Leader")
    Picture = apps.get_model("articles", "Picture")
    article = Article.objects.select_related("lead_picture").get(pk=old_world["article"])
    picture = article.lead_picture
    assert picture.alt_text == "Des grues sur le quai"
    assert picture.caption == "Le port de Vladivostok"
    assert picture.credit == "Anna Petrova / Agence"
    assert picture.legacy_path == old_world["paths"][0]
    assert picture.uploaded_by.username == "ancienne"
    assert picture.file.name.startswith("pictures/") and "secret" not in picture.file.name
    with default_storage.open(picture.file.name, "rb") as stored:
        assert_no_metadata(stored.read())
    assert picture.renditions
    assert all(default_storage.exists(r["name"]) for r in picture.renditions)
    portrait = Leader.objects.select_related("portrait_picture").get(pk=old_world["leader"])
    assert portrait.portrait_picture.alt_text == "Portrait de Kim Jong-un"
    with default_storage.open(portrait.portrait_picture.file.name, "rb") as stored:
        assert Image.open(io.BytesIO(stored.read())).size == (300, 400)
    assert Article.objects.get(pk=old_world["lost"]).lead_picture is None
    assert "broken.jpg" in capsys.readouterr().err
    assert Picture.objects.count() == 2


def test_running_the_move_again_moves_nothing_twice(old_world):
    from articles.pictures.legacy import move_into_library

    apps = migrate(AFTER)
    move_into_library(apps, None)
    assert apps.get_model("articles", "Picture").objects.count() == 2
