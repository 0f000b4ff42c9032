"""A GIN index for the meeting list's full-text search of a meeting's own text (summary,
city, country; PostgreSQL only: SQLite searches with LIKE). Its expression is the one
MeetingQuerySet.search() filters on."""

from django.db import migrations

INDEX = "meeting_search_idx"


def gin_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("summary", "city", "country", config="english"), name=INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("meetings", "Meeting"), gin_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("meetings", "Meeting"), gin_index())


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_editors_delete_rows")]

    operations = [migrations.RunPython(create, drop)]
