"""The co-chairs column names the delegation leaders ("led by ...") when no co-chair is
named, on the list, the overview and a body's page (issue 11, point 4)."""

import re

import pytest

from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db


def heads_cells(html):
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        " ".join(
            re.sub(
                r"<[^>]+>", "", row.split('<td data-label="Co-chairs">')[1].split("</td>")[0]
            ).split()
        )
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


@pytest.fixture
def meetings():
    bpc = make_meeting(body="BPC", number=4, date="2023-05-10")
    add_participant(bpc, "Sun Weidong", "China", role="leader")
    add_participant(bpc, "Muhammad Syrus Qazi", "Pakistan", role="leader")
    add_participant(bpc, "A Member", "Pakistan", role="member")
    chaired = make_meeting(number=2, date="2020-12-25")
    add_participant(chaired, "Luo Zhaohui", "China")
    add_participant(chaired, "Someone Leading", "Pakistan", role="leader")
    make_meeting(number=3, date="2021-12-01")


@pytest.mark.parametrize("url", ["/meetings/", "/"])
def test_leaders_fill_the_column_when_no_co_chair_is_named(client, meetings, url):
    cells = heads_cells(client.get(url).content.decode())
    assert cells == [
        "led by Sun Weidong; Muhammad Syrus Qazi",
        "—",
        "Luo Zhaohui",
    ]


def test_a_bodys_page_shows_the_leaders_too(client, meetings):
    html = client.get("/bodies/bpc/").content.decode()
    assert 'led by</span> <a href="/people/sun-weidong/">Sun Weidong</a>' in html


def test_the_export_has_leader_columns_apart_from_the_co_chairs(client, meetings, export_rows):
    from tests.meetings.export_helpers import csv_dicts

    rows = {row["url"].split("/")[-2]: row for row in csv_dicts(client.get("/meetings/export.csv"))}
    bpc = rows["bpc-4"]
    assert (bpc["co_chair_china"], bpc["co_chair_pakistan"]) == ("", "")
    assert (bpc["leader_china"], bpc["leader_pakistan"]) == ("Sun Weidong", "Muhammad Syrus Qazi")
    chaired = rows["jwg-icc-2"]
    assert chaired["co_chair_china"] == "Luo Zhaohui"
    assert chaired["leader_pakistan"] == "Someone Leading"
    assert chaired["co_chair_pakistan"] == ""


def test_the_data_dictionary_explains_the_leader_columns(client):
    html = client.get("/data/").content.decode()
    for name in ("leader_china", "leader_china_title", "leader_pakistan", "leader_pakistan_title"):
        assert f'<code class="column-name">{name}</code>' in html
