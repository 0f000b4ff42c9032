"""Bodies and meeting numbers: names, abbreviations, typos, ordinals."""

import pytest

from meetings.extraction import extract


def meetings_of(text):
    return [(m.body, m.number) for m in extract(text).meetings]


def planned_and_held(text):
    """(body, number, status, is_main_subject) of each meeting."""
    return [(m.body, m.number, m.status, m.is_main_subject) for m in extract(text).meetings]


@pytest.mark.parametrize(
    "name",
    [
        "Joint Working Group on International Cooperation and Coordination",
        "Joint Working Group on International Cooperation & Coordination (JWG-ICC)",
        "JWG-ICC",
        "JWG on ICC",
        "JWG on International Cooperation and Coordination",
        "CPEC Joint Working Group on International Cooperation and Coordination",
        "Joint Working Groop on International Cooperation and Coordiantion",
        "Joint Working Goup on Internatinal Cooperation and Coordination",
    ],
)
def test_it_recognises_the_jwg_icc_however_written(name):
    assert meetings_of(f"The third meeting of the {name} was held in Karachi.") == [("JWG-ICC", 3)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The 10th Joint Cooperation Committee met in Beijing.", ("JCC", 10)),
        ("The JCC's 11th meeting was held via video link.", ("JCC", 11)),
        ("The 12th JCC meeting was held in Islamabad.", ("JCC", 12)),
        ("The fourth round of Bilateral Political Consultations was held.", ("BPC", 4)),
        ("The BPC round 4 was held in Beijing.", ("BPC", 4)),
        ("The 2nd round of Pakistan-China political consultations was held.", ("BPC", 2)),
        ("The fifth round of Bilateral Politcal Consultations was held.", ("BPC", 5)),
        (
            "The two countries held the third round of diplomatic consultations at the "
            "vice-foreign-ministerial level in Beijing.",
            ("BPC", 3),
        ),
        (
            "The second vice foreign ministerial level diplomatic consultations were held.",
            ("BPC", 2),
        ),
    ],
)
def test_it_recognises_jcc_and_bpc(sentence, expected):
    assert meetings_of(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ninth meeting of the Joint Working Group on Energy was held.", "JWG-Energy"),
        ("The 3rd meeting of the JWG on Special Economic Zones was held.", "JWG-SEZ"),
        (
            "The 3rd meeting of the Joint Working Group on Special Economic Zones (SEZs) was held.",
            "JWG-SEZ",
        ),
        ("The second session of the JWG-Gwadar was held in Gwadar.", "JWG-Gwadar"),
        (
            "The fourth meeting of the CPEC Joint Working Group on Agriculture was held.",
            "JWG-Agriculture",
        ),
    ],
)
def test_other_working_groups_get_a_short_name(sentence, expected):
    meeting = extract(sentence).meetings[0]
    assert meeting.body == expected


def test_an_unknown_jwg_keeps_its_name_as_written():
    meeting = extract("The first meeting of the Joint Working Group on Energy was held.").meetings[
        0
    ]
    assert meeting.body_name == "Joint Working Group on Energy"


@pytest.mark.parametrize(
    "ordinal, number",
    [
        ("second", 2),
        ("2nd", 2),
        ("fifth", 5),
        ("5th", 5),
        ("twelfth", 12),
        ("twenty-first", 21),
        ("21st", 21),
        ("inaugural", 1),
        ("first-ever", 1),
        ("Third", 3),
    ],
)
def test_it_reads_ordinals_in_words_and_digits(ordinal, number):
    assert meetings_of(f"The {ordinal} meeting of the JCC was held in Beijing.") == [
        ("JCC", number)
    ]


@pytest.mark.parametrize("session", ["the 3rd session of the JCC", "the JCC session No. 3"])
def test_it_reads_session_numbers(session):
    assert meetings_of(f"Officials attended {session} in Islamabad.") == [("JCC", 3)]


def test_a_misspelt_ordinal_nothing_confirms_is_not_guessed():
    # the issue: a typo counts only when the article spells the ordinal right elsewhere
    assert meetings_of("The fiith round of BPC was held in Beijing.") == [("BPC", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Both countries held the fourth round of their Bilateral Political Consultations "
            "in Islamabad. It was the third time the talks met in Pakistan.",
            [("BPC", 4)],
        ),
        ("This JCC is the heart of the corridor, officials said after it met.", [("JCC", None)]),
        (
            "The 5th JCC met in Karachi. There JCC members agreed on the fifth plan.",
            [("JCC", 5)],
        ),
        (
            "The seventh JWG-ICC met in Gwadar. Eight JWG-ICC officials also attended.",
            [("JWG-ICC", 7)],
        ),
    ],
)
def test_common_words_are_not_read_as_misspelt_ordinals(text, expected):
    assert meetings_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The tenth meeting of the Joint Working Group on Mining was held in Quetta. The "
            "sides reviewed the ninth meeting of the working group, held in Beijing.",
            [("JWG-Mining", 10), ("JWG-Mining", 9)],
        ),
        (
            "The 3rd round of the Bilateral Political Consultations was held in Beijing. It "
            "built on the second round of the consultations held in Lahore.",
            [("BPC", 3), ("BPC", 2)],
        ),
        (
            "The ninth JCC met in Islamabad on Friday. The eighth session of the committee, "
            "held in Urumqi, had approved two projects.",
            [("JCC", 9), ("JCC", 8)],
        ),
        (
            "Officials recalled how the JWG on Health began. Its first meeting, in 2019, was "
            "brief. The second, held in Lahore, was longer.",
            [("JWG-Health", 1), ("JWG-Health", 2)],
        ),
    ],
)
def test_a_generic_name_or_a_bare_ordinal_refers_to_the_body_in_hand(text, expected):
    assert meetings_of(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides agreed to convene the 12th JCC in Karachi.",
        "Officials plan to hold the fifth round of the BPC in Beijing.",
        "The 12th JCC, which officials hope will approve three new zones, is scheduled for May.",
        "The fifth JWG-ICC, delayed twice by floods and by elections, would meet again in June.",
    ],
)
def test_meetings_announced_for_later_are_planned_and_not_the_news(sentence):
    text = "The 11th JCC was held in Beijing on Monday.\n" + sentence
    found = planned_and_held(text)
    assert found[0] == ("JCC", 11, "held", True)
    assert [f[2:] for f in found[1:]] == [("planned", False)]


def test_a_misspelt_ordinal_confirmed_elsewhere_is_read():
    text = (
        "The fourth round of the Bilateral Political Consultations opened in Beijing.\n"
        "The dourth round of BPC was held as the two sides met."
    )
    assert meetings_of(text) == [("BPC", 4)]


def test_an_ambiguous_misspelt_ordinal_is_not_guessed():
    # "nenth" is one edit from both "ninth" and "tenth", and nothing else confirms either
    text = "The nenth round of BPC was held in Beijing."
    assert meetings_of(text) == [("BPC", None)]


def test_a_number_is_never_invented():
    assert meetings_of("Pakistan and China held a JCC meeting in Beijing on Monday.") == [
        ("JCC", None)
    ]


def test_a_body_only_named_in_background_is_not_a_meeting():
    assert meetings_of("The JCC is the apex decision-making body of CPEC.") == []


def test_a_future_meeting_is_listed_as_planned_beside_the_one_held():
    text = (
        "The eighth meeting of the JWG-ICC was held in Beijing.\n"
        "It was decided that the next JCC will be held in Islamabad."
    )
    assert planned_and_held(text) == [
        ("JWG-ICC", 8, "held", True),
        ("JCC", None, "planned", False),
    ]


def test_mentions_are_merged_by_body_and_number():
    text = (
        "The 3rd JCC opened in Beijing.\n"
        "At the third meeting of the Joint Cooperation Committee, the sides agreed on power.\n"
        "The JCC meeting ended on a positive note."
    )
    assert meetings_of(text) == [("JCC", 3)]


def test_a_bare_jwg_refers_to_the_working_group_being_reported():
    text = (
        "The sixth meeting of the Joint Working Group on Energy was held in Lahore.\n"
        "The JWG also reviewed progress since the fifth meeting held in Beijing."
    )
    assert meetings_of(text) == [("JWG-Energy", 6), ("JWG-Energy", 5)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The fourthe meeting of the Joint Working Group on Tourism was held in Skardu on "
            "3 May 2023. Officials called it the fourth success in a row.",
            ("JWG-Tourism", 4),
        ),
        (
            "The Joint Cooperation Committee (JCC) had its tenht meeting in Karachi. Yes, the "
            "tenth already.",
            ("JCC", 10),
        ),
        (
            "Gwadar hosted the seventth session of the Joint Cooperation Committee. The seventh "
            "JCC was the busiest yet.",
            ("JCC", 7),
        ),
    ],
)
def test_a_misspelt_ordinal_spelt_right_anywhere_in_the_article_counts(text, expected):
    assert meetings_of(text) == [expected]


def test_a_misspelt_ordinal_with_two_right_spellings_nearby_is_not_guessed():
    # "fiveth" is one letter from "fifth"; nothing in the text spells "fifth"
    text = "The fiveth round of BPC was held in Beijing. Sixth graders visited."
    assert meetings_of(text) == [("BPC", None)]


@pytest.mark.parametrize(
    "name", ["Joint Workng Group on Tourism", "Joint Working Gruop on Tourism"]
)
def test_a_jwg_name_with_a_misspelt_word_is_still_a_jwg(name):
    assert meetings_of(f"The second meeting of the {name} was held in Gilgit.") == [
        ("JWG-Tourism", 2)
    ]


def test_whose_numbers_the_body_the_clause_hangs_on():
    text = (
        "The committee works next to the Bilateral Political Consultations between the two "
        "foreign offices, whose sixth round took place in Beijing in 2021."
    )
    assert meetings_of(text) == [("BPC", 6)]


def test_a_body_that_will_hold_its_next_numbered_meeting_previews_it():
    text = "The Joint Working Group on Tourism will hold its third meeting in Gilgit next week."
    assert planned_and_held(text) == [("JWG-Tourism", 3, "planned", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan and Iran held the fifth round of their bilateral political consultations in "
        "Tehran on Monday.",
        "China and Nepal held the 9th round of diplomatic consultations at the vice-foreign-"
        "ministerial level in Kathmandu.",
        "Talks between China and Sri Lanka, the 4th round of political consultations, ended.",
    ],
)
def test_consultations_with_a_third_country_are_not_a_china_pakistan_meeting(text):
    assert meetings_of(text) == []


def test_a_sentence_naming_both_sides_and_a_third_country_keeps_its_meeting():
    text = (
        "Pakistan and China held the fifth round of Bilateral Political Consultations in "
        "Beijing, where they also discussed Afghanistan and Iran."
    )
    assert meetings_of(text) == [("BPC", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "The 16th meeting of the Joint Cooperation Committee, first planned for May, is now "
        "scheduled for October in Karachi.",
        "The 16th JCC has been postponed until after the budget, officials said.",
        "The 16th JCC, delayed twice already, was put off again on Monday.",
    ],
)
def test_postponed_and_rescheduled_meetings_are_planned_not_held(text):
    assert planned_and_held(text) == [("JCC", 16, "planned", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The Joint Cooperation Committee met for the first time in Beijing in 2013.",
        "Few know the Joint Working Group on Mining. The group met for the first time in "
        "Quetta in 2021.",
    ],
)
def test_met_for_the_first_time_is_the_first_meeting(text):
    assert [n for _, n in meetings_of(text)] == [1]


def test_sides_meeting_for_the_first_time_since_a_year_are_not_a_first_meeting():
    text = (
        "The fifth JCC was held in Beijing. Delegates met for the first time since 2019 "
        "without masks."
    )
    assert meetings_of(text) == [("JCC", 5)]


def test_a_bare_ordinal_in_a_list_of_sessions_is_a_session_of_the_body():
    text = (
        "The Joint Working Group on Mining first met in 2019. Its second session was held "
        "online in 2020, and the third took place in Quetta on 4 May 2022."
    )
    assert meetings_of(text) == [("JWG-Mining", 1), ("JWG-Mining", 2), ("JWG-Mining", 3)]


def test_the_consensus_reached_at_another_session_is_a_look_back():
    text = (
        "The 6th meeting of the Joint Working Group on Mining was held in Quetta. The sides "
        "vowed to implement the consensus reached at the 10th meeting of the JCC."
    )
    found = {(m.body, m.number): m.is_main_subject for m in extract(text).meetings}
    assert found == {("JWG-Mining", 6): True, ("JCC", 10): False}


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan and Turkiye held the sixth round of Bilateral Political Consultations in "
        "Ankara on Tuesday.",
        "Pakistan held the 3rd round of bilateral political consultations with Ghana in Accra.",
    ],
)
def test_consultations_with_other_third_countries_are_not_ours(text):
    assert meetings_of(text) == []


def test_a_number_before_a_body_name_with_an_acronym_in_brackets():
    text = (
        "Officials attended the 11th meeting of the China-Pakistan Economic Corridor (CPEC) "
        "Joint Working Group on Energy in Lahore."
    )
    assert meetings_of(text) == [("JWG-Energy", 11)]


def test_this_nth_meeting_is_the_articles_own_body_not_the_one_named_last():
    text = (
        "The seventh meeting of the Joint Cooperation Committee (JCC) was held in Karachi on "
        "May 30.\n\nThe two sides agreed to deepen cooperation in agriculture.\n\n"
        "The Joint Working Group on Health, set up last year, will be briefed on the outcome. "
        "Diplomats said this seventh meeting was the most productive so far."
    )
    assert meetings_of(text) == [("JCC", 7)]


@pytest.mark.parametrize(
    "name, short",
    [
        ("Joint Working Group on Long-Term Planning", "JWG-Planning"),
        ("CPEC Energy Working Group", "JWG-Energy"),
        ("working group on transport infrastructure", "JWG-Transport"),
        ("China-Pakistan Joint Working Group on Gwadar", "JWG-Gwadar"),
        ("Joint Working Group on CPEC Industrial Cooperation", "JWG-Industrial"),
        (
            "Joint Working Groups of China Pakistan Economic Corridor (CPEC) Industrial Cooperation",
            "JWG-Industrial",
        ),
        ("Joint Working Group on Special Economic Zones", "JWG-SEZ"),
        ("joint working group on socio-economic development", "JWG-Socio-Economic"),
        ("Joint Working Group on safety and Security CPEC", "JWG-Security"),
        ("Joint Working Group (JWG) on Science and Technology", "JWG-S&T"),
        ("Agriculture Working Group", "JWG-Agriculture"),
        ("Joint Working Group on Information Technology Industry", "JWG-IT"),
        ("working group on water resources", "JWG-Water"),
        ("CPEC International Cooperation Coordination Working Group", "JWG-ICC"),
        (
            "China-Pakistan Economic Corridor International Cooperation and Coordination Working "
            "Group",
            "JWG-ICC",
        ),
    ],
)
def test_every_cpec_working_group_is_recognised_under_its_real_names(name, short):
    assert meetings_of(f"The fourth meeting of the {name} was held in Karachi.") == [(short, 4)]


def test_a_working_group_described_by_its_task_is_that_group():
    text = (
        "The second meeting of the joint working group (JWG) between the two governments was "
        "held on Monday to review the long-term plan of CPEC."
    )
    assert meetings_of(text) == [("JWG-Planning", 2)]


def test_two_working_groups_named_together_are_two_meetings():
    text = (
        "Pakistan and China conducted meetings of the two Joint Working Groups on Energy and "
        "Water Resources. The 7th Session of the Joint Working Group on Energy was co-chaired "
        "by two secretaries."
    )
    assert sorted(meetings_of(text), key=str) == [("JWG-Energy", 7), ("JWG-Water", None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The second round of bilateral consultations between Pakistan and China was held.", 2),
        ("Pakistan and China held the first round of political consultations in Islamabad.", 1),
        ("The 9th Joint Coordination Committee meeting was held in Beijing.", 9),
        ("The inaugural meeting of the Joint Cooperation Committee was held in Beijing.", 1),
    ],
)
def test_bpc_and_jcc_under_other_words(sentence, expected):
    assert [n for _, n in meetings_of(sentence)] == [expected]


def test_a_body_named_as_the_parent_of_the_group_is_not_a_meeting():
    text = (
        "The second meeting of the Joint Working Group on Agriculture, which is part of the "
        "CPEC's Joint Cooperation Committee (JCC), was held via video link."
    )
    assert meetings_of(text) == [("JWG-Agriculture", 2)]


def test_working_groups_listed_as_a_jcc_agenda_are_not_meetings():
    text = (
        "The ninth JCC was held in Islamabad. During the meeting, the CPEC working groups in "
        "energy, transport infrastructure and industrial cooperation reported progress."
    )
    assert meetings_of(text) == [("JCC", 9)]


@pytest.mark.parametrize(
    "name",
    [
        "12th (Special) JCC",
        "12th (Special) Joint Cooperation Committee meeting",
        "Special Commemorative 12th Joint Coordination Committee (JCC) meeting",
        "12th Special JCC",
    ],
)
def test_a_special_session_keeps_its_number(name):
    assert meetings_of(f"The {name} was held in Beijing.") == [("JCC", 12)]


@pytest.mark.parametrize("verb", ["announced the establishment of", "agreed to set up", "formed"])
def test_a_working_group_being_set_up_is_not_a_meeting_of_it(verb):
    text = f"At the 10th JCC, held in Beijing, the two sides {verb} a joint working group on water resources."
    assert meetings_of(text) == [("JCC", 10)]


@pytest.mark.parametrize(
    "name, short", [("Industrial Cooperation JWG", "JWG-Industrial"), ("Gwadar JWG", "JWG-Gwadar")]
)
def test_a_topic_before_jwg_names_the_group(name, short):
    assert meetings_of(f"The 3rd meeting of the {name} was held in Karachi.") == [(short, 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "China and Pakistan held the third round of vice foreign ministerial diplomatic "
        "consultations in Beijing.",
        "The third round of diplomatic consultations between China and Pakistan was held.",
    ],
)
def test_diplomatic_consultations_are_the_bpc(sentence):
    assert meetings_of(sentence) == [("BPC", 3)]


def test_a_working_groups_abbreviation_after_its_name_is_the_same_group():
    text = (
        "The Joint Working Group on Industrial Cooperation (JWG-IC) held its 7th meeting at "
        "the Board of Investment."
    )
    assert meetings_of(text) == [("JWG-Industrial", 7)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("China and Pakistan held the 6th JWG meeting on Gwadar.", ("JWG-Gwadar", 6)),
        ("The third Joint Working Group (JWG) meeting on Security was held.", ("JWG-Security", 3)),
        (
            "Both sides convened the 5th Joint Working Group meeting on Long Term Planning.",
            ("JWG-Planning", 5),
        ),
        ("The 11th session of the CPEC's Joint Cooperation Committee was held.", ("JCC", 11)),
    ],
)
def test_a_meeting_noun_between_group_and_topic_and_a_possessive_filler(sentence, expected):
    assert meetings_of(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, found",
    [
        (
            "The first meeting of the Energy Planning Working Group of CPEC was held on Tuesday.",
            [("JWG-Energy", 1)],
        ),
        (
            "The 9th joint energy working group meeting was held on Tuesday.",
            [("JWG-Energy", 9)],
        ),
        (
            "The projects were approved by the seventh Joint Cooperation Council (JCC) meeting "
            "on Tuesday.",
            [("JCC", 7)],
        ),
        (
            "The meetings of the Joint Working Group (JWG) on Gwadar and Industrial Cooperation "
            "were held via video link on Thursday.",
            [("JWG-Gwadar", None), ("JWG-Industrial", None)],
        ),
        (
            "The meeting of the Joint Working Group (JWG) on Gwadar and Industrial Cooperation "
            "was held via video link on Thursday.",
            [("JWG-Gwadar", None)],
        ),
    ],
)
def test_working_groups_and_the_jcc_under_names_real_reports_use(sentence, found):
    assert meetings_of(f"date 2025-07-12\nISLAMABAD: {sentence}") == found


@pytest.mark.parametrize(
    "sentence",
    [
        "During the meeting, both sides agreed on the port's projects, recommending the new "
        "airport as a deliverable to the Joint Cooperation Committee.",
        "The working group held on Monday decided to submit its proposals to the JCC.",
        "The proposals discussed during the meeting will be sent to the JCC for approval.",
    ],
)
def test_a_body_that_only_receives_something_holds_no_meeting(sentence):
    text = (
        "date 2025-07-12\nISLAMABAD: The 5th meeting of the Joint Working Group on Gwadar was "
        f"held on Monday. {sentence}"
    )
    assert meetings_of(text) == [("JWG-Gwadar", 5)]
