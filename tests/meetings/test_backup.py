"""Backup and restore as the README describes it: `dumpdata` with natural keys, then
`loaddata` into an emptied database, gives back every export byte for byte, on the same
kind of database and when moving to SQLite (from PostgreSQL in CI's PostgreSQL run)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from agreements.models import Agreement
from meetings.ingest import ingest_files
from meetings.models import Meeting, SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# The README's command, split into arguments.
DUMP = [
    "dumpdata",
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=meetings.MeetingText",
    "--indent=1",
]
EXPORTS = [
    "/meetings/export.csv",
    "/meetings/export.json",
    "/meetings/focus-areas.csv",
    "/agreements/export.csv",
    "/agreements/export.json",
    "/meetings/?sort=date",
]

# Runs in a fresh interpreter on another database: migrate, empty, load, print the exports.
RESTORE = """
import json, sys, django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client
call_command("migrate", verbosity=0)
call_command("flush", interactive=False, verbosity=0)
call_command("loaddata", sys.argv[1], verbosity=0)
client = Client()
answers = {}
for url in json.loads(sys.argv[2]):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[url] = body.decode()
print(json.dumps(answers))
"""


def exports(client):
    answers = {}
    for url in EXPORTS:
        response = client.get(url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[url] = body.decode()
    return answers


@pytest.fixture
def recorded():
    """The sample articles and a meeting entered by hand."""
    ingest_files([ROOT / "data" / "articles"], io.StringIO(), io.StringIO())
    meeting = make_meeting("JCC", 14, "2025-07-16", city="Islamabad", country="Pakistan")
    add_participant(meeting, "Ahsan Iqbal", "Pakistan", title="Minister for Planning")
    add_focus_areas(meeting, "energy", "connectivity")
    add_corridors(meeting, "green")
    Agreement.objects.create(meeting=meeting, statement="Both sides agreed to speed up ML-1.")
    assert Meeting.objects.count() >= 6 and SourceDocument.objects.count() == 2


def test_a_dump_loaded_into_an_emptied_database_gives_identical_exports(client, recorded, tmp_path):
    before = exports(client)
    dump = tmp_path / "backup.json"
    call_command(*DUMP, output=str(dump), verbosity=0)

    # The test's own transaction holds deferred foreign-key checks, which PostgreSQL
    # won't truncate tables under: run them now, as a commit would.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    assert not Meeting.objects.exists()
    call_command("loaddata", str(dump), verbosity=0)

    assert exports(client) == before
    assert "Ahsan Iqbal" in before["/meetings/export.csv"]


def test_a_dump_moves_to_a_fresh_sqlite_database_with_identical_exports(client, recorded, tmp_path):
    before = exports(client)
    dump = tmp_path / "backup.json"
    call_command(*DUMP, output=str(dump), verbosity=0)

    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'moved.sqlite3'}",
        DJANGO_SETTINGS_MODULE="tests.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-c", RESTORE, str(dump), json.dumps(EXPORTS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == before
