import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Leader

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_the_same_content(client):
    call_command("load_demo", stdout=None)
    first = (
        Article.objects.count(),
        Leader.objects.count(),
        sorted(Article.objects.values_list("slug", "status")),
    )
    call_command("load_demo")
    second = (
        Article.objects.count(),
        Leader.objects.count(),
        sorted(Article.objects.values_list("slug", "status")),
    )
    assert first == second
    assert Article.objects.published().count() >= 6
    assert set(Article.objects.values_list("language", flat=True)) >= {"fr", "en"}
    putin = Leader.objects.get(slug="vladimir-putin")
    assert "Poutine" in putin.alias_list
    for slug in ["kim-jong-un", "donald-trump", "xi-jinping", "moon-jae-in", "shinzo-abe"]:
        assert Leader.objects.filter(slug=slug).exists()
    draft = Article.objects.exclude(status="published").get()
    assert draft not in Article.objects.published()
    for article in Article.objects.published():
        assert article.tags.exists() and article.countries.exists()
        picture = article.lead_picture
        assert picture and picture.alt_text and picture.caption and picture.credit
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get(picture.rendition_url(picture.crop("16x9"))).status_code == 200
    # A photograph per story, not the same drawing on several.
    pictures = Article.objects.published().values_list("lead_picture__sha256", flat=True)
    assert len(set(pictures)) == len(pictures)
    assert all(leader.portrait for leader in Leader.objects.all())


def test_ensure_admin_creates_one_account_once(capsys):
    call_command("ensure_admin")
    out = capsys.readouterr().out
    assert "password:" in out
    password = out.split("password:")[1].split()[0]
    admin = get_user_model().objects.get(is_superuser=True)
    assert admin.check_password(password)
    call_command("ensure_admin")
    assert "password:" not in capsys.readouterr().out
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_the_demo_publishes_through_the_workflow_on_each_storys_own_date():
    from articles.demo import content as demo

    call_command("load_demo", stdout=None)
    for spec in demo.ARTICLES:
        article = Article.objects.get(slug=spec["slug"])
        assert article.published_at == spec["published_at"]
        # One move, by the demo's desk editor, even when the command runs again.
        transition = article.transitions.get()
        assert (transition.to_status, transition.by.username) == ("published", "redaction")
    call_command("load_demo", stdout=None)
    assert all(
        Article.objects.get(slug=spec["slug"]).transitions.count() == 1 for spec in demo.ARTICLES
    )
