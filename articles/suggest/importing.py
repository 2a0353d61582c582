"""Importing plain-text wire copy as draft articles.

``read_wire_file`` refuses what is not wire copy (empty, binary, not UTF-8,
too large) with a message an editor understands; ``parse_wire_copy`` finds the
headline, dateline and paragraphs; ``import_wire_copy`` creates the draft with
the subjects attached and the passing mentions kept as suggestions.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles import services
from articles.models import ARTICLE_LANGUAGES, Article
from articles.suggest.article_subjects import set_subjects, subject_order
from articles.suggest.engine import sentence_end, suggest
from articles.text import folded_slug

DEFAULT_MAX_BYTES = 1_000_000
HEADLINE_MAX_CHARS = 120
PROVISIONAL_MAX_CHARS = 200

# "SÉOUL —", "PARIS (AFP) -", "Vladivostok (Russie) (AFP) -": a place, notes in
# parentheses, then a dash, at the very start of the copy.
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_](?:[^\W\d_]|[' .-]){0,40}?)\s*"
    r"(?P<notes>(?:\([^()]{1,40}\)\s*)*)[—–-]{1,2}(?:\s+|$)"
)
_AGENCIES = {
    "afp",
    "ap",
    "reuters",
    "dpa",
    "efe",
    "ansa",
    "yonhap",
    "kyodo",
    "xinhua",
    "tass",
    "belga",
    "ats",
    "europa press",
    "apa",
    "upi",
}
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n")
_STOPWORDS = {
    "fr": "le la les des du et est une dans pour qui sur au aux avec pas ont été",
    "en": "the and of to in is was said for on that with has have by from",
    "es": "el la los las del y que en por con una para se al fue",
    "de": "der die das und ist nicht mit den von auf ein eine sich dem des im",
}


class WireCopyError(Exception):
    """A file that is not usable wire copy; the message says why."""


@dataclass
class WireCopy:
    title: str
    paragraphs: list
    provisional_title: bool = False
    dateline: str = ""
    agency: str = ""
    notes: list = field(default_factory=list)

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)


def max_bytes():
    return getattr(settings, "NEWSROOM_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def read_wire_file(path):
    """The text of ``path``, or WireCopyError saying what is wrong with it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise WireCopyError(_("not a file"))
        limit = max_bytes()
        if size > limit:
            raise WireCopyError(
                _("too large (%(size)d bytes; wire copy is at most %(max)d)")
                % {"size": size, "max": limit}
            )
        data = path.read_bytes()
    except OSError as error:
        raise WireCopyError(error.strerror or str(error)) from error
    if b"\x00" in data:
        raise WireCopyError(_("binary file, not text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WireCopyError(
            _("not UTF-8 text (byte 0x%(byte)02x at position %(pos)d); convert it first")
            % {"byte": data[error.start], "pos": error.start}
        ) from error
    if not text.strip():
        raise WireCopyError(_("empty file"))
    return text


def parse_wire_copy(text):
    """Headline, dateline and paragraphs of plain-text wire copy."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [
        " ".join(block.split()) for block in _BLANK_LINES.split(text.strip()) if block.strip()
    ]
    first_block = _BLANK_LINES.split(text.strip())[0].strip()
    title = ""
    if (
        len(paragraphs) > 1
        and "\n" not in first_block
        and len(paragraphs[0]) <= HEADLINE_MAX_CHARS
        and not paragraphs[0].endswith((".", ",", ";", ":"))
    ):
        title = paragraphs.pop(0)
    copy = WireCopy(title=title, paragraphs=paragraphs)
    match = _DATELINE.match(paragraphs[0])
    if match:
        place = match.group("place").strip()
        notes = re.findall(r"\(([^()]*)\)", match.group("notes"))
        agency = notes[-1].strip() if notes and notes[-1].strip().casefold() in _AGENCIES else ""
        if place.upper() == place or agency:
            copy.dateline = place.title() if place.upper() == place else place
            copy.agency = agency
            rest = paragraphs[0][match.end() :].strip()
            if rest:
                paragraphs[0] = rest[0].upper() + rest[1:]
            else:
                paragraphs.pop(0)
    if not paragraphs:
        raise WireCopyError(_("no text after the dateline"))
    if not copy.title:
        copy.title, copy.provisional_title = first_sentence(paragraphs[0]), True
    return copy


def first_sentence(paragraph):
    """The first sentence, shortened on a word if it is very long."""
    sentence = paragraph[: sentence_end(paragraph)].strip().rstrip(".")
    if len(sentence) > PROVISIONAL_MAX_CHARS:
        sentence = sentence[: PROVISIONAL_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


def guess_language(text):
    """The published language whose small words the text uses most."""
    words = re.findall(r"\w+", text.casefold())
    counts = {
        lang: sum(1 for w in words if w in set(stop.split())) for lang, stop in _STOPWORDS.items()
    }
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else settings.LANGUAGE_CODE


def valid_languages():
    return [code for code, _name in ARTICLE_LANGUAGES]


def analyze(copy, language):
    # A provisional headline repeats the first sentence: do not count it twice.
    return suggest(copy.text, language, title="" if copy.provisional_title else copy.title)


def report(*, copy, language, suggestions, file):
    """The JSON object the import prints for one file."""
    return {
        "file": file,
        "title": copy.title,
        "language": language,
        "countries": [s.target.key for s in suggestions.countries],
        "leaders": [s.target.name for s in suggestions.leaders],
        "tags": [s.target.name for s in suggestions.tags],
        "subjects": {
            "countries": [s.target.key for s in suggestions.countries if s.subject],
            "leaders": [s.target.name for s in suggestions.leaders if s.subject],
        },
    }


def passing_mentions(suggestions):
    """What the admin offers as one-click suggestions: everything not attached."""
    return {
        kind: [
            {"id": s.target.id, "key": s.target.key, "name": s.target.name, "matched": s.matched}
            for s in items
            if not s.subject
        ]
        for kind, items in suggestions.by_kind().items()
    }


@transaction.atomic
def import_wire_copy(*, copy, language, suggestions):
    """Create a draft from ``copy`` with its subjects attached; never publishes."""
    article = Article(
        title=copy.title[: Article._meta.get_field("title").max_length],
        slug=(folded_slug(copy.title)[:80].strip("-") or "depeche"),
        body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in copy.paragraphs),
        language=language,
        dateline=copy.dateline[: Article._meta.get_field("dateline").max_length],
        credit=copy.agency,
        status=Article.Status.DRAFT,
        suggestions=passing_mentions(suggestions),
    )
    article.full_clean()
    article.save()
    article.countries.set([s.target.id for s in suggestions.countries if s.subject])
    article.leaders.set([s.target.id for s in suggestions.leaders if s.subject])
    set_subjects(
        article=article,
        subjects=subject_order(
            suggestions,
            country_ids={s.target.id for s in suggestions.countries},
            leader_ids={s.target.id for s in suggestions.leaders},
        ),
    )
    subject_tags = [s.target.name for s in suggestions.tags if s.subject]
    if subject_tags:
        services.set_tags(article=article, names=subject_tags)
    return article
