"""Stored export rows: what they hold, that every way of changing a meeting keeps them
right, and that an export is right whether a meeting has one or not."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from agreements.models import Agreement, FocusArea, MeetingFocusArea
from meetings import exports
from meetings.ingest import ingest_text
from meetings.models import (
    Conflict,
    Delegation,
    ExportRow,
    Meeting,
    Participant,
    Person,
    SourceDocument,
)
from meetings.review import resolve
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting
from tests.meetings.export_helpers import csv_dicts, json_rows, streamed_text
from tests.meetings.test_admin_entry import errors_of, management, session_form

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def full_meeting(number=2, **fields):
    meeting = make_meeting("JWG-ICC", number, "2020-12-25", city="Urumqi", **fields)
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    add_participant(meeting, "Wu Jianghao", "China", title="")
    add_participant(meeting, "Sohail Mahmood", "Pakistan", title="Foreign Secretary")
    add_participant(meeting, "Nong Rong", "China", role="member", title="Ambassador")
    add_focus_areas(meeting, "industry", "energy")
    add_corridors(meeting, "growth")
    add_corridors(meeting, "green", how="derived")
    Agreement.objects.create(meeting=meeting, statement="Agreed to expand industrial parks.")
    meeting.sources.add(
        SourceDocument.objects.create(
            title="Second JWG-ICC held",
            url="https://example.org/2",
            text="...",
            sha256=f"a{number}",
        ),
        SourceDocument.objects.create(title="APP report", text="...", sha256=f"b{number}"),
    )
    return meeting


def exported(client, query=""):
    return (
        streamed_text(client.get(f"/meetings/export.csv{query}")),
        streamed_text(client.get(f"/meetings/export.json{query}")),
    )


def worked_out(client):
    """The exports as they are with no stored rows at all."""
    with transaction.atomic():
        ExportRow.objects.all().delete()
        texts = exported(client)
        transaction.set_rollback(True)
    return texts


def assert_stored_and_current(client, meetings=None):
    """Every meeting has a stored row, and the exports read from them are what working
    everything out afresh gives."""
    meetings = Meeting.objects.all() if meetings is None else meetings
    assert set(ExportRow.objects.values_list("meeting_id", flat=True)) == {m.pk for m in meetings}
    assert exported(client) == worked_out(client)


def test_a_stored_row_holds_the_cells_the_csv_writes(client):
    meeting = full_meeting()
    exports.build_export_rows([meeting.pk])

    stored = ExportRow.objects.get(meeting=meeting)

    assert stored.co_chair_china == "Luo Zhaohui; Wu Jianghao"
    assert stored.co_chair_china_title == "Vice Foreign Minister; "
    assert (stored.co_chair_pakistan, stored.co_chair_pakistan_title) == (
        "Sohail Mahmood",
        "Foreign Secretary",
    )
    assert stored.agreements_count == 1
    assert stored.sources == "Second JWG-ICC held <https://example.org/2>; APP report"
    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert row["co_chair_china_title"] == "Vice Foreign Minister; "
    assert (row["focus_areas"], row["corridors"], row["corridors_derived"]) == (
        "energy; industry",
        "green; growth",
        "green",
    )
    (obj,) = json_rows(client.get("/meetings/export.json"))
    assert obj["co_chair_china_title"] == ["Vice Foreign Minister", ""]
    assert obj["co_chair_pakistan"] == ["Sohail Mahmood"]
    assert obj["sources"] == ["Second JWG-ICC held <https://example.org/2>", "APP report"]


def test_the_export_reads_the_stored_row_rather_than_working_it_out(client):
    meeting = full_meeting()
    exports.build_export_rows([meeting.pk])
    ExportRow.objects.filter(meeting=meeting).update(co_chair_pakistan="Read From The Row")

    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    (obj,) = json_rows(client.get("/meetings/export.json"))

    assert row["co_chair_pakistan"] == "Read From The Row"
    assert obj["co_chair_pakistan"] == ["Read From The Row"]


def test_meetings_with_and_without_stored_rows_export_alike_in_one_file(client):
    meetings = [full_meeting(n) for n in range(2, 8)]
    for meeting in meetings[1:]:
        add_participant(meeting, f"Extra {meeting.number}", "Pakistan", title="Adviser")
    expected = exported(client)
    exports.build_export_rows([m.pk for m in meetings[::2]])

    assert ExportRow.objects.count() == 3
    assert exported(client) == expected


def test_a_list_whose_items_hold_the_separator_is_never_stored_and_exports_exactly(client):
    meeting = full_meeting()
    add_participant(meeting, "Chen; Li", "Pakistan", title="Adviser")
    simple = make_meeting("BPC", 4, "2021-03-04")
    add_participant(simple, "Zhang Ming", "China")

    assert exports.build_export_rows([meeting.pk, simple.pk]) == 1

    assert list(ExportRow.objects.values_list("meeting_id", flat=True)) == [simple.pk]
    objects = {obj["meeting_id"]: obj for obj in json_rows(client.get("/meetings/export.json"))}
    assert objects[meeting.pk]["co_chair_pakistan"] == ["Sohail Mahmood", "Chen; Li"]
    assert objects[meeting.pk]["co_chair_pakistan_title"] == ["Foreign Secretary", "Adviser"]


def test_an_export_of_stored_rows_makes_the_same_few_queries_for_few_or_many(
    client, django_assert_max_num_queries
):
    for n in range(2, 5):
        full_meeting(n)
    exports.build_export_rows(Meeting.objects.values_list("pk", flat=True))
    # Session and filter lookups, the two reference tables and the meetings with their
    # stored rows: nothing per meeting, and no related tables.
    with django_assert_max_num_queries(6):
        assert len(csv_dicts(client.get("/meetings/export.csv"))) == 3
    for n in range(5, 40):
        full_meeting(n)
    exports.build_export_rows(Meeting.objects.values_list("pk", flat=True))
    with django_assert_max_num_queries(6):
        assert len(csv_dicts(client.get("/meetings/export.csv"))) == 38


def test_worked_out_rows_are_read_per_chunk_not_per_meeting(client, django_assert_max_num_queries):
    for n in range(2, 15):
        full_meeting(n)

    # Reference tables, the meetings, then one query per related kind; the session,
    # the filter's lookups and such stay well under the limit.
    with django_assert_max_num_queries(12):
        rows = csv_dicts(client.get("/meetings/export.csv"))

    assert len(rows) == Meeting.objects.count() == 13
    assert not ExportRow.objects.exists()


# Every way of changing what a row holds -------------------------------------------------
# The rebuild runs once the change commits; these tests run inside a transaction that never
# commits, so they run the callbacks the commit would run.


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def stored_meeting(committed):
    with committed():
        meeting = full_meeting()
        other = full_meeting(3)
    assert ExportRow.objects.count() == 2
    return meeting, other


def test_entering_a_meeting_stores_its_row(client, committed):
    with committed():
        meeting = full_meeting()

    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=meeting).co_chair_pakistan == "Sohail Mahmood"


def test_editing_a_co_chair_in_the_admin_form_rebuilds_the_row(
    client, staff_client, stored_meeting, committed
):
    meeting, _ = stored_meeting
    luo = meeting.participants.get(person__name="Luo Zhaohui")
    data = session_form(number="2", date="2020-12-25", city="Urumqi")
    data |= management("participants", 1, initial=1) | {
        "participants-0-id": luo.pk,
        "participants-0-meeting": meeting.pk,
        "participants-0-country": "China",
        "participants-0-person": luo.person_id,
        "participants-0-role": "co_chair",
        "participants-0-title": "Special Envoy",
    }
    with committed():
        response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, errors_of(response)

    assert_stored_and_current(client)
    row = {r["meeting_id"]: r for r in csv_dicts(client.get("/meetings/export.csv"))}
    assert row[str(meeting.pk)]["co_chair_china_title"] == "Special Envoy; "


def test_adding_and_deleting_links_and_agreements_rebuilds_the_row(
    client, stored_meeting, committed
):
    meeting, _ = stored_meeting
    with committed():
        MeetingFocusArea.objects.create(
            meeting=meeting, focus_area=FocusArea.objects.get(slug="health")
        )
    with committed():
        meeting.agreements.all().delete()
    with committed():
        meeting.corridor_links.filter(corridor__slug="green").delete()

    assert_stored_and_current(client)
    stored = ExportRow.objects.get(meeting=meeting)
    assert stored.agreements_count == 0
    assert "-" not in stored.corridor_ids  # the derived corridor is gone


def test_a_delegation_changing_country_rebuilds_the_row(client, stored_meeting, committed):
    meeting, _ = stored_meeting
    with committed():
        Delegation.objects.filter(meeting=meeting, country="Pakistan").update(country="X")
        # update() sends nothing; a save does.
        Delegation.objects.get(meeting=meeting, country="X").save()

    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=meeting).co_chair_pakistan == ""


def test_renaming_and_merging_people_rebuilds_their_meetings_rows(
    client, stored_meeting, committed
):
    meeting, other = stored_meeting
    luo = Person.objects.get(name="Luo Zhaohui")
    with committed():
        luo.name = "Luo Zhao-hui"
        luo.save()
    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=other).co_chair_china.startswith("Luo Zhao-hui; ")

    newcomer = make_meeting("BPC", 5, "2022-01-01")
    with committed():
        add_participant(newcomer, "Sohail Mahmud", "Pakistan")
        Person.objects.filter(name__startswith="Sohail").merge_into(
            Person.objects.get(name="Sohail Mahmood")
        )
    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=newcomer).co_chair_pakistan == "Sohail Mahmood"


def test_changing_deleting_and_relinking_sources_rebuilds_the_rows(
    client, stored_meeting, committed
):
    meeting, other = stored_meeting
    report = SourceDocument.objects.get(sha256="a2")  # of the first meeting only
    with committed():
        report.url = "https://example.org/moved"
        report.save()
    assert_stored_and_current(client)

    with committed():
        report.meetings.add(other)  # from the document's side
    assert "https://example.org/moved" in ExportRow.objects.get(meeting=other).sources
    with committed():
        report.meetings.clear()
    assert_stored_and_current(client)
    with committed():
        meeting.sources.clear()  # from the meeting's side
    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=meeting).sources == ""

    with committed():
        SourceDocument.objects.filter(sha256="b3").delete()
    assert_stored_and_current(client)
    assert (
        ExportRow.objects.get(meeting=other).sources
        == "Second JWG-ICC held <https://example.org/2>"
    )


def test_renaming_a_focus_area_changes_no_rows_and_the_export_follows(
    client, stored_meeting, committed
):
    energy = FocusArea.objects.get(slug="energy")
    with committed():
        energy.slug = "power"
        energy.save()

    assert_stored_and_current(client)
    assert all(
        "power" in row["focus_areas"] for row in csv_dicts(client.get("/meetings/export.csv"))
    )


def test_resolving_a_co_chair_conflict_rebuilds_the_row(
    client, stored_meeting, committed, admin_user
):
    meeting, _ = stored_meeting
    conflict = Conflict.objects.create(
        meeting=meeting,
        field="co-chair (Pakistan)",
        current_value="Sohail Mahmood",
        proposed_value="Moin ul Haque",
    )
    with committed():
        resolve(conflict, "Moin ul Haque", admin_user)

    assert_stored_and_current(client)
    assert ExportRow.objects.get(meeting=meeting).co_chair_pakistan == "Moin ul Haque"


def test_ingesting_articles_stores_the_rows_of_the_meetings_they_report(client, committed):
    for path in sorted(ARTICLES.glob("*.txt")):
        with committed():
            ingest_text(path.read_text(encoding="utf-8"), file_name=path.name)

    assert Meeting.objects.count() >= 3
    assert_stored_and_current(client)


def test_deleting_a_meeting_deletes_its_row_and_schedules_nothing_that_fails(
    client, stored_meeting, committed
):
    meeting, other = stored_meeting
    with committed() as callbacks:
        meeting.delete()

    assert callbacks  # the rebuilds its rows' deletions asked for ran, and found nothing
    assert_stored_and_current(client, [other])


def test_a_failed_rebuild_loses_nothing_and_the_export_stays_right(
    client, stored_meeting, committed, monkeypatch
):
    meeting, _ = stored_meeting

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(exports, "build_export_rows", broken)
    with committed():
        add_participant(meeting, "Ahsan Iqbal", "Pakistan", title="Minister")
    monkeypatch.undo()

    assert Participant.objects.filter(person__name="Ahsan Iqbal").exists()
    assert not ExportRow.objects.filter(meeting=meeting).exists()
    objects = {obj["meeting_id"]: obj for obj in json_rows(client.get("/meetings/export.json"))}
    assert objects[meeting.pk]["co_chair_pakistan"] == ["Sohail Mahmood", "Ahsan Iqbal"]


def test_the_refresh_command_stores_rows_for_data_loaded_in_bulk(client, capsys):
    meetings = [full_meeting(n) for n in range(2, 6)]
    ExportRow.objects.all().delete()
    Participant.objects.filter(person__name="Luo Zhaohui").update(title="Bulk-edited")

    call_command("refresh_export_rows")

    out = capsys.readouterr().out
    assert "4 of 4 meetings" in out
    assert "Stored 4 export rows." in out
    assert_stored_and_current(client, meetings)
    assert ExportRow.objects.filter(co_chair_china_title__startswith="Bulk-edited").count() == 4


def test_the_refresh_command_says_which_meetings_get_no_row(capsys):
    meeting = full_meeting()
    add_participant(meeting, "Chen; Li", "Pakistan")

    call_command("refresh_export_rows")

    assert "1 meeting(s) have none" in capsys.readouterr().out


def test_a_transaction_that_writes_many_rows_of_a_meeting_rebuilds_it_once(
    client, committed, monkeypatch
):
    rebuilt = []
    real_build = exports.build_export_rows

    def counting_build(ids, using="default"):
        rebuilt.append(list(ids))
        return real_build(ids, using)

    monkeypatch.setattr(exports, "build_export_rows", counting_build)
    with committed() as callbacks, transaction.atomic():
        meeting = full_meeting()  # a dozen participant, link, agreement and source writes

    assert len(callbacks) > 10
    # One rebuild (holding any meetings left waiting by earlier tests' rolled-back writes).
    assert len(rebuilt) == 1
    assert meeting.pk in rebuilt[0]
    assert_stored_and_current(client)
