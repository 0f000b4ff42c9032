"""Planned meetings: a preview records a meeting as planned; the later report of it held
turns it held, at its real date, with no conflict, and the planned date stays visible."""

import re

import pytest

from meetings.extraction.types import ArticleExtraction, Evidence, MeetingMention
from meetings.ingest import ingest_text
from meetings.models import Conflict, Meeting
from tests.conftest import make_meeting
from tests.meetings.export_helpers import csv_dicts, json_rows

pytestmark = pytest.mark.django_db

PREVIEW = (
    "ISLAMABAD: The 14th meeting of the Joint Cooperation Committee (JCC) of CPEC is "
    "scheduled to be held in Islamabad on 20 March 2025, officials said."
)
REPORT = (
    "BEIJING: The 14th JCC of CPEC was held in Beijing on 26 March 2025, after it was "
    "postponed by a week."
)


def span(text, sentence=None):
    sentence = sentence or text
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def jcc(text, *, status, date, city, number=14, main=True):
    ev = span(text)
    precision = {10: "day", 7: "month", 4: "year"}[len(date)] if date else "unknown"
    return MeetingMention(
        body="JCC",
        body_name="Joint Cooperation Committee",
        number=number,
        date=date,
        date_precision=precision,
        city=city,
        country={"Islamabad": "Pakistan", "Beijing": "China"}.get(city, ""),
        mode="",
        is_main_subject=main,
        evidence=ev,
        date_evidence=ev if date else None,
        venue_evidence=ev if city else None,
        status=status,
    )


def ingest(text, *mentions, published_on=None):
    return ingest_text(text, extraction=ArticleExtraction(published_on, "", list(mentions)))


def preview_then_report():
    ingest(PREVIEW, jcc(PREVIEW, status="planned", date="2025-03-20", city="Islamabad"))
    return ingest(REPORT, jcc(REPORT, status="held", date="2025-03-26", city="Beijing"))


def test_a_preview_records_the_meeting_as_planned_for_its_date():
    ingest(PREVIEW, jcc(PREVIEW, status="planned", date="2025-03-20", city="Islamabad"))

    meeting = Meeting.objects.get()
    assert (meeting.status, str(meeting.date), meeting.city) == (
        "planned",
        "2025-03-20",
        "Islamabad",
    )
    assert meeting.date_evidence.label == "planned for 2025-03-20"


def test_the_report_of_the_meeting_held_turns_it_held_at_its_real_date_without_a_conflict():
    result = preview_then_report()

    meeting = Meeting.objects.get()
    assert (meeting.status, str(meeting.date), meeting.date_precision) == (
        "held",
        "2025-03-26",
        "day",
    )
    assert (meeting.city, meeting.country) == ("Beijing", "China")
    assert meeting.review_status == "extracted"
    assert not Conflict.objects.exists()
    assert result.meetings_updated == [meeting]
    assert meeting.date_evidence.sentence == REPORT
    assert meeting.venue_evidence.sentence == REPORT
    assert meeting.sources.count() == 2


def test_the_detail_page_keeps_the_date_it_was_planned_for(client):
    preview_then_report()
    meeting = Meeting.objects.get()

    html = client.get(meeting.get_absolute_url()).content.decode()

    status = re.search(r"<dt>Status</dt><dd>(.*?)</dd>", html).group(1)
    assert status == "Held"
    history = re.search(r'<ul class="history">(.*?)</ul>', html, re.S).group(1)
    assert "Earlier: planned for 2025-03-20" in history
    planned = meeting.evidence_set.get(label="planned for 2025-03-20")
    assert f'href="/sources/{planned.document_id}/#evidence-{planned.pk}"' in history


def test_a_preview_read_after_the_report_changes_nothing_it_said():
    ingest(REPORT, jcc(REPORT, status="held", date="2025-03-26", city="Beijing"))
    ingest(PREVIEW, jcc(PREVIEW, status="planned", date="2025-03-20", city="Islamabad"))

    meeting = Meeting.objects.get()
    assert (meeting.status, str(meeting.date), meeting.city) == ("held", "2025-03-26", "Beijing")
    assert meeting.review_status == "extracted"
    assert not Conflict.objects.exists()
    assert meeting.evidence_set.filter(label="planned for 2025-03-20").exists()


def test_two_previews_that_disagree_on_the_date_are_still_a_conflict():
    ingest(PREVIEW, jcc(PREVIEW, status="planned", date="2025-03-20", city="Islamabad"))
    later = "The 14th JCC, now set for 27 March 2025, will take place in Islamabad."
    ingest(later, jcc(later, status="planned", date="2025-03-27", city="Islamabad"))

    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "date",
        "2025-03-20",
        "2025-03-27",
    )


def test_an_unnumbered_plan_is_the_meeting_later_reported_held_in_that_month():
    plan = "Pakistan and China will hold the JCC meeting in March 2025."
    ingest(plan, jcc(plan, status="planned", date="2025-03", city="", number=None))
    held = "The JCC meeting was held on 26 March 2025 in Beijing."
    ingest(held, jcc(held, status="held", date="2025-03-26", city="Beijing", number=None))

    meeting = Meeting.objects.get()
    assert (meeting.status, str(meeting.date), meeting.date_precision, meeting.city) == (
        "held",
        "2025-03-26",
        "day",
        "Beijing",
    )


@pytest.fixture
def planned_and_held():
    planned = make_meeting("JCC", 14, "2030-03-20", city="Islamabad", status="planned")
    later_plan = make_meeting("JWG-ICC", 7, "2030-06-02", status="planned")
    held = make_meeting("JCC", 13, "2024-06-28", city="Beijing")
    return planned, later_plan, held


def test_upcoming_meetings_come_first_in_the_calendar_marked_tentative(client, planned_and_held):
    text = client.get("/meetings/calendar.ics").content.decode()

    events = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S)
    summaries = [re.search(r"SUMMARY:(.+)\r\n", event).group(1) for event in events]
    assert summaries == [
        "14th JCC meeting (planned)",
        "7th JWG-ICC meeting (planned)",
        "13th JCC meeting",
    ]
    assert ["STATUS:TENTATIVE" in event for event in events] == [True, True, False]


def test_the_overview_has_an_upcoming_block_and_keeps_plans_out_of_the_latest(
    client, planned_and_held
):
    html = client.get("/").content.decode()

    upcoming = html[html.index('id="upcoming-heading"') : html.index('id="latest-heading"')]
    slugs = re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', upcoming)
    assert slugs == ["jcc-14", "jwg-icc-7"]
    assert "planned</span>" in upcoming
    latest = html[html.index('id="latest-heading"') : html.index("All meetings")]
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', latest) == ["jcc-13"]


def test_the_overview_has_no_upcoming_block_when_nothing_is_planned(client):
    make_meeting("JCC", 13, "2024-06-28")
    assert 'id="upcoming-heading"' not in client.get("/").content.decode()


def test_the_list_filters_by_status_and_marks_planned_meetings(client, planned_and_held):
    html = client.get("/meetings/", {"status": "planned"}).content.decode()
    slugs = re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', html)
    assert sorted(slugs) == ["jcc-14", "jwg-icc-7"]
    assert html.count('<span class="badge badge-planned">planned</span>') == 2

    held = client.get("/meetings/", {"status": "held"}).content.decode()
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', held) == ["jcc-13"]
    assert client.get("/meetings/", {"status": "cancelled"}).status_code == 400


def test_the_exports_carry_the_status_and_take_its_filter(client, planned_and_held, export_rows):
    rows = json_rows(client.get("/meetings/export.json", {"sort": "date"}))
    assert [(row["body"], row["number"], row["status"]) for row in rows] == [
        ("JCC", 13, "held"),
        ("JCC", 14, "planned"),
        ("JWG-ICC", 7, "planned"),
    ]
    rows = csv_dicts(client.get("/meetings/export.csv", {"status": "planned"}))
    assert [(row["body"], row["number"], row["status"]) for row in rows] == [
        ("JWG-ICC", "7", "planned"),
        ("JCC", "14", "planned"),
    ]


def test_the_data_dictionary_explains_the_status(client):
    html = client.get("/data/").content.decode()
    assert '<code class="column-name">status</code>' in html
    assert "planned: announced by a source and not yet reported held" in html
