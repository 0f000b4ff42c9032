import datetime
import re

import pytest

from tests.conftest import add_corridors, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    green = make_meeting(
        number=2,
        date="2020-12-25",
        city="Urumqi",
        country="China",
        summary="Talks; on energy, and more",
    )
    add_corridors(green, "green")
    growth = make_meeting(number=3, date="2021-06-01", precision="month")
    add_corridors(growth, "growth")
    make_meeting(body="JCC", number=10, date="2021-09-23")
    return green


def test_the_atom_feed_lists_meetings(client, meetings):
    response = client.get("/meetings/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    titles = re.findall(r"<title>([^<]+)</title>", body)
    assert titles[0] == "CPEC Tracker: meetings"
    assert sorted(titles[1:]) == [
        "10th JCC meeting, 23 September 2021",
        "2nd JWG-ICC meeting, 25 December 2020",
        "3rd JWG-ICC meeting, June 2021",
    ]
    assert "http://testserver/meetings/jwg-icc-2/" in body


def test_the_atom_feed_honours_the_filters(client, meetings):
    body = client.get("/meetings/feed/?corridor=green").content.decode()
    assert re.findall(r"<entry><title>([^<]+)</title>", body) == [
        "2nd JWG-ICC meeting, 25 December 2020"
    ]
    assert 'href="http://testserver/meetings/?corridor=green"' in body


def test_the_calendar_has_an_all_day_event_per_meeting_known_to_the_day(client, meetings):
    response = client.get("/meetings/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2  # the month-precision meeting has no day
    assert "DTSTART;VALUE=DATE:20201225\r\nDTEND;VALUE=DATE:20201226\r\n" in text
    assert "LOCATION:Urumqi\\, China\r\n" in text
    assert "DESCRIPTION:Talks\\; on energy\\, and more\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_the_calendar_honours_the_filters(client, meetings):
    text = client.get("/meetings/calendar.ics?body=jcc").content.decode()
    assert re.findall(r"SUMMARY:(.+)\r\n", text) == ["10th JCC meeting"]


def test_the_calendar_holds_the_most_recent_meetings_up_to_its_size(
    client, meetings, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("meetings.feeds.CALENDAR_SIZE", 1)
    with django_assert_max_num_queries(3):
        body = client.get("/meetings/calendar.ics").content.decode()
    assert re.findall(r"SUMMARY:(.+)\r\n", body) == ["10th JCC meeting"]


def test_long_calendar_lines_are_folded(client):
    make_meeting(number=1, date="2020-01-01", summary="Ünïcode " * 40)
    text = client.get("/meetings/calendar.ics").content.decode()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "Ünïcode " * 40 + "\r\n" in unfolded


@pytest.mark.parametrize("url", ["/meetings/feed/", "/meetings/calendar.ics"])
def test_feeds_reject_bad_filters_with_400(client, url):
    assert client.get(f"{url}?corridor=nope").status_code == 400
    assert client.get(f"{url}?date_from=yesterday").status_code == 400


def test_atom_entries_are_dated_and_ordered_by_the_meeting(client):
    from meetings.models import Meeting

    make_meeting(number=4, date="2024-01-21")
    make_meeting(number=1, date="2019-06-10")  # recorded later, held earlier
    make_meeting(number=3, date="2021-12-01", precision="month")
    make_meeting(body="BPC", number=6)  # date unknown, no neighbours to place it
    Meeting.objects.filter(number=1).update(
        updated_at=datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    )
    body = client.get("/meetings/feed/").content.decode()
    entries = re.findall(r"<entry>(.*?)</entry>", body)
    titles = [re.search(r"<title>([^<]+)</title>", entry).group(1) for entry in entries]
    assert titles == [
        "4th JWG-ICC meeting, 21 January 2024",
        "3rd JWG-ICC meeting, December 2021",
        "1st JWG-ICC meeting, 10 June 2019",
        "6th BPC meeting, date unknown",
    ]
    first_meeting = entries[2]
    assert "<published>2019-06-10T00:00:00+00:00</published>" in first_meeting
    assert "<updated>2026-03-04T05:06:07+00:00</updated>" in first_meeting
    assert "<published>" not in entries[3]
