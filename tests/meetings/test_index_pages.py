"""The index pages: /people/, /bodies/, /focus-areas/, /corridors/ and /sources/, with
counts, sortable, in the navigation (issue 11, point 7)."""

import re

import pytest

from meetings.models import SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    first = make_meeting(number=1, date="2019-06-10")
    add_participant(first, "Kong Xuanyou", "China")
    add_focus_areas(first, "industry", "energy")
    add_corridors(first, "growth", how="derived")
    second = make_meeting(number=2, date="2020-12-25")
    add_participant(second, "Kong Xuanyou", "China")
    add_participant(second, "Asad Majeed Khan", "Pakistan")
    add_focus_areas(second, "energy")
    add_corridors(second, "green")
    add_corridors(second, "growth", how="derived")
    jcc = make_meeting(body="JCC", number=10, date="2021-09-23")
    add_participant(jcc, "Asad Majeed Khan", "Pakistan")
    add_participant(jcc, "Ahsan Iqbal", "Pakistan")
    older = SourceDocument.objects.create(
        title="Second JWG-ICC meeting held", sha256="a" * 64, text="...", published_on="2020-12-26"
    )
    newer = SourceDocument.objects.create(
        title="JCC meets in Islamabad", sha256="b" * 64, text="...", published_on="2021-09-24"
    )
    second.sources.add(older)
    jcc.sources.add(newer)
    first.sources.add(newer)


def rows(response):
    """(first cell's text, the row's numbers) per body row."""
    html = response.content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        found.append(cells)
    return found


def test_the_people_index_counts_each_persons_meetings(client, data):
    assert [r[0] for r in rows(client.get("/people/"))] == [
        "Ahsan Iqbal",
        "Asad Majeed Khan",
        "Kong Xuanyou",
    ]
    by_meetings = rows(client.get("/people/?sort=meetings"))
    assert [(r[0], r[2]) for r in by_meetings] == [
        ("Asad Majeed Khan", "2"),
        ("Kong Xuanyou", "2"),
        ("Ahsan Iqbal", "1"),
    ]


def test_the_bodies_index_counts_meetings_and_sorts_by_the_latest(client, data):
    table = rows(client.get("/bodies/?sort=meetings"))
    assert [r[0] for r in table][:2] == ["JWG-ICC", "JCC"]
    assert table[0][2] == "2" and table[0][3] == "2019" and table[0][4] == "2020"
    latest = rows(client.get("/bodies/?sort=latest"))
    assert [r[0] for r in latest][:2] == ["JCC", "JWG-ICC"]


def test_the_focus_areas_index_counts_meetings(client, data):
    table = {r[0]: r for r in rows(client.get("/focus-areas/"))}
    assert table["Energy"][2] == "2"
    assert table["Industry"][2] == "1"
    assert table["Health"][2] == "0"
    by_count = rows(client.get("/focus-areas/?sort=meetings"))
    assert [r[0] for r in by_count][:2] == ["Energy", "Industry"]


def test_the_corridors_index_counts_stated_and_all_meetings_in_each_tree(client, data):
    table = rows(client.get("/corridors/"))
    assert table[0] == ["CPEC", "2", "1"]  # the first meeting once, though in two corridors
    counts = {r[0]: r[1:] for r in table}
    assert counts["Growth corridor"] == ["2", "0"]
    assert counts["Green corridor"] == ["1", "1"]
    assert counts["Open corridor"] == ["0", "0"]
    by_count = rows(client.get("/corridors/?sort=meetings"))
    assert [r[0] for r in by_count][:3] == ["CPEC", "Growth corridor", "Green corridor"]


def test_the_sources_index_lists_the_newest_first(client, data):
    table = rows(client.get("/sources/"))
    assert [(r[0], r[3]) for r in table] == [
        ("JCC meets in Islamabad", "2"),
        ("Second JWG-ICC meeting held", "1"),
    ]
    assert [r[0] for r in rows(client.get("/sources/?sort=title"))] == [
        "JCC meets in Islamabad",
        "Second JWG-ICC meeting held",
    ]


@pytest.mark.parametrize(
    "url", ["/people/", "/bodies/", "/focus-areas/", "/corridors/", "/sources/"]
)
def test_every_index_is_in_the_navigation_and_refuses_an_unknown_sort(client, data, url):
    html = client.get("/").content.decode()
    nav = html[html.index('<nav aria-label="Main">') : html.index("</nav>")]
    assert f'href="{url}"' in nav
    assert client.get(url).status_code == 200
    assert client.get(f"{url}?sort=drop-table").status_code == 400


@pytest.mark.parametrize(
    "url", ["/people/", "/bodies/", "/focus-areas/", "/corridors/", "/sources/"]
)
def test_an_index_costs_a_few_queries(client, data, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
