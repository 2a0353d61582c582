from django.core.management.base import BaseCommand, CommandError

from articles.archive.restoring import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Restore a folder written by export_archive onto a site without content."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            counts = import_archive(folder)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored from {folder}: {summary}."))
        self.stdout.write("Restored accounts have no password: they must reset it.")
