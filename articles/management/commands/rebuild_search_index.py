from django.core.management.base import BaseCommand

from articles.search.index import rebuild


class Command(BaseCommand):
    help = "Empty the full-text search index and index every article again."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, batch_size, **options):
        total = rebuild(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} articles."))
