"""Write an archive (see the package's docstring for its layout)."""

import datetime
import json
import shutil
import uuid
from decimal import Decimal
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from django.contrib.auth.models import Group
from django.core import serializers
from django.utils import timezone

from articles.archive import FORMAT, VERSION
from articles.archive.sections import (
    AFTER_ARTICLES,
    BEFORE_ARTICLES,
    USER_FIELDS,
    stored_names,
    user_model,
)
from articles.models import Article
from articles.syndication.api import ninjs


class _Site:
    """Enough of a request for ninjs(): absolute addresses under ``base_url``."""

    def __init__(self, base_url):
        self.base_url = base_url

    def build_absolute_uri(self, location):
        return urljoin(self.base_url, location)


def _plain(value):
    # Full precision: DjangoJSONEncoder would cut times to the millisecond.
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"Cannot archive {type(value).__name__}")


def _write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, default=_plain)
    path.write_text(text, encoding="utf-8")


def _serialize(queryset, **options):
    return serializers.serialize("python", queryset, use_natural_foreign_keys=True, **options)


def media_path(folder, name):
    """Where the file stored as ``name`` goes in the archive; never outside it."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise ValueError(f"Unsafe storage name: {name!r}")
    return Path(folder, "media", *parts)


def export_archive(folder, *, base_url="http://localhost/", log=None):
    """Write the whole site's content to ``folder`` (created); returns the counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts, files = {}, {}  # storage name -> the storage it is in

    def keep(name, rows):
        counts[name] = len(rows)
        _write_json(folder / "records" / f"{name}.json", rows)

    keep(
        "groups",
        _serialize(Group.objects.order_by("name"), use_natural_primary_keys=True),
    )
    keep("users", _serialize(user_model().objects.order_by("pk"), fields=[*USER_FIELDS, "groups"]))
    for name, model in [*BEFORE_ARTICLES, *AFTER_ARTICLES]:
        queryset = model.objects.order_by("pk")
        keep(name, _serialize(queryset))
        files.update(
            (name, f.storage) for obj in queryset.iterator() for f, name in stored_names(obj)
        )

    site = _Site(base_url)
    articles = Article.objects.order_by("pk").prefetch_related(
        "authors", "countries", "leaders", "tags"
    )
    counts["articles"] = 0
    for article in articles:
        (record,) = _serialize([article])
        _write_json(
            folder / "articles" / f"{article.pk}.json",
            {"ninjs": ninjs(article, site), "record": record},
        )
        files.update((name, f.storage) for f, name in stored_names(article))
        counts["articles"] += 1

    for name, storage in sorted(files.items()):
        target = media_path(folder, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with storage.open(name, "rb") as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy)
        except FileNotFoundError:
            # The row stays; a file already lost cannot be archived.
            target.unlink(missing_ok=True)
            if log:
                log(f"Missing file, not archived: {name}")
    counts["files"] = sum(1 for name in files if media_path(folder, name).exists())
    _write_json(
        folder / "manifest.json",
        {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.now().isoformat(),
            "counts": counts,
        },
    )
    return counts
