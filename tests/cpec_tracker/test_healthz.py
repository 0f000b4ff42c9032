"""`/healthz` as a load balancer probes it: over plain HTTP, with production settings."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Requests made in a fresh interpreter with production settings, printed as JSON.
PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
answers = {}
for url in ("/healthz", "/meetings/"):
    response = client.get(url)
    answers[url] = [response.status_code, response.content.decode(), response.get("Location")]
print(json.dumps(answers))
"""


def probe(database_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "k3y!" * 12,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="cpec_tracker.settings",
        DATABASE_URL=database_url,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1]), result.stderr


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_it_answers_ok_over_plain_http_while_other_pages_redirect_to_https(tmp_path):
    answers, _ = probe(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert answers["/healthz"] == [200, "ok", None]
    status, _, location = answers["/meetings/"]
    assert (status, location) == (301, "https://testserver/meetings/")


def test_it_answers_503_with_a_one_line_reason_when_the_database_is_down():
    answers, log = probe(f"postgres://postgres@127.0.0.1:{closed_port()}/cpec")
    status, text, _ = answers["/healthz"]
    assert status == 503
    assert text == "database unavailable: OperationalError\n"
    assert "Health check: the database did not answer" in log
    assert "127.0.0.1" not in text  # the database's own message stays in the log


@pytest.mark.django_db
def test_it_answers_503_when_a_query_fails(client):
    from django.db import OperationalError, connection

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database system is shutting down")

    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable: OperationalError\n"
