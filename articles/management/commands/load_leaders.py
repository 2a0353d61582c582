from django.core.management.base import BaseCommand

from articles.models import Country
from articles.suggest.knowledge_base import DATA_FILE, load_shipped_leaders


class Command(BaseCommand):
    help = (
        "Load the heads of state and government shipped in articles/suggest/data/leaders.json "
        "(safe to run again: it never overwrites what an editor changed in the admin)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DATA_FILE), help="Another data file.")

    def handle(self, *args, file, **options):
        if not Country.objects.exists():
            self.stderr.write("No countries: run `manage.py migrate` first.")
            return
        report = load_shipped_leaders(file)
        self.stdout.write(self.style.SUCCESS(f"Leaders: {report}."))
