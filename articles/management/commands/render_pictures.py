"""Write the renditions that library pictures lack: after a recipe change, a restored
backup or lost files. Readers never trigger rendering; this command is the backfill."""

from django.core.management.base import BaseCommand

from articles.models import Picture
from articles.pictures import services


class Command(BaseCommand):
    help = "Render the missing renditions of library pictures (all, or the given ids)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Picture ids; all when none.")

    def handle(self, *args, ids=(), **options):
        pictures = Picture.objects.order_by("pk")
        if ids:
            pictures = pictures.filter(pk__in=ids)
        checked = written = failed = 0
        for picture in pictures.iterator(chunk_size=100):
            checked += 1
            try:
                written += services.render_missing(picture=picture)
            except OSError as error:
                failed += 1
                self.stderr.write(f"Picture {picture.pk} ({picture.file.name}): {error}")
        self.stdout.write(
            f"{checked} pictures checked, {written} renditions written, {failed} unreadable."
        )
