import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.helpers.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def author_page(user):
    return reverse("articles:author", kwargs={"pk": user.pk})


def test_byline_links_to_the_author_page_listing_published_work(client):
    anne = make_user(username="anne.login", first_name="Anne", last_name="Dupont")
    article = make_article(authors=[anne], title="Publié")
    make_article(authors=[anne], title="Brouillon d’Anne", status=Article.Status.DRAFT)
    make_article(
        authors=[anne],
        title="Futur d’Anne",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{author_page(anne)}"' in html
    response = client.get(author_page(anne))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anne Dupont" in page
    assert "Publié" in page
    assert "Brouillon d’Anne" not in page
    assert "Futur d’Anne" not in page
    # The login name is not published.
    assert "anne.login" not in page


def test_author_json_ld_is_a_person_with_their_articles(client):
    anne = make_user(first_name="Anne", last_name="Dupont")
    article = make_article(authors=[anne])
    html = client.get(author_page(anne)).content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    nodes = {node["@type"]: node for node in json.loads(block)["@graph"]}
    assert nodes["Person"] == {
        "@type": "Person",
        "name": "Anne Dupont",
        "url": "http://testserver" + author_page(anne),
    }
    assert nodes["ItemList"]["itemListElement"][0]["url"] == (
        "http://testserver" + article.get_absolute_url()
    )


@pytest.mark.parametrize("kind", ["draft_only", "future_only", "nothing"])
def test_no_page_without_published_work(client, kind):
    user = make_user()
    if kind == "draft_only":
        make_article(authors=[user], status=Article.Status.DRAFT)
    elif kind == "future_only":
        make_article(authors=[user], published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(author_page(user)).status_code == 404


def test_unknown_huge_and_bad_pages_are_404(client):
    anne = make_user()
    make_article(authors=[anne])
    assert client.get("/authors/987654/").status_code == 404
    assert client.get(f"/authors/{9 * 10**30}/").status_code == 404
    assert client.get(author_page(anne), {"page": "abc"}).status_code == 404
    assert client.get(author_page(anne), {"page": "99"}).status_code == 404


@pytest.mark.parametrize("count", [1, 6])
def test_author_page_queries_are_constant(client, django_assert_num_queries, count):
    anne = make_user()
    for _ in range(count):
        make_article(authors=[anne])
    # author, count, articles, page stamp.
    with django_assert_num_queries(4):
        client.get(author_page(anne))
    # From the page cache: the stamp.
    with django_assert_num_queries(1):
        assert client.get(author_page(anne)).headers["X-Page-Cache"] == "hit"


def test_author_page_speaks_french(client):
    anne = make_user(first_name="Anne", last_name="Dupont")
    make_article(authors=[anne])
    html = client.get(author_page(anne), headers={"accept-language": "fr"}).content.decode()
    assert "Articles de Anne Dupont." in html
    assert ">Auteur<" in html
