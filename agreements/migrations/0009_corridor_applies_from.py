"""Corridors apply from a date: the five CPEC 2.0 corridors from their adoption.

Sources (paraphrased, looked up for this migration):
- Pakistan's planning minister, reported by APP (UrduPoint, 20 August 2024), dates the
  Chinese proposal of the five corridors (growth, livelihood, innovation, green, open) to
  President Xi Jinping in August 2023, the CPEC's tenth year.
- The joint statement issued at the end of Prime Minister Anwaar-ul-Haq Kakar's visit to
  China for the third Belt and Road Forum (Business Recorder, 21 October 2023) has both
  sides reaffirm their resolve to build the growth, livelihood, innovation, green and open
  corridors: the first bilateral text found that adopts them.
- Later texts take them up again: the joint statement after Prime Minister Shehbaz Sharif's
  visit in June 2024, and (per a commentary in The Diplomatic Insight) the 13th JCC.
So they apply from 20 October 2023 (the statement closed the visit and was reported on the
21st); admins can change the date per corridor.

Existing derived links (and agreements' corridors) of meetings held before that, or with no
known date, go: a focus area agreed in 2020 did not place a meeting in a corridor that did
not exist yet. An explicit link, stated by a source, stays whatever its date.
"""

import datetime

from django.db import migrations, models

CPEC_2_0 = ("growth", "livelihood", "innovation", "green", "open")
ADOPTED = datetime.date(2023, 10, 20)


def set_dates(apps, schema_editor):
    db = schema_editor.connection.alias
    Corridor = apps.get_model("agreements", "Corridor")
    MeetingCorridor = apps.get_model("agreements", "MeetingCorridor")
    Agreement = apps.get_model("agreements", "Agreement")
    ExportRow = apps.get_model("meetings", "ExportRow")
    Corridor.objects.using(db).filter(slug__in=CPEC_2_0, applies_from=None).update(
        applies_from=ADOPTED
    )
    for corridor in Corridor.objects.using(db).exclude(applies_from=None):
        before = models.Q(meeting__sort_date__lt=corridor.applies_from) | models.Q(
            meeting__sort_date=None
        )
        derived = MeetingCorridor.objects.using(db).filter(before, corridor=corridor, how="derived")
        # Their stored export rows list the links: forget them (an export works a missing
        # row out itself, and refresh_export_rows rebuilds them).
        ExportRow.objects.using(db).filter(meeting__in=derived.values("meeting")).delete()
        derived.delete()
        Agreement.corridors.through.objects.using(db).filter(
            corridor=corridor, agreement__in=Agreement.objects.using(db).filter(before)
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0008_merge_newer_synonyms"),
        ("meetings", "0011_meeting_sort_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="corridor",
            name="applies_from",
            field=models.DateField(
                blank=True,
                help_text="The day the corridor was adopted: a meeting before it is filed here "
                "only when a source says so, never through its focus areas. Empty: it always "
                "applied.",
                null=True,
            ),
        ),
        migrations.RunPython(set_dates, migrations.RunPython.noop),
    ]
