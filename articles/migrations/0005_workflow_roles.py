"""The two newsroom roles as groups: Reporter and Editor.

Reporters write and submit; which articles they may edit is decided per object in
the admin (their own, while not published). Editors publish and manage subjects.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER = [
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_article"),
    ("articles", "view_country"),
    ("articles", "view_leader"),
    ("articles", "view_tag"),
    ("auth", "view_user"),
]
EDITOR = [
    *(
        ("articles", f"{action}_{model}")
        for model in ("article", "country", "leader", "tag")
        for action in ("add", "change", "delete", "view")
    ),
    ("articles", "publish_article"),
    ("auth", "view_user"),
]
ROLES = {"Reporter": REPORTER, "Editor": EDITOR}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_workflow_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
