"""What the extractor reads from an article's edges: a clipped end, the header lines, the
dateline. Passages written for these tests, reproducing constructions of real reports."""

import pytest

from meetings.extraction import extract, to_json_dict

CLIPPED = "looks clipped: ends mid-sentence"
REPORT = (
    "ISLAMABAD: The fourth meeting of the Joint Cooperation Committee was held in "
    "Islamabad on 5 May 2021."
)


@pytest.mark.parametrize(
    "ending",
    [
        "The two sides agreed to expand cooperation in agriculture and informat",
        "Both sides reviewed the progress made on the power projects and the",
        "The two sides not",
        "They also discussed the security of Chinese nationals working on the projects, and",
    ],
)
def test_text_that_stops_mid_sentence_is_extracted_with_a_warning(ending):
    result = extract(f"{REPORT}\n\n{ending}")
    assert to_json_dict(result)["warnings"] == [CLIPPED]
    assert [(m.body, m.number) for m in result.meetings] == [("JCC", 4)]


@pytest.mark.parametrize(
    "ending",
    [
        "The two sides agreed to meet again next year.",
        'He said the talks were "very productive."',
        "The next round will be held in Beijing (dates to be announced)",
        "Staff Reporter",
        "Read more on CPEC",
        "",
    ],
)
def test_text_that_ends_a_sentence_or_with_a_byline_has_no_warning(ending):
    assert extract(f"{REPORT}\n\n{ending}").warnings == []


STORY = "The fifth meeting of the Joint Cooperation Committee was held in Lahore on 9 May 2023."


@pytest.mark.parametrize(
    "top",
    [
        "JCC meets in Lahore\ndate 2023-05-10\noutlet: The Daily Ledger\nurl: https://ledger.example/jcc-5\n",
        "date 2023-05-10\ntitle: JCC meets in Lahore\noutlet: The Daily Ledger\nurl: https://ledger.example/jcc-5\n\n",
        "title: JCC meets in Lahore\nURL: https://ledger.example/jcc-5\nOutlet: The Daily Ledger\ndate 2023-05-10\n",
    ],
)
def test_header_lines_give_the_title_outlet_url_and_publication_date(top):
    data = to_json_dict(extract(top + "\n" + STORY))
    assert (data["title"], data["outlet"], data["url"], data["published_on"]) == (
        "JCC meets in Lahore",
        "The Daily Ledger",
        "https://ledger.example/jcc-5",
        "2023-05-10",
    )
    assert [(m["body"], m["number"], m["date"]) for m in data["meetings"]] == [
        ("JCC", 5, "2023-05-09")
    ]


def test_header_lines_are_not_read_as_the_story():
    text = "date 2023-05-10\ntitle: The sixth JCC was held in Karachi\n\n" + STORY
    assert [(m.number, m.city) for m in extract(text).meetings] == [(5, "Lahore")]


@pytest.mark.parametrize(
    "furniture, published",
    [
        ("Sun Jan 21 2024", "2024-01-21"),
        ("Dated : 23 November 2017", "2017-11-23"),
        ("Wed 8th March 2023 | 06:15 PM", "2023-03-08"),
        ("Staff Writer Published June 3, 2022 | 11:02 AM", "2022-06-03"),
        ("Wirepost 2021-09-14 10:41", "2021-09-14"),
    ],
)
def test_a_page_date_near_the_top_is_the_publication_date(furniture, published):
    text = f"Pakistan and China review corridor projects\n{furniture}\n\n{STORY}"
    assert extract(text).published_on == published


def test_a_headline_naming_a_day_is_not_a_page_date():
    text = f"JCC to meet on July 13, 2021\n\n{STORY}"
    assert extract(text).published_on is None


@pytest.mark.parametrize(
    "dateline, city, published",
    [
        ("BEIJING, April 10 (APP):", "Beijing", None),
        ("ISLAMABAD, Dec 28:", "Islamabad", None),
        ("Karachi, 12 March 2022 (Wire):", "Karachi", "2022-03-12"),
        ("BEIJING, (Agency - Wire Service - 25th Apr, 2025)", "Beijing", "2025-04-25"),
        ("ISLAMABAD -", "Islamabad", None),
        ("LAHORE:", "Lahore", None),
    ],
)
def test_a_dateline_gives_the_dateline_city_and_filing_date(dateline, city, published):
    text = f"Corridor talks\n\n{dateline} The two sides reviewed the projects. {STORY}"
    result = extract(text)
    assert (result.dateline_city, result.published_on) == (city, published)


def test_a_dateline_on_a_line_of_its_own_after_a_byline_counts():
    text = f"Both countries hold talks\n\nStaff Report\n\nIslamabad\n\n{STORY}"
    assert extract(text).dateline_city == "Islamabad"


def test_a_city_and_comma_opening_the_story_is_a_dateline():
    text = "Islamabad, China and Pakistan have agreed to widen the corridor. " + STORY
    assert extract(text).dateline_city == "Islamabad"
    assert extract("Islamabad, Lahore and Karachi hosted events. " + STORY).dateline_city == ""


def test_a_page_date_on_the_first_line_is_not_the_title():
    text = "Dated : 23 November 2017\n\nBEIJING: The seventh JCC concluded in Beijing on Tuesday."
    result = extract(text)
    assert (result.title, result.published_on) == ("", "2017-11-23")
    assert result.meetings[0].date == "2017-11-21"
