import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuthorProfile, author_url
from articles.tests.helpers.factories import make_article, make_user
from articles.tests.helpers.page_cache import assert_cached_answers
from articles.tests.helpers.pictures import make_picture

pytestmark = pytest.mark.django_db


def make_profile(user, **fields):
    fields = {"display_name": "Anne Dupont", "slug": "anne-dupont", **fields}
    return AuthorProfile.objects.create(user=user, **fields)


def json_ld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {node["@type"]: node for node in json.loads(block)["@graph"]}


def test_byline_links_to_the_author_page_listing_published_work(client):
    anne = make_user(username="anne.login", first_name="Anne", last_name="Dupond")
    make_profile(anne, role="Correspondante à Séoul", bio="Couvre la péninsule depuis 2015.")
    article = make_article(authors=[anne], title="Publié")
    make_article(authors=[anne], title="Brouillon d’Anne", status=Article.Status.DRAFT)
    make_article(
        authors=[anne],
        title="Futur d’Anne",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/authors/anne-dupont/"' in html
    response = client.get("/authors/anne-dupont/")
    assert response.status_code == 200
    page = response.content.decode()
    # The profile's name, not the account's full name nor its login name.
    assert "<h1>Anne Dupont</h1>" in page
    assert "Dupond" not in page and "anne.login" not in page
    assert "Correspondante à Séoul" in page
    assert "Couvre la péninsule depuis 2015." in page
    assert "Publié" in page
    assert "Brouillon d’Anne" not in page
    assert "Futur d’Anne" not in page


def test_author_page_shows_the_profile_photo(client):
    anne = make_user()
    photo = make_picture(alt_text="Anne Dupont au bureau de Séoul")
    make_profile(anne, photo=photo)
    make_article(authors=[anne])
    page = client.get("/authors/anne-dupont/").content.decode()
    assert 'alt="Anne Dupont au bureau de Séoul"' in page
    # The photo of an author with a page is public, like a leader's portrait.
    assert photo.__class__.objects.public().filter(pk=photo.pk).exists()


def test_old_id_address_redirects_for_good_to_the_slug(client):
    anne = make_user()
    make_profile(anne)
    make_article(authors=[anne])
    response = client.get(f"/authors/{anne.pk}/", {"page": "1"})
    assert response.status_code == 301
    assert response["Location"] == "/authors/anne-dupont/?page=1"


def test_author_without_profile_keeps_a_page_at_the_id_address(client):
    bruno = make_user(username="bruno.login", first_name="Bruno", last_name="Martin")
    article = make_article(authors=[bruno])
    assert author_url(bruno) == f"/authors/{bruno.pk}/"
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/authors/{bruno.pk}/"' in html
    page = client.get(f"/authors/{bruno.pk}/").content.decode()
    assert "Bruno Martin" in page and "bruno.login" not in page


def test_slug_with_accents_leads_to_the_folded_one(client):
    anne = make_user()
    make_profile(anne, display_name="Anaïs Lefèvre", slug="")
    assert anne.author_profile.slug == "anais-lefevre"
    make_article(authors=[anne])
    response = client.get("/authors/anaïs-lefèvre/")
    assert response.status_code == 301
    assert response["Location"] == "/authors/anais-lefevre/"


def test_a_slug_never_looks_like_an_old_id():
    profile = AuthorProfile(user=make_user(), display_name="Anne", slug="2019")
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "slug" in error.value.message_dict


def test_author_json_ld_is_a_person_with_their_articles(client):
    anne = make_user(first_name="Anne", last_name="Dupont")
    make_profile(anne, role="Correspondante à Séoul", bio="Couvre la Corée.")
    article = make_article(authors=[anne])
    nodes = json_ld(client.get("/authors/anne-dupont/").content.decode())
    assert nodes["Person"] == {
        "@type": "Person",
        "name": "Anne Dupont",
        "url": "http://testserver/authors/anne-dupont/",
        "jobTitle": "Correspondante à Séoul",
        "description": "Couvre la Corée.",
    }
    assert nodes["ItemList"]["itemListElement"][0]["url"] == (
        "http://testserver" + article.get_absolute_url()
    )


def test_one_byline_name_everywhere(client):
    """Article page, JSON-LD, feeds and the API print the profile's display name."""
    anne = make_user(username="admin", first_name="Anne-Marie", last_name="Dupont")
    make_profile(anne, display_name="A.-M. Dupont")
    article = make_article(authors=[anne], credit="avec AFP")
    html = client.get(article.get_absolute_url()).content.decode()
    assert ">A.-M. Dupont</a>" in html
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["author"][0]["name"] == "A.-M. Dupont"
    rss = client.get(reverse("articles:feed_rss")).content.decode()
    assert "A.-M. Dupont, avec AFP" in rss
    item = client.get(reverse("articles:ninjs_article", args=[article.pk])).json()
    assert "A.-M. Dupont" in json.dumps(item, ensure_ascii=False)
    for text in (html, rss):
        assert "Anne-Marie" not in text and "admin<" not in text


@pytest.mark.parametrize("kind", ["draft_only", "future_only", "nothing"])
def test_no_page_without_published_work(client, kind):
    user = make_user()
    make_profile(user)
    if kind == "draft_only":
        make_article(authors=[user], status=Article.Status.DRAFT)
    elif kind == "future_only":
        make_article(authors=[user], published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get("/authors/anne-dupont/").status_code == 404
    assert client.get(f"/authors/{user.pk}/").status_code == 404


def test_unknown_huge_and_bad_pages_are_404(client):
    anne = make_user()
    make_profile(anne)
    make_article(authors=[anne])
    assert client.get("/authors/987654/").status_code == 404
    assert client.get(f"/authors/{9 * 10**30}/").status_code == 404
    assert client.get("/authors/personne/").status_code == 404
    assert client.get("/authors/anne-dupont/", {"page": "abc"}).status_code == 404
    assert client.get("/authors/anne-dupont/", {"page": "99"}).status_code == 404


@pytest.mark.parametrize("count", [1, 6])
def test_author_page_queries_are_constant(client, django_assert_num_queries, count):
    anne = make_user()
    make_profile(anne)
    for _ in range(count):
        make_article(authors=[anne], countries=["FR"], subjects=["FR"])
    page = anne.author_profile.get_absolute_url()
    # author with profile, their links counted up to a bound, the list counted up to a
    # bound, articles, the teasers' bylines and main subjects, page stamp.
    with django_assert_num_queries(7):
        client.get(page)
    # From the page cache: the author and the stamp.
    assert_cached_answers(client, page, django_assert_num_queries, queries=2)


@pytest.mark.parametrize(
    ("name", "description"),
    [("Anne Dupont", "Articles d’Anne Dupont."), ("Claire Dumas", "Articles de Claire Dumas.")],
)
def test_author_page_speaks_french(client, name, description):
    anne = make_user()
    make_profile(anne, display_name=name)
    make_article(authors=[anne])
    html = client.get(anne.author_profile.get_absolute_url(), headers={"accept-language": "fr"})
    html = html.content.decode()
    assert f'content="{description}"' in html
    assert ">Auteur<" in html
