from django.core.management.base import BaseCommand, CommandError

from meetings.ingest import ingest_files


class Command(BaseCommand):
    help = (
        "Extract meetings from plain-text articles and write them to the database, with the "
        "sentence behind every fact. Directories are searched for .txt files. Idempotent: "
        "an article already ingested (same text) is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH|DIR")

    def handle(self, *args, paths, **options):
        summary = ingest_files(paths, self.stdout, self.stderr)
        self.stdout.write(str(summary))
        if not (summary.new or summary.unchanged or summary.failed):
            raise CommandError(f"No .txt files found in {', '.join(paths)}.")
        if summary.failed:
            raise CommandError(f"{summary.failed} file(s) could not be ingested; see above.")
