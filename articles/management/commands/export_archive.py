from django.core.management.base import BaseCommand

from articles.archive.exporting import export_archive


class Command(BaseCommand):
    help = (
        "Write every article (drafts too) as ninjs with its full record, the countries, "
        "leaders, tags, pictures, notes and history, and their files, to a folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--base-url",
            default="http://localhost/",
            help="Site address for the ninjs URIs, e.g. https://news.example.org/",
        )

    def handle(self, *args, folder, base_url, **options):
        counts = export_archive(folder, base_url=base_url, log=self.stderr.write)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Archived to {folder}: {summary}."))
