"""Add the port-business synonyms (transshipment, transit trade) the vocabulary gained after
0008 to databases already migrated past it (numbered after 0009, which landed beside it).

Merges, as 0006 does: synonyms admins added stay, and nothing is removed.
"""

from django.db import migrations

from meetings.extraction.vocabulary import FOCUS_AREAS


def merge(apps, schema_editor):
    FocusArea = apps.get_model("agreements", "FocusArea")
    for focus_area in FocusArea.objects.filter(slug__in=FOCUS_AREAS):
        known = {s.casefold() for s in focus_area.synonyms}
        new = [s for s in FOCUS_AREAS[focus_area.slug][1] if s.casefold() not in known]
        if new:
            focus_area.synonyms = [*focus_area.synonyms, *new]
            focus_area.save(update_fields=["synonyms"])


class Migration(migrations.Migration):
    dependencies = [("agreements", "0009_corridor_applies_from")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
