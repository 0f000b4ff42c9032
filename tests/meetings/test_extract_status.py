"""Previews: a coming meeting is planned, with the date it is planned for, and is the news
when the article reports no meeting held. Passages written for these tests."""

import pytest

from meetings.extraction import extract, to_json_dict


def only(text):
    [meeting] = to_json_dict(extract(text))["meetings"]
    return meeting


@pytest.mark.parametrize(
    "sentence, date",
    [
        (
            "The 15th meeting of the Joint Cooperation Committee will be held on 14 August.",
            "2025-08-14",
        ),
        ("The 15th JCC is scheduled for August 14, 2025 in Beijing.", "2025-08-14"),
        (
            "The 15th Joint Coordination Committee (JCC) meeting is to be held on Thursday.",
            "2025-07-17",
        ),
        ("Both sides agreed to hold the upcoming 15th JCC meeting in August 2025.", "2025-08"),
        ("The upcoming 15th JCC, expected next month, will review the zones.", "2025-08"),
    ],
)
def test_a_preview_is_a_planned_meeting_with_its_planned_date(sentence, date):
    m = only(f"date 2025-07-12\nISLAMABAD: {sentence}")
    assert (m["body"], m["number"], m["status"], m["is_main_subject"]) == (
        "JCC",
        15,
        "planned",
        True,
    )
    assert m["date"] == date
    assert m["date_inferred"] is False


def test_a_weekday_in_a_preview_is_the_coming_one():
    # 2023-07-08 is a Saturday: "on Tuesday" is the 11th, not the 4th
    text = "date 2023-07-08\nThe 12th JCC is to be held on Tuesday in Beijing, officials said."
    m = only(text)
    assert (m["date"], m["city"], m["status"]) == ("2023-07-11", "Beijing", "planned")


def test_a_planned_meeting_takes_no_venue_from_the_dateline():
    m = only("date 2021-07-09\nISLAMABAD: The 10th JCC meeting will be held on July 13 (Tuesday).")
    assert (m["date"], m["city"], m["status"]) == ("2021-07-13", "", "planned")


def test_a_held_meeting_is_the_news_and_the_coming_one_a_reference():
    text = (
        "date 2022-10-25\nISLAMABAD: The third meeting of the Joint Working Group on Energy was "
        "held on Monday by video link. The JCC is expected to be held on October 27, 2022."
    )
    found = [
        (m["body"], m["number"], m["date"], m["status"], m["is_main_subject"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [
        ("JWG-Energy", 3, "2022-10-24", "held", True),
        ("JCC", None, "2022-10-27", "planned", False),
    ]


def test_a_meeting_both_previewed_and_reported_held_is_held():
    text = (
        "date 2024-05-02\nThe fourth BPC, which was to be held in March, was finally held in "
        "Beijing on 30 April 2024. The fourth round of BPC was co-chaired by the two vice "
        "ministers."
    )
    m = only(text)
    assert (m["number"], m["status"], m["is_main_subject"]) == (4, "held", True)


@pytest.mark.parametrize(
    "lead",
    [
        "Ahead of the 11th JCC, the Joint Working Group on Energy was held on Monday.",
        "In preparation for the 11th JCC, the Joint Working Group on Energy was held on Monday.",
        "The Joint Working Group on Energy was held on Monday in the run-up to the 11th JCC.",
    ],
)
def test_a_meeting_prepared_for_is_planned(lead):
    found = [
        (m["body"], m["number"], m["status"], m["is_main_subject"])
        for m in to_json_dict(extract(f"date 2022-10-25\n{lead}"))["meetings"]
    ]
    assert sorted(found, key=str) == [
        ("JCC", 11, "planned", False),
        ("JWG-Energy", None, "held", True),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 10th JCC, which had been delayed several times, was finally held on Thursday.",
        "The 10th JCC, postponed twice, took place on Thursday by video link.",
    ],
)
def test_a_meeting_delayed_and_then_held_is_held(sentence):
    m = only(f"date 2021-09-24\n{sentence}")
    assert (m["number"], m["status"], m["date"]) == (10, "held", "2021-09-23")


@pytest.mark.parametrize(
    "when, date",
    [("next month", "2023-06"), ("next week", "2023-05"), ("on 20 May", "2023-05-20")],
)
def test_a_preview_is_dated_forward(when, date):
    m = only(f"date 2023-05-08\nThe two sides will hold the 12th JCC in Beijing {when}.")
    assert (m["status"], m["date"], m["city"]) == ("planned", date, "Beijing")


def test_next_month_is_no_date_for_a_meeting_held():
    m = only("date 2023-05-08\nThe 11th JCC, held in Beijing, agreed that work starts next month.")
    assert (m["status"], m["date"]) == ("held", "2023-05")  # the report's month, inferred


def test_a_preview_beside_only_an_old_meeting_is_the_news():
    text = (
        "date 2021-03-04\nThe tenth JCC is expected to be convened soon, the ministry said. "
        "The ninth JCC was held in Islamabad in November 2019."
    )
    found = [
        (m["number"], m["status"], m["is_main_subject"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [(10, "planned", True), (9, "held", False)]


@pytest.mark.parametrize(
    "phrase",
    [
        "is likely to be held",
        "is most likely to be held",
        "is proposed to be held",
        "is going to be held",
    ],
)
def test_more_preview_phrasings(phrase):
    m = only(f"date 2025-07-12\nThe 15th JCC {phrase} in Beijing on 20 August.")
    assert (m["status"], m["date"], m["city"]) == ("planned", "2025-08-20", "Beijing")


def test_an_ordinal_in_apposition_numbers_the_recalled_meeting():
    text = (
        "date 2021-07-09\nThe 10th JCC will be held on July 13. Its last meeting, the ninth in "
        "the series, was held in Islamabad in Nov 2019."
    )
    found = [
        (m["number"], m["status"], m["date"], m["city"], m["is_main_subject"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [
        (10, "planned", "2021-07-13", "", True),
        (9, "held", "2019-11", "Islamabad", False),
    ]


@pytest.mark.parametrize(
    "preview",
    [
        "The 15th JCC will be held next month to approve projects in agriculture, mining and "
        "special economic zones.",
        "Both sides agreed to hold the upcoming 15th JCC in August, where industrial cooperation "
        "and information technology are expected to top the agenda.",
        "The 15th JCC is scheduled for August 14. The two sides will sign agreements on energy "
        "and science and technology there.",
        "The forthcoming 15th Joint Working Group on Gwadar will take up the port's projects.",
    ],
)
def test_a_preview_has_agreed_no_focus_area_yet(preview):
    m = only(f"date 2025-07-12\nISLAMABAD: {preview}")
    assert m["status"] == "planned"
    assert (m["focus_areas"], m["corridors"]) == ([], [])


@pytest.mark.parametrize(
    "recall",
    [
        "The 14th JCC took place in 2023, but the 15th could not be held in 2024 because of the "
        "floods.",
        "The 14th JCC was held in 2023; the 15th has not been convened since.",
        "The 14th meeting was held in 2023 while the 15th meeting was postponed in 2024.",
        "Since the 14th JCC met in 2023, the 15th JCC has never taken place.",
    ],
)
def test_a_meeting_that_could_not_be_held_is_still_the_planned_one(recall):
    text = (
        "date 2025-07-12\nISLAMABAD: The 15th meeting of the Joint Cooperation Committee (JCC) "
        f"is scheduled to be held on July 18. {recall}"
    )
    found = [
        (m["body"], m["number"], m["status"], m["is_main_subject"], m["date"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert ("JCC", 15, "planned", True, "2025-07-18") in found
    assert [f for f in found if f[1] == 15] == [("JCC", 15, "planned", True, "2025-07-18")]
    assert ("JCC", 14, "held", False, "2023") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "In this regard, a review meeting of the CPEC working groups and the 15th Joint "
        "Cooperation Committee (JCC) was held here on Thursday.",
        "The planning minister chaired a review meeting on the second phase of CPEC and the 15th "
        "JCC on Tuesday at the ministry.",
        "The minister left for China on Tuesday on a preparatory visit for the upcoming trip of "
        "the Prime Minister and the 15th JCC.",
    ],
)
def test_a_meeting_another_meeting_prepares_for_is_planned_and_not_dated_by_it(sentence):
    text = (
        "date 2025-07-12\nISLAMABAD: The 15th JCC will be held in August or September. "
        f"{sentence} The upcoming JCC meeting will launch the new phase."
    )
    found = [
        (m["body"], m["number"], m["status"], m["is_main_subject"], m["date"], m["city"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [("JCC", 15, "planned", True, None, "")]


@pytest.mark.parametrize(
    "domestic",
    [
        "It was briefed at the inaugural meeting of the Cabinet Committee on CPEC held here under "
        "the chairmanship of Planning Minister Kamran Aziz.",
        "The second meeting of the Parliamentary Committee on CPEC was held here on Monday.",
        "The first meeting of the Steering Committee decided to prioritise Gwadar and the zones.",
    ],
)
def test_a_countrys_own_committee_is_not_the_jcc(domestic):
    text = (
        "date 2025-07-12\nISLAMABAD: The 15th JCC will be held in the first week of August "
        f"in Beijing. {domestic}"
    )
    found = [
        (m["body"], m["number"], m["status"], m["date"], [c["name"] for c in m["co_chairs"]])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [("JCC", 15, "planned", "2025-08", [])]


@pytest.mark.parametrize(
    "sentence",
    [
        "A meeting on Tuesday at the planning ministry reviewed the progress made in preparation "
        "for the 15th JCC meeting.",
        "Ahead of the 15th JCC, officials met on Tuesday at the planning ministry.",
        "The secretary ran down the schedule of events on Tuesday, leading to the 15th JCC.",
    ],
)
def test_a_meeting_prepared_for_takes_no_date_from_the_preparations(sentence):
    text = f"date 2025-07-12\nISLAMABAD: {sentence} The JCC is likely to meet next month."
    found = [
        (m["body"], m["number"], m["status"], m["date"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [("JCC", 15, "planned", "2025-08")]


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Pakistan has proposed July 23 for holding the JCC meeting.", "2025-07-23"),
        (
            "Officials were briefed on the preparations for the upcoming online JCC meeting "
            "scheduled for this week.",
            "2025-07",
        ),
        ("The upcoming JCC session, scheduled for next month, will launch it.", "2025-08"),
    ],
)
def test_an_unnumbered_coming_meeting_takes_its_planned_date(sentence, date):
    text = (
        "date 2025-07-15\nISLAMABAD: The minister chaired a review meeting on the 15th JCC on "
        f"Tuesday at the planning ministry. {sentence}"
    )
    found = [
        (m["body"], m["number"], m["status"], m["date"])
        for m in to_json_dict(extract(text))["meetings"]
    ]
    assert found == [("JCC", 15, "planned", date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Planning Minister Kamran Aziz will represent Pakistan at the 15th meeting of the JCC, set "
        "to take place on Friday (today) in Beijing.",
        "The 15th JCC, expected to be held on Friday, today, in Beijing, will review the zones.",
        "The 15th JCC meeting set to convene on Friday (today) in Beijing will launch a new phase.",
    ],
)
def test_a_same_day_preview_is_planned_for_today(sentence):
    m = only(f"date 2025-09-26\nISLAMABAD: {sentence}")  # a Friday
    assert (m["number"], m["status"], m["date"], m["city"]) == (
        15,
        "planned",
        "2025-09-26",
        "Beijing",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A long-term plan will be approved by the Joint Cooperation Committee at its meeting "
        "scheduled for November 21 in Beijing. Projects are to be taken up at the seventh JCC "
        "meeting.",
        "Provinces were told to firm up projects to be presented at the seventh JCC meeting, "
        "scheduled for November 21 in Beijing.",
    ],
)
def test_what_is_to_be_done_at_a_meeting_makes_it_a_coming_one(sentence):
    m = only(f"date 2017-10-25\nISLAMABAD, Oct 26: {sentence}")
    assert (m["number"], m["status"], m["date"], m["city"]) == (
        7,
        "planned",
        "2017-11-21",
        "Beijing",
    )


@pytest.mark.parametrize(
    "given_up",
    [
        "The meeting had been scheduled to be held on July 16 (Friday).",
        "The JCC meeting, which is normally held once a year, was scheduled for July 16.",
    ],
)
def test_the_date_a_postponed_meeting_gave_up_is_not_its_date(given_up):
    text = (
        "date 2021-07-14\nISLAMABAD: The 10th meeting of the Joint Cooperation Committee has "
        f"been postponed till after Eid. {given_up} A new date will be announced."
    )
    m = only(text)
    assert (m["number"], m["status"], m["date"]) == (10, "planned", None)


def test_a_meeting_delayed_before_keeps_its_coming_date():
    m = only("date 2025-07-12\nThe 15th JCC, delayed twice, will be held on 14 August.")
    assert (m["status"], m["date"]) == ("planned", "2025-08-14")
