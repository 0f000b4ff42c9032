"""A meeting's mode is unknown until a sentence states it; a stated mode links to that
sentence like every other fact."""

import importlib
import re

import pytest
from django.apps import apps

from meetings.ingest import ingest_text
from meetings.models import Conflict, Meeting, SourceDocument
from tests.conftest import make_meeting
from tests.meetings.export_helpers import csv_dicts, json_rows

pytestmark = pytest.mark.django_db

SILENT = "The 7th meeting of the Joint Cooperation Committee (JCC) was held in Islamabad."
VIRTUAL = "The 7th JCC was held via video link on 5 November 2017."


def mode_row(client, meeting):
    html = client.get(meeting.get_absolute_url()).content.decode()
    return re.search(r"<dt>Mode</dt><dd>(.*?)</dd>", html, re.S).group(1)


def test_a_meeting_whose_text_says_nothing_of_its_mode_has_none(client, export_rows):
    ingest_text(SILENT)
    meeting = Meeting.objects.get()

    assert meeting.mode == ""
    row = mode_row(client, meeting)
    assert ">—</span>" in row and "In person" not in row
    (csv_row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert csv_row["mode"] == ""
    (json_row,) = json_rows(client.get("/meetings/export.json"))
    assert json_row["mode"] is None


def test_a_stated_mode_links_to_its_sentence(client):
    ingest_text(VIRTUAL)
    meeting = Meeting.objects.get()

    assert meeting.mode == "virtual"
    evidence = meeting.mode_evidence
    assert (evidence.fact, evidence.label, evidence.sentence) == (
        "mode",
        "mode: virtual",
        VIRTUAL,
    )
    row = mode_row(client, meeting)
    assert row.startswith("Virtual")
    assert f"<blockquote>“{VIRTUAL}”</blockquote>" in row
    assert f'href="/sources/{evidence.document_id}/#evidence-{evidence.pk}"' in row


def test_a_later_source_stating_the_mode_fills_it_in_without_a_conflict():
    ingest_text(SILENT)
    ingest_text(VIRTUAL)

    meeting = Meeting.objects.get()
    assert (meeting.mode, meeting.mode_evidence.sentence) == ("virtual", VIRTUAL)
    assert not Conflict.objects.exists()


def test_a_source_stating_another_mode_than_a_stated_one_is_a_conflict():
    ingest_text(VIRTUAL)
    ingest_text("The 7th JCC was held in a hybrid format in Beijing.")

    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "mode",
        "virtual",
        "hybrid",
    )
    assert Meeting.objects.get().mode == "virtual"


def test_the_article_page_shows_an_unstated_mode_as_not_stated_and_saves_it_unknown(
    staff_client,
):
    url = "/admin/meetings/meeting/from-article/"
    page = staff_client.post(url, {"text": SILENT, "_preview": "Preview"}).content.decode()
    row = re.search(r"<td>Mode</td>\s*<td>(.*?)</td>", page).group(1)
    assert row == "not stated"


def test_unticking_a_stated_mode_saves_the_meeting_with_none(staff_client):
    url = "/admin/meetings/meeting/from-article/"
    page = staff_client.post(url, {"text": VIRTUAL, "_preview": "Preview"})
    previewed = page.context["form"].initial["previewed"]
    staff_client.post(
        url,
        {"text": VIRTUAL, "previewed": previewed, "accept": ["0:meeting", "0:date"], "_save": "1"},
    )

    meeting = Meeting.objects.get()
    assert (meeting.mode, meeting.mode_evidence) == ("", None)


def test_upgrading_forgets_the_in_person_mode_extraction_used_to_assume():
    migration = importlib.import_module("meetings.migrations.0010_mode_unknown_unless_stated")
    extracted = make_meeting("JCC", 7, "2017-11-05", mode="in_person")
    extracted.sources.add(SourceDocument.objects.create(text=SILENT, sha256="s" * 64))
    virtual = make_meeting("JCC", 8, "2018-12-20", mode="virtual")
    virtual.sources.add(SourceDocument.objects.create(text=VIRTUAL, sha256="v" * 64))
    make_meeting("JCC", 9, "2019-11-05", mode="in_person")  # entered by hand: no source

    migration.forget_unstated_modes(apps, None)

    modes = dict(Meeting.objects.values_list("number", "mode"))
    assert modes == {7: "", 8: "virtual", 9: "in_person"}
