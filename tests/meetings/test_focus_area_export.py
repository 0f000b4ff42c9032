import pytest

from agreements.models import FocusArea, MeetingFocusArea
from meetings.exports import FOCUS_AREA_COLUMNS
from meetings.models import Evidence, SourceDocument
from tests.conftest import add_corridors, add_focus_areas, make_meeting
from tests.meetings.export_helpers import csv_dicts, csv_rows, list_page_ids

pytestmark = pytest.mark.django_db

SENTENCE = "Both sides agreed to focus on industry, agriculture and = energy."


def link_from_article(meeting, slug, document):
    start = SENTENCE.index(slug.split("-")[0])
    evidence = Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact="focus_area",
        label=slug,
        start=start,
        end=start + len(slug),
        sentence=SENTENCE,
    )
    MeetingFocusArea.objects.create(
        meeting=meeting, focus_area=FocusArea.objects.get(slug=slug), evidence=evidence
    )


def test_one_row_per_meeting_and_focus_area_with_how_it_was_linked(client):
    online = SourceDocument.objects.create(
        title="Second JWG-ICC", url="https://example.org/2", text=SENTENCE, sha256="1"
    )
    offline = SourceDocument.objects.create(title="Press release", text=SENTENCE, sha256="2")
    second = make_meeting("JWG-ICC", 2, "2020-12-25")
    link_from_article(second, "industry", online)
    link_from_article(second, "agriculture", offline)
    add_focus_areas(second, "health")
    third = make_meeting("JWG-ICC", 3, "2021-11-01", precision="month")
    add_focus_areas(third, "energy")
    make_meeting("JCC", 10, "2021-09-23")  # no focus areas: no rows

    header, rows = csv_rows(client.get("/meetings/focus-areas.csv", {"sort": "date"}))

    assert header == [column.name for column in FOCUS_AREA_COLUMNS]
    assert [dict(zip(header, row, strict=True)) for row in rows] == [
        {
            "meeting_id": str(second.pk),
            "body": "JWG-ICC",
            "number": "2",
            "date": "2020-12-25",
            "focus_area": "agriculture",
            "focus_area_name": "Agriculture",
            "how": "extracted",
            "evidence": SENTENCE,
            "source_url": f"http://testserver/sources/{offline.pk}/",
        },
        {
            "meeting_id": str(second.pk),
            "body": "JWG-ICC",
            "number": "2",
            "date": "2020-12-25",
            "focus_area": "health",
            "focus_area_name": "Health",
            "how": "entered by hand",
            "evidence": "",
            "source_url": "",
        },
        {
            "meeting_id": str(second.pk),
            "body": "JWG-ICC",
            "number": "2",
            "date": "2020-12-25",
            "focus_area": "industry",
            "focus_area_name": "Industry",
            "how": "extracted",
            "evidence": SENTENCE,
            "source_url": "https://example.org/2",
        },
        {
            "meeting_id": str(third.pk),
            "body": "JWG-ICC",
            "number": "3",
            "date": "2021-11",
            "focus_area": "energy",
            "focus_area_name": "Energy",
            "how": "entered by hand",
            "evidence": "",
            "source_url": "",
        },
    ]


def test_an_evidence_sentence_that_looks_like_a_formula_is_neutralised(client):
    document = SourceDocument.objects.create(title="Wire", text="...", sha256="3")
    meeting = make_meeting("BPC", 1, "2019-01-01")
    evidence = Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact="focus_area",
        start=0,
        end=3,
        sentence="=cmd|' /C calc'!A0 and energy cooperation",
    )
    MeetingFocusArea.objects.create(
        meeting=meeting, focus_area=FocusArea.objects.get(slug="energy"), evidence=evidence
    )

    (row,) = csv_dicts(client.get("/meetings/focus-areas.csv"))

    assert row["evidence"] == "'=cmd|' /C calc'!A0 and energy cooperation"


@pytest.mark.parametrize(
    "query",
    [{}, {"corridor": "green"}, {"focus_area": "industry", "sort": "date"}, {"date_to": "2021"}],
    ids=str,
)
def test_it_takes_the_list_filters_and_keeps_the_list_order(client, query):
    for n, (date, areas) in enumerate(
        [
            ("2019-04-01", ["industry", "energy"]),
            ("2020-12-25", ["energy"]),
            ("2021-06-01", ["industry", "health", "water"]),
            ("2022-02-02", ["tourism"]),
        ],
        start=1,
    ):
        meeting = make_meeting("JWG-ICC", n, date)
        add_focus_areas(meeting, *areas)
        if "energy" in areas:
            add_corridors(meeting, "green", how="derived")
    shown = list_page_ids(client, "/meetings/", query)

    rows = csv_dicts(client.get("/meetings/focus-areas.csv", query))

    meeting_order = list(dict.fromkeys(int(row["meeting_id"]) for row in rows))
    assert meeting_order == shown
    for meeting_id in shown:
        areas = [row["focus_area"] for row in rows if int(row["meeting_id"]) == meeting_id]
        assert areas == sorted(areas) and areas
