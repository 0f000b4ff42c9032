"""The settings module read in a fresh interpreter, as a deployment would."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'host': db.get('HOST', ''), 'debug': settings.DEBUG}))"
)


def run_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="cpec_tracker.settings")
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_without_database_url_it_uses_an_sqlite_file_in_var():
    result = run_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    db = json.loads(result.stdout)
    assert db["engine"] == "django.db.backends.sqlite3"
    assert db["name"] == str(ROOT / "var" / "db.sqlite3")


def test_an_sqlite_url_names_that_file(tmp_path):
    path = tmp_path / "elsewhere.sqlite3"
    result = run_settings(DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{path}")
    db = json.loads(result.stdout)
    assert (db["engine"], db["name"]) == ("django.db.backends.sqlite3", str(path))


def test_a_postgres_url_selects_the_postgresql_backend():
    result = run_settings(
        DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="postgres://u:p@db.example:5432/cpec"
    )
    assert result.returncode == 0, result.stderr
    db = json.loads(result.stdout)
    assert db["engine"] == "django.db.backends.postgresql"
    assert (db["host"], db["name"], db["debug"]) == ("db.example", "cpec", False)


def test_production_mode_without_a_secret_key_refuses_to_start():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_a_debug_value_that_is_not_a_boolean_fails_loudly():
    result = run_settings(DJANGO_DEBUG="yes please")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "k3y!" * 12,
        DJANGO_ALLOWED_HOSTS="cpec.example.org",
        DJANGO_SETTINGS_MODULE="cpec_tracker.settings",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
