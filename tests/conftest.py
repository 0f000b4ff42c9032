"""Small builders for test data; reference data (bodies, focus areas,
corridors) comes from the migrations.

Models are imported inside the builders so the extractor's pure-Python tests
also run without Django (`pytest -p no:django`).
"""

import datetime
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """The list's cached counts would outlive a test's rolled-back data."""
    from django.conf import settings

    if settings.configured:
        from django.core.cache import cache

        cache.clear()


def make_meeting(body="JWG-ICC", number=None, date=None, precision=None, **fields):
    from meetings.models import Body, Meeting

    body_obj = Body.objects.get(short_name=body)
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    if precision is None:
        precision = "day" if date else "unknown"
    return Meeting.objects.create(
        body=body_obj, number=number, date=date, date_precision=precision, **fields
    )


def add_participant(meeting, name, country, role="co_chair", title=""):
    from meetings.models import Delegation, Participant, Person

    person = Person.objects.filter(name=name).first() or Person.objects.create(
        name=name, country=country
    )
    delegation, _ = Delegation.objects.get_or_create(meeting=meeting, country=country)
    if role != "member" and delegation.leader_id is None:
        delegation.leader = person
        delegation.save()
    return Participant.objects.create(delegation=delegation, person=person, role=role, title=title)


def add_focus_areas(meeting, *slugs):
    from agreements.models import FocusArea, MeetingFocusArea

    for slug in slugs:
        MeetingFocusArea.objects.create(
            meeting=meeting, focus_area=FocusArea.objects.get(slug=slug)
        )


def add_corridors(meeting, *slugs, how="explicit"):
    from agreements.models import Corridor, MeetingCorridor

    for slug in slugs:
        MeetingCorridor.objects.create(
            meeting=meeting, corridor=Corridor.objects.get(slug=slug), how=how
        )


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-12345")
    client.force_login(user)
    return client


if os.environ.get("MUTANT_UNDER_TEST") is not None:
    # Under mutmut (scripts/mutation) every mutant is a new pytest session, and migrating a
    # fresh SQLite database took most of each one's time. The first session saves the migrated
    # database to a file (named after the migrations); later ones copy it into their in-memory
    # database instead of migrating. Not used by ordinary runs.
    @pytest.fixture(scope="session")
    def django_db_setup(request, django_test_environment, django_db_blocker):
        from django.conf import settings
        from django.db import connection
        from django.test.utils import setup_databases

        if connection.vendor != "sqlite":
            yield from _migrated_databases(request, django_db_blocker)
            return
        root = Path(__file__).resolve().parents[1]
        migrations = sorted(root.glob("*/migrations/*.py"))
        key = hashlib.sha256(b"".join(path.read_bytes() for path in migrations)).hexdigest()
        template = root / f".mutation-test-db-{key[:16]}.sqlite3"
        with django_db_blocker.unblock():
            if not template.exists():
                setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
                connection.ensure_connection()
                partial = template.with_suffix(f".{os.getpid()}")
                with sqlite3.connect(partial) as copy:
                    connection.connection.backup(copy)
                copy.close()
                os.replace(partial, template)
            else:
                name = connection.creation._get_test_db_name()
                connection.close()
                settings.DATABASES[connection.alias]["NAME"] = name
                connection.settings_dict["NAME"] = name
                connection.ensure_connection()
                with sqlite3.connect(template) as source:
                    source.backup(connection.connection)
                source.close()
        yield

    def _migrated_databases(request, django_db_blocker):
        from django.test.utils import setup_databases, teardown_databases

        with django_db_blocker.unblock():
            config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
        yield
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)
