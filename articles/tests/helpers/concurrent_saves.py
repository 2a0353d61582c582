"""Editors saving at once, on the SQLite file DATABASE_URL names (run in a subprocess).

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m articles.tests.helpers.concurrent_saves 8 6

The database is a migrated copy (the test copies its own). Creates one
article per thread, then every thread saves its article repeatedly the way the
admin does (read, then write, in one transaction) while the others do the
same. Prints one JSON line: the errors met and the titles saved at the end.
"""

import json
import os
import sys
import threading


def main(threads, saves):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from articles.models import Article

    ids = [
        Article.objects.create(title=f"Brouillon {n}", slug=f"brouillon-{n}", body="<p>x</p>").pk
        for n in range(threads)
    ]
    connection.close()
    errors = []
    start = threading.Barrier(threads)

    def editor(pk):
        start.wait()
        try:
            for n in range(saves):
                try:
                    with transaction.atomic():
                        article = Article.objects.get(pk=pk)
                        article.title = f"Article {pk}, version {n + 1}"
                        article.standfirst = "Une « mise à jour » de l’article."
                        article.save()
                except Exception as error:  # every failure is reported, none raised
                    errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    workers = [threading.Thread(target=editor, args=(pk,)) for pk in ids]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    titles = dict(Article.objects.values_list("pk", "title"))
    print(json.dumps({"errors": errors, "titles": {str(pk): titles[pk] for pk in ids}}))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
