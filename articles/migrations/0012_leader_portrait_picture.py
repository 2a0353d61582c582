"""Leaders get a library portrait; the old image field goes in 0015."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_picture_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="leader",
            name="portrait_picture",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="portrait_of",
                to="articles.picture",
                verbose_name="portrait",
            ),
        ),
    ]
