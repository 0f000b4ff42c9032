"""Small builders for test data; reference data (bodies, focus areas,
corridors) comes from the migrations.

Models are imported inside the builders so the extractor's pure-Python tests
also run without Django (`pytest -p no:django`).
"""

import datetime

import pytest


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
