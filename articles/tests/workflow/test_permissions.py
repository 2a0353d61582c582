"""The permission matrix: every admin URL and action of an article, as each role.

Roles: anonymous, reporter A (author of the draft), reporter B (another reporter), editor.
"Refused" is a login redirect for anonymous, and for signed-in users a 403, a 404 or
Django's "does not exist" redirect to the admin index, without the article's title and
without any change in the database.
"""

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, ArticleNote, Country, Leader, PreviewLink, Tag
from articles.tests.helpers.factories import (
    country,
    make_article,
    make_editor,
    make_leader,
    make_reporter,
)
from articles.workflow import history, previews
from articles.workflow.forms import version_token

pytestmark = pytest.mark.django_db

TITLE = "Brouillon confidentiel de Rousski"
ROLES = ["anonymous", "reporter_a", "reporter_b", "editor"]


@pytest.fixture
def world():
    editor = make_editor(username="editor")
    reporter_a = make_reporter(username="reporter_a")
    reporter_b = make_reporter(username="reporter_b")
    draft = make_article(
        title=TITLE, slug="brouillon", status=Article.Status.DRAFT, authors=[reporter_a]
    )
    published = make_article(title="Papier publié de A", authors=[reporter_a])
    # Two revisions of the draft to compare and restore, as admin saves would store them.
    for title in ("Premier état", TITLE):
        with reversion.create_revision():
            draft.title = title
            draft.save()
            reversion.set_user(editor)
    link, _token = previews.create_link(article=draft, user=editor)
    deleted = make_article(title="Supprimé", authors=[reporter_a])
    history.save_deletion_revision(articles=[deleted], user=editor)
    deleted.delete()
    change_data = {
        "title": TITLE,
        "slug": draft.slug,
        "standfirst": draft.standfirst,
        "body": draft.body,
        "language": "fr",
        "dateline": "",
        "authors": [reporter_a.pk],
        "credit": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "countries": [],
        "leaders": [],
        "tags": "",
        "lead_image_alt": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "version": version_token(Article.objects.get(pk=draft.pk).updated_at),
    }
    return {
        "editor": editor,
        "reporter_a": reporter_a,
        "reporter_b": reporter_b,
        "draft": draft,
        "published": published,
        "link": link,
        "versions": list(Version.objects.get_for_object(draft)),
        "deleted_version": Version.objects.get_deleted(Article).get(),
        "change_data": change_data,
        "leader": make_leader(name="Kim Jong-un"),
        "tag": Tag.objects.create(name="Sommet"),
    }


def as_role(world, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world[role])
    return client


def admin(name, *args):
    return reverse(f"admin:articles_article_{name}", args=args)


def snapshot(world):
    """Everything a refused request must leave as it was."""
    draft = Article.objects.filter(pk=world["draft"].pk).values().first()
    return (
        draft,
        Article.objects.count(),
        list(PreviewLink.objects.values_list("pk", "revoked_at")),
        ArticleNote.objects.count(),
        Version.objects.count(),
        Country.objects.count(),
        list(Leader.objects.values_list("pk", "name")),
        list(Tag.objects.values_list("pk", "name")),
    )


def _autocomplete(field):
    def build(w):
        return reverse("admin:autocomplete"), {
            "term": "a",
            "app_label": "articles",
            "model_name": "article",
            "field_name": field,
        }

    return build


# name: (method, build(world) -> (url, data), expected outcome per role)
OK, NO = "ok", "refused"
CASES = {
    "changelist": ("get", lambda w: (admin("changelist"), {}), [OK, OK, OK]),
    "add": ("get", lambda w: (admin("add"), {}), [OK, OK, OK]),
    "change (view)": ("get", lambda w: (admin("change", w["draft"].pk), {}), [OK, NO, OK]),
    "change (save)": (
        "post",
        lambda w: (admin("change", w["draft"].pk), {**w["change_data"], "title": "Changé"}),
        [OK, NO, OK],
    ),
    "change (publish)": (
        "post",
        lambda w: (
            admin("change", w["draft"].pk),
            {**w["change_data"], "_transition": "publish"},
        ),
        [NO, NO, OK],
    ),
    "change (status by hand)": (
        "post",
        lambda w: (admin("change", w["draft"].pk), {**w["change_data"], "status": "published"}),
        [NO, NO, OK],
    ),
    "delete (confirm)": ("get", lambda w: (admin("delete", w["draft"].pk), {}), [NO, NO, OK]),
    "delete": ("post", lambda w: (admin("delete", w["draft"].pk), {"post": "yes"}), [NO, NO, OK]),
    "history": ("get", lambda w: (admin("history", w["draft"].pk), {}), [OK, NO, OK]),
    "compare": (
        "get",
        lambda w: (
            admin("compare", w["draft"].pk),
            {"from": w["versions"][1].pk, "to": w["versions"][0].pk},
        ),
        [OK, NO, OK],
    ),
    "restore": (
        "post",
        lambda w: (admin("restore", w["draft"].pk, w["versions"][1].pk), {}),
        [NO, NO, OK],
    ),
    "preview": ("get", lambda w: (admin("preview", w["draft"].pk), {}), [OK, NO, OK]),
    "share": ("post", lambda w: (admin("share", w["draft"].pk), {}), [OK, NO, OK]),
    "revoke share": (
        "post",
        lambda w: (admin("revoke_share", w["draft"].pk, w["link"].pk), {}),
        [OK, NO, OK],
    ),
    "add note": (
        "post",
        lambda w: (admin("add_note", w["published"].pk), {"kind": "update", "text": "Ajout"}),
        [NO, NO, OK],
    ),
    "recover list": ("get", lambda w: (admin("recoverlist"), {}), [NO, NO, OK]),
    "recover": (
        "post",
        lambda w: (admin("recover", w["deleted_version"].pk), {}),
        [NO, NO, OK],
    ),
    "action: submit": (
        "post",
        lambda w: (
            admin("changelist"),
            {"action": "submit_articles", "_selected_action": [w["draft"].pk]},
        ),
        [OK, NO, OK],
    ),
    "action: publish": (
        "post",
        lambda w: (
            admin("changelist"),
            {"action": "publish_articles", "_selected_action": [w["draft"].pk]},
        ),
        [NO, NO, OK],
    ),
    "action: unpublish": (
        "post",
        lambda w: (
            admin("changelist"),
            {"action": "unpublish_articles", "_selected_action": [w["published"].pk]},
        ),
        [NO, NO, OK],
    ),
    "action: delete": (
        "post",
        lambda w: (
            admin("changelist"),
            {"action": "delete_selected", "_selected_action": [w["draft"].pk], "post": "yes"},
        ),
        [NO, NO, OK],
    ),
    "autocomplete countries": ("get", _autocomplete("countries"), [OK, OK, OK]),
    "autocomplete leaders": ("get", _autocomplete("leaders"), [OK, OK, OK]),
    # Django's autocomplete asks the user admin: editors only (they may view users).
    "autocomplete authors": ("get", _autocomplete("authors"), [NO, NO, OK]),
    "authors by name": (
        "get",
        lambda w: (admin("authors"), {"term": "a"}),
        [OK, OK, OK],
    ),
    "suggest from text": (
        "post",
        lambda w: (
            admin("suggest_from_text"),
            {"title": "Kim Jong-un à Vladivostok", "body": "<p>Poutine</p>", "language": "fr"},
        ),
        [OK, OK, OK],
    ),
    "tag suggest": (
        "get",
        lambda w: (reverse("admin:articles_tag_suggest"), {"q": "So"}),
        [OK] * 3,
    ),
    "leader change": (
        "post",
        lambda w: (
            reverse("admin:articles_leader_change", args=[w["leader"].pk]),
            {"name": "Renommé", "slug": "renomme", "country": country("KP").pk},
        ),
        [NO, NO, OK],
    ),
    "leader delete": (
        "post",
        lambda w: (
            reverse("admin:articles_leader_delete", args=[w["leader"].pk]),
            {"post": "yes"},
        ),
        [NO, NO, OK],
    ),
    "country add": (
        "post",
        lambda w: (
            reverse("admin:articles_country_add"),
            {"code": "XK", "name": "Kosovo", "slug": "kosovo"},
        ),
        [NO, NO, OK],
    ),
    "tag merge": (
        "post",
        lambda w: (
            reverse("admin:articles_tag_changelist"),
            {
                "action": "merge_tags",
                "_selected_action": [
                    w["tag"].pk,
                    Tag.objects.create(name="Sommets").pk,
                ],
                "survivor": w["tag"].pk,
            },
        ),
        [NO, NO, OK],
    ),
}


READ_ONLY_POSTS = {"suggest from text"}


def outcome(response, *, changed, method, case):
    """What the user got: ok, refused or login."""
    if response.status_code == 302 and "/admin/login/" in response["Location"]:
        return "login"
    if response.status_code in {403, 404, 405}:
        return NO
    if response.status_code == 302 and response["Location"] == reverse("admin:index"):
        return NO  # Django's "does not exist" redirect
    if method == "post" and not changed and case not in READ_ONLY_POSTS:
        return NO  # e.g. an action the user may not run is silently not offered
    assert response.status_code in {200, 302}, response.status_code
    return OK


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("role", ROLES)
def test_matrix(world, role, case):
    method, build, expected = CASES[case]
    url, data = build(world)
    before = snapshot(world)
    client = as_role(world, role)
    response = getattr(client, method)(url, data)
    changed = snapshot(world) != before
    got = outcome(response, changed=changed, method=method, case=case)
    want = "login" if role == "anonymous" else expected[ROLES.index(role) - 1]
    assert got == want, f"{role} {case}: {response.status_code}"
    if want != OK:
        assert not changed, f"{role} {case} changed something"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert TITLE not in body.decode(errors="replace") or role == "reporter_a"


def test_a_reporter_may_read_but_not_change_their_published_article(world):
    client = as_role(world, "reporter_a")
    url = admin("change", world["published"].pk)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    data = {**world["change_data"], "title": "Retouché"}
    assert client.post(url, data).status_code == 403
    world["published"].refresh_from_db()
    assert world["published"].title == "Papier publié de A"


def test_the_changelist_of_a_reporter_holds_only_their_articles(world):
    html = as_role(world, "reporter_b").get(admin("changelist")).content.decode()
    assert TITLE not in html
    html = as_role(world, "reporter_a").get(admin("changelist")).content.decode()
    assert TITLE in html
