import datetime

import pytest

from agreements.exports import AGREEMENT_COLUMNS
from agreements.models import Agreement, Corridor, FocusArea
from meetings.models import Evidence, SourceDocument
from tests.conftest import make_meeting
from tests.meetings.export_helpers import csv_dicts, csv_rows, json_rows, list_page_ids

pytestmark = pytest.mark.django_db


def agree(meeting, statement, focus_areas=(), corridors=(), kind="agreed", evidence=None):
    agreement = Agreement.objects.create(
        meeting=meeting, statement=statement, kind=kind, evidence=evidence
    )
    agreement.focus_areas.set(FocusArea.objects.filter(slug__in=focus_areas))
    agreement.corridors.set(Corridor.objects.filter(slug__in=corridors))
    return agreement


def test_an_agreement_row_holds_its_statement_tags_and_evidence(client):
    meeting = make_meeting("JWG-ICC", 2, "2020-12-25")
    document = SourceDocument.objects.create(
        title="JWG-ICC", url="https://example.org/a", text="...", sha256="x"
    )
    sentence = "The two sides agreed to build SEZs and solar parks, with “third parties”."
    evidence = Evidence.objects.create(
        document=document, meeting=meeting, fact="agreement", start=0, end=10, sentence=sentence
    )
    agreement = agree(
        meeting, "Build SEZs, and solar parks", ["sez", "energy"], ["green"], evidence=evidence
    )

    header, rows = csv_rows(client.get("/agreements/export.csv"))

    assert header == [column.name for column in AGREEMENT_COLUMNS]
    assert [dict(zip(header, row, strict=True)) for row in rows] == [
        {
            "agreement_id": str(agreement.pk),
            "meeting_id": str(meeting.pk),
            "body": "JWG-ICC",
            "number": "2",
            "date": "2020-12-25",
            "kind": "agreed",
            "statement": "Build SEZs, and solar parks",
            "focus_areas": "energy; sez",
            "corridors": "green",
            "evidence": sentence,
            "source_url": "https://example.org/a",
            "meeting_url": f"http://testserver/meetings/{meeting.slug}/",
        }
    ]


def test_the_json_export_has_the_same_keys_with_lists_and_nulls(client):
    meeting = make_meeting("JCC", None, None)
    agreement = agree(meeting, "+Reaffirmed CPEC", kind="reaffirmed")

    (row,) = json_rows(client.get("/agreements/export.json"))

    assert row == {
        "agreement_id": agreement.pk,
        "meeting_id": meeting.pk,
        "body": "JCC",
        "number": None,
        "date": None,
        "kind": "reaffirmed",
        "statement": "+Reaffirmed CPEC",
        "focus_areas": [],
        "corridors": [],
        "evidence": None,
        "source_url": None,
        "meeting_url": f"http://testserver/meetings/{meeting.slug}/",
    }
    (as_csv,) = csv_dicts(client.get("/agreements/export.csv"))
    assert as_csv["statement"] == "'+Reaffirmed CPEC"


def some_agreements():
    for n in range(1, 9):
        meeting = make_meeting(
            ["JWG-ICC", "JCC"][n % 2], n, datetime.date(2015 + n, 1 + n, 1) if n % 4 else None
        )
        agree(meeting, f"Agreed on industrial zone {n}", ["industry", "sez"][: 1 + n % 2])
        agree(meeting, f"Agreed on solar power {n}", ["energy"], ["green"] if n % 3 else [])


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"focus_area": "sez"},
        {"corridor": "green"},
        {"corridor": "growth"},
        {"body": "jcc", "date_from": "2018"},
        {"date_to": "2020-06", "q": "solar"},
    ],
    ids=str,
)
def test_export_rows_are_the_agreement_list_rows_in_order(client, query):
    some_agreements()
    shown = list_page_ids(client, "/agreements/", query)

    csv_ids = [
        int(r["agreement_id"]) for r in csv_dicts(client.get("/agreements/export.csv", query))
    ]
    json_ids = [r["agreement_id"] for r in json_rows(client.get("/agreements/export.json", query))]

    assert shown and csv_ids == shown
    assert json_ids == shown


@pytest.mark.parametrize("path", ["/agreements/export.csv", "/agreements/export.json"])
def test_a_bad_filter_value_is_a_400_not_a_full_dump(client, path):
    some_agreements()

    response = client.get(path, {"focus_area": "not-a-focus-area"})

    assert response.status_code == 400
    assert b"focus_area" in response.content
    assert b"industrial zone" not in response.content


def test_the_file_name_names_the_filter(client):
    some_agreements()

    response = client.get("/agreements/export.csv", {"focus_area": "sez", "bom": "1"})

    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="cpec-agreements-sez-{today}.csv"'
    )
    assert b"".join(response.streaming_content).startswith(b'\xef\xbb\xbf"agreement_id"')


def test_staff_export_selected_agreements_as_csv_from_the_admin(staff_client):
    some_agreements()
    chosen = list(Agreement.objects.filter(statement__contains="solar").order_by("pk")[:3])

    response = staff_client.post(
        "/admin/agreements/agreement/",
        {
            "action": "export_selected_agreements_as_csv",
            "_selected_action": [a.pk for a in chosen],
        },
    )

    header, rows = csv_rows(response)
    assert header == [column.name for column in AGREEMENT_COLUMNS]
    assert sorted(int(row[0]) for row in rows) == [a.pk for a in chosen]
    assert response["Content-Disposition"].startswith(
        'attachment; filename="cpec-agreements-selected-'
    )
