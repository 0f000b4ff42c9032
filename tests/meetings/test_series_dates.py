"""An undated meeting takes its place in its series: it sorts by the bound its neighbours
in the same body give it, shows that bound, and is on the timeline marked approximate
(issue 11, point 1)."""

import datetime
import re

import pytest

from meetings.models import Meeting
from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db


def listed(response):
    html = response.content.decode()
    table = html[html.index('<table class="meetings">') : html.index("</table>")]
    return re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', table)


def shown_dates(response):
    html = response.content.decode()
    table = html[html.index('<table class="meetings">') : html.index("</table>")]
    return [
        re.sub(r"<[^>]+>", "", cell)
        for cell in re.findall(r'<td class="nowrap">(.*?)</td>', table, re.S)
    ]


@pytest.fixture
def series():
    make_meeting(number=1, date="2019-06-10")
    make_meeting(number=3, date="2021-12-01", precision="month")
    make_meeting(number=4, date="2024-01-21")
    make_meeting(number=5)  # "the fifth meeting", no date given
    make_meeting(number=2)  # between the 1st and the 3rd
    make_meeting(body="BPC", number=4)  # alone in its body: no bound
    make_meeting(body="JCC", number=10, date="2021-09-23")


def test_newest_first_puts_the_undated_fifth_above_the_fourth(client, series):
    assert listed(client.get("/meetings/")) == [
        "jwg-icc-5",
        "jwg-icc-4",
        "jwg-icc-3",
        "jcc-10",
        "jwg-icc-2",
        "jwg-icc-1",
        "bpc-4",
    ]


def test_oldest_first_puts_the_undated_second_after_the_first(client, series):
    assert listed(client.get("/meetings/?sort=date")) == [
        "jwg-icc-1",
        "jwg-icc-2",
        "jcc-10",
        "jwg-icc-3",
        "jwg-icc-4",
        "jwg-icc-5",
        "bpc-4",
    ]


def test_the_list_shows_the_bounds_an_undated_meeting_has(client, series):
    response = client.get("/meetings/")
    dates = dict(zip(listed(response), shown_dates(response), strict=True))
    assert dates["jwg-icc-5"] == "after 21 January 2024"
    assert dates["jwg-icc-2"] == "between 10 June 2019 and December 2021"
    assert dates["bpc-4"] == "date unknown"
    assert dates["jwg-icc-4"] == "21 January 2024"


def test_the_detail_page_shows_the_bound(client, series):
    html = client.get("/meetings/jwg-icc-5/").content.decode()
    assert "after 21 January 2024" in html


def test_a_meeting_dated_later_moves_its_neighbours_bounds(client, series):
    sixth = make_meeting(number=6)
    assert Meeting.objects.get(pk=sixth.pk).sort_date.isoformat() == "2024-01-21"
    fifth = Meeting.objects.get(number=5, body__short_name="JWG-ICC")
    fifth.date, fifth.date_precision = datetime.date(2024, 11, 2), "day"
    fifth.save()
    sixth.refresh_from_db()
    assert sixth.sort_date.isoformat() == "2024-11-02"
    assert sixth.dated_after_id == fifth.pk
    # Deleting it gives the sixth the fourth's date again.
    fifth.delete()
    sixth.refresh_from_db()
    assert sixth.sort_date.isoformat() == "2024-01-21"


def test_a_date_removed_makes_the_meeting_take_its_neighbours_bound(client, series):
    third = Meeting.objects.get(number=3, body__short_name="JWG-ICC")
    third.date, third.date_precision = None, "unknown"
    third.save()
    third.refresh_from_db()
    assert third.sort_date.isoformat() == "2019-06-10"
    second = Meeting.objects.get(number=2, body__short_name="JWG-ICC")
    assert second.dated_before.number == 4


def test_bulk_written_meetings_are_placed_by_refresh_sort_dates(client, series):
    Meeting.objects.filter(number=5, body__short_name="JWG-ICC").update(sort_date=None)
    Meeting.objects.all().refresh_sort_dates()
    assert listed(client.get("/meetings/"))[0] == "jwg-icc-5"


def test_the_overview_lists_the_fifth_first_and_draws_it_on_the_timeline_as_approximate(
    client, series
):
    html = client.get("/").content.decode()
    assert listed(client.get("/"))[0] == "jwg-icc-5"
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(
        r'class="dot approx"><title>JWG-ICC, 2024: 2 meetings \(1 with an approximate date\)',
        svg,
    )
    assert "2019: 2 meetings (1 with an approximate date)" in svg  # the 2nd, after the 1st
    assert "BPC" not in svg  # no date and no bound: nowhere to draw it


def test_the_atom_feed_orders_by_the_best_known_date(client, series):
    body = client.get("/meetings/feed/").content.decode()
    titles = re.findall(r"<entry><title>([^<]+)</title>", body)
    assert titles[:2] == [
        "5th JWG-ICC meeting, after 21 January 2024",
        "4th JWG-ICC meeting, 21 January 2024",
    ]
