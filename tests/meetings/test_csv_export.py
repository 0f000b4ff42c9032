import datetime

import pytest
from django.db import OperationalError, connection
from django.test import Client

from agreements.models import Agreement, MeetingCorridor
from meetings import exports
from meetings.exports import MEETING_COLUMNS
from meetings.models import SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting
from tests.meetings.export_helpers import csv_dicts, csv_rows, json_rows, list_page_ids

# Every test runs with the rows worked out and with them stored (see conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_rows")]


def second_jwg_icc():
    meeting = make_meeting(
        "JWG-ICC", 2, "2020-12-25", city="Urumqi", country="China", mode="in_person"
    )
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    add_participant(meeting, "Sohail Mahmood", "Pakistan", title="Foreign Secretary")
    add_participant(meeting, "Nong Rong", "China", role="member", title="Ambassador")
    add_focus_areas(meeting, "industry", "agriculture", "energy")
    add_corridors(meeting, "growth")
    add_corridors(meeting, "green", how="derived")
    Agreement.objects.create(meeting=meeting, statement="Agreed to expand industrial parks.")
    Agreement.objects.create(meeting=meeting, statement="Agreed on solar power.")
    meeting.sources.add(
        SourceDocument.objects.create(
            title="Second JWG-ICC held", url="https://example.org/jwg-icc-2", text="...", sha256="a"
        ),
        SourceDocument.objects.create(title="APP report", text="...", sha256="b"),
    )
    return meeting


def test_a_meeting_row_holds_its_facts_in_the_documented_columns(client):
    meeting = second_jwg_icc()

    header, rows = csv_rows(client.get("/meetings/export.csv"))

    assert header == [column.name for column in MEETING_COLUMNS]
    assert len(rows) == 1
    assert dict(zip(header, rows[0], strict=True)) == {
        "meeting_id": str(meeting.pk),
        "body": "JWG-ICC",
        "body_name": "Joint Working Group on International Cooperation and Coordination",
        "number": "2",
        "date": "2020-12-25",
        "date_precision": "day",
        "city": "Urumqi",
        "country": "China",
        "mode": "in_person",
        "co_chair_china": "Luo Zhaohui",
        "co_chair_china_title": "Vice Foreign Minister",
        "co_chair_pakistan": "Sohail Mahmood",
        "co_chair_pakistan_title": "Foreign Secretary",
        "focus_areas": "agriculture; energy; industry",
        "corridors": "green; growth",
        "corridors_derived": "green",
        "agreements_count": "2",
        "review_status": "extracted",
        "sources": "Second JWG-ICC held <https://example.org/jwg-icc-2>; APP report",
        "url": f"http://testserver/meetings/{meeting.slug}/",
        "status": "held",
        "leader_china": "",
        "leader_china_title": "",
        "leader_pakistan": "",
        "leader_pakistan_title": "",
        "date_inferred": "false",
    }


def test_unknown_values_are_empty_cells_and_dates_keep_their_precision(client):
    make_meeting("JCC", None, None)
    make_meeting("BPC", 3, "2019-05-01", precision="month")
    make_meeting("JWG-ICC", 1, "2018-01-01", precision="year")

    rows = csv_dicts(client.get("/meetings/export.csv", {"sort": "date"}))

    assert [(r["body"], r["date"], r["date_precision"]) for r in rows] == [
        ("JWG-ICC", "2018", "year"),
        ("BPC", "2019-05", "month"),
        ("JCC", "", "unknown"),
    ]
    unknown = rows[2]
    assert unknown["number"] == unknown["city"] == unknown["co_chair_china"] == ""
    assert unknown["focus_areas"] == unknown["sources"] == ""
    assert unknown["agreements_count"] == "0"


def test_several_co_chairs_on_one_side_are_listed_with_their_titles_in_order(client):
    meeting = make_meeting("JCC", 9, "2019-11-05")
    add_participant(meeting, "Ning Jizhe", "China", title="Vice Chairman, NDRC")
    add_participant(meeting, "Lian Weiliang", "China", role="leader", title="Vice Chairman")
    add_participant(meeting, "Zhang Yong", "China", title="Deputy Minister")

    (row,) = csv_dicts(client.get("/meetings/export.csv"))

    assert row["co_chair_china"] == "Ning Jizhe; Zhang Yong"
    assert row["co_chair_china_title"] == "Vice Chairman, NDRC; Deputy Minister"
    assert row["co_chair_pakistan"] == ""


def filter_combinations():
    return [
        {},
        {"sort": "date"},
        {"sort": "-number"},
        {"sort": "body"},
        {"corridor": "green"},
        {"corridor": "cpec", "sort": "date"},
        {"corridor": ["green", "growth"]},
        {"focus_area": "industry"},
        {"body": "jwg-icc", "date_from": "2020"},
        {"date_from": "2019-06", "date_to": "2021-12-31"},
        {"city": "islamabad"},
        {"country": "Pakistan", "review_status": "reviewed"},
        {"q": "solar"},
        {"person": "luo-zhaohui"},
    ]


def many_meetings():
    """A varied set: dates at each precision, ties on date, several bodies and corridors."""
    made = [second_jwg_icc()]
    cities = ["Islamabad", "Beijing", "Gwadar"]
    for n in range(3, 15):
        body = ["JWG-ICC", "JCC", "BPC"][n % 3]
        precision = ["day", "month", "year", "day"][n % 4]
        date = datetime.date(2017 + n % 6, 1 + n % 12, 1) if n % 5 else None
        meeting = make_meeting(
            body,
            n,
            date,
            precision=precision if date else "unknown",
            city=cities[n % 3],
            country="Pakistan" if n % 2 else "China",
            review_status="reviewed" if n % 3 else "extracted",
        )
        add_focus_areas(meeting, ["industry", "energy", "health"][n % 3])
        add_corridors(meeting, ["growth", "green", "livelihood"][n % 3], how="derived")
        if n % 4 == 0:
            Agreement.objects.create(meeting=meeting, statement=f"Agreed on solar parks {n}.")
            add_participant(meeting, "Luo Zhaohui", "China", title="Ambassador")
        made.append(meeting)
    return made


@pytest.mark.parametrize("query", filter_combinations(), ids=str)
def test_export_rows_are_the_list_rows_in_the_list_order(client, query):
    many_meetings()
    shown = list_page_ids(client, "/meetings/", query)

    csv_ids = [
        int(row["meeting_id"]) for row in csv_dicts(client.get("/meetings/export.csv", query))
    ]
    json_ids = [row["meeting_id"] for row in json_rows(client.get("/meetings/export.json", query))]

    assert csv_ids == shown
    assert json_ids == shown


def test_the_filter_combinations_are_not_all_alike(client):
    many_meetings()
    counts = {
        str(query): len(list_page_ids(client, "/meetings/", query))
        for query in filter_combinations()
    }
    # The comparisons above mean something only if filters cut and sorts reorder.
    assert len(set(counts.values())) >= 4
    assert 0 not in counts.values()


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "last tuesday"},
        {"date_to": "2020-13"},
        {"corridor": "no-such-corridor"},
        {"body": "no-such-body"},
        {"sort": "-pk; DROP TABLE"},
        {"review_status": "approved"},
        {"q": "x" * 400},
    ],
    ids=str,
)
@pytest.mark.parametrize("path", ["/meetings/export.csv", "/meetings/focus-areas.csv"])
def test_a_bad_filter_value_is_an_error_not_a_full_dump(client, path, query):
    second_jwg_icc()

    response = client.get(path, query)

    assert response.status_code == 400
    body = response.content.decode()
    assert "nothing exported" in body
    assert "Urumqi" not in body and "JWG-ICC" not in body
    (field,) = query
    assert f"{field}:" in body


def test_the_file_is_an_attachment_named_after_the_filter_and_the_day(client):
    second_jwg_icc()
    today = datetime.date.today().isoformat()

    plain = client.get("/meetings/export.csv")
    green = client.get("/meetings/export.csv", {"corridor": "green", "date_from": "2020"})

    assert plain["Content-Type"] == "text/csv; charset=utf-8"
    assert plain["Content-Disposition"] == f'attachment; filename="cpec-meetings-{today}.csv"'
    assert green["Content-Disposition"] == (
        f'attachment; filename="cpec-meetings-from-2020-green-{today}.csv"'
    )


def test_a_hostile_filter_value_cannot_break_the_file_name(client):
    response = client.get("/meetings/export.csv", {"q": '"; filename=evil.exe\r\nX: y'})

    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="cpec-meetings-search-filenameevilexe-x-y-')
    assert disposition.count('"') == 2 and "\n" not in disposition


def test_the_byte_order_mark_is_only_there_when_asked_for(client):
    second_jwg_icc()

    plain = b"".join(client.get("/meetings/export.csv").streaming_content)
    excel = b"".join(client.get("/meetings/export.csv", {"bom": "1"}).streaming_content)

    assert plain.startswith(b'"meeting_id"')
    assert excel == b"\xef\xbb\xbf" + plain


def test_it_reads_the_meetings_in_chunks(client, monkeypatch):
    many_meetings()
    monkeypatch.setattr(exports, "CHUNK_SIZE", 4)
    monkeypatch.setattr(exports, "ROWS_PER_WRITE", 3)

    chunked = csv_dicts(client.get("/meetings/export.csv"))

    monkeypatch.undo()
    assert chunked == csv_dicts(client.get("/meetings/export.csv"))


def test_a_failure_part_way_is_said_on_the_last_line(client, monkeypatch):
    many_meetings()
    real_rows = exports.meeting_rows

    def failing_rows(meetings, url_prefix, **options):
        for n, row in enumerate(real_rows(meetings, url_prefix, **options)):
            if n == 5:
                raise RuntimeError("the database went away")
            yield row

    monkeypatch.setattr(exports, "meeting_rows", failing_rows)
    monkeypatch.setattr(exports, "ROWS_PER_WRITE", 2)

    text = b"".join(client.get("/meetings/export.csv").streaming_content).decode()

    lines = text.splitlines()
    assert lines[-1] == "# export failed after 4 rows: RuntimeError"
    assert len(lines) == 1 + 4 + 1
    assert "the database went away" not in text


@pytest.mark.parametrize(
    "url", ["/meetings/export.csv", "/meetings/focus-areas.csv", "/agreements/export.csv"]
)
def test_a_database_that_fails_before_the_first_row_gives_a_server_error_not_a_file(url):
    many_meetings()

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database system is shutting down")

    with connection.execute_wrapper(refuse):
        response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 500
    assert not response.streaming
    assert "attachment" not in response.get("Content-Disposition", "")
    assert b"export failed" not in response.content


def test_a_derived_corridor_without_an_explicit_one_is_listed_in_both_columns(client):
    meeting = make_meeting("JWG-ICC", 5, "2024-06-01")
    add_corridors(meeting, "innovation", how="derived")
    MeetingCorridor.objects.filter(meeting=meeting).update(via=None)

    (row,) = csv_dicts(client.get("/meetings/export.csv"))

    assert (row["corridors"], row["corridors_derived"]) == ("innovation", "innovation")


def test_staff_export_selected_meetings_as_csv_from_the_admin(staff_client, client):
    made = many_meetings()
    chosen = [made[0], made[2], made[6]]  # all have Luo Zhaohui among participants

    response = staff_client.post(
        "/admin/meetings/meeting/?q=Luo",
        {"action": "export_selected_meetings_as_csv", "_selected_action": [m.pk for m in chosen]},
    )

    header, rows = csv_rows(response)
    assert header == [column.name for column in MEETING_COLUMNS]
    by_id = {row[0]: row for row in rows}
    assert sorted(by_id) == sorted(str(m.pk) for m in chosen)
    # The same cells as the public export's rows for those meetings.
    public = {row[0]: row for row in csv_rows(client.get("/meetings/export.csv"))[1]}
    assert all(by_id[pk] == public[pk] for pk in by_id)
    assert response["Content-Disposition"].startswith(
        'attachment; filename="cpec-meetings-selected-'
    )


def test_the_export_action_is_offered_on_the_meeting_changelist(staff_client):
    second_jwg_icc()

    response = staff_client.get("/admin/meetings/meeting/")

    assert b"Export selected as CSV" in response.content
