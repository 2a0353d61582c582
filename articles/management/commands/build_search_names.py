from django.core.management.base import BaseCommand

from articles.search.query import NAMES_FILE, name_languages, write_names_file


class Command(BaseCommand):
    help = (
        "Write the country names search recognises (CLDR, in the languages articles are "
        "written in) to a file new workers read instead of CLDR. Run after changing "
        "the languages or upgrading Babel; without a current file, workers read CLDR."
    )

    def handle(self, *args, **options):
        count = write_names_file()
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} names in {', '.join(name_languages())} written to {NAMES_FILE}."
            )
        )
