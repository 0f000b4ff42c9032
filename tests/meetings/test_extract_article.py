"""Whole articles: publication date, title, JSON shape, evidence offsets, robustness."""

import json

import pytest

from meetings.extraction import extract, to_json_dict

WIRE = (
    "date 2022-03-05\n"
    "Pakistan, China hold 3rd JWG-ICC meeting\n\n"
    "ISLAMABAD, March 4 (Reuters) - The third meeting of the Joint Working Group on "
    "International Cooperation and Coordination was held in Islamabad on Friday, the "
    "Foreign Office said. It was co-chaired by Foreign Secretary Tariq Mir and Vice Foreign "
    "Minister Zhang Wei.\n\n"
    "The two sides agreed to cooperate in agriculture and information technology. The "
    "meeting reviewed progress since the second meeting of the JWG-ICC held in Kashgar in "
    "November 2019."
)


def test_it_reads_the_publication_date_and_title():
    result = extract(WIRE)
    assert result.published_on == "2022-03-05"
    assert result.title == "Pakistan, China hold 3rd JWG-ICC meeting"


def test_a_first_line_that_is_a_sentence_is_not_a_title():
    assert extract("The 3rd JCC was held in Beijing. It went well.\nMore.").title == ""


def test_it_reports_the_main_meeting_and_the_one_it_refers_back_to():
    meetings = extract(WIRE).meetings
    summary = [(m.body, m.number, m.date, m.city, m.is_main_subject) for m in meetings]
    assert summary == [
        ("JWG-ICC", 3, "2022-03-04", "Islamabad", True),
        ("JWG-ICC", 2, "2019-11", "Kashgar", False),
    ]


def test_the_json_has_the_documented_keys_in_order():
    data = to_json_dict(extract(WIRE))
    assert list(data) == [
        "published_on",
        "outlet",
        "title",
        "url",
        "dateline_city",
        "warnings",
        "meetings",
    ]
    meeting = data["meetings"][0]
    assert list(meeting) == [
        "body",
        "body_name",
        "number",
        "date",
        "date_precision",
        "city",
        "country",
        "mode",
        "is_main_subject",
        "status",
        "date_inferred",
        "co_chairs",
        "delegation_leaders",
        "focus_areas",
        "corridors",
        "agreements",
    ]
    assert list(meeting["co_chairs"][0]) == ["name", "title", "country", "evidence"]
    assert list(meeting["focus_areas"][0]) == ["slug", "evidence"]
    assert list(meeting["corridors"][0]) == ["slug", "how", "evidence"]
    assert list(meeting["agreements"][0]) == ["text", "focus_areas", "evidence"]
    json.dumps(data)


def test_evidence_offsets_index_the_exact_input():
    text = WIRE.replace("\n", "\r\n").replace("'", "\u2019")
    result = extract(text)
    for meeting in result.meetings:
        spans = [meeting.evidence]
        spans += [f.evidence for f in meeting.focus_areas]
        spans += [p.evidence for p in meeting.co_chairs]
        spans += [a.evidence for a in meeting.agreements]
        for ev in spans:
            assert text[ev.start : ev.end] == ev.sentence


def test_it_survives_typography_and_missing_spaces():
    text = (
        "The\u00a0fifth meeting of the JCC was held in Beijing on 3 March 2021.The two sides "
        "agreed to cooperate in agriculture \u2014 and in clean energy.\u201cBoth sides "
        "agreed to expand trade,\u201d said Mr. Ali."
    )
    meeting = extract(text).meetings[0]
    assert (meeting.number, meeting.date) == (5, "2021-03-03")
    assert [f.slug for f in meeting.focus_areas] == ["agriculture", "energy", "trade-investment"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Li and Dr. Khan met. The 3rd JCC was held.",
            ["Mr. Li and Dr. Khan met.", "The 3rd JCC was held."],
        ),
        (
            "It met on Jan. 5 in Beijing. Then it ended.",
            ["It met on Jan. 5 in Beijing.", "Then it ended."],
        ),
        (
            "Visit to the U.S. Embassy followed. It rained.",
            ["Visit to the U.S. Embassy followed.", "It rained."],
        ),
        (
            "Resolution No. 5 passed. A. B. Khan spoke.",
            ["Resolution No. 5 passed.", "A. B. Khan spoke."],
        ),
    ],
)
def test_sentences_do_not_break_at_abbreviations(text, expected):
    from meetings.extraction.text import normalize, split_sentences

    assert [s.text for s in split_sentences(normalize(text))] == expected


def test_an_article_without_a_cpec_meeting_gives_nothing():
    text = (
        "date 2024-07-04\nThe SCO summit opened in Astana on Thursday. Leaders agreed to "
        "cooperate in energy and security."
    )
    data = to_json_dict(extract(text))
    assert (data["published_on"], data["meetings"]) == ("2024-07-04", [])


def test_two_meetings_reported_in_one_trip_are_both_main_subjects():
    text = (
        "The fifth meeting of the JWG-ICC was held in Beijing on 2 May 2024, co-chaired by "
        "Vice Foreign Minister Sun Li and Foreign Secretary Nadia Shah.\n"
        "Meanwhile, the fourth round of Bilateral Political Consultations was held in Beijing, "
        "as Foreign Secretary Nadia Shah led the Pakistan delegation."
    )
    meetings = extract(text).meetings
    assert [(m.body, m.number, m.is_main_subject) for m in meetings] == [
        ("JWG-ICC", 5, True),
        ("BPC", 4, True),
    ]
    assert meetings[1].co_chairs == []
    assert [p.name for p in meetings[1].delegation_leaders] == ["Nadia Shah"]


def test_extract_accepts_empty_text():
    data = to_json_dict(extract(""))
    assert (data["published_on"], data["warnings"], data["meetings"]) == (None, [], [])


def mains(text):
    return {(m.body, m.number): m.is_main_subject for m in extract(text).meetings}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # a press conference recalling a session held months before
            "date 2024-09-10\nSpokesperson: The 9th JCC, held in Karachi last February, "
            "produced good results. At that meeting the sides agreed on railways.",
            {("JCC", 9): False},
        ),
        (
            # a look-back over several sessions, none of them news
            "The JWG on Health has met often. Its second meeting, held in Lahore in 2020, was "
            "short. At the fourth meeting, in Beijing in May 2022, the sides agreed on hospitals.",
            {("JWG-Health", 2): False, ("JWG-Health", 4): False},
        ),
        (
            # an earlier session named first, then the recent one reported
            "date 2024-05-20\nUnlike the third meeting in Karachi in 2021, the fourth meeting "
            "of the JCC, held in Beijing on Friday, was short.",
            {("JCC", 3): False, ("JCC", 4): True},
        ),
        (
            "date 2024-05-20\nThe fourth meeting of the JCC was held in Beijing on 12 May 2024.",
            {("JCC", 4): True},
        ),
    ],
)
def test_only_a_recent_session_is_the_news(text, expected):
    assert mains(text) == expected
