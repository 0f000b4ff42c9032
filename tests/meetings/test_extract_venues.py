"""Venue (city, country) and mode of a meeting."""

import pytest

from meetings.extraction import extract


def venue(text):
    m = extract(text).meetings[0]
    return m.city, m.country, m.mode


@pytest.mark.parametrize(
    "sentence, city, country",
    [
        ("The 3rd JCC was held in Lahore.", "Lahore", "Pakistan"),
        ("The 3rd JCC was held in Kashgar, in China's far west.", "Kashgar", "China"),
        ("The 3rd JCC was held in Urumqi, capital of Xinjiang.", "Urumqi", "China"),
        ("Chengdu served as the venue for the 3rd JCC.", "Chengdu", "China"),
        ("The 3rd JCC was hosted in Xi'an.", "Xi'an", "China"),
        ("The 3rd JCC was held in the Chinese capital.", "Beijing", "China"),
        (
            "The 3rd JCC was held at the Ministry of Planning, Islamabad, on Monday.",
            "Islamabad",
            "Pakistan",
        ),
    ],
)
def test_it_reads_the_city_and_country(sentence, city, country):
    assert venue(sentence) == (city, country, "")  # no sentence says how they met


@pytest.mark.parametrize(
    "dateline",
    [
        "ISLAMABAD, Jan 21 (Reuters) - ",
        "Islamabad: ",
        "ISLAMABAD (APP) - ",
        "ISLAMABAD, Jan. 21 -- ",
    ],
)
def test_a_dateline_gives_the_city_when_nothing_better(dateline):
    text = f"{dateline}The 12th JCC meeting was held here on Sunday."
    assert venue(text)[:2] == ("Islamabad", "Pakistan")


def test_the_dateline_loses_to_a_stated_venue():
    assert venue("BEIJING: The 12th JCC meeting was held in Karachi.")[0] == "Karachi"


def test_a_datelines_day_is_when_the_story_was_filed_not_when_the_meeting_met():
    text = "date 2024-01-22\nISLAMABAD, Jan 21 (Reuters) - The 4th JWG-ICC was held here."
    m = extract(text).meetings[0]
    assert (m.date, m.date_precision, m.date_inferred) == ("2024-01", "month", True)


def test_a_dateline_without_a_year_gives_no_date():
    text = "ISLAMABAD, Jan 21 (Reuters) - The 4th JWG-ICC was held here."
    assert extract(text).meetings[0].date is None


@pytest.mark.parametrize(
    "phrase",
    ["held virtually", "held via video link", "held through video conference", "held online"],
)
def test_virtual_meetings_have_no_city_unless_stated(phrase):
    assert venue(f"ISLAMABAD: The 10th JCC was {phrase}.") == ("", "", "virtual")


def test_a_hybrid_meeting():
    assert venue("The 12th JCC was held in hybrid mode in Beijing.") == (
        "Beijing",
        "China",
        "hybrid",
    )


def test_each_meeting_takes_the_venue_next_to_it():
    text = (
        "The fifth meeting of the JWG-ICC was held in Beijing, a year after the fourth "
        "meeting of the JWG-ICC held in Islamabad."
    )
    cities = {m.number: m.city for m in extract(text).meetings}
    assert cities == {5: "Beijing", 4: "Islamabad"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The 3rd JCC was held via video link, the Chinese embassy in Islamabad said.",
        "The 3rd JCC was held online, according to the Foreign Office in Islamabad.",
    ],
)
def test_an_institution_in_a_city_is_not_the_venue(sentence):
    assert venue(sentence) == ("", "", "virtual")


def test_the_dateline_alone_is_where_the_story_was_filed_not_the_venue():
    text = (
        "KARACHI: The 3rd JCC was held on Monday. A day later, the 2nd round of BPC was held, "
        "officials said."
    )
    result = extract(text)
    assert result.dateline_city == "Karachi"
    assert [(m.body, m.city) for m in result.meetings] == [("JCC", ""), ("BPC", "")]


@pytest.mark.parametrize(
    "held",
    [
        "was held at the Foreign Office on Monday",
        "concluded at the Ministry of Planning on Monday",
        "was held here on Monday",
    ],
)
def test_a_building_or_here_with_no_city_is_in_the_datelines_city(held):
    assert venue(f"KARACHI: The 3rd JCC {held}.")[:2] == ("Karachi", "Pakistan")


@pytest.mark.parametrize(
    "text, city",
    [
        ("The 3rd JCC concluded at the Foreign Office in Islamabad.", "Islamabad"),
        ("The 3rd JCC was held at the Gwadar Port Authority on Monday.", "Gwadar"),
        (
            "Pakistan and China held the 6th meeting of the JWG on Energy on Monday and the "
            "3rd meeting of the JWG on Agriculture on Tuesday at the Ministry of Planning in "
            "Lahore.",
            "Lahore",
        ),
    ],
)
def test_venues_named_with_a_building(text, city):
    assert {m.city for m in extract(text).meetings} == {city}


def test_an_embassy_in_a_city_that_speaks_is_not_a_venue():
    text = "The 3rd JCC was held on Monday, the Pakistani embassy in Beijing said."
    assert venue(text)[:2] == ("", "")


@pytest.mark.parametrize(
    "sentence, mode",
    [
        ("The 12th JCC, held in Lahore, agreed to promote hybrid rice varieties.", ""),
        ("The 12th JCC in Lahore agreed on hybrid seed development and farm credit.", ""),
        ("The 12th JCC in Lahore agreed to set up online payment systems.", ""),
        ("The 12th JCC in Lahore agreed to cooperate in virtual reality.", ""),
        ("The 12th JCC was held in a hybrid format in Lahore.", "hybrid"),
        ("The 12th JCC was held in Lahore in hybrid form.", "hybrid"),
        ("The 12th JCC was held online.", "virtual"),
        ("The 12th JCC met virtually on Monday.", "virtual"),
        ("The 12th JCC, the first in-person session since 2019, was held in Lahore.", "in_person"),
        ("The 12th JCC was held in person in Lahore.", "in_person"),
        ("The two sides met face to face at the 12th JCC in Lahore.", "in_person"),
        ("The 12th JCC was held in Lahore in a physical format.", "in_person"),
        ("The 12th JCC was held in Lahore, online and in person.", "hybrid"),
        ("The 12th JCC was held in Lahore.", ""),
    ],
)
def test_mode_words_count_only_when_they_describe_the_meeting(sentence, mode):
    assert extract(sentence).meetings[0].mode == mode


@pytest.mark.parametrize(
    "text, city",
    [
        (
            "Sides vow deeper mining ties at working group\n\nQUETTA, May 4 (APP): The 3rd JCC "
            "concluded here on Thursday.",
            "Quetta",
        ),
        (
            "Planning Ministry\nPress Release\n\nKarachi, 2 June 2023: The 3rd JCC was held at "
            "the Planning Commission.",
            "Karachi",
        ),
        (
            "A delegation used two days of talks in Lahore to push for faster zones. The 3rd "
            "JCC agreed on industrial parks.",
            "Lahore",
        ),
    ],
)
def test_a_venue_from_a_dateline_after_a_headline_or_from_the_lead(text, city):
    assert venue(text)[:2] == (city, "Pakistan")


def test_the_lead_city_does_not_go_to_a_virtual_meeting():
    text = "Officials held talks in Lahore this week. The 3rd JCC itself was held virtually."
    assert venue(text) == ("", "", "virtual")


@pytest.mark.parametrize("outlet", ["People's Daily Online", "Dawn Online"])
def test_an_outlet_named_online_does_not_make_a_meeting_virtual(outlet):
    text = f"The 3rd JCC was held in Lahore, {outlet} reported."
    assert venue(text) == ("Lahore", "Pakistan", "")


def test_the_leads_explicit_city_wins_over_the_dateline():
    text = (
        "date 2024-05-10\n"
        "LAHORE: Senior officials of Pakistan and China wrapped up two days of talks in Kunming "
        "this week.\n\n"
        "The 6th round of Bilateral Political Consultations was co-chaired by the two foreign "
        "ministries' senior officials."
    )
    meeting = extract(text).meetings[0]
    assert (meeting.city, meeting.country) == ("Kunming", "China")


@pytest.mark.parametrize(
    "story",
    [
        "The 4th JCC was held here on Monday.",
        "The fourth meeting of the JCC was convened here under the two ministers.",
        "The 4th JCC took place here, officials said.",
        "The 4th JCC was held at the Ministry of Communications here on Monday.",
        "The 4th JCC met in the Committee Room of the Planning Commission here.",
    ],
)
def test_here_is_the_datelines_city(story):
    assert venue(f"date 2024-04-10\nKARACHI, April 9 (Wire): {story}")[:2] == (
        "Karachi",
        "Pakistan",
    )


def test_here_without_a_dateline_names_no_city():
    assert venue("The 4th JCC was held here on Monday.")[:2] == ("", "")


@pytest.mark.parametrize(
    "text",
    [
        "The 4th JCC was held in Islamabad via video link.",
        "ISLAMABAD: The 4th JCC was held here through video conference.",
        "The 4th JCC, held virtually, was hosted in Islamabad.",
        "The second round of BPC was held in Islamabad on Thursday.\nThe foreign secretary "
        "and the vice foreign minister interacted with each other through video link.",
    ],
)
def test_a_virtual_meeting_has_no_city_even_when_held_somewhere(text):
    assert venue(text) == ("", "", "virtual")


def test_meetings_held_virtually_together_have_no_city():
    text = (
        "Lahore, 9 May 2022 (Wire): Pakistan and China conducted meetings of the two Joint "
        "Working Groups on Energy and Water Resources. The meetings were held virtually.\n"
        "The 5th session of the Joint Working Group on Energy was co-chaired by two secretaries."
    )
    found = [(m.body, m.city, m.mode) for m in extract(text).meetings]
    assert sorted(found) == [("JWG-Energy", "", "virtual"), ("JWG-Water", "", "virtual")]


def test_a_hybrid_meeting_keeps_its_city():
    text = "The 4th JWG on Agriculture was convened in Beijing in a hybrid format."
    assert venue(text) == ("Beijing", "China", "hybrid")


def test_held_with_an_object_at_a_place_and_city():
    text = (
        "Pakistan and China held the first round of political consultations at the Ministry "
        "of Foreign Affairs, Islamabad on Monday."
    )
    assert venue(text)[:2] == ("Islamabad", "Pakistan")


@pytest.mark.parametrize("how", ["in video format", "by video call"])
def test_more_ways_of_saying_by_video(how):
    assert venue(f"The 13th JCC was held {how} in Beijing.") == ("", "", "virtual")


@pytest.mark.parametrize(
    "how", ["with delegates joining online and offline", "both in person and online"]
)
def test_online_and_offline_together_is_hybrid_and_keeps_the_city(how):
    assert venue(f"The 4th JCC was convened in Beijing, {how}.") == ("Beijing", "China", "hybrid")


def test_power_plants_coming_online_before_the_meeting_do_not_make_it_virtual():
    text = (
        "When the first plants came online in 2017, load-shedding eased.\n"
        "The 6th JWG-ICC, held in Beijing on Wednesday, was co-chaired by two vice ministers."
    )
    assert venue(text)[:2] == ("Beijing", "China")


@pytest.mark.parametrize(
    "travel",
    [
        "before the arrival of the Chinese President to Islamabad",
        "ahead of the Prime Minister's visit to Beijing next month",
        "after the minister's three-day trip to Beijing",
        "before the minister departs to Beijing",
    ],
)
def test_where_someone_travels_is_not_the_venue(travel):
    text = (
        f"date 2025-07-12\nThe 15th JCC meeting will be held in the first week of August, {travel}."
    )
    [m] = extract(text).meetings
    assert (m.status, m.city) == ("planned", "")
