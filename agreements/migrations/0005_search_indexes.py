"""A GIN index for the meeting list's full-text search of agreed statements (PostgreSQL
only: SQLite searches with LIKE). Its expression is the one MeetingQuerySet.search()
filters on, so PostgreSQL can answer `?q=` from the index at 100,000 meetings."""

from django.db import migrations

INDEX = "agreement_search_idx"


def gin_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("statement", config="english"), name=INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("agreements", "Agreement"), gin_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("agreements", "Agreement"), gin_index())


class Migration(migrations.Migration):
    dependencies = [("agreements", "0004_facet_indexes")]

    operations = [migrations.RunPython(create, drop)]
