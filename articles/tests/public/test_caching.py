"""HTTP caching of the reader's pages: validators, headers, the page cache, staleness."""

import datetime
import gzip

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuthorProfile, Country, PageStamp, Tag, author_url
from articles.public import caching, invalidation
from articles.tests.helpers.factories import make_article, make_editor, make_leader, make_user
from articles.tests.helpers.pictures import make_picture
from articles.workflow import moves, previews

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=30, s-maxage=120, stale-while-revalidate=60"


@pytest.fixture
def site():
    """Two stories that share nothing: Russia (Putin, diplomacy, Anne) and France
    (Macron, cooking, Bob)."""
    anne = make_user(username="anne", first_name="Anne", last_name="Dupont")
    bob = make_user(username="bob", first_name="Bob", last_name="Martin")
    putin = make_leader(name="Vladimir Poutine", slug="poutine", country_code="RU")
    macron = make_leader(name="Emmanuel Macron", slug="macron", country_code="FR")
    russia = make_article(
        title="Sommet à Moscou",
        countries=["RU"],
        leaders=[putin],
        tags=["Diplomatie"],
        authors=[anne],
    )
    france = make_article(
        title="La cuisine de l’Élysée",
        countries=["FR"],
        leaders=[macron],
        tags=["Cuisine"],
        authors=[bob],
    )
    return {
        "anne": anne,
        "bob": bob,
        "putin": putin,
        "macron": macron,
        "russia": russia,
        "france": france,
        "editor": make_editor(),
    }


def surfaces(site):
    """Every cached public surface, by name."""
    return {
        "home": reverse("articles:home"),
        "article RU": site["russia"].get_absolute_url(),
        "article FR": site["france"].get_absolute_url(),
        "country RU": Country.objects.get(code="RU").get_absolute_url(),
        "country FR": Country.objects.get(code="FR").get_absolute_url(),
        "leader RU": site["putin"].get_absolute_url(),
        "leader FR": site["macron"].get_absolute_url(),
        "tag RU": Tag.objects.get(name="Diplomatie").get_absolute_url(),
        "tag FR": Tag.objects.get(name="Cuisine").get_absolute_url(),
        "author RU": author_url(site["anne"]),
        "author FR": author_url(site["bob"]),
        "feed": reverse("articles:feed_rss"),
        "atom feed": reverse("articles:feed_atom"),
        "feed RU": reverse(
            "articles:country_feed_rss", kwargs={"slug": Country.objects.get(code="RU").slug}
        ),
        "feed FR": reverse(
            "articles:country_feed_atom", kwargs={"slug": Country.objects.get(code="FR").slug}
        ),
        "tag feed RU": reverse(
            "articles:tag_feed_rss", kwargs={"slug": Tag.objects.get(name="Diplomatie").slug}
        ),
        "sitemap index": reverse("articles:sitemap_index"),
        "sitemap articles": reverse("articles:sitemap_section", kwargs={"section": "articles"}),
        "sitemap tags": reverse("articles:sitemap_section", kwargs={"section": "tags"}),
        "news sitemap": reverse("articles:news_sitemap"),
    }


SITE_WIDE = {
    "home",
    "feed",
    "atom feed",
    "sitemap index",
    "sitemap articles",
    "sitemap tags",
    "news sitemap",
}
# Pages that also change with the clock, never kept early.
CLOCK_BOUND = {"news sitemap"}
RUSSIA = {"country RU", "leader RU", "tag RU", "author RU", "feed RU", "tag feed RU"}


def prime(client, urls):
    """Fetch every page twice: the second answer is the page kept early, so that the
    checks after each event also prove that no early copy outlives a change."""
    etags = {}
    for name, url in urls.items():
        first = client.get(url)
        assert first.status_code == 200, name
        assert first["X-Page-Cache"] == "miss", name
        again = client.get(url)
        assert again["X-Page-Cache"] == ("hit" if name in CLOCK_BOUND else "early"), name
        assert again.content == first.content, name
        for header in ["Content-Type", "Content-Language", "X-Robots-Tag", "Cache-Control"]:
            assert again.get(header) == first.get(header), (name, header)
        assert again["ETag"] == first["ETag"], name
        etags[name] = first["ETag"]
    return etags


def changed_pages(client, urls, etags):
    """The pages whose validators moved; each is checked to be rendered afresh."""
    changed = {}
    for name, url in urls.items():
        response = client.get(url, headers={"if-none-match": etags[name]})
        if response.status_code == 304:
            continue
        if response.status_code == 200:
            assert response["X-Page-Cache"] == "miss", name
            assert response["ETag"] != etags[name], name
        changed[name] = response
    return changed


class TestStaleness:
    """A change refreshes every page showing what changed, at once; no other page."""

    def test_a_draft_changes_nothing(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        draft = make_article(
            title="Brouillon secret",
            status=Article.Status.DRAFT,
            countries=["RU"],
            leaders=[site["putin"]],
            tags=["Diplomatie"],
            authors=[site["anne"]],
        )
        draft.title = "Brouillon retouché"
        draft.save()
        assert changed_pages(client, urls, etags) == {}

    def test_publishing(self, client, site):
        urls = surfaces(site)
        draft = make_article(
            title="Nouvelles sanctions",
            status=Article.Status.DRAFT,
            countries=["RU"],
            leaders=[site["putin"]],
            tags=["Diplomatie"],
            authors=[site["anne"]],
        )
        etags = prime(client, urls)
        moves.publish(article=draft, user=site["editor"])
        changed = changed_pages(client, urls, etags)
        # The Russian story's page lists it among related coverage.
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        for name in ["home", "feed", "country RU", "leader RU", "tag RU", "author RU", "feed RU"]:
            assert "Nouvelles sanctions" in changed[name].content.decode(), name
        assert draft.get_absolute_url() in changed["sitemap articles"].content.decode()

    def test_editing(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        story = site["russia"]
        story.title = "Sommet à Moscou : le compte rendu"
        story.save()
        changed = changed_pages(client, urls, etags)
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        for name in ["home", "article RU", "country RU", "tag RU", "author RU", "feed RU"]:
            assert "le compte rendu" in changed[name].content.decode(), name

    def test_a_correction(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        moves.add_note(
            article=site["russia"], user=site["editor"], kind="correction", text="Date corrigée."
        )
        changed = changed_pages(client, urls, etags)
        assert "article RU" in changed
        assert "Date corrigée." in changed["article RU"].content.decode()
        assert not {"article FR", "country FR", "leader FR", "feed FR"} & set(changed)

    def test_unpublishing(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        moves.unpublish(article=site["russia"], user=site["editor"])
        changed = changed_pages(client, urls, etags)
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        assert changed["article RU"].status_code == 404
        assert changed["author RU"].status_code == 404  # Anne has nothing published left
        for name in ["home", "feed", "country RU", "leader RU", "tag RU", "feed RU"]:
            assert "Sommet à Moscou" not in changed[name].content.decode(), name

    def test_renaming_a_country(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        russia = Country.objects.get(code="RU")
        russia.name = "Fédération de Russie"
        russia.description = "Le plus grand pays du monde."
        russia.save()
        changed = changed_pages(client, urls, etags)
        # Its leader's page names it; so do the stories about it, their feeds and lists.
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        assert "Le plus grand pays du monde." in changed["country RU"].content.decode()

    def test_renaming_a_leader(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        putin = site["putin"]
        putin.name = "Vladimir V. Poutine"
        putin.save()
        changed = changed_pages(client, urls, etags)
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        for name in ["leader RU", "article RU", "feed RU", "feed"]:
            assert "Vladimir V. Poutine" in changed[name].content.decode(), name

    def test_renaming_a_tag(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        tag = Tag.objects.get(name="Diplomatie")
        tag.name = "Diplomatie russe"
        tag.save()
        changed = changed_pages(client, urls, etags)
        # The tag's address moved with its name: the old one is gone, its feed too.
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}
        assert changed["tag RU"].status_code == 404
        assert changed["tag feed RU"].status_code == 404
        renamed = client.get(tag.get_absolute_url())
        assert "Diplomatie russe" in renamed.content.decode()
        for name in ["article RU", "feed RU", "feed"]:
            assert "Diplomatie russe" in changed[name].content.decode(), name

    def test_renaming_an_author(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        anne = site["anne"]
        anne.last_name = "Durand"
        anne.save()
        changed = changed_pages(client, urls, etags)
        assert {"article RU", "author RU", "feed"} <= set(changed)
        assert "Anne Durand" in changed["article RU"].content.decode()
        assert not {"article FR", "country FR", "leader FR", "author FR"} & set(changed)

    def test_an_authors_profile_renames_her_bylines(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        AuthorProfile.objects.create(
            user=site["anne"], display_name="Anne Durand-Leroy", slug="anne-durand-leroy"
        )
        changed = changed_pages(client, urls, etags)
        assert {"article RU", "feed"} <= set(changed)
        assert "Anne Durand-Leroy" in changed["article RU"].content.decode()

    def test_editing_a_picture(self, client, site):
        picture = make_picture(size=(64, 48))
        story = site["russia"]
        story.lead_picture = picture
        story.save()
        urls = surfaces(site)
        etags = prime(client, urls)
        picture.caption = "Une légende corrigée"
        picture.save()
        changed = changed_pages(client, urls, etags)
        assert "Une légende corrigée" in changed["article RU"].content.decode()
        assert {"home", "country RU"} <= set(changed)
        assert not {"article FR", "country FR", "leader FR", "author FR"} & set(changed)

    def test_a_login_changes_nothing(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        anne = site["anne"]
        anne.last_login = timezone.now()
        anne.save(update_fields=["last_login"])
        assert changed_pages(client, urls, etags) == {}

    def test_a_scheduled_article_appears_at_its_time(self, client, site, monkeypatch):
        urls = surfaces(site)
        draft = make_article(
            title="Annonce programmée",
            status=Article.Status.DRAFT,
            countries=["RU"],
            leaders=[site["putin"]],
            tags=["Diplomatie"],
            authors=[site["anne"]],
        )
        etags = prime(client, urls)
        at = timezone.now() + datetime.timedelta(hours=1)
        moves.publish(article=draft, user=site["editor"], at=at)
        # Not live yet: no page changes.
        assert changed_pages(client, urls, etags) == {}
        later = at + datetime.timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        changed = changed_pages(client, urls, etags)
        assert set(changed) >= SITE_WIDE | RUSSIA
        assert not {"article FR", "country FR", "leader FR", "author FR"} & set(changed)
        assert "Annonce programmée" in changed["home"].content.decode()

    def test_deleting_a_published_article(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        site["russia"].delete()
        changed = changed_pages(client, urls, etags)
        assert set(changed) == SITE_WIDE | RUSSIA | {"article RU"}

    def test_adding_a_subject_to_a_published_article(self, client, site):
        urls = surfaces(site)
        etags = prime(client, urls)
        site["france"].countries.add(Country.objects.get(code="RU"))
        changed = changed_pages(client, urls, etags)
        assert {"country RU", "feed RU", "article FR", "home"} <= set(changed)
        assert "La cuisine de l’Élysée" in changed["country RU"].content.decode()


class TestConditionalGet:
    def test_304_to_the_etag_and_to_the_modification_time(self, client, site):
        url = site["russia"].get_absolute_url()
        first = client.get(url)
        assert first["ETag"].startswith('W/"')
        assert first["Last-Modified"]
        again = client.get(url, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304
        assert again["ETag"] == first["ETag"]
        assert again["Cache-Control"] == PUBLIC
        assert again.content == b""
        since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert since.status_code == 304

    def test_304_costs_no_render(self, client, site, django_assert_num_queries):
        url = Country.objects.get(code="RU").get_absolute_url()
        etag = client.get(url)["ETag"]
        # The country and its stamp, in one query.
        with django_assert_num_queries(1):
            assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    def test_each_page_and_language_has_its_own_etag(self, client, site):
        home = client.get("/")["ETag"]
        assert client.get("/", {"page": "1"})["ETag"] != home
        # The reader's language is in the address: /en/ is another page; the French root
        # stays the same page whatever the browser asks for.
        assert client.get("/en/")["ETag"] != home
        assert client.get("/", headers={"accept-language": "en"})["ETag"] == home

    def test_a_new_release_changes_every_etag(self, client, site, settings):
        first = client.get("/")["ETag"]
        caching.release.cache_clear()
        settings.NEWSROOM_RELEASE = "another-release"
        try:
            assert client.get("/")["ETag"] != first
        finally:
            caching.release.cache_clear()

    def test_not_found_is_not_cached(self, client, site):
        response = client.get("/countries/nulle-part/")
        assert response.status_code == 404
        assert "ETag" not in response
        assert "X-Page-Cache" not in response


class TestHeaders:
    def test_public_pages_for_anonymous_readers(self, client, site):
        for name, url in surfaces(site).items():
            response = client.get(url)
            assert response["Cache-Control"] == PUBLIC, name
            assert "Cookie" in response["Vary"], name
            assert "ETag" in response, name
            assert not response.cookies, name

    def test_logged_in_readers_get_private_pages_never_cached(self, client, site):
        client.force_login(site["editor"])
        for name, url in surfaces(site).items():
            response = client.get(url)
            assert response["Cache-Control"] == caching.PRIVATE, name
            assert "ETag" not in response, name
            assert "X-Page-Cache" not in response, name
        client.logout()
        client.cookies.clear()
        # Nothing an editor was shown went into the page cache.
        assert client.get("/")["X-Page-Cache"] == "miss"

    def test_a_pending_message_keeps_the_page_private(self, client, site):
        client.cookies["messages"] = "anything"
        response = client.get("/")
        assert response["Cache-Control"] == caching.PRIVATE
        assert "X-Page-Cache" not in response

    def test_previews_and_admin_are_private(self, client, site):
        draft = make_article(status=Article.Status.DRAFT)
        _link, token = previews.create_link(article=draft, user=site["editor"])
        preview = client.get(reverse("articles:preview", kwargs={"token": token}))
        assert preview.status_code == 200
        assert "no-store" in preview["Cache-Control"]
        assert "public" not in preview["Cache-Control"]
        client.force_login(site["editor"])
        admin = client.get(reverse("admin:articles_article_changelist"))
        assert "no-store" in admin["Cache-Control"]
        assert "private" in admin["Cache-Control"]

    def test_other_pages_answered_to_a_session_are_private(self, client, site):
        client.force_login(site["editor"])
        response = client.get(reverse("articles:countries"))
        assert response["Cache-Control"] == caching.PRIVATE

    def test_html_is_compressed_for_clients_that_accept_it(self, client, site):
        url = site["russia"].get_absolute_url()
        plain = client.get(url)
        assert "Content-Encoding" not in plain
        packed = client.get(url, headers={"accept-encoding": "gzip, br"})
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content
        assert packed["ETag"] == plain["ETag"]


class TestPageCache:
    def test_the_cache_key_is_the_version_no_purge(self, client, site):
        france = site["france"].get_absolute_url()
        first = client.get("/")
        assert client.get(france)["X-Page-Cache"] == "miss"
        story = site["russia"]
        story.title = "Titre changé"
        story.save()
        second = client.get("/")
        assert second["X-Page-Cache"] == "miss"
        assert "Titre changé" in second.content.decode()
        # The other pages' copies are still there: the change sets the early copies
        # aside, and the page's own version answers, then is kept early again.
        assert client.get(france)["X-Page-Cache"] == "hit"
        assert client.get(france)["X-Page-Cache"] == "early"
        assert first["ETag"] != second["ETag"]

    def test_while_another_worker_renders_the_previous_version_is_served(
        self, client, site, monkeypatch
    ):
        old = client.get("/")
        story = site["russia"]
        story.title = "Titre changé"
        story.save()
        # Someone else holds the lock for the new version.
        monkeypatch.setattr(caching.cache, "add", lambda *args, **kwargs: False)
        stale = client.get("/")
        assert stale["X-Page-Cache"] == "stale"
        assert stale.content == old.content
        assert stale["ETag"] == old["ETag"]
        assert stale["Cache-Control"] == "public, no-cache"

    def test_with_nothing_to_serve_a_waiting_worker_renders_in_the_end(
        self, client, site, monkeypatch, settings
    ):
        settings.PAGE_CACHE_WAIT_SECONDS = 0.05
        monkeypatch.setattr(caching.cache, "add", lambda *args, **kwargs: False)
        response = client.get("/")
        assert response.status_code == 200
        assert "Sommet à Moscou" in response.content.decode()
        assert response["Cache-Control"] == PUBLIC

    def test_one_render_per_version(self, client, site, monkeypatch):
        renders = []
        original = caching._rendered

        def counting(response):
            renders.append(1)
            return original(response)

        monkeypatch.setattr(caching, "_rendered", counting)
        for _ in range(5):
            client.get("/")
        assert len(renders) == 1


class TestOnCommit:
    def test_stamps_move_when_the_transaction_commits(
        self, client, site, monkeypatch, django_capture_on_commit_callbacks
    ):
        monkeypatch.setattr(invalidation, "on_commit", transaction.on_commit)
        before = set(PageStamp.objects.values_list("kind", "object_id", "version"))
        etag = client.get("/")["ETag"]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            story = site["russia"]
            story.title = "Pas encore"
            story.save()
            # Not committed: the page is still the one readers may see.
            assert set(PageStamp.objects.values_list("kind", "object_id", "version")) == before
            assert client.get("/", headers={"if-none-match": etag}).status_code == 304
        assert callbacks
        assert client.get("/", headers={"if-none-match": etag}).status_code == 200
