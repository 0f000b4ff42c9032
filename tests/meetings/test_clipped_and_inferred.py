"""What the extractor says about a text and a date: a clipped text's warning is kept with its
source and shown; a date inferred from the publication month is marked as such, exported,
and gives way to a date a source states."""

import re

import pytest
from django.forms.models import model_to_dict

from meetings.forms import MeetingForm
from meetings.ingest import ingest_text
from meetings.models import Conflict, Meeting
from tests.meetings.export_helpers import csv_dicts, json_rows

pytestmark = pytest.mark.django_db

CLIPPED = (
    "The fifth meeting of the JWG-ICC was held in Beijing on 10 January 2025 and the two "
    "sides agreed to deepen cooperation in"
)
UNDATED_REPORT = (
    "date 2025-01-12\n"
    "BEIJING: The fifth meeting of the CPEC Joint Working Group on International Cooperation "
    "and Coordination was held in Beijing. The two sides agreed to promote agriculture.\n"
)
DATED_REPORT = "The fifth meeting of the JWG-ICC was held in Beijing on 10 January 2025."
WARNING = "looks clipped: ends mid-sentence"


def test_a_clipped_text_is_ingested_with_its_warning_kept_on_the_source(client):
    document = ingest_text(CLIPPED).document

    assert document.warnings == [WARNING]
    assert Meeting.objects.get().number == 5
    html = client.get(f"/sources/{document.pk}/").content.decode()
    note = re.search(r'<p class="notice" role="note">(.*?)</p>', html).group(1)
    assert (
        note
        == f"About this text: it {WARNING}. It may be an excerpt rather than the whole article."
    )


def test_a_whole_text_has_no_warning(client):
    document = ingest_text(DATED_REPORT).document

    assert document.warnings == []
    assert 'role="note"' not in client.get(f"/sources/{document.pk}/").content.decode()


def test_the_admin_preview_and_source_form_show_the_warning(staff_client):
    url = "/admin/meetings/meeting/from-article/"
    page = staff_client.post(url, {"text": CLIPPED, "_preview": "Preview"}).content.decode()
    assert f'<p class="warning-note"><strong>This text {WARNING}</strong>' in page

    document = ingest_text(CLIPPED).document
    form = staff_client.get(f"/admin/meetings/sourcedocument/{document.pk}/change/")
    assert WARNING in form.content.decode()


def test_a_date_inferred_from_the_publication_month_is_marked_and_exported(client, export_rows):
    ingest_text(UNDATED_REPORT)
    meeting = Meeting.objects.get()

    assert (str(meeting.date), meeting.date_precision, meeting.date_inferred) == (
        "2025-01-01",
        "month",
        True,
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    date = re.search(r"<dt>Date</dt><dd>(.*?)</dd>", html, re.S).group(1)
    assert "January 2025</time>" in date
    assert "(month inferred from the publication date: no source gives the date)" in date
    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert (row["date"], row["date_inferred"]) == ("2025-01", "true")
    (obj,) = json_rows(client.get("/meetings/export.json"))
    assert (obj["date"], obj["date_inferred"]) == ("2025-01", True)


def test_a_stated_date_is_not_marked_inferred(client):
    ingest_text(DATED_REPORT)
    meeting = Meeting.objects.get()

    assert meeting.date_inferred is False
    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert row["date_inferred"] == "false"
    assert "month inferred" not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_stated_date_replaces_an_inferred_one_without_a_conflict():
    ingest_text(UNDATED_REPORT)
    ingest_text(DATED_REPORT)

    meeting = Meeting.objects.get()
    assert (str(meeting.date), meeting.date_precision, meeting.date_inferred) == (
        "2025-01-10",
        "day",
        False,
    )
    assert meeting.date_evidence.sentence == DATED_REPORT
    assert not Conflict.objects.exists()


def test_an_inferred_date_says_nothing_against_a_stated_one():
    ingest_text(DATED_REPORT.replace("10 January 2025", "28 December 2024"))
    ingest_text(UNDATED_REPORT)

    meeting = Meeting.objects.get()
    assert (str(meeting.date), meeting.date_inferred) == ("2024-12-28", False)
    assert meeting.review_status == "extracted"
    assert not Conflict.objects.exists()


def test_the_data_dictionary_explains_an_inferred_date(client):
    html = client.get("/data/").content.decode()
    assert '<code class="column-name">date_inferred</code>' in html


def test_an_editor_giving_the_date_clears_the_inferred_mark():
    ingest_text(UNDATED_REPORT)
    meeting = Meeting.objects.get()
    data = model_to_dict(meeting, fields=MeetingForm._meta.fields)
    assert data["date_inferred"] is True

    form = MeetingForm({**data, "date": "2025-01-09", "date_precision": "day"}, instance=meeting)
    assert form.is_valid(), form.errors
    form.save()

    meeting.refresh_from_db()
    assert (str(meeting.date), meeting.date_inferred) == ("2025-01-09", False)


def test_an_editor_may_keep_a_date_marked_inferred():
    ingest_text(UNDATED_REPORT)
    meeting = Meeting.objects.get()
    data = model_to_dict(meeting, fields=MeetingForm._meta.fields)

    form = MeetingForm({**data, "city": "Urumqi"}, instance=meeting)
    assert form.is_valid(), form.errors
    form.save()

    meeting.refresh_from_db()
    assert (meeting.city, meeting.date_inferred) == ("Urumqi", True)
