import json

from django.core.management.base import BaseCommand, CommandError

from meetings.articles import ArticleError, read_article, sha256_of
from meetings.extraction import extract, to_json_dict


class Command(BaseCommand):
    help = (
        "Print what the extractor finds in plain-text articles, without touching the "
        "database: one JSON object per file (an array for several)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--json", action="store_true", help="Print JSON (the only format there is)."
        )

    def handle(self, *args, paths, **options):
        results, failed = [], 0
        for path in paths:
            try:
                text = read_article(path)
            except ArticleError as exc:
                failed += 1
                self.stderr.write(f"{path}: error: {exc}")
                continue
            found = to_json_dict(extract(text))
            results.append({"file": path, "sha256": sha256_of(text), **found})
        if results:
            output = results[0] if len(paths) == 1 else results
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if failed:
            raise CommandError(f"{failed} of {len(paths)} file(s) could not be read.")
