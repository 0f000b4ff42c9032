"""Meeting dates: stated forms, precision, publication-date resolution, and no guessing."""

import pytest

from meetings.extraction import extract
from meetings.extraction.dates import find_dates, parse_iso


def only_meeting(text):
    result = extract(text)
    assert len(result.meetings) == 1, result.meetings
    return result.meetings[0]


@pytest.mark.parametrize(
    "phrase, iso",
    [
        ("on March 3, 2022", "2022-03-03"),
        ("on 3 March 2022", "2022-03-03"),
        ("on Mar. 3, 2022", "2022-03-03"),
        ("on 3rd March, 2022", "2022-03-03"),
        ("on March 3rd, 2022", "2022-03-03"),
        ("on 2022-03-03", "2022-03-03"),
        ("on 3-4 March 2022", "2022-03-03"),
        ("on the 3rd of March 2022", "2022-03-03"),
        ("on SEPT 14, 2021", "2021-09-14"),
    ],
)
def test_it_reads_a_day_in_the_meeting_sentence(phrase, iso):
    m = only_meeting(f"The third meeting of the JWG-ICC was held in Lahore {phrase}.")
    assert (m.date, m.date_precision) == (iso, "day")


@pytest.mark.parametrize(
    "phrase, iso, precision",
    [
        ("in August 2023", "2023-08", "month"),
        ("in Aug. 2023", "2023-08", "month"),
        ("in 2019", "2019", "year"),
    ],
)
def test_it_keeps_the_precision_the_text_allows(phrase, iso, precision):
    m = only_meeting(f"The 7th JCC was convened in Beijing {phrase}.")
    assert (m.date, m.date_precision) == (iso, precision)


@pytest.mark.parametrize(
    "published, phrase, iso",
    [
        ("2023-11-09", "on Wednesday", "2023-11-08"),
        ("2023-11-09", "on Thursday", "2023-11-09"),
        ("2023-11-09", "on friday", "2023-11-03"),
        ("2023-11-09", "yesterday", "2023-11-08"),
        ("2023-11-09", "today", "2023-11-09"),
        ("2023-11-09", "on Nov 7", "2023-11-07"),
        ("2024-01-03", "on Dec 28", "2023-12-28"),
        ("2024-01-03", "on 28 December", "2023-12-28"),
    ],
)
def test_it_resolves_weekdays_and_yearless_dates_against_the_publication_date(
    published, phrase, iso
):
    text = f"date {published}\nThe sixth meeting of the JWG-ICC was held in Beijing {phrase}."
    assert only_meeting(text).date == iso


@pytest.mark.parametrize("phrase", ["on Saturday", "yesterday", "on Dec 28", "on 28 December"])
def test_it_leaves_relative_dates_null_without_a_publication_date(phrase):
    m = only_meeting(f"The sixth meeting of the JWG-ICC was held in Beijing {phrase}.")
    assert (m.date, m.date_precision) == (None, "unknown")


def test_a_publication_date_alone_is_not_a_meeting_date():
    text = "date 2022-05-01\nThe fourth JCC reviewed progress on the ML-1 railway in Karachi."
    assert only_meeting(text).date is None


def test_a_date_in_a_sentence_about_another_event_is_not_taken():
    text = (
        "The ninth meeting of the JCC was held in Islamabad.\n"
        "Earlier, the Prime Minister visited the Gwadar port on 5 May 2021."
    )
    assert only_meeting(text).date is None


def test_a_sentence_whose_subject_is_the_meeting_gives_the_date():
    text = (
        "Pakistan and China held the ninth meeting of the JCC in Islamabad.\n"
        "The meeting was held on 12 April 2021 amid tight security."
    )
    assert only_meeting(text).date == "2021-04-12"


def test_the_date_after_the_mention_beats_one_before_it():
    text = (
        "After a visit from 4 to 8 June 2024, the seventh meeting of the JWG-ICC "
        "convened in Islamabad on 12 June 2024."
    )
    assert only_meeting(text).date == "2024-06-12"


def test_a_date_attributed_to_a_statement_is_not_the_meeting_date():
    text = (
        "date 2024-06-16\nThe fifth round of BPC was held in Islamabad, the Foreign Office "
        "said in a statement on Saturday."
    )
    m = only_meeting(text)
    # not the Saturday: only the month of a report that gives no day of its own
    assert (m.date, m.date_precision, m.date_inferred) == ("2024-06", "month", True)


def test_each_meeting_in_a_sentence_gets_its_own_date():
    text = (
        "date 2024-06-16\nThe two sides reviewed progress at the fifth meeting of the JWG-ICC "
        "on 14 June 2024, since the fourth meeting of the JWG-ICC held on 21 January 2023."
    )
    dates = {m.number: m.date for m in extract(text).meetings}
    assert dates == {5: "2024-06-14", 4: "2023-01-21"}


@pytest.mark.parametrize("text", ["May the talks succeed.", "They may meet again in 2030s."])
def test_it_does_not_read_may_the_verb_as_a_month(text):
    assert find_dates(text, parse_iso("2024-01-01")) == []


def test_a_founding_year_is_not_a_meeting_year():
    text = "The JCC, established in 2013, held its 11th meeting in Beijing."
    assert only_meeting(text).date is None


def test_invalid_days_are_ignored():
    assert find_dates("on February 30, 2021", None) == []


@pytest.mark.parametrize(
    "published, phrase, iso, precision",
    [
        ("2023-11-09", "in February this year", "2023-02", "month"),
        ("2023-11-09", "in July last year", "2022-07", "month"),
        ("2023-11-09", "in April of last year", "2022-04", "month"),
        ("2023-11-09", "last December", "2022-12", "month"),
        ("2023-11-09", "last September", "2023-09", "month"),
        ("2023-11-09", "last November", "2022-11", "month"),
        ("2023-11-09", "in June", "2023-06", "month"),
        ("2023-02-09", "in late October", "2022-10", "month"),
        ("2023-11-09", "earlier this month", "2023-11", "month"),
        ("2023-01-20", "last month", "2022-12", "month"),
        ("2023-11-09", "last year", "2022", "year"),
    ],
)
def test_it_resolves_month_phrases_against_the_publication_date(published, phrase, iso, precision):
    text = f"date {published}\nThe sixth meeting of the JCC, held in Karachi {phrase}, ended."
    m = only_meeting(text)
    assert (m.date, m.date_precision) == (iso, precision)


@pytest.mark.parametrize("phrase", ["in March this year", "last October", "earlier this month"])
def test_month_phrases_stay_null_without_a_publication_date(phrase):
    m = only_meeting(f"The sixth meeting of the JCC was held in Karachi {phrase}.")
    assert m.date is None


def test_a_month_with_its_year_keeps_that_year():
    found = find_dates("it met in March 2021 and in May", parse_iso("2023-08-01"))
    assert [(d.iso, d.precision) for d in found] == [("2021-03", "month"), ("2023-05", "month")]


@pytest.mark.parametrize(
    "text, second",
    [
        (
            "The 3rd JCC was held in Lahore on 4 May 2023. The next day, the two ministers "
            "co-chaired the 5th round of the BPC.",
            "2023-05-05",
        ),
        (
            "The 3rd JCC was held in Lahore on 4 May 2023. Two days later the 5th round of the "
            "BPC was held in Karachi.",
            "2023-05-06",
        ),
        (
            "The 3rd JCC was held in Lahore in May 2023. A week or so later the 5th round of the "
            "BPC was held in Karachi.",
            "2023-05",
        ),
        (
            "The 3rd JCC was held in Lahore on 28 May 2023. A week later the 5th round of the "
            "BPC was held in Karachi.",
            None,  # could be May or June
        ),
        (
            "The 3rd JCC was held in Lahore in 2023. The next day the 5th round of the BPC was "
            "held in Karachi.",
            None,  # no day to count from
        ),
    ],
)
def test_a_later_session_is_dated_from_the_one_told_before_it(text, second):
    meetings = extract(text).meetings
    assert [m.date for m in meetings][1] == second


def test_without_a_publication_date_the_main_meeting_anchors_year_less_dates():
    text = (
        "The 3rd JCC was held in Lahore on 4 May 2023. The 2nd JCC took place in Karachi last "
        "year. On May 5, the 5th BPC was held in Karachi."
    )
    dates = {(m.body, m.number): m.date for m in extract(text).meetings}
    assert dates == {("JCC", 3): "2023-05-04", ("JCC", 2): "2022", ("BPC", 5): "2023-05-05"}


def test_without_a_publication_date_or_a_dated_meeting_last_year_is_unknown():
    text = "The 3rd JCC was held in Lahore. The 2nd JCC took place in Karachi last year."
    assert [m.date for m in extract(text).meetings] == [None, None]


@pytest.mark.parametrize("phrase, iso", [("in early 2021", "2021"), ("in mid-2019", "2019")])
def test_early_and_mid_year_are_the_year(phrase, iso):
    assert only_meeting(f"The 3rd JCC was held in Lahore {phrase}.").date == iso


@pytest.mark.parametrize(
    "phrase, iso, precision",
    [
        ("on the 3rd of March last year", "2023-03-03", "day"),
        ("on March 3 last year", "2023-03-03", "day"),
        ("on 3 March this year", "2024-03-03", "day"),
        ("in the spring of 2019", "2019", "year"),
        ("at the end of 2021", "2021", "year"),
    ],
)
def test_a_day_of_last_year_and_a_season_of_a_year(phrase, iso, precision):
    # published in September: a yearless "March 3" would be this year's
    meeting = only_meeting(f"date 2024-09-20\nThe 4th JCC was held in Lahore {phrase}.")
    assert (meeting.date, meeting.date_precision) == (iso, precision)


@pytest.mark.parametrize(
    "phrase, iso", [("on 10th January 2025", "2025-01-10"), ("on Jan 21, 2024", "2024-01-21")]
)
def test_ordinal_days_and_abbreviated_months_with_a_comma(phrase, iso):
    m = only_meeting(f"The fifth meeting of the JWG-ICC was held in Beijing {phrase}.")
    assert (m.date, m.date_precision, m.date_inferred) == (iso, "day", False)


@pytest.mark.parametrize(
    "top, held, iso",
    [
        # the dateline's day is when the story was filed: the weekday counts back from it
        ("date 2024-04-12\nISLAMABAD, April 10 (Wire):", "held here on Monday", "2024-04-08"),
        ("BEIJING, 10 April 2024 (Wire) -", "convened on Tuesday", "2024-04-09"),
        ("Talks\nWed 10th April 2024 | 09:00 PM\n\nLAHORE:", "held on Monday", "2024-04-08"),
        ("date 2024-04-10\nKARACHI:", "held yesterday", "2024-04-09"),
    ],
)
def test_weekdays_resolve_against_the_dateline_or_publication_date(top, held, iso):
    m = only_meeting(f"{top} The third meeting of the Joint Cooperation Committee was {held}.")
    assert (m.date, m.date_precision) == (iso, "day")


@pytest.mark.parametrize(
    "published, iso",
    [
        ("2022-07-25", "2022-07"),  # last week: 18-24 July
        ("2022-08-03", None),  # last week: 25-31 July, so the month is July
        ("2022-08-10", "2022-08"),
    ],
)
def test_last_week_is_a_month_when_that_week_lies_in_one(published, iso):
    text = (
        f"date {published}\nThe spokesperson said that the third meeting of the Joint Cooperation "
        "Committee, held last week via video link, went well."
    )
    m = only_meeting(text)
    if iso is None:
        assert m.date in (None, "2022-07")  # never a day, never August
        assert m.date != "2022-08"
    else:
        assert (m.date, m.date_precision) == (iso, "month")


@pytest.mark.parametrize(
    "top",
    [
        "date 2021-12-30\n",
        "Islamabad, 30 December 2021 (Agency):",
        "Corridor news\nThu 30th December 2021 | 10:00 AM\n\n",
    ],
)
def test_a_report_without_a_date_of_its_own_is_dated_to_its_month_as_inferred(top):
    m = only_meeting(f"{top} The sixth meeting of the Joint Cooperation Committee was held online.")
    assert (m.date, m.date_precision, m.date_inferred) == ("2021-12", "month", True)


@pytest.mark.parametrize("top", ["date 2020-12-02\n", "Beijing, 3 December 2020 (Agency):", ""])
def test_no_month_is_inferred_early_in_a_month_or_without_a_publication_date(top):
    m = only_meeting(f"{top} The fifth meeting of the Joint Cooperation Committee was held online.")
    assert (m.date, m.date_inferred) == (None, False)


@pytest.mark.parametrize("published, iso", [("2022-07-22", "2022-07"), ("2022-09-01", None)])
def test_earlier_this_week_is_a_month_when_the_week_so_far_lies_in_one(published, iso):
    # 2022-09-01 is a Thursday: the week began on 29 August
    text = (
        f"date {published}\nThe third meeting of the Joint Cooperation Committee, held earlier "
        "this week via video link, went well."
    )
    m = only_meeting(text)
    assert (m.date, m.date_inferred) == (iso, False)


@pytest.mark.parametrize(
    "when, iso",
    [
        ("during the 1st week of December", "2024-12"),
        ("in the first week of August", "2024-08"),
        ("in the second week of September 2024", "2024-09"),
        ("in March", "2025-03"),
        ("in early June", "2024-06"),
        ("in June or July this year", None),
        ("in June/July", None),
        ("in May or in June 2024", None),
    ],
)
def test_a_coming_meeting_in_a_month_is_dated_forward_and_two_months_offered_date_nothing(
    when, iso
):
    m = only_meeting(f"date 2024-04-26\nThe 13th JCC meeting will be held {when} in China.")
    assert (m.status, m.date) == ("planned", iso)


@pytest.mark.parametrize(
    "when, iso",
    [("in the last week of March", "2024-03"), ("during the first week of April 2024", "2024-04")],
)
def test_a_week_of_a_month_dates_a_meeting_held_to_that_month(when, iso):
    m = only_meeting(f"date 2024-04-26\nThe 13th JCC meeting was held {when} in Beijing.")
    assert (m.status, m.date, m.date_precision) == ("held", iso, "month")


@pytest.mark.parametrize(
    "speech, iso",
    [
        (
            "Closer industrial cooperation will create jobs, BoI director Ali Raza Khan said on Tuesday.",
            "2020-12-15",
        ),
        (
            "The framework agreement should be signed soon, the director said on Monday.",
            "2020-12-14",
        ),
    ],
)
def test_a_speech_given_at_the_meeting_dates_it(speech, iso):
    text = (
        f"date 2020-12-16\nISLAMABAD: {speech}\n\nHe was speaking at the fifth meeting of the "
        "Joint Working Group on Industrial Cooperation under CPEC."
    )
    m = only_meeting(text)
    assert (m.number, m.date) == (5, iso)


def test_a_speech_the_day_before_dates_no_meeting_of_its_own_date():
    text = (
        "date 2020-12-16\nISLAMABAD: Jobs will follow, the director said on Tuesday.\n\nHe was "
        "speaking at the fifth meeting of the Joint Working Group on Industrial Cooperation, held "
        "on December 10."
    )
    assert only_meeting(text).date == "2020-12-10"


@pytest.mark.parametrize(
    "lead, iso",
    [
        ("Pakistan and China on Tuesday agreed to set up an energy data platform.", "2014-04-15"),
        ("China and Pakistan agreed on Monday to fast-track the power projects.", "2014-04-14"),
    ],
)
def test_the_day_the_lead_says_the_sides_agreed_dates_the_meeting_named_after_it(lead, iso):
    text = (
        f"date 2014-04-16\nISLAMABAD: {lead}\n\nAfter deliberations during the first meeting of "
        "the Energy Working Group of CPEC, the ministry stated that both parties discussed the "
        "plan."
    )
    m = only_meeting(text)
    assert (m.body, m.number, m.date) == ("JWG-Energy", 1, iso)
