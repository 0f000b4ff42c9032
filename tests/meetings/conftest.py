import pytest

from meetings import exports
from meetings.models import ExportRow


@pytest.fixture(params=["computed", "stored"])
def export_rows(request, monkeypatch):
    """Run an export test both ways a meeting's co-chairs, links and sources reach its row:
    worked out from their tables (no stored rows: what a test's transaction sees, as the
    rebuilds run only after a commit), and read from stored rows, built just before the
    export as the rebuild after a commit would build them."""
    if request.param == "stored":
        real_rows = exports.meeting_rows

        def rows_from_stored(meetings, url_prefix, **options):
            ids = list(meetings.values_list("pk", flat=True))
            exports.build_export_rows(ids, meetings.db)
            assert ExportRow.objects.using(meetings.db).exists() or not ids
            return real_rows(meetings, url_prefix, **options)

        monkeypatch.setattr(exports, "meeting_rows", rows_from_stored)
    return request.param
