"""Create the Editors and Viewers groups.

Permissions are normally created after all migrations run, so they are
created here first for the two apps.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = {
    "meetings": ["meeting", "person", "delegation", "participant", "conflict", "sourcedocument"],
    "agreements": ["agreement", "meetingfocusarea", "meetingcorridor"],
}


def create_groups(apps, schema_editor):
    for label in ("meetings", "agreements"):
        app_config = apps.get_app_config(label)
        # Migration state app configs carry no models module; create_permissions
        # only checks that one exists.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label__in=["meetings", "agreements"])
    viewers, _ = Group.objects.get_or_create(name="Viewers")
    viewers.permissions.set(ours.filter(codename__startswith="view_"))
    editors, _ = Group.objects.get_or_create(name="Editors")
    editor_codenames = [
        f"{action}_{model}"
        for models in EDITABLE.values()
        for model in models
        for action in ("add", "change")
    ]
    editors.permissions.set(
        ours.filter(codename__startswith="view_") | ours.filter(codename__in=editor_codenames)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Viewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_reference_data"),
        ("agreements", "0003_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
