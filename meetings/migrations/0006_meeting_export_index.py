"""A covering index for the exports' default order: at 100,000 meetings SQLite reads the
meetings in date order from it alone instead of looking each one up in the table
(bench/export_speed.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0006_merge_vocabulary_synonyms"),
        ("meetings", "0005_meeting_search_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                fields=[
                    "date",
                    "body",
                    "number",
                    "date_precision",
                    "city",
                    "country",
                    "mode",
                    "review_status",
                    "slug",
                ],
                name="meeting_export_idx",
            ),
        ),
    ]
