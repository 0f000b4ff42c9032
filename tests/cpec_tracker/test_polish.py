"""The favicon, log lines printed once, and skipped browser tests that say why."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def clean_env(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CPEC_"))}
    clean.update(env)
    return clean


@pytest.mark.django_db
def test_the_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = b"".join(response.streaming_content)
    assert icon.startswith(b"\x00\x00\x01\x00")  # an ICO header
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/").content.decode()


def test_the_development_server_prints_a_warning_once():
    probe = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Not Found: /nowhere')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=clean_env(DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="cpec_tracker.settings"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Not Found: /nowhere") == 1


def test_browser_tests_say_why_they_skip_without_chromium():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/e2e/test_admin_flow.py", "-q"],
        cwd=ROOT,
        env=clean_env(CPEC_CHROMIUM="/nonexistent/chromium"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SKIPPED" in result.stdout
    assert "/nonexistent/chromium is not installed (apt-get install chromium)" in result.stdout


def test_the_ci_run_creates_the_database_its_postgresql_url_names():
    script = (ROOT / ".ci" / "run").read_text()
    url = 'DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/cpec"'
    assert url in script
    created = script.index("createdb -h 127.0.0.1 -p $PG_PORT cpec")
    assert created < script.index(url)
