import json

import pytest
from django.db import OperationalError, connection
from django.test import Client

from agreements.models import Agreement
from meetings import exports
from meetings.exports import MEETING_COLUMNS
from meetings.models import SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting
from tests.meetings.export_helpers import csv_dicts, json_rows, streamed_text

# Every test runs with the rows worked out and with them stored (see conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_rows")]


def formula_meeting():
    meeting = make_meeting(
        "JWG-ICC", 4, "2024-01-21", precision="month", city="=HYPERLINK(1)", mode="in_person"
    )
    add_participant(meeting, "Sun Weidong", "China", title='-Vice Minister, "MFA"')
    add_participant(meeting, "Syrus Qazi", "Pakistan", title="Additional Secretary")
    add_focus_areas(meeting, "energy", "connectivity")
    add_corridors(meeting, "green", how="derived")
    add_corridors(meeting, "open")
    Agreement.objects.create(meeting=meeting, statement="Agreed on renewables.")
    meeting.sources.add(SourceDocument.objects.create(title="@APP report", text="...", sha256="c"))
    return meeting


def test_the_json_export_is_an_array_of_objects_with_the_csv_columns(client):
    meeting = formula_meeting()
    make_meeting("JCC", None, None)

    rows = json_rows(client.get("/meetings/export.json", {"sort": "date"}))

    assert [list(row) for row in rows] == [[c.name for c in MEETING_COLUMNS]] * 2
    assert rows[0] == {
        "meeting_id": meeting.pk,
        "body": "JWG-ICC",
        "body_name": "Joint Working Group on International Cooperation and Coordination",
        "number": 4,
        "date": "2024-01",
        "date_precision": "month",
        "city": "=HYPERLINK(1)",
        "country": None,
        "mode": "in_person",
        "co_chair_china": ["Sun Weidong"],
        "co_chair_china_title": ['-Vice Minister, "MFA"'],
        "co_chair_pakistan": ["Syrus Qazi"],
        "co_chair_pakistan_title": ["Additional Secretary"],
        "focus_areas": ["connectivity", "energy"],
        "corridors": ["green", "open"],
        "corridors_derived": ["green"],
        "agreements_count": 1,
        "review_status": "extracted",
        "sources": ["@APP report"],
        "url": f"http://testserver/meetings/{meeting.slug}/",
        "status": "held",
        "leader_china": [],
        "leader_china_title": [],
        "leader_pakistan": [],
        "leader_pakistan_title": [],
        "date_inferred": False,
    }
    unknown = rows[1]
    assert (unknown["number"], unknown["date"], unknown["city"]) == (None, None, None)
    assert unknown["focus_areas"] == [] and unknown["agreements_count"] == 0


def test_json_keeps_text_exact_where_csv_neutralises_it(client):
    formula_meeting()

    (as_json,) = json_rows(client.get("/meetings/export.json"))
    (as_csv,) = csv_dicts(client.get("/meetings/export.csv"))

    assert as_json["city"] == "=HYPERLINK(1)"
    assert as_csv["city"] == "'=HYPERLINK(1)"
    assert as_csv["co_chair_china_title"] == '\'-Vice Minister, "MFA"'
    assert as_csv["sources"] == "'@APP report"


def test_the_json_file_is_a_utf8_attachment_named_after_the_filter(client):
    formula_meeting()

    response = client.get("/meetings/export.json", {"focus_area": "energy"})

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="cpec-meetings-energy-')
    assert response["Content-Disposition"].endswith('.json"')


def test_an_empty_result_is_an_empty_array(client):
    formula_meeting()

    assert json_rows(client.get("/meetings/export.json", {"body": "bpc"})) == []


def test_a_bad_filter_value_is_a_json_400_with_the_errors(client):
    formula_meeting()

    response = client.get("/meetings/export.json", {"corridor": "purple", "date_from": "soon"})

    assert response.status_code == 400
    errors = json.loads(response.content)["errors"]
    assert set(errors) == {"corridor", "date_from"}
    assert "JWG-ICC" not in response.content.decode()


def test_a_failure_part_way_ends_with_an_error_object_and_stays_valid_json(client, monkeypatch):
    for n in range(1, 8):
        make_meeting("JWG-ICC", n, f"20{10 + n}-05-01")
    real_rows = exports.meeting_rows

    def failing_rows(meetings, url_prefix, **options):
        for n, row in enumerate(real_rows(meetings, url_prefix, **options)):
            if n == 3:
                raise ConnectionError("lost the database")
            yield row

    monkeypatch.setattr(exports, "meeting_rows", failing_rows)
    monkeypatch.setattr(exports, "ROWS_PER_WRITE", 2)

    rows = json.loads(streamed_text(client.get("/meetings/export.json")))

    assert rows[-1] == {"error": "export failed after 2 rows: ConnectionError"}
    assert [row["number"] for row in rows[:-1]] == [7, 6]


def test_one_meeting_as_json_by_slug_or_id(client):
    meeting = formula_meeting()

    by_slug = client.get(f"/meetings/{meeting.slug}/export.json")
    by_id = client.get(f"/meetings/{meeting.pk}/export.json")

    assert by_slug.status_code == by_id.status_code == 200
    assert json.loads(by_slug.content) == json.loads(by_id.content)
    assert json.loads(by_slug.content)["city"] == "=HYPERLINK(1)"
    assert json.loads(by_slug.content) == json_rows(client.get("/meetings/export.json"))[0]
    assert by_slug["Content-Disposition"] == (
        f'attachment; filename="cpec-meeting-{meeting.slug}.json"'
    )


def test_an_unknown_meeting_is_not_found(client):
    assert client.get("/meetings/no-such-meeting/export.json").status_code == 404
    assert client.get("/meetings/999999/export.json").status_code == 404


def test_the_detail_page_offers_its_meeting_as_json(client):
    meeting = formula_meeting()

    response = client.get(f"/meetings/{meeting.slug}/")

    assert f'href="/meetings/{meeting.slug}/export.json"'.encode() in response.content


@pytest.mark.parametrize("url", ["/meetings/export.json", "/agreements/export.json"])
def test_a_database_that_fails_before_the_first_row_gives_a_server_error(url):
    make_meeting("JWG-ICC", 1, "2019-05-01")

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database system is shutting down")

    with connection.execute_wrapper(refuse):
        response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 500
    assert not response.streaming
    assert b"export failed" not in response.content
