"""Restore an archive onto a database without content of its own."""

import json
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.files import File
from django.core.management.color import no_style
from django.db import connection, transaction

from articles.archive import FORMAT, VERSION
from articles.archive.exporting import media_path
from articles.archive.sections import (
    AFTER_ARTICLES,
    BEFORE_ARTICLES,
    OPTIONAL,
    stored_names,
    user_model,
)
from articles.models import Article, ArticleNote, Country, Leader, Picture, Tag
from articles.search.index import rebuild


class ArchiveError(Exception):
    pass


def _read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _check(folder):
    manifest_path = Path(folder) / "manifest.json"
    if not manifest_path.exists():
        raise ArchiveError(f"No manifest.json in {folder}: not an archive.")
    manifest = _read(manifest_path)
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ArchiveError(
            f"Unknown archive format: {manifest.get('format')} {manifest.get('version')}"
        )
    for model in (Article, Leader, Tag, Picture, ArticleNote):
        if model.objects.exists():
            raise ArchiveError(
                f"The database already has {model._meta.verbose_name_plural}: "
                "import_archive restores onto an empty site only."
            )
    return manifest


def _restore_groups(rows):
    for row in rows:
        group, _created = Group.objects.get_or_create(name=row["fields"]["name"])
        group.permissions.add(
            *(Permission.objects.get_by_natural_key(*key) for key in row["fields"]["permissions"])
        )


def _restore_users(rows):
    """Create the accounts the archive names, with no usable password; accounts
    already there (the admin who runs the import) are left as they are."""
    model = user_model()
    for row in rows:
        fields = dict(row["fields"])
        groups = fields.pop("groups", [])
        if model.objects.filter(username=fields["username"]).exists():
            continue
        user = model(pk=row["pk"], **fields)
        user.set_unusable_password()
        user.save()
        user.groups.set([Group.objects.get_by_natural_key(*key) for key in groups])


def _restore_countries(rows):
    # The countries come with the database (a data migration): same keys, same codes.
    for row in rows:
        country = Country.objects.filter(pk=row["pk"]).first()
        if country is None or country.code != row["fields"]["code"]:
            raise ArchiveError(
                f"Country {row['fields']['code']} is not number {row['pk']} here: "
                "the database was not made by the same migrations."
            )
    _save(rows)


def _save(rows):
    restored = []
    for deserialized in serializers.deserialize("python", rows, handle_forward_references=True):
        deserialized.save()
        restored.append(deserialized.object)
    return restored


def _restore_file(folder, field, name):
    source = media_path(folder, name)
    if not source.exists():
        return name
    with source.open("rb") as content:
        return field.storage.save(name, File(content))


def import_archive(folder, *, log=None):
    """Restore ``folder`` into this database and storage; returns the counts."""
    manifest = _check(folder)
    records = Path(folder) / "records"
    restored = []
    with transaction.atomic():
        _restore_groups(_read(records / "groups.json"))
        _restore_users(_read(records / "users.json"))
        for name, _model in BEFORE_ARTICLES:
            path = records / f"{name}.json"
            rows = [] if name in OPTIONAL and not path.exists() else _read(path)
            if name == "countries":
                _restore_countries(rows)
            else:
                restored += _save(rows)
        articles = sorted((Path(folder) / "articles").glob("*.json"), key=lambda p: int(p.stem))
        restored += _save([_read(path)["record"] for path in articles])
        for name, _model in AFTER_ARTICLES:
            restored += _save(_read(records / f"{name}.json"))
        models = {type(obj) for obj in restored} | {user_model()}
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)

    for obj in restored:
        for field, name in stored_names(obj):
            stored = _restore_file(folder, field, name)
            if stored != name:
                # The storage chose another name (one was taken): follow it.
                type(obj).objects.filter(pk=obj.pk).update(**{field.attname: stored})
    _render_pictures()
    rebuild()
    if log:
        log(f"Restored: {manifest['counts']}")
    return manifest["counts"]


def _render_pictures():
    # Renditions are made from the originals again rather than archived.
    from articles.pictures.services import render_missing

    for picture in Picture.objects.exclude(file=""):
        render_missing(picture=picture)
