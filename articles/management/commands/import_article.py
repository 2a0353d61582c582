import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.suggest import importing


class Command(BaseCommand):
    help = (
        "Import plain-text wire copy as draft articles, with the countries, leaders and tags "
        "it names: subjects attached, passing mentions kept as suggestions."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Plain-text files, UTF-8.")
        parser.add_argument(
            "--language",
            choices=importing.valid_languages(),
            help="Language of the copy (default: guessed from the text).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show, save nothing.")
        parser.add_argument(
            "--json", action="store_true", help="One JSON object per file and line on stdout."
        )

    def handle(self, *paths, **options):
        failed = 0
        for path in options["paths"]:
            try:
                self._import(path, options)
            except importing.WireCopyError as error:
                failed += 1
                self.stderr.write(f"{path}: skipped: {error}")
            except ValidationError as error:
                failed += 1
                self.stderr.write(f"{path}: not saved: {' '.join(error.messages)}")
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} files could not be imported.")

    def _import(self, path, options):
        copy = importing.parse_wire_copy(importing.read_wire_file(path))
        language = options["language"] or importing.guess_language(copy.text)
        suggestions = importing.analyze(copy, language)
        article = None
        if not options["dry_run"]:
            article = importing.import_wire_copy(
                copy=copy, language=language, suggestions=suggestions
            )
        # With --json, stdout carries only the JSON lines; remarks go to stderr.
        notes = self.stderr if options["json"] else self.stdout
        if copy.provisional_title:
            notes.write(
                f"{path}: no headline line; provisional headline from the first sentence: "
                f"« {copy.title} »"
            )
        if options["json"]:
            line = importing.report(
                copy=copy, language=language, suggestions=suggestions, file=path
            )
            self.stdout.write(json.dumps(line, ensure_ascii=False))
            return
        if article is None:
            self.stdout.write(f"{path}: dry run, nothing saved: « {copy.title} » ({language})")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{path}: draft #{article.pk} « {article.title} » ({language})")
            )
        if copy.dateline:
            agency = f" ({copy.agency})" if copy.agency else ""
            self.stdout.write(f"  dateline: {copy.dateline}{agency}")
        for label, items in (
            ("countries", suggestions.countries),
            ("leaders", suggestions.leaders),
            ("tags", suggestions.tags),
        ):
            named = ", ".join(
                f"{s.target.name}{' (' + s.target.key + ')' if label == 'countries' else ''}"
                f"{' *' if s.subject else ''}"
                for s in items
            )
            self.stdout.write(f"  {label}: {named or '—'}")
        self.stdout.write(
            "  (* subject, attached to the draft; the others are kept as suggestions)"
        )
