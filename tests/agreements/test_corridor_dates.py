"""Corridors apply from the date they were adopted: a focus area files a meeting under a
CPEC 2.0 corridor only when it was held on or after that date; the list tells stated
from derived links (issue 11, point 2)."""

import datetime
import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from agreements.models import Corridor, MeetingCorridor
from meetings.extraction.types import ArticleExtraction
from meetings.ingest import ingest_text
from tests.conftest import add_corridors, add_focus_areas, make_meeting
from tests.meetings.test_ingest import mention

pytestmark = pytest.mark.django_db

ADOPTED = datetime.date(2023, 10, 20)


def test_the_five_cpec_2_0_corridors_apply_from_their_adoption():
    dates = dict(Corridor.objects.values_list("slug", "applies_from"))
    assert dates == {
        "cpec": None,
        "growth": ADOPTED,
        "livelihood": ADOPTED,
        "innovation": ADOPTED,
        "green": ADOPTED,
        "open": ADOPTED,
    }


def article(text, date, number):
    found = mention(
        text,
        text,
        number=number,
        date=date,
        focus=["energy"],
        corridors=[("green", "derived", "energy"), ("open", "explicit", None)],
        agreements=[1],
    )
    return ArticleExtraction(date, "", [found])


def test_ingestion_derives_a_corridor_only_for_meetings_held_once_it_applied():
    before = "The second JWG-ICC meeting was held on 25 December 2020 and agreed on energy."
    ingest_text(before, file_name="a.txt", extraction=article(before, "2020-12-25", 2))
    after = "The third JWG-ICC meeting was held on 21 January 2024 and agreed on energy."
    ingest_text(after, file_name="b.txt", extraction=article(after, "2024-01-21", 3))
    links = {
        (link.meeting.date.year, link.corridor.slug, link.how)
        for link in MeetingCorridor.objects.select_related("meeting", "corridor")
    }
    assert links == {
        (2020, "open", "explicit"),  # a source that says so still files it
        (2024, "open", "explicit"),
        (2024, "green", "derived"),
    }
    corridors = {
        agreement.meeting.date.year: sorted(c.slug for c in agreement.corridors.all())
        for agreement in apps.get_model("agreements", "Agreement").objects.all()
    }
    assert corridors == {2020: [], 2024: ["green"]}


def test_an_undated_meeting_placed_after_the_adoption_gets_its_derived_corridor():
    make_meeting(number=4, date="2024-01-21")
    text = "The fifth JWG-ICC meeting agreed on energy."
    found = mention(
        text, text, number=5, date=None, city="", focus=["energy"],
        corridors=[("green", "derived", "energy")],
    )  # fmt: skip
    ingest_text(text, file_name="c.txt", extraction=ArticleExtraction(None, "", [found]))
    assert MeetingCorridor.objects.filter(meeting__number=5, corridor__slug="green").exists()


def test_the_migration_drops_derived_links_of_earlier_meetings():
    early = make_meeting(number=2, date="2020-12-25")
    add_corridors(early, "green", how="derived")
    add_corridors(early, "open", how="explicit")
    late = make_meeting(number=4, date="2024-01-21")
    add_corridors(late, "green", how="derived")
    Corridor.objects.update(applies_from=None)
    migration = importlib.import_module("agreements.migrations.0009_corridor_applies_from")
    migration.set_dates(apps, SimpleNamespace(connection=connection))
    assert sorted(
        MeetingCorridor.objects.values_list("meeting__number", "corridor__slug", "how")
    ) == [(2, "open", "explicit"), (4, "green", "derived")]


def test_an_admin_moving_the_date_drops_the_links_it_no_longer_allows(staff_client):
    meeting = make_meeting(number=4, date="2024-01-21")
    add_corridors(meeting, "green", how="derived")
    green = Corridor.objects.get(slug="green")
    response = staff_client.post(
        f"/admin/agreements/corridor/{green.pk}/change/",
        {
            "slug": "green",
            "name": green.name,
            "parent": green.parent_id,
            "applies_from": "2024-06-08",
        },
    )
    assert response.status_code == 302
    green.refresh_from_db()
    assert green.applies_from == datetime.date(2024, 6, 8)
    assert not MeetingCorridor.objects.filter(meeting=meeting).exists()


@pytest.fixture
def linked():
    stated = make_meeting(number=4, date="2024-01-21")
    add_corridors(stated, "green")
    derived = make_meeting(number=5, date="2024-06-01")
    add_focus_areas(derived, "energy")
    add_corridors(derived, "green", "open", how="derived")
    make_meeting(body="JCC", number=13, date="2024-07-01")


def listed(response):
    html = response.content.decode()
    return re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', html)


def test_the_list_filters_by_how_a_corridor_was_linked(client, linked):
    assert listed(client.get("/meetings/?corridor=green&corridor_link=explicit")) == ["jwg-icc-4"]
    assert listed(client.get("/meetings/?corridor=green&corridor_link=derived")) == ["jwg-icc-5"]
    assert listed(client.get("/meetings/?corridor_link=derived")) == ["jwg-icc-5"]
    csv = b"".join(client.get("/meetings/export.csv?corridor_link=explicit").streaming_content)
    assert b"jwg-icc-4" in csv and b"jwg-icc-5" not in csv


def test_the_corridor_facets_count_stated_links_apart(client, linked):
    html = client.get("/meetings/").content.decode()
    assert re.search(
        r'Green corridor <span class="count"[^>]*>2 <span class="stated">\(1 stated\)', html
    )
    assert re.search(
        r'Open corridor <span class="count"[^>]*>1 <span class="stated">\(0 stated\)', html
    )
    assert re.search(r'CPEC <span class="count">2</span>', html)
    derived_only = client.get("/meetings/?corridor_link=derived").content.decode()
    assert re.search(
        r'Green corridor <span class="count"[^>]*>1 <span class="stated">\(0 stated\)', derived_only
    )
    assert "Corridor link: Derived from a focus area" in derived_only
