import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from articles.suggest.importing import WireCopyError, guess_language, parse_wire_copy

# Wire copy of our own writing, shaped like an agency report (no headline line).
SAMPLE = Path(__file__).resolve().parents[1] / "helpers" / "data" / "wire-vladivostok-fr.txt"
JSON_KEYS = {"file", "title", "language", "countries", "leaders", "tags", "subjects"}

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_entity_index")]

OUR_COPY = (
    "Kim and Putin meet in Vladivostok\n"
    "\n"
    "VLADIVOSTOK (Reuters) - North Korean leader Kim Jong Un and Russian President\n"
    "Vladimir Putin held their first summit on Thursday. Donald Trump was not invited.\n"
    "\n"
    "The talks in Vladivostok lasted five hours, a Kremlin aide said. Pyongyang wants\n"
    "more support from Moscow, while Tokyo watched closely.\n"
)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def our_copy(tmp_path):
    path = tmp_path / "kim-putin.txt"
    path.write_text(OUR_COPY, encoding="utf-8")
    return path


class TestParse:
    def test_headline_dateline_and_paragraphs(self):
        copy = parse_wire_copy(OUR_COPY)
        assert copy.title == "Kim and Putin meet in Vladivostok"
        assert not copy.provisional_title
        assert (copy.dateline, copy.agency) == ("Vladivostok", "Reuters")
        assert len(copy.paragraphs) == 2
        assert copy.paragraphs[0].startswith(
            "North Korean leader Kim Jong Un and Russian President "
        )

    @pytest.mark.parametrize(
        ("text", "dateline", "agency", "start"),
        [
            ("SÉOUL — La Corée du Nord a tiré.", "Séoul", "", "La Corée"),
            ("PARIS (AFP) - Le gouvernement a parlé.", "Paris", "AFP", "Le gouvernement"),
            ("Vladivostok (Russie) (AFP) - Kim est arrivé.", "Vladivostok", "AFP", "Kim est"),
            ("Kim Jong-un - le dirigeant - est arrivé.", "", "", "Kim Jong-un"),
            ("NEW YORK (AP) — The talks ended.", "New York", "AP", "The talks"),
            ("SAINT-DENIS -- Le préfet a parlé.", "Saint-Denis", "", "Le préfet"),
        ],
    )
    def test_datelines(self, text, dateline, agency, start):
        copy = parse_wire_copy(text)
        assert (copy.dateline, copy.agency) == (dateline, agency)
        assert copy.paragraphs[0].startswith(start)

    def test_a_dateline_alone_is_not_an_article(self):
        with pytest.raises(WireCopyError, match="aucun texte après le lieu de la dépêche"):
            parse_wire_copy("Sommet\n\nPARIS (AFP) - ")

    def test_provisional_headline_from_the_first_sentence(self):
        copy = parse_wire_copy("M. Dupont est arrivé à Séoul. Il repart demain.\n\nSuite.")
        assert copy.provisional_title
        assert copy.title == "M. Dupont est arrivé à Séoul"

    def test_a_very_long_first_sentence_is_shortened_on_a_word(self):
        copy = parse_wire_copy("mot " * 100 + "fin.")
        assert len(copy.title) <= 200 and copy.title.endswith("mot…")

    def test_language_is_guessed_from_small_words(self):
        assert guess_language("Le président et la délégation sont arrivés dans la ville.") == "fr"
        assert guess_language("The president and the delegation said it was fine.") == "en"
        assert guess_language("El presidente y la delegación llegaron a la ciudad.") == "es"
        assert guess_language("Der Präsident und die Delegation sind nicht mit dem Zug da.") == "de"


class TestCommand:
    def test_creates_a_draft_with_subjects_and_keeps_passing_mentions(self, demo, our_copy):
        before = Article.objects.count()
        out, err, error = run(str(our_copy))
        assert error is None, err
        assert Article.objects.count() == before + 1
        article = Article.objects.latest("pk")
        assert article.status == Article.Status.DRAFT and article.published_at is None
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert article.title == "Kim and Putin meet in Vladivostok"
        assert (article.dateline, article.credit, article.language) == (
            "Vladivostok",
            "Reuters",
            "en",
        )
        assert article.body.startswith("<p>North Korean leader")
        assert set(article.countries.values_list("code", flat=True)) == {"KP", "RU"}
        assert set(article.leaders.values_list("slug", flat=True)) == {
            "kim-jong-un",
            "vladimir-putin",
        }
        passing = article.suggestions
        assert [c["key"] for c in passing["countries"]] == ["JP"]
        assert [leader["key"] for leader in passing["leaders"]] == ["donald-trump"]
        assert "draft #" in out and "Corée du Nord (KP) *" in out and "Japon (JP)," not in out

    def test_json_prints_exactly_one_object_per_file(self, demo, our_copy, tmp_path):
        second = tmp_path / "second.txt"
        second.write_text(
            "SÉOUL — Le président Moon Jae-in a reçu Shinzo Abe pour la première fois.\n",
            encoding="utf-8",
        )
        out, err, error = run(str(our_copy), str(second), "--json")
        assert error is None, err
        lines = out.splitlines()
        assert len(lines) == 2
        first, other = (json.loads(line) for line in lines)
        assert set(first) == JSON_KEYS
        assert first["file"] == str(our_copy)
        assert first["language"] == "en"
        assert first["countries"][:2] in (["KP", "RU"], ["RU", "KP"])
        assert set(first["countries"]) == {"KP", "RU", "JP"}
        assert set(first["leaders"]) == {"Kim Jong-un", "Vladimir Putin", "Donald Trump"}
        assert set(first["subjects"]) == {"countries", "leaders"}
        assert other["language"] == "fr"
        assert set(other["leaders"]) == {"Moon Jae-in", "Shinzo Abe"}
        assert "provisional headline" in err

    def test_dry_run_saves_nothing(self, demo, our_copy):
        before = Article.objects.count()
        out, _err, error = run(str(our_copy), "--dry-run")
        assert error is None
        assert "nothing saved" in out
        assert Article.objects.count() == before

    def test_language_option_wins_and_is_checked(self, our_copy):
        out, _err, _error = run(str(our_copy), "--language", "de", "--json", "--dry-run")
        assert json.loads(out)["language"] == "de"
        with pytest.raises(CommandError, match="invalid choice"):
            call_command("import_article", str(our_copy), "--language", "xx")

    def test_bad_files_are_reported_and_do_not_stop_the_others(
        self, demo, our_copy, tmp_path, settings
    ):
        settings.NEWSROOM_IMPORT_MAX_BYTES = 2000
        empty = tmp_path / "empty.txt"
        empty.write_text("  \n\n ", encoding="utf-8")
        binary = tmp_path / "photo.jpg"
        binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
        latin1 = tmp_path / "latin1.txt"
        latin1.write_bytes("Séoul a réagi.".encode("latin-1"))
        huge = tmp_path / "huge.txt"
        huge.write_text("Séoul. " * 1000, encoding="utf-8")
        missing = tmp_path / "missing.txt"
        paths = [empty, binary, our_copy, latin1, huge, missing, tmp_path]
        before = Article.objects.count()
        out, err, error = run(*map(str, paths), "--json")
        assert Article.objects.count() == before + 1
        assert [json.loads(line)["file"] for line in out.splitlines()] == [str(our_copy)]
        # The reasons come in the site's language (French).
        assert f"{empty}: skipped: fichier vide" in err
        assert f"{binary}: skipped: fichier binaire" in err
        assert f"{latin1}: skipped: texte qui n’est pas en UTF-8" in err
        assert f"{huge}: skipped: trop volumineux" in err
        assert f"{missing}: skipped:" in err
        assert f"{tmp_path}: skipped:" in err
        assert str(error) == "6 of 7 files could not be imported."


def test_the_sample_report(demo):
    out, err, error = run(str(SAMPLE), "--json")
    assert error is None, err
    (line,) = out.splitlines()
    result = json.loads(line)
    assert set(result) == JSON_KEYS
    assert set(result["countries"]) == {"KP", "RU", "US", "CN", "JP", "KR", "VN"}
    assert set(result["leaders"]) == {"Kim Jong-un", "Vladimir Putin", "Donald Trump"}
    assert set(result["subjects"]["countries"]) == {"KP", "RU"}
    assert set(result["subjects"]["leaders"]) == {"Kim Jong-un", "Vladimir Putin"}
    subjects = set(result["subjects"]["countries"])
    assert result["countries"][: len(subjects)] == [c for c in result["countries"] if c in subjects]
    assert "provisional headline from the first sentence" in err
    article = Article.objects.latest("pk")
    assert article.status == Article.Status.DRAFT
    assert result["title"] == article.title
    assert article.title.startswith("Vladimir Poutine a reçu Kim Jong-un")


def test_saving_a_draft_takes_the_same_queries_however_many_subjects(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Tag
    from articles.suggest.importing import analyze, import_wire_copy

    Tag.objects.create(name="Sommet")
    small = parse_wire_copy("Sommet en Russie\n\nPoutine parle du sommet.")
    large = parse_wire_copy(
        "Sommet : Russie, Chine, Japon, Corée du Nord\n\n"
        "Poutine, Xi Jinping, Shinzo Abe et Kim Jong-un ouvrent le sommet. Poutine, Xi Jinping, "
        "Shinzo Abe et Kim Jong-un parlent."
    )
    counts = []
    for copy in (small, large):
        suggestions = analyze(copy, "fr")
        with CaptureQueriesContext(connection) as queries:
            import_wire_copy(copy=copy, language="fr", suggestions=suggestions)
        counts.append(len(queries))
        assert sum(s.subject for s in suggestions.countries) >= 1
    assert len(analyze(large, "fr").leaders) == 4
    assert counts[0] == counts[1]
