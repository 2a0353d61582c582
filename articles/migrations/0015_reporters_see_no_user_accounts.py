"""Reporters lose ``auth.view_user``: it opened the user admin (usernames, e-mails,
superuser flags, password hashes) only so that the authors field could autocomplete.
Authors are now offered by display name through the article admin itself."""

from django.db import migrations

PERMISSION = ("auth", "view_user")


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label=PERMISSION[0], codename=PERMISSION[1]
    ).first()
    group = Group.objects.filter(name="Reporter").first()
    if permission and group:
        group.permissions.remove(permission)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label=PERMISSION[0], codename=PERMISSION[1]
    ).first()
    group = Group.objects.filter(name="Reporter").first()
    if permission and group:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_leader_knowledge_base")]

    operations = [migrations.RunPython(revoke, grant)]
