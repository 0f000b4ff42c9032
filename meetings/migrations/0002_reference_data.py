"""Seed the bodies the brief names."""

from django.db import migrations

from meetings.extraction.vocabulary import BODIES


def load(apps, schema_editor):
    Body = apps.get_model("meetings", "Body")
    for short_name, name, slug in BODIES:
        Body.objects.update_or_create(short_name=short_name, defaults={"name": name, "slug": slug})


def unload(apps, schema_editor):
    apps.get_model("meetings", "Body").objects.filter(
        short_name__in=[short for short, _, _ in BODIES], meetings=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
