"""Reporters and editors work with the picture library.

Reporters add pictures, view the library and change their own uploads (decided per
object in the admin); editors may also delete pictures no article or leader uses.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Reporter": ["add_picture", "change_picture", "view_picture"],
    "Editor": ["add_picture", "change_picture", "delete_picture", "view_picture"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = {codename for codenames in ROLES.values() for codename in codenames}
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=codenames
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_picture_library"),
        ("articles", "0005_workflow_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
