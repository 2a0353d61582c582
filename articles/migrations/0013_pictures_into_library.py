"""Today's lead pictures and portraits become library pictures, cleaned and rendered.

See articles/pictures/legacy.py. The old files stay until the old fields go (0014).
"""

from django.db import migrations

from articles.pictures.legacy import back_to_files, move_into_library


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_leader_portrait_picture")]

    operations = [migrations.RunPython(move_into_library, back_to_files)]
