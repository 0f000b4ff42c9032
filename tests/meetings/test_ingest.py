"""The database writer, fed hand-built extractions so each rule is tested on its own."""

import pytest

from agreements.models import Corridor
from meetings.extraction.types import (
    AgreementMention,
    ArticleExtraction,
    CorridorMention,
    Evidence,
    FocusAreaMention,
    MeetingMention,
    PersonMention,
)
from meetings.ingest import ingest_text, preview_text
from meetings.models import Conflict, Meeting, Person, SourceDocument
from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db


def span(text, sentence):
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def mention(text, sentence, *, number=3, body="JWG-ICC", city="Lahore", date="2022-05-17",
            co_chairs=(), focus=(), corridors=(), agreements=(), main=True):  # fmt: skip
    ev = span(text, sentence)
    return MeetingMention(
        body=body,
        body_name="",
        number=number,
        date=date,
        date_precision={10: "day", 7: "month", 4: "year"}[len(date)] if date else "unknown",
        city=city,
        country="Pakistan" if city else "",
        mode="in_person",
        is_main_subject=main,
        evidence=ev,
        date_evidence=ev if date else None,
        venue_evidence=ev if city else None,
        co_chairs=[PersonMention(name, title, country, ev) for name, title, country in co_chairs],
        focus_areas=[FocusAreaMention(slug, ev) for slug in focus],
        corridors=[CorridorMention(slug, how, ev, via) for slug, how, via in corridors],
        agreements=[AgreementMention(sentence, "agreed", list(focus), ev) for _ in agreements],
    )


FIRST = "The third JWG-ICC meeting was held in Lahore on 17 May 2022 and agreed on mining."


def first_article(**overrides):
    fields = dict(
        co_chairs=[("Li Wei", "Assistant Foreign Minister", "China")],
        focus=["mining"],
        corridors=[("growth", "derived", "mining")],
        agreements=[1],
    )
    fields.update(overrides)
    return ArticleExtraction("2022-05-18", "", [mention(FIRST, FIRST, **fields)])


def test_it_writes_a_meeting_with_people_focus_areas_corridors_agreements_and_evidence():
    # A corridor that always applied, so the 2022 meeting is filed there through its focus
    # area (the CPEC 2.0 corridors apply from October 2023: tests/agreements/
    # test_corridor_dates.py).
    Corridor.objects.filter(slug="growth").update(applies_from=None)
    result = ingest_text(FIRST, file_name="a.txt", extraction=first_article())

    assert result.created and len(result.meetings_created) == 1
    meeting = Meeting.objects.get()
    assert (meeting.number, str(meeting.date), meeting.city) == (3, "2022-05-17", "Lahore")
    assert meeting.review_status == "extracted"
    assert list(meeting.sources.all()) == [result.document]
    assert result.document.published_on.isoformat() == "2022-05-18"
    participant = meeting.participants.select_related("person", "delegation").get()
    assert (participant.person.name, participant.delegation.country, participant.title) == (
        "Li Wei", "China", "Assistant Foreign Minister"
    )  # fmt: skip
    assert participant.evidence.sentence == FIRST
    link = meeting.corridor_links.get()
    assert (link.corridor.slug, link.how, link.via.slug) == ("growth", "derived", "mining")
    agreement = meeting.agreements.get()
    assert list(agreement.focus_areas.values_list("slug", flat=True)) == ["mining"]
    assert list(agreement.corridors.values_list("slug", flat=True)) == ["growth"]
    evidence = meeting.evidence_set.order_by("pk").first()
    assert FIRST[evidence.start : evidence.end] == evidence.sentence


def test_the_same_text_twice_changes_nothing():
    ingest_text(FIRST, extraction=first_article())
    counts = (Meeting.objects.count(), Person.objects.count(), SourceDocument.objects.count())
    again = ingest_text(FIRST, extraction=first_article())
    assert not again.created
    assert counts == (
        Meeting.objects.count(),
        Person.objects.count(),
        SourceDocument.objects.count(),
    )


def test_a_second_source_adds_itself_and_new_facts_and_flags_a_disagreement():
    ingest_text(FIRST, extraction=first_article())
    second = "Held in Karachi on 17 May 2022, the 3rd JWG-ICC also covered health."
    result = ingest_text(
        second,
        extraction=ArticleExtraction(
            None, "", [mention(second, second, city="Karachi", focus=["health"], co_chairs=[])]
        ),
    )

    meeting = Meeting.objects.get()
    assert meeting.city == "Lahore"  # the first source's value is kept
    assert meeting.review_status == "needs_review"
    assert meeting.sources.count() == 2
    assert set(meeting.focus_areas.values_list("slug", flat=True)) == {"mining", "health"}
    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "city", "Lahore", "Karachi"
    )  # fmt: skip
    assert conflict.document == result.document
    assert conflict.evidence.sentence == second
    assert result.meetings_updated == [meeting]


def test_a_manual_entry_is_never_overwritten_by_a_later_article():
    manual = make_meeting("JWG-ICC", 3, "2022-05-17", city="Islamabad", review_status="reviewed")
    add_participant(manual, "Li Wei", "China", title="Ambassador")
    ingest_text(FIRST, extraction=first_article())

    manual.refresh_from_db()
    assert (manual.city, manual.review_status) == ("Islamabad", "needs_review")
    assert manual.participants.get().title == "Ambassador"
    assert set(Conflict.objects.values_list("field", "proposed_value")) == {
        ("city", "Lahore"),
        ("title of Li Wei", "Assistant Foreign Minister"),
    }


def test_a_more_precise_date_fills_in_and_a_different_co_chair_is_a_conflict():
    make_meeting("JWG-ICC", 3, "2022-05-01", precision="month")
    ingest_text(FIRST, extraction=first_article())
    meeting = Meeting.objects.get()
    assert (str(meeting.date), meeting.date_precision) == ("2022-05-17", "day")

    text = "Zhang San co-chaired the third JWG-ICC meeting."
    ingest_text(
        text,
        extraction=ArticleExtraction(
            None,
            "",
            [mention(text, text, city="", date=None, co_chairs=[("Zhang San", "", "China")])],
        ),
    )
    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "co-chair (China)", "Li Wei", "Zhang San"
    )  # fmt: skip


def test_people_are_matched_by_normalised_name_and_keep_the_spellings_seen():
    ingest_text(FIRST, extraction=first_article(co_chairs=[("Sohail Mahmood", "", "Pakistan")]))
    text = "The fourth JWG-ICC was co-chaired by SOHAIL  MAHMOOD and Tahmina Janjua."
    ingest_text(
        text,
        extraction=ArticleExtraction(
            None,
            "",
            [mention(text, text, number=4, co_chairs=[("SOHAIL  MAHMOOD", "", "Pakistan")])],
        ),
    )
    person = Person.objects.get()
    assert person.name == "Sohail Mahmood"
    assert person.other_names == ["SOHAIL  MAHMOOD"]
    assert person.participations.count() == 2


def test_an_unknown_body_is_created_with_the_name_as_written():
    text = "The second meeting of the Joint Working Group on Tourism was held in Gilgit."
    extraction = ArticleExtraction(None, "", [mention(text, text, body="JWG-Tourism", number=2)])
    extraction.meetings[0].body_name = "Joint Working Group on Tourism"
    ingest_text(text, extraction=extraction)
    meeting = Meeting.objects.get()
    assert (meeting.body.short_name, meeting.body.name, meeting.body.slug) == (
        "JWG-Tourism", "Joint Working Group on Tourism", "jwg-tourism"
    )  # fmt: skip


def test_the_preview_matches_known_meetings_and_people_without_writing():
    manual = make_meeting("JWG-ICC", 3, "2022-05-17", city="Islamabad")
    add_participant(manual, "Li Wei", "China")
    text = "The third JWG-ICC meeting was held in Lahore on 17 May 2022, co-chaired by Li Wei."
    before = SourceDocument.objects.count(), Meeting.objects.count()
    preview = preview_text(text)
    assert (SourceDocument.objects.count(), Meeting.objects.count()) == before
    [found] = [m for m in preview.meetings if m.mention.number == 3]
    assert found.existing == manual
    assert ("city", "Islamabad", "Lahore") in found.conflicts
