"""The review page per kind of conflict: which fields take a typed value, which change the
meeting, the sentence behind the value held, and each value that cannot be applied."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry

from meetings.models import Conflict, Evidence, Meeting, Participant, Person, SourceDocument
from tests.conftest import add_participant, make_meeting
from tests.meetings.test_review_queue import conflict, lahore_meeting, review_url

pytestmark = pytest.mark.django_db


def row_of(page, conflict):
    return re.search(rf'<tr id="conflict-{conflict.pk}">(.*?)</tr>', page, flags=re.S).group(1)


def resolve(client, meeting, conflict, choice="proposed", other=None):
    data = {f"conflict-{conflict.pk}-choice": choice}
    if other is not None:
        data[f"conflict-{conflict.pk}-other_value"] = other
    return client.post(review_url(meeting), data)


def errors_of(response, conflict):
    row = row_of(response.content.decode(), conflict)
    return re.findall(r'<ul class="errorlist nonfield"><li>(.*?)</li></ul>', row)


def test_only_plain_fields_and_titles_take_a_typed_value(staff_client):
    meeting = lahore_meeting()
    add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")
    fields = [
        "date", "city", "country", "number", "title of Sun Weidong",
        "mode", "date_precision", "co-chair (China)", "host ministry",
    ]  # fmt: skip
    conflicts = {field: conflict(meeting, field, "a", "b") for field in fields}

    page = staff_client.get(review_url(meeting)).content.decode()

    typed = {f for f, c in conflicts.items() if "other_value" in row_of(page, c)}
    assert typed == {"date", "city", "country", "number", "title of Sun Weidong"}
    note = "Resolving records the choice; edit the meeting to change it."
    records_only = {f for f, c in conflicts.items() if note in row_of(page, c)}
    assert records_only == {"host ministry"}


def evidence(meeting, fact, sentence):
    document, _ = SourceDocument.objects.get_or_create(
        sha256="e" * 64, defaults={"title": "Earlier wire", "text": sentence}
    )
    return Evidence.objects.create(
        document=document, meeting=meeting, fact=fact, start=0, end=1, sentence=sentence
    )


def test_each_value_held_shows_the_sentence_behind_it(staff_client):
    meeting = lahore_meeting()
    meeting.date_evidence = evidence(meeting, "date", "They met on 12 September 2024.")
    meeting.venue_evidence = evidence(meeting, "venue", "They met in Lahore, Pakistan.")
    meeting.save()
    sun = add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")
    sun.evidence = evidence(meeting, "person", "Vice Foreign Minister Sun Weidong led them.")
    sun.save()
    held = {
        "date": "They met on 12 September 2024.",
        "date_precision": "They met on 12 September 2024.",
        "city": "They met in Lahore, Pakistan.",
        "country": "They met in Lahore, Pakistan.",
        "mode": "They met in Lahore, Pakistan.",
        "title of Sun Weidong": "Vice Foreign Minister Sun Weidong led them.",
        "number": None,
    }
    conflicts = {field: conflict(meeting, field, "a", "b") for field in held}

    page = staff_client.get(review_url(meeting)).content.decode()

    for field, sentence in held.items():
        row = row_of(page, conflicts[field])
        shown = re.findall(r"<td>\s*<strong>[^<]*</strong>.*?(?=</td>)", row, flags=re.S)[0]
        if sentence:
            assert f'<div class="sentence">“{sentence}”</div>' in shown, field
            assert "from “Earlier wire”" in shown, field
        else:
            assert '<div class="sentence">' not in shown, field


def test_the_date_precision_country_and_number_are_applied(staff_client):
    meeting = lahore_meeting()
    make_meeting("JCC", number=7, date="2024-01-01")  # another body's 7th takes nothing
    precision = conflict(meeting, "date_precision", "day", "month")
    country = conflict(meeting, "country", "Pakistan", " China ")
    number = conflict(meeting, "number", "6", "7")

    resolve(staff_client, meeting, precision)
    resolve(staff_client, meeting, country)
    resolve(staff_client, meeting, number)

    meeting.refresh_from_db()
    assert (meeting.date_precision, meeting.country, meeting.number) == ("month", "China", 7)
    precision_back = Conflict.objects.create(
        meeting=meeting, field="date_precision", current_value="month", proposed_value="day"
    )
    resolve(staff_client, meeting, precision_back)
    meeting.refresh_from_db()
    assert meeting.date_precision == "day"


def test_a_blank_number_clears_it_and_a_number_below_one_is_refused(staff_client):
    meeting = lahore_meeting()
    zero = conflict(meeting, "number", "6", "0")
    response = resolve(staff_client, meeting, zero)
    assert errors_of(response, zero) == ["A meeting number is 1 or more."]

    blank = Conflict.objects.create(
        meeting=meeting, field="number", current_value="6", proposed_value=""
    )
    resolve(staff_client, meeting, blank)
    meeting.refresh_from_db()
    assert meeting.number is None


@pytest.mark.parametrize(
    "field, proposed, error",
    [
        ("mode", "teleport", "“teleport” is not a mode: in person, virtual or hybrid."),
        ("title of Wang Yi", "Minister", "Wang Yi no longer takes part in this meeting."),
        ("co-chair (China)", "  ", "Name the co-chair."),
        ("date_precision", "week", "“week” cannot be this meeting&#x27;s date precision."),
    ],
)
def test_a_value_that_cannot_be_applied_is_shown_on_its_row(staff_client, field, proposed, error):
    meeting = lahore_meeting()
    bad = conflict(meeting, field, "x", proposed)

    response = resolve(staff_client, meeting, bad)

    assert errors_of(response, bad) == [error]
    meeting.refresh_from_db()
    assert meeting.review_status == "needs_review"


def test_marking_reviewed_with_open_conflicts_says_why_not(staff_client):
    meeting = lahore_meeting()
    conflict(meeting, "city", "Lahore", "Karachi")
    response = staff_client.post(review_url(meeting), {"_mark_reviewed": "Mark as reviewed"})
    assert '<p class="errornote">Resolve the open conflicts first.</p>' in (
        response.content.decode()
    )


def test_a_co_chair_for_a_side_with_no_delegation_yet_is_added_with_that_country(staff_client):
    meeting = lahore_meeting()
    chair = conflict(meeting, "co-chair (Pakistan)", "", "Imran Ahmed")

    resolve(staff_client, meeting, chair)

    delegation = meeting.delegations.get()
    assert (delegation.country, delegation.leader.name) == ("Pakistan", "Imran Ahmed")
    assert Person.objects.get(name="Imran Ahmed").country == "Pakistan"


def test_a_member_named_co_chair_is_promoted_not_listed_twice(staff_client):
    meeting = lahore_meeting()
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    add_participant(meeting, "Sun Weidong", "China", role="member", title="Ambassador")
    chair = conflict(meeting, "co-chair (China)", "Luo Zhaohui", "Sun Weidong")

    resolve(staff_client, meeting, chair)

    rows = Participant.objects.filter(delegation__meeting=meeting).order_by("person__name")
    assert [(p.person.name, p.role, p.title) for p in rows] == [
        ("Luo Zhaohui", "member", "Vice Foreign Minister"),
        ("Sun Weidong", "co_chair", "Ambassador"),
    ]
    assert Meeting.objects.get(pk=meeting.pk).review_status == "reviewed"
    assert datetime.date(2024, 9, 12) == Meeting.objects.get(pk=meeting.pk).date


def current_cell(page, conflict):
    return re.search(r"<td>\s*<strong>([^<]*)</strong>", row_of(page, conflict)).group(1)


def test_the_value_held_is_read_from_the_meeting_as_it_is_now(staff_client):
    meeting = lahore_meeting()
    undated = make_meeting("BPC", date=None, city="Beijing", review_status="reviewed")
    monthly = make_meeting("JCC", number=9, date="2019-11-05", precision="month")
    add_participant(meeting, "Sun Weidong", "China", title="Executive Vice Foreign Minister")
    add_participant(meeting, "Luo Zhaohui", "China", role="member", title="Ambassador")
    add_participant(monthly, "Sun Weidong", "China", title="Assistant Minister")
    rows = {
        (meeting, "date"): "2024-09-12",
        (undated, "date"): "(blank)",
        (monthly, "date"): "2019-11",
        (meeting, "number"): "6",
        (undated, "number"): "(blank)",
        (meeting, "title of Sun Weidong"): "Executive Vice Foreign Minister",
        (meeting, "title of Wang Yi"): "held when raised",
    }
    made = {
        key: Conflict.objects.create(
            meeting=key[0], field=key[1], current_value="held when raised", proposed_value="x"
        )
        for key in rows
    }

    for (owner, field), shown in rows.items():
        page = staff_client.get(review_url(owner)).content.decode()
        assert current_cell(page, made[owner, field]) == shown, (str(owner), field)


def test_a_title_is_corrected_on_the_person_it_names_at_this_meeting_only(staff_client):
    meeting = lahore_meeting()
    # Listed first among the meetings (newest first), so a lookup by name alone would find it.
    other = make_meeting("JCC", number=9, date="2024-12-01")
    add_participant(other, "Sun Weidong", "China", title="Assistant Minister")
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    add_participant(meeting, "Sun Weidong", "China", role="member", title="Minister")
    title = conflict(meeting, "title of Sun Weidong", "Minister", "Vice Minister")

    resolve(staff_client, meeting, title)

    titles = Participant.objects.order_by("delegation__meeting__number", "person__name")
    assert [(p.delegation.meeting.number, p.person.name, p.title) for p in titles] == [
        (6, "Luo Zhaohui", "Vice Foreign Minister"),
        (6, "Sun Weidong", "Vice Minister"),
        (9, "Sun Weidong", "Assistant Minister"),
    ]


def test_conflicts_are_listed_oldest_first(staff_client):
    meeting = lahore_meeting()
    newer = conflict(meeting, "city", "Lahore", "Karachi")
    older = conflict(meeting, "mode", "in_person", "virtual")
    Conflict.objects.filter(pk=older.pk).update(
        created_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )

    page = staff_client.get(review_url(meeting)).content.decode()

    assert page.index(f'id="conflict-{older.pk}"') < page.index(f'id="conflict-{newer.pk}"')


@pytest.mark.parametrize(
    "field, value, held",
    [("date_precision", "year", "year"), ("number", "1", 1)],
)
def test_the_smallest_and_widest_values_are_accepted(staff_client, field, value, held):
    meeting = lahore_meeting()
    choice = conflict(meeting, field, "x", value)
    resolve(staff_client, meeting, choice)
    meeting.refresh_from_db()
    assert getattr(meeting, field) == held


def test_a_number_that_is_not_one_is_refused_with_the_value(staff_client):
    meeting = lahore_meeting()
    number = conflict(meeting, "number", "6", "seventh")
    response = resolve(staff_client, meeting, number)
    assert errors_of(response, number) == ["“seventh” is not a meeting number."]


def test_the_history_says_a_meeting_had_no_number_before_one_was_chosen(staff_client):
    meeting = make_meeting(date="2024-09-12", city="Lahore", review_status="reviewed")
    number = conflict(meeting, "number", "", "6")

    resolve(staff_client, meeting, number)

    assert LogEntry.objects.get().get_change_message() == (
        "Resolved the conflict on number: chose “6” (held “”, “6” proposed by “Report on number”)."
    )
