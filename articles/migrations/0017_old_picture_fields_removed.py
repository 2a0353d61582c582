"""The old picture fields go: articles point at library pictures, leaders too.

Leader.portrait_picture takes the name portrait. Reversing brings the columns back
empty; 0013's reverse fills them from the library.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_pictures_into_library_again")]

    operations = [
        migrations.RemoveConstraint(model_name="article", name="article_lead_image_has_alt"),
        *(
            migrations.RemoveField(model_name="article", name=name)
            for name in [
                "lead_image",
                "lead_image_alt",
                "lead_image_caption",
                "lead_image_credit",
                "lead_image_height",
                "lead_image_width",
            ]
        ),
        *(
            migrations.RemoveField(model_name="leader", name=name)
            for name in ["portrait", "portrait_height", "portrait_width"]
        ),
        migrations.RenameField(
            model_name="leader", old_name="portrait_picture", new_name="portrait"
        ),
    ]
