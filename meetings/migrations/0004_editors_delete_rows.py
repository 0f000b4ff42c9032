"""Let Editors delete what the extractor got wrong: a meeting it invented, or a
participant, delegation, focus-area or corridor link, or agreement on a meeting."""

from django.db import migrations

DELETABLE = [
    ("meetings", "meeting"),
    ("meetings", "delegation"),
    ("meetings", "participant"),
    ("agreements", "agreement"),
    ("agreements", "meetingfocusarea"),
    ("agreements", "meetingcorridor"),
]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    wanted = Permission.objects.none()
    for app_label, model in DELETABLE:
        wanted |= Permission.objects.filter(
            content_type__app_label=app_label, codename=f"delete_{model}"
        )
    return wanted


def grant(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.get(name="Editors")
    editors.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.get(name="Editors")
    editors.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_groups")]

    operations = [migrations.RunPython(grant, revoke)]
