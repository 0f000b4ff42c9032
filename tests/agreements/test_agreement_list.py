import re

import pytest

from agreements.models import Agreement, FocusArea
from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db


def statements(response):
    return re.findall(r'<span class="kind">\w+</span> ([^<]+?)\s*<', response.content.decode())


def agree(meeting, statement, *focus_areas):
    agreement = Agreement.objects.create(meeting=meeting, statement=statement)
    agreement.focus_areas.set(FocusArea.objects.filter(slug__in=focus_areas))
    return agreement


@pytest.fixture
def agreements():
    old = make_meeting(number=1, date="2019-06-10")
    new = make_meeting(number=2, date="2020-12-25")
    jcc = make_meeting(body="JCC", number=10, date="2021-09-23")
    agree(old, "Build industrial parks", "industry")
    agree(new, "Expand solar power", "energy")
    agree(new, "Open new schools", "education")
    agree(jcc, "Deepen SEZ cooperation", "sez", "industry")


def test_it_lists_statements_newest_meeting_first(client, agreements):
    response = client.get("/agreements/")
    assert statements(response) == [
        "Deepen SEZ cooperation",
        "Expand solar power",
        "Open new schools",
        "Build industrial parks",
    ]
    assert "4 statements" in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("focus_area=industry", ["Deepen SEZ cooperation", "Build industrial parks"]),
        ("focus_area=energy&focus_area=education", ["Expand solar power", "Open new schools"]),
        ("corridor=green", ["Expand solar power"]),  # energy maps to green
        (
            "corridor=cpec",
            [
                "Deepen SEZ cooperation",
                "Expand solar power",
                "Open new schools",
                "Build industrial parks",
            ],
        ),
        ("body=jcc", ["Deepen SEZ cooperation"]),
        ("date_from=2020&date_to=2020-12", ["Expand solar power", "Open new schools"]),
        ("q=SOLAR", ["Expand solar power"]),
        ("focus_area=industry&body=jwg-icc", ["Build industrial parks"]),
    ],
)
def test_it_filters(client, agreements, query, expected):
    assert statements(client.get(f"/agreements/?{query}")) == expected


def test_a_statement_tagged_with_a_corridor_matches_it(client, agreements):
    agreement = Agreement.objects.get(statement="Open new schools")
    agreement.corridors.set([agreement.focus_areas.get().corridors.get()])
    assert statements(client.get("/agreements/?corridor=livelihood")) == ["Open new schools"]


def test_export_links_carry_the_query(client, agreements):
    html = client.get("/agreements/?focus_area=industry&page=1").content.decode()
    assert 'href="/agreements/export.csv?focus_area=industry"' in html


def test_a_bad_filter_shows_the_error(client, agreements):
    response = client.get("/agreements/?date_from=soon")
    assert response.status_code == 400
    assert "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY." in response.content.decode()


def test_the_list_runs_a_bounded_number_of_queries(
    client, agreements, django_assert_max_num_queries
):
    # Enough rows that a query per statement, meeting or focus area would break the bound.
    for number in range(3, 15):
        meeting = make_meeting(number=number, date=f"2022-01-{number:02d}")
        agree(meeting, f"Industrial park {number}", "industry", "sez")

    with django_assert_max_num_queries(10):
        response = client.get("/agreements/?corridor=cpec&focus_area=industry")

    assert response.status_code == 200
    assert statements(response) == [
        *(f"Industrial park {number}" for number in range(14, 2, -1)),
        "Deepen SEZ cooperation",
        "Build industrial parks",
    ]
    assert "14 statements" in response.content.decode()
