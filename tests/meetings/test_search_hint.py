"""The search box suggests words the data holds (issue 11, point 12)."""

import re

import pytest

from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db


def placeholder(client, query=""):
    html = client.get(f"/meetings/?{query}", follow=True).content.decode()
    return re.search(r'<input type="search" name="q"[^>]*placeholder="([^"]*)"', html).group(1)


def test_the_hint_names_a_city_and_a_person_from_the_data(client):
    meeting = make_meeting(number=2, date="2020-12-25", city="Urumqi", country="China")
    add_participant(meeting, "Luo Zhaohui", "China")
    make_meeting(number=3, date="2021-01-01")  # the newest, with nothing to suggest
    assert placeholder(client) == "e.g. Urumqi, Luo Zhaohui"
    # Each suggestion finds something.
    for word in ("Urumqi", "Luo Zhaohui"):
        html = client.get("/meetings/", {"q": word}).content.decode()
        assert "jwg-icc-2" in html


def test_the_hint_follows_the_filtered_rows(client):
    make_meeting(number=2, date="2020-12-25", city="Urumqi")
    make_meeting(body="JCC", number=10, date="2021-09-23", city="Islamabad")
    assert placeholder(client, "body=jcc") == "e.g. Islamabad"


def test_with_nothing_to_suggest_it_names_what_can_be_searched(client):
    assert placeholder(client) == "A city, a person, a body"
    assert "Gwadar" not in client.get("/meetings/").content.decode()
