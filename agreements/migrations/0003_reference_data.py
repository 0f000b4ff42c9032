"""Seed the brief's focus areas, corridor tree and default mapping.

Reads the extractor's vocabulary module, which is plain data, so the database
and the extractor start from the same lists.
"""

from django.db import migrations

from meetings.extraction.vocabulary import CORRIDOR_MAPPING, CORRIDORS, FOCUS_AREAS


def load(apps, schema_editor):
    Corridor = apps.get_model("agreements", "Corridor")
    FocusArea = apps.get_model("agreements", "FocusArea")
    corridors = {}
    for slug, (name, parent) in CORRIDORS.items():
        corridors[slug], _ = Corridor.objects.update_or_create(
            slug=slug, defaults={"name": name, "parent": corridors.get(parent)}
        )
    for slug, (name, synonyms) in FOCUS_AREAS.items():
        focus_area, _ = FocusArea.objects.update_or_create(
            slug=slug, defaults={"name": name, "synonyms": synonyms}
        )
        focus_area.corridors.add(
            *[corridors[c] for c, members in CORRIDOR_MAPPING.items() if slug in members]
        )


def unload(apps, schema_editor):
    apps.get_model("agreements", "FocusArea").objects.filter(slug__in=FOCUS_AREAS).delete()
    Corridor = apps.get_model("agreements", "Corridor")
    Corridor.objects.filter(slug__in=CORRIDORS).exclude(parent=None).delete()
    Corridor.objects.filter(slug__in=CORRIDORS).delete()


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_initial")]

    operations = [migrations.RunPython(load, unload)]
