"""The admin asks for a byline after the first sign-in, without standing in the way."""

import pytest
from django.urls import reverse

from articles.models import AuthorProfile
from articles.tests.helpers.factories import make_editor, make_reporter

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
MINE = reverse("admin:articles_authorprofile_mine")


def sign_in(client, user, **query):
    url = reverse("admin:login")
    data = {"username": user.username, "password": PASSWORD}
    if "next" in query:
        data["next"] = query["next"]
    else:
        data["next"] = reverse("admin:index")
    return client.post(url, data)


@pytest.mark.parametrize("make", [make_editor, make_reporter])
def test_first_sign_in_leads_to_my_byline(client, make):
    user = make(username="anne.login")
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] == f"{MINE}?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'href="/admin/"' in page.content.decode()  # "Later" goes on to the desk


def test_a_sign_in_bound_elsewhere_goes_there(client):
    user = make_editor()
    add = reverse("admin:articles_article_add")
    response = sign_in(client, user, next=add)
    assert response["Location"] == add


def test_with_a_profile_the_desk_comes_straight(client):
    user = make_editor()
    AuthorProfile.objects.create(user=user, display_name="Anne Dupont", slug="anne-dupont")
    assert sign_in(client, user)["Location"] == reverse("admin:index")


def test_desk_reminds_until_the_byline_is_given(client):
    user = make_editor(first_name="Anne", last_name="Dupont")
    client.force_login(user)
    assert 'id="byline-prompt"' in client.get(reverse("admin:index")).content.decode()
    response = client.post(
        MINE, {"display_name": "Anne Dupont", "role": "Correspondante", "bio": "", "photo": ""}
    )
    assert response.status_code == 302
    profile = AuthorProfile.objects.get(user=user)
    assert (profile.display_name, profile.slug) == ("Anne Dupont", "anne-dupont")
    assert 'id="byline-prompt"' not in client.get(reverse("admin:index")).content.decode()


def test_my_byline_keeps_its_slug_and_finds_a_free_one(client):
    other = make_editor()
    AuthorProfile.objects.create(user=other, display_name="Anne Dupont", slug="anne-dupont")
    user = make_reporter()
    client.force_login(user)
    page = client.get(MINE)
    assert page.status_code == 200
    data = {"display_name": "Anne Dupont", "role": "", "bio": "", "photo": ""}
    client.post(MINE, data)
    assert AuthorProfile.objects.get(user=user).slug == "anne-dupont-2"
    client.post(MINE, {**data, "display_name": "Anne Dupont-Martin"})
    profile = AuthorProfile.objects.get(user=user)
    assert (profile.display_name, profile.slug) == ("Anne Dupont-Martin", "anne-dupont-2")


def test_my_byline_refuses_a_foreign_next(client):
    client.force_login(make_editor())
    data = {"display_name": "Anne", "role": "", "bio": "", "photo": ""}
    response = client.post(MINE, {**data, "next": "https://evil.example/"})
    assert response["Location"] == reverse("admin:index")


def test_author_choices_search_the_display_name(client):
    editor = make_editor(username="redac7")
    AuthorProfile.objects.create(user=editor, display_name="Claire Dumas", slug="claire-dumas")
    client.force_login(editor)
    url = reverse("admin:articles_article_authors")
    results = client.get(url, {"term": "Dumas"}).json()["results"]
    assert results == [{"id": str(editor.pk), "text": "Claire Dumas"}]
