"""An article's subjects, in order: derived from the copy, reordered by the editor,
shown above the headline and in teasers, and ``about`` in the JSON-LD."""

import importlib
import json
import re

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from articles.languages.alternates import article_path
from articles.models import ArticleSubject
from articles.suggest import article_subjects as subject_service
from articles.tests.helpers.admin_forms import form_data
from articles.tests.helpers.factories import country, make_article, make_editor, make_leader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
KICKER_LINK = re.compile(r'<p class="story__kicker"><a href="[^"]*">(.*?)</a></p>')


def kicker(html):
    """The kicker's words, without the spans that keep a name on one line."""
    return [re.sub(r"<[^>]+>", "", text) for text in KICKER_LINK.findall(html)]


@pytest.fixture
def editor_client():
    editor_client = Client()
    editor_client.force_login(make_editor())
    return editor_client


@pytest.fixture
def summit():
    """Written by us: Russia and North Korea are the story, China a passing mention."""
    putin = make_leader(name="Vladimir Putin", slug="vladimir-putin", aliases="Putin")
    kim = make_leader(name="Kim Jong-un", slug="kim-jong-un", country_code="KP", aliases="Kim")
    return make_article(
        title="Putin and Kim meet in Vladivostok",
        standfirst="The Russian president hosted the North Korean leader for five hours.",
        body=(
            "<p>Vladimir Putin and Kim Jong-un talked about the peninsula on Thursday.</p>"
            "<p>Putin said Moscow would help. Kim thanked Russia.</p>"
            "<p>China, an old ally, was kept informed.</p>"
        ),
        language="en",
        countries=["CN", "KP", "RU"],
        leaders=[putin, kim],
    )


def ld(response):
    (block,) = LD.findall(response.content.decode())
    return json.loads(block)


def kinds(article):
    return [(row.country_id and "country") or "leader" for row in article.subjects.all()]


def test_derived_subjects_leave_the_passing_mention_out(summit, client):
    subjects = subject_service.derive_subjects(article=summit)
    codes = [row.country.code for row in summit.subjects.all() if row.country_id]
    assert set(codes) == {"RU", "KP"}
    # Countries first: the kicker names a place.
    assert kinds(summit) == ["country", "country", "leader", "leader"]
    assert len(subjects) == 4
    response = client.get(summit.get_absolute_url())
    (shown,) = kicker(response.content.decode())
    assert shown in {"Russia", "North Korea", "Russie", "Corée du Nord"}
    data = ld(response)
    assert [thing["identifier"] for thing in data["about"] if "identifier" in thing] == codes
    assert {thing["name"] for thing in data["about"]} >= {"Vladimir Putin", "Kim Jong-un"}
    assert [thing.get("identifier") for thing in data["mentions"]] == ["CN"]


def test_the_editors_order_decides_kicker_about_and_section(summit, client):
    putin = summit.leaders.get(slug="vladimir-putin")
    subject_service.set_subjects(
        article=summit,
        subjects=[
            ("country", country("KP").pk),
            ("leader", putin.pk),
            ("country", country("RU").pk),
        ],
    )
    response = client.get(article_path(summit, "en"))
    # An English story read in English: its page names countries in English.
    assert kicker(response.content.decode()) == ["North Korea"]
    data = ld(response)
    assert [thing["name"] for thing in data["about"]] == [
        "North Korea",
        "Vladimir Putin",
        "Russia",
    ]
    assert {thing["name"] for thing in data["mentions"]} == {"China", "Kim Jong-un"}
    assert data["articleSection"] == "North Korea"


def test_set_subjects_attaches_them_once_each_in_order(summit):
    leader = make_leader(name="Xi Jinping", slug="xi-jinping", country_code="CN")
    rows = subject_service.set_subjects(
        article=summit,
        subjects=[("leader", leader.pk), ("country", country("FR").pk), ("leader", leader.pk)],
    )
    assert [(r.position, r.target) for r in rows] == [(1, leader), (2, country("FR"))]
    assert summit.leaders.filter(pk=leader.pk).exists()
    assert summit.countries.filter(code="FR").exists()
    assert summit.main_subject == leader


def test_a_subject_is_a_country_or_a_leader_not_both(summit):
    leader = summit.leaders.first()
    for fields in ({}, {"country": country("FR"), "leader": leader}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ArticleSubject.objects.create(article=summit, position=1, **fields)
    with pytest.raises(ValueError):
        subject_service.set_subjects(article=summit, subjects=[("tag", 1)])


def test_without_subjects_the_headline_decides(summit, client):
    assert not summit.subjects.exists()
    data = ld(client.get(article_path(summit, "en")))
    # "The Russian president hosted the North Korean leader": the standfirst names them.
    assert {thing["name"] for thing in data["about"]} == {
        "Russia",
        "North Korea",
        "Vladimir Putin",
        "Kim Jong-un",
    }
    assert [thing["name"] for thing in data["mentions"]] == ["China"]


def test_teasers_show_the_main_subject_and_the_byline(client):
    author_article = make_article(title="Sommet", countries=["KP", "CN"], subjects=["KP"])
    author = author_article.authors.get()
    author.first_name, author.last_name = "Léa", "Roux"
    author.save()
    html = client.get(reverse("articles:home")).content.decode()
    teaser = html[html.index('class="teaser') :]
    assert re.search(
        r'class="teaser__kicker"><a href="/countries/north-korea/">Corée du Nord<', teaser
    )
    assert '<p class="teaser__byline">Léa Roux</p>' in teaser
    assert "Chine" not in teaser


class TestAdmin:
    def change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def test_editor_reorders_subjects_by_position(self, summit, editor_client, client):
        subject_service.derive_subjects(article=summit)
        rows = list(summit.subjects.all())
        page = editor_client.get(self.change_url(summit))
        assert 'name="subjects-TOTAL_FORMS"' in page.content.decode()
        data = form_data(page)
        # The last subject (a leader) becomes the main one.
        for i, row in enumerate(rows):
            assert data[f"subjects-{i}-id"] == str(row.pk)
            data[f"subjects-{i}-position"] = str(len(rows) - i)
        response = editor_client.post(self.change_url(summit), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert summit.main_subject == rows[-1].target
        html = client.get(summit.get_absolute_url()).content.decode()
        assert kicker(html) == [rows[-1].target.name]

    def test_a_subject_added_in_the_inline_is_attached(self, summit, editor_client):
        subject_service.derive_subjects(article=summit)
        data = form_data(editor_client.get(self.change_url(summit)))
        total = int(data["subjects-TOTAL_FORMS"])
        data.update(
            {
                "subjects-TOTAL_FORMS": str(total + 1),
                f"subjects-{total}-position": "0",
                f"subjects-{total}-country": str(country("FR").pk),
                f"subjects-{total}-leader": "",
                f"subjects-{total}-id": "",
                f"subjects-{total}-article": str(summit.pk),
            }
        )
        response = editor_client.post(self.change_url(summit), data)
        assert response.status_code == 302
        assert summit.main_subject == country("FR")
        assert summit.countries.filter(code="FR").exists()

    def test_a_form_without_the_inline_keeps_the_subjects(self, summit, editor_client):
        subject_service.set_subjects(article=summit, subjects=[("country", country("CN").pk)])
        data = {
            k: v
            for k, v in form_data(editor_client.get(self.change_url(summit))).items()
            if not k.startswith("subjects-")
        }
        assert editor_client.post(self.change_url(summit), data).status_code == 302
        assert [row.target for row in summit.subjects.all()] == [country("CN")]

    def test_saving_without_subjects_reads_them_from_the_copy(self, summit, editor_client):
        data = form_data(editor_client.get(self.change_url(summit)))
        assert data["subjects-TOTAL_FORMS"] == "0"
        assert editor_client.post(self.change_url(summit), data).status_code == 302
        assert "CN" not in {row.country.code for row in summit.subjects.all() if row.country}
        assert summit.subjects.count() == 4


def test_migration_derives_subjects_of_existing_articles(summit):
    already = make_article(countries=["FR"], subjects=["FR"])
    nothing = make_article(title="Sans pays")
    migration = importlib.import_module("articles.migrations.0024_article_subjects_derived")
    migration.derive(apps, None)
    assert summit.subjects.count() == 4
    assert "CN" not in {row.country.code for row in summit.subjects.all() if row.country}
    assert [row.target for row in already.subjects.all()] == [country("FR")]
    assert not nothing.subjects.exists()
