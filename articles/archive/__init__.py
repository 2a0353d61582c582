"""Backup and restore of the newsroom's content as files (``export_archive``,
``import_archive``), for moving a site or keeping a copy readable without it.

An archive is a folder:

- ``manifest.json``: format, version, date, counts;
- ``articles/<id>.json``: each article, drafts included, as ``{"ninjs": ...,
  "record": ...}``: the IPTC ninjs 2.2 object other systems read, and the row
  as Django serialises it, which the import restores exactly (statuses,
  dates, authors, pictures, suggestions: what ninjs has no place for);
- ``records/<name>.json``: the other rows (groups and users without
  passwords, countries, pictures, leaders, tags, taggings, notes, workflow
  transitions, revision history), in Django's JSON serialisation;
- ``media/<storage name>``: every file a FileField of those rows names, read
  and written through the storage API, so any backend works.

Left out on purpose: passwords and permissions of users (restored accounts
must reset their password), share-preview links (they would reopen drafts),
login throttling records, and what is rebuilt from the rest (the search
index, picture renditions). For a production database, pg_dump is the backup
(README); this is the portable one.
"""

FORMAT = "newsroom-archive"
VERSION = 1
