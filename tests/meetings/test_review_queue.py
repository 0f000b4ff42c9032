"""The review queue: meetings a later source disagreed with, and resolving each conflict."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry

from meetings.ingest import ingest_text
from meetings.models import Body, Conflict, Evidence, Meeting, SourceDocument
from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db

# Written for these tests: the same session as a hand-entered one, placed in Karachi.
KARACHI_REPORT = """Sixth JWG-ICC meeting held in Karachi

KARACHI: The sixth meeting of the China-Pakistan Joint Working Group on International \
Cooperation and Coordination (JWG-ICC) took place in Karachi on 12 September 2024.

It was co-chaired by Sun Weidong, Executive Vice Foreign Minister of China, and Imran Ahmed, \
Additional Foreign Secretary of Pakistan.
"""


def review_url(meeting):
    return f"/admin/meetings/meeting/{meeting.pk}/review/"


def conflict(meeting, field, current, proposed, sentence="The article's sentence."):
    document = SourceDocument.objects.create(
        title=f"Report on {field}", text=sentence, sha256=f"{field:0<64}"[:64]
    )
    evidence = Evidence.objects.create(
        document=document, meeting=meeting, fact="meeting", start=0, end=len(sentence),
        sentence=sentence,
    )  # fmt: skip
    meeting.review_status = "needs_review"
    meeting.save()
    return Conflict.objects.create(
        meeting=meeting,
        field=field,
        current_value=current,
        proposed_value=proposed,
        document=document,
        evidence=evidence,
    )


def lahore_meeting(**fields):
    return make_meeting(
        number=6, date="2024-09-12", city="Lahore", country="Pakistan", review_status="reviewed",
        **{"mode": "in_person", **fields},
    )  # fmt: skip


def test_a_manual_entry_survives_a_conflicting_article_until_an_editor_chooses(
    staff_client, django_user_model
):
    inlines = ["participants", "focus_area_links", "corridor_links", "agreements"]
    inlines += ["evidence_set", "conflicts"]
    by_hand = {
        "body": Body.objects.get(short_name="JWG-ICC").pk,
        "number": "6",
        "date": "2024-09-12",
        "date_precision": "day",
        "city": "Lahore",
        "country": "Pakistan",
        "mode": "in_person",
        "status": "held",
        "review_status": "reviewed",
        **{f"{prefix}-TOTAL_FORMS": "0" for prefix in inlines},
        **{f"{prefix}-INITIAL_FORMS": "0" for prefix in inlines},
    }
    assert staff_client.post("/admin/meetings/meeting/add/", by_hand).status_code == 302
    meeting = Meeting.objects.get()

    ingest_text(KARACHI_REPORT, title="Karachi report")

    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Lahore", "needs_review")
    open_conflict = Conflict.objects.get(meeting=meeting, field="city")
    assert (open_conflict.current_value, open_conflict.proposed_value) == ("Lahore", "Karachi")

    response = staff_client.post(
        review_url(meeting), {f"conflict-{open_conflict.pk}-choice": "proposed"}
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    open_conflict.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Karachi", "reviewed")
    assert open_conflict.chosen_value == "Karachi"
    assert open_conflict.resolved_by == django_user_model.objects.get(username="admin")
    assert open_conflict.resolved_at is not None
    history = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/history/")
    assert (
        "Resolved the conflict on city: chose “Karachi” (held “Lahore”, “Karachi” proposed by "
        "“Karachi report”)." in history.content.decode()
    )


def test_the_review_queue_lists_the_meetings_needing_review(staff_client):
    flagged = lahore_meeting()
    conflict(flagged, "city", "Lahore", "Karachi")
    conflict(flagged, "mode", "in_person", "virtual")
    make_meeting("JCC", number=13, date="2024-06-01", city="Beijing", review_status="reviewed")

    page = staff_client.get("/admin/meetings/meeting/").content.decode()
    assert (
        '<a href="?review_status__exact=needs_review" id="review-queue">Review queue (1)</a>'
        in page
    )
    assert f'<a href="{review_url(flagged)}">Review 2</a>' in page

    queue = staff_client.get("/admin/meetings/meeting/", {"review_status__exact": "needs_review"})
    assert [str(m) for m in queue.context["cl"].result_list] == ["6th JWG-ICC meeting"]


def test_the_review_page_shows_each_conflict_side_by_side_with_its_source(staff_client):
    meeting = lahore_meeting()
    conflict(meeting, "city", "Lahore", "Karachi", "The talks took place in Karachi.")

    response = staff_client.get(review_url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>Lahore</strong>" in page
    assert "entered by hand or from an earlier source" in page
    assert "<strong>Karachi</strong>" in page
    assert "“Report on city”" in page
    assert "“The talks took place in Karachi.”" in page
    assert "Keep current" in page and "Take proposed" in page
    change_page = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert (
        f'<a href="{review_url(meeting)}">Review 1 open conflict</a>'
        in change_page.content.decode()
    )


def conflict_cells(page, conflict):
    """The review page's row for `conflict`: its cells' text, tags stripped, spaces collapsed."""
    row = re.search(rf'<tr id="conflict-{conflict.pk}">(.*?)</tr>', page, flags=re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells[:3]]


def test_the_review_page_shows_where_each_value_came_from(staff_client):
    meeting = lahore_meeting()
    earlier = SourceDocument.objects.create(title="Lahore wire", text="x", sha256="a" * 64)
    meeting.venue_evidence = Evidence.objects.create(
        document=earlier, meeting=meeting, fact="venue", start=0, end=1,
        sentence="The talks were held in Lahore.",
    )  # fmt: skip
    meeting.save()
    city = conflict(meeting, "city", "Lahore", "Karachi", "The talks took place in Karachi.")
    Conflict.objects.filter(pk=city.pk).update(
        created_at=datetime.datetime(2024, 9, 20, tzinfo=datetime.UTC)
    )
    number = Conflict.objects.create(
        meeting=meeting, field="number", current_value="6", proposed_value="7"
    )
    Conflict.objects.filter(pk=number.pk).update(
        created_at=datetime.datetime(2024, 9, 21, tzinfo=datetime.UTC)
    )

    page = staff_client.get(review_url(meeting)).content.decode()

    assert conflict_cells(page, city) == [
        "city",
        "Lahore from “Lahore wire” “The talks were held in Lahore.”",
        "Karachi from “Report on city” , 20 Sep 2024 “The talks took place in Karachi.”",
    ]
    assert conflict_cells(page, number) == [
        "number",
        "6 entered by hand or from an earlier source",
        "7 source unknown, 21 Sep 2024",
    ]
    link = f'from <a href="/admin/meetings/sourcedocument/{city.document.pk}/change/">'
    assert link in page


def test_keeping_the_current_value_closes_the_conflict(staff_client):
    meeting = lahore_meeting()
    city = conflict(meeting, "city", "Lahore", "Karachi")

    staff_client.post(review_url(meeting), {f"conflict-{city.pk}-choice": "current"})

    meeting.refresh_from_db()
    city.refresh_from_db()
    assert (meeting.city, meeting.review_status, city.chosen_value) == (
        "Lahore",
        "reviewed",
        "Lahore",
    )


def test_the_meeting_stays_in_review_while_any_conflict_is_open(staff_client):
    meeting = lahore_meeting()
    city = conflict(meeting, "city", "Lahore", "Karachi")
    date = conflict(meeting, "date", "2024-09-12", "2024-09")

    response = staff_client.post(review_url(meeting), {f"conflict-{city.pk}-choice": "proposed"})

    assert response["Location"] == review_url(meeting)
    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Karachi", "needs_review")
    page = staff_client.get(review_url(meeting)).content.decode()
    assert f'id="conflict-{date.pk}"' in page
    assert f'id="conflict-{city.pk}"' not in page

    staff_client.post(review_url(meeting), {f"conflict-{date.pk}-choice": "proposed"})

    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 9, 1), "month")
    assert meeting.review_status == "reviewed"


def test_a_typed_value_is_applied_and_an_unusable_one_changes_nothing(staff_client):
    meeting = lahore_meeting()
    city = conflict(meeting, "city", "Lahore", "Karachi")
    date = conflict(meeting, "date", "2024-09-12", "2024-09-13")

    response = staff_client.post(
        review_url(meeting),
        {f"conflict-{city.pk}-choice": "proposed", f"conflict-{date.pk}-other_value": "12/09/2024"},
    )

    assert response.status_code == 200
    assert (
        "“12/09/2024” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY."
        in response.content.decode()
    )
    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Lahore", "needs_review")
    assert Conflict.objects.filter(resolved_at=None).count() == 2

    staff_client.post(
        review_url(meeting),
        {f"conflict-{city.pk}-choice": "current", f"conflict-{date.pk}-other_value": "2024-09-11"},
    )
    meeting.refresh_from_db()
    assert (meeting.city, meeting.date, meeting.review_status) == (
        "Lahore",
        datetime.date(2024, 9, 11),
        "reviewed",
    )


def test_a_co_chairs_title_at_the_meeting_is_corrected(staff_client):
    meeting = lahore_meeting()
    add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")
    title = conflict(
        meeting, "title of Sun Weidong", "Vice Foreign Minister", "Executive Vice Foreign Minister"
    )

    staff_client.post(review_url(meeting), {f"conflict-{title.pk}-choice": "proposed"})

    assert meeting.participants.get().title == "Executive Vice Foreign Minister"
    meeting.refresh_from_db()
    assert meeting.review_status == "reviewed"


def test_a_rival_co_chair_takes_the_chair_and_the_other_stays_a_member(staff_client):
    meeting = lahore_meeting()
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    rival = conflict(meeting, "co-chair (China)", "Luo Zhaohui", "Sun Weidong")

    staff_client.post(review_url(meeting), {f"conflict-{rival.pk}-choice": "proposed"})

    roles = {p.person.name: p.role for p in meeting.participants.select_related("person")}
    assert roles == {"Luo Zhaohui": "member", "Sun Weidong": "co_chair"}
    assert meeting.delegations.get().leader.name == "Sun Weidong"


def test_the_mode_and_number_can_be_taken_from_the_later_source(staff_client):
    meeting = lahore_meeting()
    make_meeting(number=7, date="2024-12-01")
    mode = conflict(meeting, "mode", "in_person", "virtual")
    number = conflict(meeting, "number", "6", "7")

    response = staff_client.post(
        review_url(meeting),
        {f"conflict-{mode.pk}-choice": "proposed", f"conflict-{number.pk}-choice": "proposed"},
    )
    assert "Another JWG-ICC meeting already has number 7." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).mode == "in_person"  # all or nothing

    staff_client.post(
        review_url(meeting),
        {f"conflict-{mode.pk}-choice": "proposed", f"conflict-{number.pk}-choice": "current"},
    )
    meeting.refresh_from_db()
    assert (meeting.mode, meeting.number, meeting.review_status) == ("virtual", 6, "reviewed")


def test_a_field_the_page_cannot_apply_is_resolved_on_the_record(staff_client):
    meeting = lahore_meeting()
    odd = conflict(meeting, "host ministry", "Planning", "Foreign Affairs")
    page = staff_client.get(review_url(meeting)).content.decode()
    assert "Resolving records the choice; edit the meeting to change it." in page

    staff_client.post(review_url(meeting), {f"conflict-{odd.pk}-choice": "proposed"})

    odd.refresh_from_db()
    meeting.refresh_from_db()
    assert (odd.chosen_value, meeting.review_status) == ("Foreign Affairs", "reviewed")


def test_saving_without_a_choice_asks_for_one(staff_client):
    meeting = lahore_meeting()
    conflict(meeting, "city", "Lahore", "Karachi")
    response = staff_client.post(review_url(meeting), {"_resolve": "Apply"})
    assert (
        '<p class="errornote">Pick a value for at least one conflict.</p>'
        in response.content.decode()
    )


def test_an_extracted_meeting_without_conflicts_is_confirmed_by_marking_it_reviewed(staff_client):
    meeting = make_meeting(number=2, date="2020-12-25", city="Urumqi")  # status: extracted
    page = staff_client.get(review_url(meeting)).content.decode()
    assert "nobody has confirmed them yet" in page

    response = staff_client.post(review_url(meeting), {"_mark_reviewed": "Mark as reviewed"})

    assert response["Location"] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    meeting.refresh_from_db()
    assert meeting.review_status == "reviewed"
    assert (
        LogEntry.objects.get().get_change_message() == "Marked reviewed: its facts are confirmed."
    )
    followed = staff_client.get(response["Location"]).content.decode()
    assert '<li class="success">2nd JWG-ICC meeting is marked reviewed.</li>' in followed


def test_marking_reviewed_is_refused_while_a_conflict_is_open(staff_client):
    meeting = lahore_meeting()
    conflict(meeting, "city", "Lahore", "Karachi")
    response = staff_client.post(review_url(meeting), {"_mark_reviewed": "Mark as reviewed"})
    assert "Resolve the open conflicts first." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.review_status == "needs_review"


def test_an_unknown_meeting_is_not_found(staff_client):
    assert staff_client.get("/admin/meetings/meeting/999/review/").status_code == 404


def test_the_conflicts_list_sends_editors_to_the_review_page(staff_client):
    meeting = lahore_meeting()
    city = conflict(meeting, "city", "Lahore", "Karachi")
    page = staff_client.get("/admin/meetings/conflict/").content.decode()
    assert f'<a href="{review_url(meeting)}">Resolve on the review page</a>' in page
    assert staff_client.get("/admin/meetings/conflict/add/").status_code == 403
    # The conflict's own page is a read-only record.
    page = staff_client.get(f"/admin/meetings/conflict/{city.pk}/change/").content.decode()
    assert 'name="proposed_value"' not in page


def test_resolving_says_what_was_chosen_and_where_the_meeting_stands(staff_client):
    meeting = lahore_meeting()
    city = conflict(meeting, "city", "Lahore", "Karachi")
    number = Conflict.objects.create(
        meeting=meeting, field="number", current_value="6", proposed_value="7"
    )
    page = staff_client.get(review_url(meeting)).content.decode()
    assert "<title>Review 6th JWG-ICC meeting | Django site admin</title>" in page

    response = staff_client.post(
        review_url(meeting),
        {f"conflict-{city.pk}-choice": "proposed", f"conflict-{number.pk}-choice": "proposed"},
    )

    assert response["Location"] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    followed = staff_client.get(response["Location"]).content.decode()
    assert (
        '<li class="success">Resolved 2 conflicts on 7th JWG-ICC meeting; it is now reviewed.</li>'
        in followed
    )
    assert LogEntry.objects.get().get_change_message() == (
        "Resolved the conflict on city: chose “Karachi” (held “Lahore”, “Karachi” proposed by "
        "“Report on city”). Resolved the conflict on number: chose “7” (held “6”, “7” proposed "
        "by “an unknown source”)."
    )


def test_a_reviewed_meeting_without_conflicts_offers_nothing_to_do(staff_client):
    meeting = lahore_meeting()

    page = staff_client.get(review_url(meeting)).content.decode()

    assert '<strong id="review-status">Reviewed</strong>' in page
    assert "<p>No open conflicts on this meeting.</p>" in page
    assert "_mark_reviewed" not in page
