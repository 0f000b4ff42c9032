"""The meeting list's full-text search: MeetingText (one row of searchable text per
meeting, written by database triggers), its index (an FTS5 table on SQLite, a generated,
GIN-indexed tsvector on PostgreSQL) and the text of the meetings already there; see
meetings/search.py. The expression index of migration 0005, which the search no longer
uses, goes."""

import importlib

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from meetings import search

old_index = importlib.import_module("meetings.migrations.0005_meeting_search_index")


def create(apps, schema_editor):
    search.create_index(schema_editor.connection)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("meetings", "Meeting"), old_index.gin_index())


def drop(apps, schema_editor):
    search.drop_index(schema_editor.connection)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("meetings", "Meeting"), old_index.gin_index())


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0007_meeting_corridor_how_index"),
        ("meetings", "0014_source_warnings_and_inferred_dates"),
    ]

    operations = [
        migrations.CreateModel(
            name="MeetingText",
            fields=[
                (
                    "meeting",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="meetings.meeting",
                    ),
                ),
                ("body", models.TextField(blank=True)),
                ("own", models.TextField(blank=True)),
                ("people", models.TextField(blank=True)),
                ("agreements", models.TextField(blank=True)),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={"verbose_name": "meeting search text"},
        ),
        migrations.RunPython(create, drop),
    ]
