"""The permission matrix, extended to every URL of the admin, ``auth`` and ``axes`` included.

``test_permissions`` checks each article view and action by hand; here every URL the
admin site answers is opened by each role, and what each role may see is written down
once (``MAY``). A new admin page without a row here fails ``test_every_admin_url_is_swept``.
Reporters must find no other person's login name, e-mail or password hash anywhere.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin as django_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, reverse

from articles.models import Article, AuthorProfile
from articles.tests.helpers.factories import country
from articles.tests.helpers.pictures import make_picture
from articles.tests.workflow.test_permissions import NO, OK, ROLES, as_role, outcome, world

pytestmark = pytest.mark.django_db
__all__ = ["world"]  # the fixture, shared with test_permissions

ALL = {"add", "change", "delete", "view"}
# What each role may do with each model, by design. Articles are also checked per object:
# reporter_b is not an author of the draft nor the uploader of the picture.
REPORTER = {
    "articles.article": {"add", "change", "view"},
    "articles.country": {"view"},
    "articles.leader": {"view"},
    "articles.tag": {"view"},
    "articles.picture": {"add", "change", "view"},
}
MAY = {
    "reporter_a": REPORTER,
    "reporter_b": REPORTER,
    "editor": {
        "articles.article": ALL,
        "articles.country": ALL,
        "articles.leader": ALL,
        "articles.tag": ALL,
        "articles.picture": ALL,
        "articles.authorprofile": ALL,
        "auth.user": {"view"},
    },
}
MODELS = {
    "auth.user",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "articles.picture",
    "articles.country",
    "articles.leader",
    "articles.tag",
    "articles.article",
    "articles.authorprofile",
}
STANDARD = {
    "changelist": {"view", "change"},
    "add": {"add"},
    "change": {"view", "change"},
    "history": {"view", "change"},
    "delete": {"delete"},
}
EVERYONE = [OK, OK, OK]
# Admin pages that are not a model's standard five: (expected per role, query).
SPECIAL = {
    "index": (EVERYONE, {}),
    "password_change": (EVERYONE, {}),
    "password_change_done": (EVERYONE, {}),
    "jsi18n": (EVERYONE, {}),
    "view_on_site": (EVERYONE, {}),
    "auth_user_password_change": ([NO, NO, NO], {}),
    "articles_tag_suggest": (EVERYONE, {"q": "So"}),
    "articles_picture_picker": (EVERYONE, {}),
    "articles_article_authors": (EVERYONE, {"term": "a"}),
    "articles_authorprofile_mine": (EVERYONE, {}),
    "articles_article_preview": ([OK, NO, OK], {}),
    # Anyone who may write articles translates those they may see.
    "articles_article_translate": ([OK, NO, OK], {}),
    "articles_article_compare": ([OK, NO, OK], "compare"),
    "articles_article_recoverlist": ([NO, NO, OK], {}),
    # POST only: a GET is refused (405) to everyone.
    "articles_article_add_note": ([NO, NO, NO], {}),
    "articles_article_restore": ([NO, NO, NO], {}),
    "articles_article_recover": ([NO, NO, NO], {}),
    "articles_article_share": ([NO, NO, NO], {}),
    "articles_article_revoke_share": ([NO, NO, NO], {}),
    "articles_article_suggest_from_text": ([NO, NO, NO], {}),
}
# Not swept: signing in and out, the redirects to a change page, the catch-all, and
# Django's autocomplete (its cases are in test_permissions).
SKIPPED = {"login", "logout", "autocomplete", None}


def admin_patterns():
    """(name, route) of every URL the admin site answers."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield pattern.name, prefix + str(pattern.pattern)

    return list(walk(django_admin.site.urls[0]))


def model_of(name):
    """'articles_article_change' → ('articles.article', 'change')."""
    for label in MODELS:
        prefix = label.replace(".", "_") + "_"
        if name.startswith(prefix) and name[len(prefix) :] in STANDARD:
            return label, name[len(prefix) :]
    return None, None


@pytest.fixture
def sweep(world):
    editor = world["editor"]
    # Distinctive, so that any page showing them to a reporter is caught.
    editor.username, editor.email = "chef.x9", "chef.x9@example.org"
    editor.first_name, editor.last_name = "Hélène", "Marchal"
    editor.save()
    for role in ("reporter_a", "reporter_b"):
        world[role].email = f"{role}.x9@example.org"
        world[role].save()
    attempt = {"user_agent": "Firefox", "ip_address": "203.0.113.9", "username": "chef.x9"}
    objects = {
        "articles.article": world["draft"],
        "articles.country": country("RU"),
        "articles.leader": world["leader"],
        "articles.tag": world["tag"],
        # reporter_a's upload, on no article yet: reporter_b does not see it.
        "articles.picture": make_picture(uploaded_by=world["reporter_a"]),
        "articles.authorprofile": AuthorProfile.objects.create(
            user=editor, display_name="Hélène Marchal", slug="helene-marchal"
        ),
        "auth.user": editor,
        "auth.group": Group.objects.get(name="Editor"),
        "axes.accessattempt": AccessAttempt.objects.create(
            **attempt, get_data="", post_data="", failures_since_start=3
        ),
        "axes.accesslog": AccessLog.objects.create(**attempt),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**attempt),
    }
    return {**world, "objects": objects}


def build(sweep, name, route):
    """The URL and query for one admin pattern, and what each role should get."""
    objects = sweep["objects"]
    label, action = model_of(name)
    if label:
        args = [objects[label].pk] if "<path:object_id>" in route else []
        url = reverse(f"admin:{name}", args=args)
        return url, {}, [expected(sweep, role, label, action) for role in ROLES[1:]]
    if name == "app_list":
        return None  # one per app, below
    roles, query = SPECIAL[name]
    draft = sweep["draft"]
    kwargs = {}
    if "object_id>" in route and name != "view_on_site":
        kwargs["object_id"] = draft.pk
    if "<id>" in route:
        kwargs["id"] = sweep["editor"].pk
    if "<int:link_id>" in route:
        kwargs["link_id"] = sweep["link"].pk
    if "<int:version_id>" in route:
        kwargs["version_id"] = (
            sweep["deleted_version"].pk if "recover" in name else sweep["versions"][1].pk
        )
    if name == "view_on_site":
        kwargs = {
            "content_type_id": ContentType.objects.get_for_model(Article).pk,
            "object_id": sweep["published"].pk,
        }
    if query == "compare":
        query = {"from": sweep["versions"][1].pk, "to": sweep["versions"][0].pk}
    return reverse(f"admin:{name}", kwargs=kwargs), query, roles


def expected(sweep, role, label, action):
    allowed = bool(MAY[role].get(label, set()) & STANDARD[action])
    if label in {"articles.article", "articles.picture"} and role == "reporter_b":
        # Not an author of the draft: its pages are refused; lists and adding are not.
        allowed = allowed and action in {"changelist", "add"}
    if label in {"articles.article", "articles.picture"} and action == "delete":
        allowed = role == "editor"
    return OK if allowed else NO


def cases(sweep):
    found = []
    for name, route in admin_patterns():
        if name in SKIPPED:
            continue
        if name == "app_list":
            for app in ("articles", "auth", "axes"):
                may = [
                    OK if any(key.startswith(f"{app}.") for key in MAY[role]) else NO
                    for role in ROLES[1:]
                ]
                found.append((f"app {app}", reverse("admin:app_list", args=[app]), {}, may))
            continue
        url, query, may = build(sweep, name, route)
        found.append((name, url, query, may))
    return found


LEAKS = ["chef.x9", "md5$", "pbkdf2_", "argon2", "bcrypt"]


def snapshot():
    users = get_user_model().objects.order_by("pk")
    return (
        list(users.values_list("pk", "username", "is_superuser", "is_staff", "password")),
        sorted(Group.objects.values_list("name", "permissions")),
        list(Permission.objects.filter(user__isnull=False).values_list("pk", "user")),
        AccessAttempt.objects.count(),
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_as_every_role(sweep, role):
    client = as_role(sweep, role)
    failures = []
    for name, url, query, may in cases(sweep):
        before = snapshot()
        response = client.get(url, query)
        got = outcome(response, changed=False, method="get", case=name)
        want = "login" if role == "anonymous" else may[ROLES.index(role) - 1]
        if got != want:
            failures.append(f"{name} {url}: got {got} ({response.status_code}), want {want}")
        assert snapshot() == before, f"GET {url} changed something"
        if role.startswith("reporter"):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode(errors="replace")
            leaked = [word for word in LEAKS if word in text]
            if leaked:
                failures.append(f"{name} {url} shows {leaked}")
    assert failures == [], "\n".join(failures)


def test_every_admin_url_is_swept(sweep):
    swept = {name for name, *_rest in cases(sweep)}
    for name, _route in admin_patterns():
        if name in SKIPPED or name == "app_list":
            continue
        assert name in swept
    # Every registered model has its row, so a new admin page is not forgotten.
    registered = {model._meta.label_lower for model in django_admin.site._registry}
    assert registered == MODELS


def user_change_data(user, **changes):
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        **changes,
    }


# Writes to accounts and groups: nobody but a superuser may make them.
WRITES = {
    "make oneself superuser": lambda s, me: (
        reverse("admin:auth_user_change", args=[me.pk]),
        user_change_data(me, is_superuser="on"),
    ),
    "change the editor": lambda s, me: (
        reverse("admin:auth_user_change", args=[s["editor"].pk]),
        user_change_data(s["editor"], email="pirate@example.org"),
    ),
    "set the editor's password": lambda s, me: (
        reverse("admin:auth_user_password_change", args=[s["editor"].pk]),
        {"password1": "Tout-nouveau-42", "password2": "Tout-nouveau-42", "usable_password": "true"},
    ),
    "add a user": lambda s, me: (
        reverse("admin:auth_user_add"),
        {"username": "intrus", "password1": "Tout-nouveau-42", "password2": "Tout-nouveau-42"},
    ),
    "delete a user": lambda s, me: (
        reverse("admin:auth_user_delete", args=[s["reporter_b"].pk]),
        {"post": "yes"},
    ),
    "grant the Reporter group a permission": lambda s, me: (
        reverse("admin:auth_group_change", args=[Group.objects.get(name="Reporter").pk]),
        {
            "name": "Reporter",
            "permissions": list(
                Permission.objects.filter(codename__in=["view_user", "change_user"]).values_list(
                    "pk", flat=True
                )
            ),
        },
    ),
    "clear login failures": lambda s, me: (
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [s["objects"]["axes.accessattempt"].pk],
            "post": "yes",
        },
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
@pytest.mark.parametrize("role", ROLES)
def test_no_role_writes_accounts(sweep, role, write):
    client = as_role(sweep, role)
    me = sweep.get(role) or sweep["reporter_a"]
    url, data = WRITES[write](sweep, me)
    before = snapshot()
    response = client.post(url, data)
    assert snapshot() == before, f"{role} could {write}"
    assert response.status_code in {302, 403, 404, 200}
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"] or response["Location"] == reverse(
            "admin:index"
        )


@pytest.mark.parametrize("write", list(WRITES))
def test_each_write_is_real_for_a_superuser(sweep, write):
    # Guards the test above: each refused request would have changed something.
    root = get_user_model().objects.create_superuser("root.x9", "root@example.org", "pw-root-42")
    client = Client()
    client.force_login(root)
    me = sweep["reporter_a"] if write != "make oneself superuser" else sweep["reporter_b"]
    url, data = WRITES[write](sweep, me)
    before = snapshot()
    response = client.post(url, data)
    assert snapshot() != before, response.content.decode()[:3000]
