"""Entering a session by hand in the admin's meeting form."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from agreements.models import Corridor, FocusArea
from meetings.models import Body, Evidence, Meeting, Person, SourceDocument
from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/meetings/meeting/add/"


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def session_form(participants=(), focus_areas=(), corridors=(), agreements=(), **fields):
    """The add form's POST: `participants` as (country, person, role, title) rows,
    `corridors` as (corridor, how, via, evidence) rows, `agreements` as
    (kind, statement, [focus area pks]) rows."""
    data = {
        "body": Body.objects.get(short_name="JWG-ICC").pk,
        "number": "6",
        "date": "2024-05-20",
        "date_precision": "day",
        "city": "Beijing",
        "country": "China",
        "mode": "in_person",
        "status": "held",
        "summary": "",
        "review_status": "reviewed",
        **management("participants", len(participants)),
        **management("focus_area_links", len(focus_areas)),
        **management("corridor_links", len(corridors)),
        **management("agreements", len(agreements)),
        **management("evidence_set"),
        **management("conflicts"),
    }
    for i, (country, person, role, title) in enumerate(participants):
        data |= {
            f"participants-{i}-country": country,
            f"participants-{i}-person": person.pk,
            f"participants-{i}-role": role,
            f"participants-{i}-title": title,
        }
    for i, slug in enumerate(focus_areas):
        data[f"focus_area_links-{i}-focus_area"] = FocusArea.objects.get(slug=slug).pk
    for i, (corridor, how, via, evidence) in enumerate(corridors):
        data |= {
            f"corridor_links-{i}-corridor": Corridor.objects.get(slug=corridor).pk,
            f"corridor_links-{i}-how": how,
            f"corridor_links-{i}-via": FocusArea.objects.get(slug=via).pk if via else "",
            f"corridor_links-{i}-evidence": evidence.pk if evidence else "",
        }
    for i, (kind, statement, tags) in enumerate(agreements):
        data |= {
            f"agreements-{i}-kind": kind,
            f"agreements-{i}-statement": statement,
            f"agreements-{i}-focus_areas": tags,
        }
    data.update(fields)
    return data


def person(name, country="China"):
    return Person.objects.create(name=name, country=country)


def errors_of(response):
    return response.context["adminform"].form.errors


def test_a_full_session_with_two_delegations_and_three_focus_areas_is_saved_in_one_post(
    staff_client,
):
    sun, li = person("Sun Weidong"), person("Li Ming")
    ahmed, raza = person("Imran Ahmed", "Pakistan"), person("Hina Raza", "Pakistan")
    zhao = person("Zhao Lei")
    energy = FocusArea.objects.get(slug="energy").pk
    data = session_form(
        participants=[
            ("China", sun, "co_chair", "Vice Foreign Minister"),
            ("China", li, "member", "Director-General, Asian Affairs"),
            ("China", zhao, "member", ""),
            ("Pakistan", ahmed, "co_chair", "Additional Secretary (China)"),
            ("", raza, "member", "Director, China Desk"),  # her own country fills it in
        ],
        focus_areas=["energy", "agriculture", "health"],
        corridors=[("green", "derived", "energy", None)],
        agreements=[("agreed", "Both sides agreed to expand solar parks in Sindh.", [energy])],
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302, errors_of(response)
    meeting = Meeting.objects.get()
    assert (meeting.title, meeting.date, meeting.city) == (
        "6th JWG-ICC meeting",
        datetime.date(2024, 5, 20),
        "Beijing",
    )
    delegations = {
        d.country: (d.leader.name, sorted(p.person.name for p in d.participants.all()))
        for d in meeting.delegations.select_related("leader").prefetch_related(
            "participants__person"
        )
    }
    assert delegations == {
        "China": ("Sun Weidong", ["Li Ming", "Sun Weidong", "Zhao Lei"]),
        "Pakistan": ("Imran Ahmed", ["Hina Raza", "Imran Ahmed"]),
    }
    assert meeting.participants.get(person=li).title == "Director-General, Asian Affairs"
    assert set(meeting.focus_areas.values_list("slug", flat=True)) == {
        "energy",
        "agriculture",
        "health",
    }
    link = meeting.corridor_links.get()
    assert (link.corridor.slug, link.how, link.via.slug) == ("green", "derived", "energy")
    agreement = meeting.agreements.get()
    assert list(agreement.focus_areas.values_list("slug", flat=True)) == ["energy"]


def test_the_add_form_suggests_the_number_after_the_bodys_last_meeting(staff_client):
    for number in (1, 2, 3, 4):
        make_meeting(number=number, date=f"202{number}-01-10")
    make_meeting("JCC", number=13, date="2024-06-01")
    body = Body.objects.get(short_name="JWG-ICC")

    response = staff_client.get(ADD_URL, {"body": body.pk})

    assert response.context["adminform"].form.initial["number"] == 5
    assert response.context["adminform"].form.initial["review_status"] == "reviewed"
    assert 'name="number" value="5"' in response.content.decode()
    assert "JWG-ICC 5" in response.content.decode()
    assert "JCC 14" in response.content.decode()
    assert "BPC 1" in response.content.decode()


def test_the_person_field_autocompletes_and_offers_to_add_a_new_person(staff_client):
    person("Luo Zhaohui")
    page = staff_client.get(ADD_URL).content.decode()
    assert "admin-autocomplete" in page
    assert 'id="add_id_participants-0-person"' in page
    assert "/admin/meetings/person/add/?_to_field=id&amp;_popup=1" in page

    found = staff_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "meetings",
            "model_name": "participant",
            "field_name": "person",
            "term": "luo",
        },
    ).json()
    assert [r["text"] for r in found["results"]] == ["Luo Zhaohui"]


def test_a_new_person_is_added_from_the_participant_row_popup(staff_client):
    response = staff_client.post(
        "/admin/meetings/person/add/?_to_field=id&_popup=1",
        {"name": "Aisha Farooqui", "country": "Pakistan", "other_names": "[]", "_popup": "1"},
    )
    assert response.status_code == 200
    added = Person.objects.get(name="Aisha Farooqui")
    # The popup hands the new person back to the participant row.
    assert f"&quot;value&quot;: &quot;{added.pk}&quot;" in response.content.decode()


def test_a_duplicate_body_and_number_is_refused(staff_client):
    make_meeting(number=6, date="2024-01-05", city="Islamabad")
    response = staff_client.post(ADD_URL, session_form())
    assert response.status_code == 200
    assert errors_of(response)["number"] == [
        "There is already a 6th JWG-ICC meeting (“jwg-icc-6”). Edit that one, or correct the number."
    ]
    assert Meeting.objects.count() == 1


def test_a_date_in_the_future_is_refused(staff_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = staff_client.post(ADD_URL, session_form(date=tomorrow.isoformat()))
    assert response.status_code == 200
    assert errors_of(response)["date"] == [
        "The date is in the future; enter meetings that took place, or set the status to Planned."
    ]
    assert not Meeting.objects.exists()


def test_a_planned_meeting_may_have_a_date_in_the_future(staff_client):
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    response = staff_client.post(
        ADD_URL, session_form(date=next_week.isoformat(), status="planned")
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.date) == ("planned", next_week)


def test_a_date_before_the_bodys_previous_session_is_refused(staff_client):
    make_meeting(number=5, date="2024-06-03")
    response = staff_client.post(ADD_URL, session_form(number="6", date="2024-05-20"))
    assert response.status_code == 200
    assert errors_of(response)["date"] == [
        "The 5th JWG-ICC meeting was held on 3 June 2024; the 6th cannot be earlier."
    ]
    assert Meeting.objects.count() == 1


def test_a_date_after_a_later_numbered_session_is_refused(staff_client):
    make_meeting(number=7, date=datetime.date(2024, 1, 1), precision="year")
    response = staff_client.post(ADD_URL, session_form(number="6", date="2025-02-01"))
    assert errors_of(response)["date"] == [
        "The 7th JWG-ICC meeting was held on 2024; the 6th cannot be later."
    ]


def test_a_date_known_to_the_month_is_not_compared_by_day(staff_client):
    make_meeting(number=5, date="2024-05-28")
    data = session_form(number="6", date="2024-05-20", date_precision="month")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    meeting = Meeting.objects.get(number=6)
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 5, 1), "month")


def test_a_date_needs_a_precision_and_a_precision_needs_a_date(staff_client):
    response = staff_client.post(ADD_URL, session_form(date_precision="unknown"))
    assert errors_of(response)["date_precision"] == [
        "Say how precise the date is: day, month or year."
    ]
    response = staff_client.post(ADD_URL, session_form(date=""))
    assert errors_of(response)["date"] == ["Give the date, or set its precision to Unknown."]
    response = staff_client.post(ADD_URL, session_form(date="", date_precision="unknown"))
    assert response.status_code == 302


def test_a_co_chair_without_a_country_is_refused(staff_client):
    stateless = Person.objects.create(name="Ayesha Noor")
    data = session_form(participants=[("", stateless, "co_chair", "Special Envoy")])
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert (
        "A co-chair needs a country: say which side Ayesha Noor sat on "
        "(China, Pakistan or another country)."
    ) in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_same_person_twice_is_refused(staff_client):
    sun = person("Sun Weidong")
    data = session_form(participants=[("China", sun, "co_chair", ""), ("china", sun, "member", "")])
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Sun Weidong is listed twice; keep one row per person." in response.content.decode()


def test_a_corridor_marked_explicit_without_evidence_is_refused(staff_client):
    data = session_form(corridors=[("green", "explicit", None, None)])
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert (
        "A corridor stated in a source needs the sentence that states it"
    ) in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_derived_corridor_must_name_a_focus_area_the_mapping_places_there(staff_client):
    response = staff_client.post(
        ADD_URL, session_form(corridors=[("green", "derived", None, None)])
    )
    assert "Say which focus area places the meeting in this corridor." in response.content.decode()
    data = session_form(corridors=[("green", "derived", "health", None)])
    response = staff_client.post(ADD_URL, data)
    assert (
        "The focus-area mapping does not place Health under “Green corridor”."
        in response.content.decode()
    )
    assert not Meeting.objects.exists()


def test_a_corridor_marked_explicit_with_one_of_the_meetings_sentences_is_saved(staff_client):
    meeting = make_meeting(number=6, date="2024-05-20", city="Beijing", country="China")
    document = SourceDocument.objects.create(text="The green corridor came first.", sha256="a" * 64)
    evidence = Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact="meeting",
        start=0,
        end=30,
        sentence="The green corridor came first.",
    )
    data = session_form(corridors=[("green", "explicit", None, evidence)])
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, errors_of(response)
    link = meeting.corridor_links.get()
    assert (link.corridor.slug, link.how, link.evidence) == ("green", "explicit", evidence)


def test_editing_a_meeting_keeps_its_own_number_and_records_a_readable_history(staff_client):
    meeting = make_meeting(
        number=6, date="2024-05-20", city="Beijing", country="China", mode="in_person"
    )
    add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")
    sun = Person.objects.get(name="Sun Weidong")
    participant = meeting.participants.get()
    data = session_form(city="Urumqi")
    data |= management("participants", 1, initial=1) | {
        "participants-0-id": participant.pk,
        "participants-0-meeting": meeting.pk,
        "participants-0-country": "China",
        "participants-0-person": sun.pk,
        "participants-0-role": "co_chair",
        "participants-0-title": "Executive Vice Foreign Minister",
    }
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, errors_of(response)

    meeting.refresh_from_db()
    assert meeting.city == "Urumqi"
    assert meeting.participants.get().title == "Executive Vice Foreign Minister"
    entry = LogEntry.objects.get(object_id=str(meeting.pk))
    assert entry.get_change_message() == (
        "Changed City and Review status. Changed Title for participant “Sun Weidong (Co-chair)”."
    )
    history = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/history/")
    assert "Changed City and Review status." in history.content.decode()


def test_a_person_moved_to_the_other_side_leaves_no_empty_delegation(staff_client):
    meeting = make_meeting(number=6, date="2024-05-20")
    add_participant(meeting, "Imran Ahmed", "China")  # entered on the wrong side
    participant = meeting.participants.get()
    data = session_form()
    data |= management("participants", 1, initial=1) | {
        "participants-0-id": participant.pk,
        "participants-0-meeting": meeting.pk,
        "participants-0-country": "Pakistan",
        "participants-0-person": participant.person.pk,
        "participants-0-role": "co_chair",
        "participants-0-title": "",
    }
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, errors_of(response)
    assert {d.country: d.leader.name for d in meeting.delegations.all()} == {
        "Pakistan": "Imran Ahmed"
    }
