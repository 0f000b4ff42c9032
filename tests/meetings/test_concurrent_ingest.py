"""Two `ingest_articles` processes on the same new articles at the same moment (PostgreSQL).

Each process commits one document at a time, so the second one to reach an article finds
it there, and people and meetings that both would create are made once.
"""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Count

from meetings.models import Meeting, Person, SourceDocument

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 30
# Invented people: each pair co-chairs several sessions, first named in different files.
CHAIRS = [
    ("Chen Weiguo", "Rana Saleem Akhtar"),
    ("Liu Jianhong", "Nadia Farooq Malik"),
    ("Zhao Lihua", "Imtiaz Ahmed Cheema"),
]


def article(n):
    china, pakistan = CHAIRS[n % len(CHAIRS)]
    return (
        f"date 2021-06-{n % 28 + 1:02d}\n\n"
        f"The {n + 10}th meeting of the Joint Working Group on International Cooperation and "
        f"Coordination (JWG-ICC) was held in Beijing on {n % 28 + 1} May 2021.\n\n"
        f"The meeting was co-chaired by Chinese Vice Foreign Minister {china} and Pakistan's "
        f"Additional Foreign Secretary {pakistan}.\n\n"
        "Both sides agreed to deepen cooperation in agriculture and renewable energy.\n"
    )


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def reference_data(transactional_db):
    """The data migrations' bodies, focus areas and corridors: a transactional test's
    database is flushed after each test, theirs included."""
    for module in (
        "meetings.migrations.0002_reference_data",
        "agreements.migrations.0003_reference_data",
    ):
        importlib.import_module(module).load(apps, None)


def test_two_processes_ingesting_the_same_files_both_finish_and_duplicate_nothing(
    tmp_path, reference_data
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: two processes writing at once need a database server; "
            "SQLite lets one writer in at a time and this is what the PostgreSQL run checks"
        )
    for n in range(ARTICLES):
        (tmp_path / f"article-{n:02d}.txt").write_text(article(n))
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    command = [sys.executable, "manage.py", "ingest_articles", str(tmp_path)]

    runs = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]

    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
        assert "error" not in err, err
        assert out.count("new document") + out.count("unchanged (already ingested") == ARTICLES
    news = sum(out.count("new document") for out, _ in outputs)
    assert news == ARTICLES
    assert SourceDocument.objects.count() == ARTICLES
    assert Meeting.objects.count() == ARTICLES
    assert sorted(Person.objects.values_list("name", flat=True)) == sorted(
        name for pair in CHAIRS for name in pair
    )
    assert not Meeting.objects.values("body", "number").annotate(n=Count("pk")).filter(n__gt=1)
