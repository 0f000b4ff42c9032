import re

import pytest

from agreements.models import Agreement
from meetings.models import Body
from tests.conftest import add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    first = make_meeting(number=1, date="2019-06-10")
    add_focus_areas(first, "energy", "industry")
    second = make_meeting(number=2, date="2020-12-25")
    add_focus_areas(second, "energy")
    add_participant(second, "Luo Zhaohui", "China")
    Agreement.objects.create(meeting=second, statement="Agreed.")
    jcc = make_meeting(body="JCC", number=10, date="2021-09-01", precision="month")
    add_focus_areas(jcc, "energy")
    make_meeting(body="BPC")
    return first, second, jcc


def test_it_shows_counts(client, meetings):
    html = client.get("/").content.decode()
    stats = html[html.index('<ul class="stats">') : html.index("</ul>", html.index("stats"))]
    assert re.findall(r"<strong>(\d+)</strong> (\w+)", stats) == [
        ("4", "meetings"),
        ("3", "bodies"),
        ("1", "people"),
        ("1", "agreements"),
        ("0", "sources"),
    ]


def test_it_lists_the_latest_meetings_first(client, meetings):
    html = client.get("/").content.decode()
    latest = html[html.index("Latest meetings") : html.index("All meetings")]
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', latest) == [
        "jcc-10",
        "jwg-icc-2",
        "jwg-icc-1",
        "bpc-meeting",
    ]


def timeline(client):
    html = client.get("/").content.decode()
    return html[html.index("<svg") : html.index("</svg>")]


def test_the_timeline_has_a_row_per_body_and_a_dot_per_year_it_met(client, meetings):
    svg = timeline(client)
    assert re.findall(r'class="row-label">([^<]+)<', svg) == ["JCC", "JWG-ICC"]
    assert re.findall(r"<title>([^<]+)</title>", svg) == [
        "JCC, 2021: 1 meeting",
        "JWG-ICC, 2019: 1 meeting",
        "JWG-ICC, 2020: 1 meeting",
    ]
    assert '<a href="/meetings/?body=jcc&amp;date_from=2021&amp;date_to=2021">' in svg


def test_meetings_of_one_body_in_one_year_are_one_dot_with_their_count(client, meetings):
    make_meeting(number=3, date="2020-01-05")
    make_meeting(number=4, date="2020-06-01", precision="month")
    svg = timeline(client)
    assert svg.count("<circle") == 3
    assert "<title>JWG-ICC, 2020: 3 meetings</title>" in svg
    # The busiest dot is the biggest and carries its count.
    radii = {
        title: float(r)
        for r, title in re.findall(r'r="([\d.]+)" class="dot"><title>([^<]+)</title>', svg)
    }
    assert radii["JWG-ICC, 2020: 3 meetings"] > radii["JWG-ICC, 2019: 1 meeting"]
    assert '<text x="' in svg and 'class="dot-count"' in svg and ">3</text>" in svg


def test_the_timeline_draws_the_busiest_bodies_and_counts_the_rest(client):
    for index in range(14):
        body = Body.objects.create(
            short_name=f"JWG-{index:02d}", name=f"Group {index}", slug=f"jwg-{index:02d}"
        )
        for number in range(1, 3 if index < 12 else 2):
            make_meeting(body=body.short_name, number=number, date=f"20{10 + number}-05-01")
    make_meeting(number=1, date="2020-01-01")
    html = client.get("/").content.decode()
    labels = re.findall(r'class="row-label">([^<]+)<', html)
    assert labels == [f"JWG-{index:02d}" for index in range(12)]
    assert "3 more bodies</a> are in the meeting list" in html


def test_the_heat_map_counts_meetings_per_focus_area_and_year(client, meetings):
    html = client.get("/").content.decode()
    table = html[html.index('<table class="heatmap">') :]
    assert re.findall(r'<th scope="col">(\d{4})</th>', table) == ["2019", "2020", "2021"]
    energy = re.search(r">Energy</a></th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r"<td [^>]*>(\d*)</td>", energy) == ["1", "1", "1"]
    industry = re.search(r">Industry</a></th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r"<td [^>]*>(\d*)</td>", industry) == ["1", "", ""]


def test_an_empty_database_still_renders(client):
    html = client.get("/").content.decode()
    assert "No dated meetings yet." in html
    assert "No meetings match." in html


def test_the_overview_runs_a_bounded_number_of_queries(
    client, meetings, django_assert_max_num_queries
):
    for number in range(3, 40):
        add_focus_areas(make_meeting(number=number, date=f"{1990 + number}-01-01"), "health")
    with django_assert_max_num_queries(12):
        html = client.get("/").content.decode()
    assert "<title>JWG-ICC, 2020: 2 meetings</title>" in html  # the 2nd and the 30th
