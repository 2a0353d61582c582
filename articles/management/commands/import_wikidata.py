from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.suggest.wikidata import ExportError, import_export


class Command(BaseCommand):
    help = (
        "Refresh leaders from a Wikidata SPARQL JSON export (the query is in the README); "
        "rows an editor changed are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON the Wikidata Query Service returned.")

    def handle(self, *args, file, **options):
        try:
            report = import_export(Path(file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ExportError) as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Leaders from Wikidata: {report}."))
        for name in report.kept:
            self.stdout.write(f"kept as an editor left it: {name}")
