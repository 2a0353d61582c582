"""export_archive then import_archive onto an emptied site gives back every row,
every date to the microsecond, every file, byte for byte."""

import io
import json
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import CommandError, call_command
from django.utils import timezone
from reversion.models import Revision, Version

from articles.archive.sections import file_fields
from articles.models import (
    Article,
    ArticleNote,
    AuthorProfile,
    Country,
    Leader,
    Picture,
    PreviewLink,
    Tag,
    TaggedArticle,
    Transition,
)
from articles.tests.helpers.factories import (
    make_article,
    make_editor,
    make_leader,
    make_reporter,
)
from articles.tests.helpers.hostile_site import HOSTILE_TITLE, build_site
from articles.tests.helpers.pictures import make_picture
from articles.tests.syndication.test_api import assert_ninjs
from articles.workflow import moves

pytestmark = pytest.mark.django_db

CONTENT = [
    Picture,
    Leader,
    AuthorProfile,
    Tag,
    Article,
    TaggedArticle,
    ArticleNote,
    Transition,
    Revision,
    Version,
]
USER_FIELDS = ("username", "first_name", "last_name", "email", "is_staff", "is_active")


@pytest.fixture
def site():
    build_site()
    reporter = make_reporter(username="reporter", first_name="Rémi", last_name="Roux")
    AuthorProfile.objects.create(
        user=reporter,
        display_name="Rémi Roux",
        slug="remi-roux",
        role="Reporter",
        bio="Couvre l’Extrême-Orient russe.",
        photo=make_picture(size=(60, 60), alt_text="Rémi Roux"),
    )
    editor = make_editor(username="editor")
    draft = make_article(
        title="Brouillon soumis puis publié",
        status=Article.Status.DRAFT,
        authors=[reporter],
        suggestions={"countries": ["RU"], "score": 0.5},
    )
    moves.submit_for_review(article=draft, user=reporter, note="Relu deux fois.")
    moves.publish(article=draft, user=editor)
    make_article(
        title="Programmé pour demain",
        published_at=timezone.now() + timezone.timedelta(days=1),
        lead_picture=make_picture(size=(90, 60), alt_text="Image d’en-tête programmée"),
    )
    make_article(title="Dépublié", status=Article.Status.UNPUBLISHED)
    make_leader(name="Ancien portrait", portrait=make_picture(size=(40, 50)))
    russia = Country.objects.get(code="RU")
    russia.description = "Notre couverture de la Russie."
    russia.save()


def rows(model):
    return serializers.serialize("python", model.objects.order_by("pk"))


def snapshot():
    files = {}
    for model in [*CONTENT, Leader]:
        for obj in model.objects.all():
            for field in file_fields(model):
                name = getattr(obj, field.attname)
                if name:
                    with field.storage.open(str(name), "rb") as handle:
                        files[str(name)] = handle.read()
    renditions = {
        p.pk: [field.storage.exists(r["name"]) for r in p.renditions]
        for p in Picture.objects.all()
        for field in [Picture._meta.get_field("file")]
    }
    users = sorted(
        (
            *(getattr(u, f) for f in USER_FIELDS),
            u.date_joined,
            sorted(g.name for g in u.groups.all()),
        )
        for u in get_user_model().objects.all()
    )
    return {
        "rows": {model._meta.label: rows(model) for model in [Country, *CONTENT]},
        "users": users,
        "files": files,
        "renditions": renditions,
    }


def empty_the_site():
    for model in [Version, Revision, PreviewLink, Transition, ArticleNote, TaggedArticle]:
        model.objects.all().delete()
    Article.objects.all().delete()
    for model in [Leader, Tag, Picture]:
        model.objects.all().delete()
    get_user_model().objects.all().delete()
    Country.objects.update(description="")
    shutil.rmtree(settings.MEDIA_ROOT)


def test_round_trip_loses_nothing(site, tmp_path, client):
    before = snapshot()
    assert before["files"] and all(all(r) for r in before["renditions"].values())
    call_command("export_archive", str(tmp_path / "backup"), stdout=io.StringIO())
    empty_the_site()
    assert not Article.objects.exists() and not get_user_model().objects.exists()

    call_command("import_archive", str(tmp_path / "backup"), stdout=io.StringIO())

    after = snapshot()
    assert after["rows"] == before["rows"]
    assert after["users"] == before["users"]
    assert after["files"].keys() == before["files"].keys()
    assert after["files"] == before["files"]
    assert after["renditions"] == before["renditions"]
    # The site works again: pages, search (its index rebuilt), new rows.
    hostile = Article.objects.get(title=HOSTILE_TITLE)
    assert client.get(hostile.get_absolute_url()).status_code == 200
    found = client.get("/search/", {"q": "Vladivostok"}).content.decode()
    assert hostile.get_absolute_url() in found
    assert make_article().pk > hostile.pk
    assert not get_user_model().objects.get(username="reporter").has_usable_password()


def test_every_article_is_valid_ninjs_drafts_included(site, tmp_path):
    call_command("export_archive", str(tmp_path), "--base-url", "https://news.example.org/")
    documents = [json.loads(p.read_text()) for p in (tmp_path / "articles").glob("*.json")]
    assert len(documents) == Article.objects.count()
    for document in documents:
        assert_ninjs(document["ninjs"])
    statuses = {d["ninjs"]["headlines"][0]["value"]: d["ninjs"]["pubstatus"] for d in documents}
    assert statuses[HOSTILE_TITLE] == "usable"
    assert statuses["Brouillon à partager"] == "withheld"
    assert statuses["Programmé pour demain"] == "withheld"
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == len(documents)


def test_import_refuses_a_site_with_content(site, tmp_path):
    call_command("export_archive", str(tmp_path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="empty site"):
        call_command("import_archive", str(tmp_path), stdout=io.StringIO())


def test_import_refuses_a_folder_that_is_no_archive(tmp_path):
    with pytest.raises(CommandError, match="not an archive"):
        call_command("import_archive", str(tmp_path), stdout=io.StringIO())
