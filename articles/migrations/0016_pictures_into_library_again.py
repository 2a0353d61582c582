"""Last call before the old picture fields go (0017): move what was uploaded to them
since 0013, then delete the old files, which still carry their EXIF (GPS, names)."""

from django.db import migrations

from articles.pictures.legacy import delete_moved_files, move_into_library


def move_and_delete(apps, schema_editor):
    move_into_library(apps, schema_editor)
    delete_moved_files(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_reporters_see_no_user_accounts")]

    operations = [migrations.RunPython(move_and_delete, migrations.RunPython.noop)]
