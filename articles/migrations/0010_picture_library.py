"""The picture library, and the article fields that point into it (filled in 0011)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import articles.models.pictures


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_status_newest_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Picture",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        help_text="JPEG, PNG, WebP or GIF. Location, camera and other metadata are removed.",
                        max_length=255,
                        upload_to=articles.models.pictures.picture_upload_to,
                        verbose_name="file",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="For finding the picture in the library; readers do not see it.",
                        max_length=200,
                        verbose_name="title",
                    ),
                ),
                (
                    "alt_text",
                    models.CharField(
                        help_text="What the picture shows, for readers who cannot see it.",
                        max_length=300,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the picture. Filled from the file's metadata when left empty.",
                        max_length=500,
                        verbose_name="caption",
                    ),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True,
                        help_text="Photographer or agency: Anna Petrova / AFP.",
                        max_length=200,
                        verbose_name="credit",
                    ),
                ),
                (
                    "copyright",
                    models.CharField(
                        blank=True,
                        help_text="Who holds the rights, or where the picture comes from.",
                        max_length=200,
                        verbose_name="copyright or source",
                    ),
                ),
                (
                    "focal_x",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the left edge, 1 the right: crops keep this point in view.",
                        validators=[
                            django.core.validators.MinValueValidator(0.0),
                            django.core.validators.MaxValueValidator(1.0),
                        ],
                        verbose_name="focal point, across",
                    ),
                ),
                (
                    "focal_y",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the top edge, 1 the bottom.",
                        validators=[
                            django.core.validators.MinValueValidator(0.0),
                            django.core.validators.MaxValueValidator(1.0),
                        ],
                        verbose_name="focal point, down",
                    ),
                ),
                (
                    "width",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="width"),
                ),
                (
                    "height",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="height"),
                ),
                (
                    "sha256",
                    models.CharField(
                        db_index=True, editable=False, max_length=64, verbose_name="SHA-256"
                    ),
                ),
                (
                    "renditions",
                    models.JSONField(
                        blank=True,
                        default=list,
                        editable=False,
                        help_text="The files made from the picture when it was saved.",
                        verbose_name="renditions",
                    ),
                ),
                (
                    "legacy_path",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        help_text="Where the file was under /media/ before the library; it redirects here.",
                        max_length=255,
                        verbose_name="former address",
                    ),
                ),
                (
                    "uploaded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="uploaded"
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="uploaded_pictures",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "picture",
                "verbose_name_plural": "pictures",
                "ordering": ["-uploaded_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="body_pictures",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="in_bodies",
                to="articles.picture",
                verbose_name="pictures in the body",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="lead_picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose from the library, or upload a new picture below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="lead_of",
                to="articles.picture",
                verbose_name="lead picture",
            ),
        ),
        migrations.AddConstraint(
            model_name="picture",
            constraint=models.CheckConstraint(
                condition=models.Q(("alt_text", ""), _negated=True),
                name="picture_has_alt_text",
                violation_error_message="Describe the picture for readers who cannot see it.",
            ),
        ),
        migrations.AddConstraint(
            model_name="picture",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("focal_x__gte", 0),
                    ("focal_x__lte", 1),
                    ("focal_y__gte", 0),
                    ("focal_y__lte", 1),
                ),
                name="picture_focal_point_inside",
                violation_error_message="The focal point must lie inside the picture.",
            ),
        ),
    ]
