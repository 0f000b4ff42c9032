from django.core.management.base import BaseCommand

from meetings.exports import CHUNK_SIZE, build_export_rows, chunked, forget_counts
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Build every meeting's stored export row afresh from its co-chairs, links and sources, "
        "and forget the meeting list's cached counts. Both are kept up to date as data "
        "changes; run this after loading data in bulk (bulk_create, raw SQL) or to repair "
        "them. Exports are right without it, only slower."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database", default="default", help="The database to use (default: default)."
        )

    def handle(self, *args, database, **options):
        forget_counts(database)
        ids = list(Meeting.objects.using(database).order_by("pk").values_list("pk", flat=True))
        stored = done = 0
        for chunk in chunked(ids, CHUNK_SIZE):
            stored += build_export_rows(chunk, database)
            done += len(chunk)
            self.stdout.write(f"{done:,} of {len(ids):,} meetings")
        unstored = len(ids) - stored
        self.stdout.write(
            f"Stored {stored:,} export rows."
            + (
                f" {unstored:,} meeting(s) have none (a list item holds '; '); "
                "exports work theirs out each time."
                if unstored
                else ""
            )
        )
