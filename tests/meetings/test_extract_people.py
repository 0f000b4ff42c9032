"""Co-chairs and delegation leaders: names, titles, countries."""

import pytest

from meetings.extraction import extract


def people(text, role="co_chairs", index=0):
    meeting = extract(text).meetings[index]
    return [(p.name, p.title, p.country) for p in getattr(meeting, role)]


LUO = ("Luo Wen", "Vice Foreign Minister", "China")
SOHAIL = ("Sohail Iqbal", "Foreign Secretary", "Pakistan")


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting was co-chaired by Vice Foreign Minister Luo Wen and Foreign Secretary of "
        "Pakistan Sohail Iqbal.",
        "The meeting was co-chaired by Chinese Vice Foreign Minister Luo Wen and Pakistan's "
        "Foreign Secretary Sohail Iqbal, in a cordial atmosphere.",
        "Vice Foreign Minister of China Luo Wen and Foreign Secretary Sohail Iqbal co-chaired "
        "the meeting.",
        "According to a press release, Vice Foreign Minister Luo Wen and Foreign Secretary "
        "Sohail Iqbal jointly co-chaired the meeting.",
        "The meeting was co-chaired by Mr. Luo Wen, Vice Foreign Minister of China, and "
        "Mr. Sohail Iqbal, Pakistan's Foreign Secretary.",
        "The meeting was co-chaired from Chinese side by Vice Foreign Minister Luo Wen and "
        "from Pakistan side by Foreign Secretary Sohail Iqbal.",
    ],
)
def test_it_reads_co_chairs_with_titles_before_or_after_names(sentence):
    text = f"The third meeting of the JWG-ICC was held in Beijing.\n{sentence}"
    assert sorted(people(text)) == sorted([LUO, SOHAIL])


def test_co_chaired_with_names_both_sides():
    text = (
        "Foreign Secretary Sohail Iqbal, who co-chaired the ninth JCC with Luo Wen, China's Vice "
        "Foreign Minister, briefed reporters."
    )
    assert sorted(people(text)) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Secretary Sohail Iqbal led the Pakistan delegation, while Vice Foreign Minister "
        "Luo Wen led the Chinese side.",
        "The Pakistani side was led by Foreign Secretary Sohail Iqbal, while the Chinese "
        "delegation was headed by Vice Foreign Minister Luo Wen.",
        "The Pakistani side was represented by Foreign Secretary Sohail Iqbal, and the Chinese "
        "side by Vice Foreign Minister Luo Wen.",
    ],
)
def test_it_reads_delegation_leaders(sentence):
    text = f"The sixth round of BPC was held in Islamabad.\n{sentence}"
    assert sorted(people(text, "delegation_leaders")) == sorted([LUO, SOHAIL])


def test_the_delegation_gives_the_country_when_the_title_does_not():
    text = (
        "The fifth JWG-ICC was held in Karachi. Director General Bilal Ahmed led the Pakistani "
        "delegation, while Director General Chen Lin led the Chinese delegation."
    )
    assert sorted(people(text, "delegation_leaders")) == [
        ("Bilal Ahmed", "Director General", "Pakistan"),
        ("Chen Lin", "Director General", "China"),
    ]


def test_the_two_leaders_co_chairing_makes_the_delegation_leaders_co_chairs():
    text = (
        "The fourth meeting of the JWG on Agriculture was held in Lahore.\n"
        "Secretary Asad Mir led the Pakistani delegation, while Ms. Wu Lan led the Chinese "
        "side. The two leaders co-chaired the session."
    )
    assert [p[0] for p in people(text)] == ["Asad Mir", "Wu Lan"]


@pytest.mark.parametrize(
    "title, country",
    [
        ("Federal Minister for Planning, Development and Special Initiatives", "Pakistan"),
        ("Vice Chairman of the National Development and Reform Commission", "China"),
        ("Assistant Foreign Minister", "China"),
        ("Additional Foreign Secretary", "Pakistan"),
    ],
)
def test_a_title_used_by_one_side_gives_the_country(title, country):
    text = f"The 11th JCC was held in Beijing. It was co-chaired by {title} Karim Noor."
    assert people(text) == [("Karim Noor", title, country)]


def test_a_person_keeps_the_title_seen_earlier_in_the_article():
    text = (
        "Vice Foreign Minister Luo Wen arrived in Islamabad on Monday.\n"
        "The seventh JWG-ICC was held in Islamabad. Luo Wen and Sohail Iqbal, Pakistan's "
        "Foreign Secretary, co-chaired the meeting."
    )
    assert sorted(people(text)) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize("honorific", ["Mr.", "Ms.", "Dr.", "Mr"])
def test_honorifics_are_stripped(honorific):
    text = f"The 2nd JCC was held in Beijing, co-chaired by {honorific} Zafar Ali and Li Ming."
    assert [p[0] for p in people(text)] == ["Zafar Ali", "Li Ming"]


def test_title_words_are_never_names():
    text = "The 2nd JCC was co-chaired by the Foreign Secretary and the Vice Foreign Minister."
    assert people(text) == []


def test_co_chairs_of_one_meeting_are_not_copied_to_another():
    text = (
        "The fifth meeting of the JWG-ICC was co-chaired by Vice Foreign Minister Luo Wen and "
        "Foreign Secretary Sohail Iqbal.\n"
        "The two sides reviewed progress since the fourth meeting of the JWG-ICC held in "
        "Islamabad in 2022."
    )
    result = extract(text)
    assert [len(m.co_chairs) for m in result.meetings] == [2, 0]


# --- rules added for co-chair and delegation-leader phrasings -----------------------------


def test_kong_is_a_surname_and_hong_kong_is_a_place():
    text = (
        "The 3rd round of BPC was held in Beijing. The Chinese delegation was led by Mr. Kong "
        "Lihua, Vice Foreign Minister, who had just returned from Hong Kong."
    )
    assert people(text, "delegation_leaders") == [("Kong Lihua", "Vice Foreign Minister", "China")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The session opened in Lahore, with Foreign Secretary Sohail Iqbal leading the Pakistani "
        "side.",
        "Foreign Secretary Sohail Iqbal, heading the Pakistani delegation, spoke first.",
    ],
)
def test_leading_and_heading_name_a_delegation_leader(sentence):
    text = f"The 9th round of BPC was held in Lahore. {sentence}"
    assert people(text, "delegation_leaders") == [SOHAIL]


def test_a_relative_clause_after_co_chaired_is_not_its_by_phrase():
    text = (
        "The 7th JCC was held in Beijing. Foreign Secretary Sohail Iqbal and Vice Foreign "
        "Minister Luo Wen co-chaired the session, which was attended by officials of the "
        "Planning Commission."
    )
    assert sorted(people(text)) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence",
    [
        "China's delegation at the talks, held over two days, was headed by Vice Foreign "
        "Minister Luo Wen.",
        "The Chinese delegation to the consultations was led by Vice Foreign Minister Luo Wen.",
    ],
)
def test_the_side_and_its_leader_may_be_apart(sentence):
    text = f"The 4th round of BPC took place in Shanghai. {sentence}"
    assert people(text, "delegation_leaders") == [LUO]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two officials led their countries' delegations at the consultations.",
        "The two led their respective delegations.",
        "Both men headed their respective sides.",
    ],
)
def test_the_two_officials_leading_delegations_are_the_two_named_before(sentence):
    text = (
        "Vice Foreign Minister Luo Wen arrived in Islamabad on Monday to meet Foreign Secretary "
        f"Sohail Iqbal.\nThe 6th round of BPC was held in Islamabad on Tuesday. {sentence}"
    )
    assert sorted(people(text, "delegation_leaders")) == sorted([LUO, SOHAIL])


def test_two_people_of_the_same_country_are_not_the_two_delegation_leaders():
    text = (
        "Foreign Secretary Sohail Iqbal met Federal Minister for Planning Asad Mir on Monday.\n"
        "The 6th round of BPC was held in Islamabad. The two officials led their delegations."
    )
    assert people(text, "delegation_leaders") == []


def test_x_and_y_led_their_respective_delegations():
    text = (
        "The 6th round of BPC was held in Islamabad. Foreign Secretary Sohail Iqbal and Vice "
        "Foreign Minister Luo Wen led their respective delegations."
    )
    assert sorted(people(text, "delegation_leaders")) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence, role",
    [
        (
            "The Foreign Secretary co-chaired the 2nd JCC with Vice Foreign Minister Luo Wen.",
            "co_chairs",
        ),
        (
            "At the 2nd round of BPC, the Foreign Secretary led the Pakistan delegation, while the "
            "Chinese side was led by Vice Foreign Minister Luo Wen.",
            "delegation_leaders",
        ),
    ],
)
def test_a_title_alone_is_the_person_named_earlier_with_that_title(sentence, role):
    text = f"Foreign Secretary Sohail Iqbal arrived in Beijing on Sunday.\n{sentence}"
    assert sorted(people(text, role)) == sorted([LUO, SOHAIL])


def test_a_title_alone_with_no_earlier_holder_names_nobody():
    text = "The 2nd JCC was held in Beijing. The Foreign Secretary co-chaired it with Luo Wen."
    assert people(text) == [("Luo Wen", "", "")]


def test_a_title_alone_held_by_two_people_earlier_names_nobody():
    text = (
        "Director General Bilal Ahmed and Director General Chen Lin met in May.\n"
        "The 2nd JCC was held in Beijing. The Director General co-chaired it with Luo Wen."
    )
    assert people(text) == [("Luo Wen", "", "")]


@pytest.mark.parametrize("reference", ["Mr. Iqbal", "Foreign Secretary Iqbal"])
def test_a_surname_is_the_full_name_seen_earlier(reference):
    text = (
        "Foreign Secretary Sohail Iqbal arrived in Beijing on Sunday.\n"
        f"The 2nd JCC was co-chaired by {reference} and Vice Foreign Minister Luo Wen."
    )
    assert sorted(people(text)) == sorted([LUO, SOHAIL])


def test_a_surname_never_seen_in_full_names_nobody():
    text = "The 2nd JCC was co-chaired by Mr. Iqbal and Vice Foreign Minister Luo Wen."
    assert people(text) == [LUO]


def test_the_two_officials_co_chairing_are_the_two_named_before():
    text = (
        "The 5th JWG on Health was held in Karachi.\n"
        "The Pakistani side was represented by Dr. Asad Mir, Director General Health, and the "
        "Chinese side by Ms. Chen Lin of China's National Health Commission. The two officials "
        "co-chaired the meeting."
    )
    assert [p[0] for p in people(text)] == ["Asad Mir", "Chen Lin"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The meeting was co-chaired by Director General Bilal Ahmed and Vice Minister Chen Lin.",
            [
                ("Bilal Ahmed", "Director General", "Pakistan"),
                ("Chen Lin", "Vice Minister", "China"),
            ],
        ),
        (
            "The meeting was co-chaired by Chen Lin, Director of China's Energy Bureau, and Bilal "
            "Ahmed, Director of the Power Board.",
            [
                ("Chen Lin", "Director of Energy Bureau", "China"),
                ("Bilal Ahmed", "Director of the Power Board", "Pakistan"),
            ],
        ),
    ],
)
def test_a_co_chair_with_no_country_is_from_the_other_side(sentence, expected):
    text = f"The 3rd JWG on Energy was held in Quetta. {sentence}"
    assert people(text) == expected


def test_the_other_side_is_not_guessed_for_three_co_chairs():
    text = (
        "The 3rd JWG on Energy was held in Quetta. It was co-chaired by Director General Bilal "
        "Ahmed, Vice Minister Chen Lin and Director Asad Mir."
    )
    assert [p[2] for p in people(text)] == ["", "China", ""]


def test_a_title_may_name_an_organisation_with_capitalised_words():
    text = (
        "The 1st JWG on Mining was held in Karachi. Chairman of the Sindh Coal Authority "
        "Asad Mir and Vice Minister Chen Lin co-chaired the session."
    )
    assert people(text)[0] == (
        "Asad Mir",
        "Chairman of the Sindh Coal Authority",
        "Pakistan",
    )


@pytest.mark.parametrize(
    "title_and_name, title",
    [
        ("Federal Minister for Railways Dr. Kamran Ali", "Federal Minister for Railways"),
        ("Minister for Water Resources Engr. Kamran Ali", "Minister for Water Resources"),
        ("Federal Secretary Prof. Kamran Ali", "Federal Secretary"),
    ],
)
def test_an_honorific_between_title_and_name_keeps_the_title(title_and_name, title):
    text = f"The 4th JCC was held in Lahore. {title_and_name} and Vice Minister Chen Lin co-chaired it."
    assert people(text)[0] == ("Kamran Ali", title, "Pakistan")


@pytest.mark.parametrize(
    "written, title",
    [
        ("Foreign Secratary Mr. Bilal Aziz", "Foreign Secratary"),
        ("Federal Ministar for Energy Bilal Aziz", "Federal Ministar for Energy"),
    ],
)
def test_a_title_word_misspelt_by_one_letter_is_still_a_title(written, title):
    text = f"The 4th JCC was held in Lahore. {written} and Vice Minister Chen Lin co-chaired it."
    assert people(text)[0] == ("Bilal Aziz", title, "Pakistan")


def test_an_organisation_name_opening_the_sentence_belongs_to_the_title():
    text = (
        "The 2nd JWG on Mining was held in Karachi. Sindh Coal Authority Chairman Asad Mir and "
        "Vice Minister Chen Lin co-chaired the session."
    )
    assert people(text)[0] == ("Asad Mir", "Sindh Coal Authority Chairman", "Pakistan")


@pytest.mark.parametrize(
    "written, title, country",
    [
        (
            "Deputy Director General of the Bureau of Western Opening-up at China's Ministry of "
            "Commerce Han Lei",
            "Deputy Director General of the Bureau of Western Opening-up at Ministry of Commerce",
            "China",
        ),
        (
            "Vice Minister of Housing and Rural Development Han Lei",
            "Vice Minister of Housing and Rural Development",
            "China",
        ),
    ],
)
def test_a_title_runs_across_words_that_are_not_title_words(written, title, country):
    text = f"The 2nd JWG on Mining was held in Karachi. {written} co-chaired the session."
    assert people(text)[0] == ("Han Lei", title, country)


@pytest.mark.parametrize(
    "title, country",
    [
        ("Secretary Board of Investment", "Pakistan"),
        ("Secretary National Food Security", "Pakistan"),
        ("Secretary Maritime Affairs", "Pakistan"),
        ("Joint Secretary of the Petroleum Division", "Pakistan"),
        ("Deputy Chairman Planning Commission", "Pakistan"),
        ("Chairman CPEC Authority", "Pakistan"),
        ("Deputy Administrator of the National Energy Administration", "China"),
        ("NEA deputy administrator", "China"),
        ("Vice Chairman of CIDCA", "China"),
        ("Director General at MOFCOM", "China"),
        ("Secretary-General of the Forum", ""),
        ("Party Secretary of Kashgar", ""),
        ("Director near the Border", ""),
    ],
)
def test_titles_only_one_side_uses_give_the_country(title, country):
    from meetings.extraction.people import typical_country

    assert typical_country(title) == country


def test_people_go_to_the_working_group_named_by_its_topic():
    text = (
        "date 2024-03-06\nPakistan and China held the fourth meeting of the Joint Working Group "
        "on Health on Monday and the second meeting of the Joint Working Group on Education on "
        "Tuesday in Karachi.\nThe health working group was co-chaired by Secretary Health Asad "
        "Mir and Vice Minister Chen Lin. The education working group, co-chaired by Secretary "
        "Education Bilal Aziz and Vice Minister Han Lei, agreed on scholarships."
    )
    chairs = {m.body: [p.name for p in m.co_chairs] for m in extract(text).meetings}
    assert chairs == {
        "JWG-Health": ["Asad Mir", "Chen Lin"],
        "JWG-Education": ["Bilal Aziz", "Han Lei"],
    }


def test_a_title_does_not_start_inside_the_previous_persons_words():
    text = (
        "The 5th JCC was held in Beijing. It was co-chaired by Additional Secretary (China) "
        "Imran Ahmed of Pakistan and Vice Minister Chen Lin."
    )
    assert people(text) == [
        ("Imran Ahmed", "Additional Secretary", "Pakistan"),
        ("Chen Lin", "Vice Minister", "China"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The 4th JCC met in Sukkur, with Foreign Secretary Ambassador Naila Qadir "
            "co-chairing alongside Vice Foreign Minister Ma Lin.",
            [
                ("Naila Qadir", "Foreign Secretary", "Pakistan"),
                ("Ma Lin", "Vice Foreign Minister", "China"),
            ],
        ),
        (
            "Proud to see Vice-Foreign Minister Ma Lin and Additional Foreign Secretary "
            "(East Asia) Ambassador Naila Qadir co-chairing the 4th JCC.",
            [
                ("Ma Lin", "Vice-Foreign Minister", "China"),
                ("Naila Qadir", "Additional Foreign Secretary", "Pakistan"),
            ],
        ),
    ],
)
def test_co_chairing_and_an_ambassador_rank_before_the_name(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Deputy Director General (Asia) at the Ministry of Commerce, Mr. Omar Farooq "
            "Awan, and Ms. Ma Lin of China co-chaired the 4th JCC.",
            ("Omar Farooq Awan", "Deputy Director General at the Ministry of Commerce", ""),
        ),
        (
            "Deputy Administrator, National Energy Administration, Mr. Ma Lin and Omar Farooq "
            "Awan co-chaired the 4th JCC.",
            ("Ma Lin", "Deputy Administrator, National Energy Administration", "China"),
        ),
    ],
)
def test_a_title_before_a_comma_and_an_honorific_belongs_to_the_name(sentence, expected):
    assert people(sentence)[0] == expected


def test_capitalised_words_of_an_organisation_are_not_a_person():
    text = (
        "The 4th JCC was co-chaired by Mr. Ma Lin, Director General of the Regional Planning "
        "Department of the NDRC, and Mr. Omar Farooq Awan, Secretary Planning."
    )
    assert [p[0] for p in people(text)] == ["Ma Lin", "Omar Farooq Awan"]


JCC = "The 9th JCC was held in Karachi. "


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a title's topic in lower case
        (
            "It was co-chaired by Tariq Saeed and Zhou Lin, vice-minister of ecology and "
            "environment.",
            ("Zhou Lin", "Vice-minister of ecology and environment", "China"),
        ),
        # an agency's acronym after a comma ends the title
        (
            "It was co-chaired by Zhou Lin, Director General of the Department of Regional "
            "Revitalisation, NDRC, and Tariq Saeed.",
            (
                "Zhou Lin",
                "Director General of the Department of Regional Revitalisation, NDRC",
                "China",
            ),
        ),
        (
            "It was co-chaired by Deputy Director General of the Department of Regional "
            "Revitalisation, NDRC, Zhou Lin and Tariq Saeed.",
            (
                "Zhou Lin",
                "Deputy Director General of the Department of Regional Revitalisation, NDRC",
                "China",
            ),
        ),
        # an agency's acronym before the title
        (
            "It was co-chaired by MOFCOM Director Zhou Lin and Tariq Saeed.",
            ("Zhou Lin", "MOFCOM Director", "China"),
        ),
    ],
)
def test_titles_are_kept_whole(sentence, expected):
    assert expected in people(JCC + sentence)


def test_informal_wording_of_who_led_each_side():
    text = JCC + (
        "Pakistan side was lead by Tariq Saeed who is secretary of water resources ministry "
        "and chinese side by vice minister Zhou Lin."
    )
    assert people(text, "delegation_leaders") == [
        ("Tariq Saeed", "Secretary of water resources ministry", "Pakistan"),
        ("Zhou Lin", "Vice minister", "China"),
    ]


# --- phrasings of real reports: who chaired or led, and who only spoke ---------------------

BPC = "The sixth round of BPC was held in Islamabad on 4 May 2023.\n"


def everyone(text):
    meeting = extract(text).meetings[0]
    return sorted(
        (p.name, p.title, p.country) for p in meeting.co_chairs + meeting.delegation_leaders
    )


@pytest.mark.parametrize(
    "sentence, role",
    [
        (
            "The meeting was presided over by Foreign Secretary Sohail Iqbal and Vice Foreign "
            "Minister Luo Wen.",
            "co_chairs",
        ),
        (
            "Vice Foreign Minister Luo Wen and Foreign Secretary Sohail Iqbal jointly chaired the "
            "round.",
            "co_chairs",
        ),
        (
            "The two sides were led by Foreign Secretary Sohail Iqbal and Vice Foreign Minister "
            "Luo Wen respectively.",
            "delegation_leaders",
        ),
        (
            "Their respective delegations were headed by Foreign Secretary Sohail Iqbal and Vice "
            "Foreign Minister Luo Wen.",
            "delegation_leaders",
        ),
        (
            "Pakistan was represented by Foreign Secretary Sohail Iqbal, while China was "
            "represented by Vice Foreign Minister Luo Wen.",
            "delegation_leaders",
        ),
    ],
)
def test_both_sides_chairs_or_leaders_in_other_words(sentence, role):
    assert sorted(people(BPC + sentence, role)) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Secretary Sohail Iqbal will lead the Pakistani delegation.",
        "Foreign Secretary Sohail Iqbal, who will lead Pakistani delegation, said the talks "
        "would chart the way ahead.",
        "Foreign Secretary Sohail Iqbal is to lead Pakistan's delegation at the talks.",
        "Led by Foreign Secretary Sohail Iqbal, the Pakistani delegation reached Beijing.",
        "Headed by Foreign Secretary Sohail Iqbal, a Pakistani delegation held the talks.",
    ],
)
def test_one_side_only_and_a_leader_still_to_lead(sentence):
    text = "The 7th round of BPC opens in Beijing today.\n" + sentence
    assert people(text, "delegation_leaders") == [SOHAIL]


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Secretary Sohail Iqbal and China's Vice Foreign Minister Luo Wen interacted "
        "through video link.",
        "Vice Foreign Minister Luo Wen and Foreign Secretary Sohail Iqbal held the "
        "consultations virtually.",
        "Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen held talks.",
    ],
)
def test_the_two_who_held_the_talks_lead_them_when_nobody_is_said_to(sentence):
    assert sorted(people(BPC + sentence, "delegation_leaders")) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence",
    [
        # both of one side
        "Foreign Secretary Sohail Iqbal and Additional Secretary Karim Noor held talks.",
        # a third person is the subject's head
        "Later, Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen held talks.",
    ],
)
def test_a_pair_that_is_not_both_sides_leads_nothing(sentence):
    assert everyone(BPC + sentence) == []


def test_the_two_who_held_the_talks_give_way_to_the_named_co_chairs():
    text = BPC + (
        "Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen held talks.\n"
        "The round was co-chaired by Additional Secretary Karim Noor and Director General "
        "Chen Lin."
    )
    assert [p.name for p in extract(text).meetings[0].delegation_leaders] == []
    assert [p.name for p in extract(text).meetings[0].co_chairs] == ["Karim Noor", "Chen Lin"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The round was co-chaired by Vice Foreign Minister Luo Wen and Foreign Secretary "
        "Sohail Iqbal, Foreign Office spokesperson Nadia Rauf told reporters.",
        "Foreign Office Spokesperson Nadia Rauf said that Vice Foreign Minister Luo Wen and "
        "Foreign Secretary Sohail Iqbal co-chaired the round.",
        "Vice Foreign Minister Luo Wen and Foreign Secretary Sohail Iqbal co-chaired the "
        "round, spokeswoman Nadia Rauf said.",
        "The round, which was co-chaired by Vice Foreign Minister Luo Wen and Foreign "
        "Secretary Sohail Iqbal, was addressed by Senator Nadia Rauf.",
        "Speaker Nadia Rauf welcomed the round, which was co-chaired by Vice Foreign Minister "
        "Luo Wen and Foreign Secretary Sohail Iqbal.",
    ],
)
def test_a_spokesperson_or_speaker_is_not_a_co_chair(sentence):
    assert everyone(BPC + sentence) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence, first, second",
    [
        (
            "The round was co-chaired by Mr. Chen Lin, Director General of the Department of "
            "Asian Affairs of the People's Republic of China and Ms. Nadia Rauf Khan, "
            "Additional Secretary of the Ministry of Interior of the Islamic Republic of "
            "Pakistan.",
            ("Chen Lin", "Director General of the Department of Asian Affairs", "China"),
            ("Nadia Rauf Khan", "Additional Secretary of the Ministry of Interior", "Pakistan"),
        ),
        (
            "Chen Lin, Vice Chairman of NDRC and Karim Noor, Federal Minister for Planning "
            "co-chaired the round.",
            ("Chen Lin", "Vice Chairman of NDRC", "China"),
            ("Karim Noor", "Federal Minister for Planning", "Pakistan"),
        ),
    ],
)
def test_a_title_after_a_name_stops_at_the_next_person(sentence, first, second):
    assert people(BPC + sentence) == [first, second]


@pytest.mark.parametrize("before", ["Mr.", "Vice Premier", "and"])
def test_he_inside_a_sentence_is_a_surname(before):
    text = BPC + f"The round was co-chaired by Planning Minister Karim Noor {before} He Lanfeng."
    assert "He Lanfeng" in [p.name for p in extract(text).meetings[0].co_chairs]


def test_he_opening_a_sentence_is_the_pronoun():
    text = BPC + "Karim Noor co-chaired the round. He Said the talks went well."
    assert [p.name for p in extract(text).meetings[0].co_chairs] == ["Karim Noor"]


@pytest.mark.parametrize(
    "later",
    [
        "Li Wenbo also led the Chinese delegation.",  # a letter dropped
        "Wenbo Liu led the Chinese side.",  # family name last
        "The Chinese side was led by Liu Wenbao.",  # a letter changed
    ],
)
def test_a_co_chair_written_another_way_later_is_the_same_person(later):
    text = BPC + (
        "The round was co-chaired by Mr. Liu Wenbo, Director General, and Ms. Nadia Rauf, "
        f"Additional Secretary. {later}"
    )
    assert [p.name for p in extract(text).meetings[0].co_chairs] == ["Liu Wenbo", "Nadia Rauf"]
    assert everyone(text) == [
        ("Liu Wenbo", "Director General", "China"),
        ("Nadia Rauf", "Additional Secretary", "Pakistan"),
    ]


def test_two_people_whose_short_given_names_differ_are_two_people():
    text = BPC + (
        "The round was co-chaired by Wang Yi and Karim Noor. Wang Yu led the Chinese side."
    )
    assert [p.name for p in extract(text).meetings[0].delegation_leaders] == ["Wang Yu"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The co-chairs, Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen, "
        "signed the minutes.",
        "The two co-chairs were Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen.",
    ],
)
def test_names_after_the_noun_co_chairs_are_the_co_chairs(sentence):
    assert sorted(people(BPC + sentence)) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Luo Wen, head of the Chinese delegation, said China was ready.",
        "Luo Wen, the head of the Chinese delegation, thanked the hosts.",
        "Head of the Chinese delegation Luo Wen said China was ready.",
        "Head of the Chinese delegation, Vice Foreign Minister Luo Wen, said China was ready.",
        "The Chinese delegation comprising officials of three ministries was led by Luo Wen.",
    ],
)
def test_the_head_of_a_sides_delegation_leads_it(sentence):
    assert [(p[0], p[2]) for p in people(BPC + sentence, "delegation_leaders")] == [
        ("Luo Wen", "China")
    ]


def test_the_head_of_a_delegation_thanking_someone_names_nobody_as_its_head():
    text = BPC + "The head of the Chinese delegation thanked Karim Noor for the arrangements."
    assert everyone(text) == []


def test_a_country_in_brackets_after_a_name_is_its_side():
    text = BPC + "The round, co-chaired by Karim Noor (Pakistan) and Chen Lin (China), ended."
    assert people(text) == [("Karim Noor", "", "Pakistan"), ("Chen Lin", "", "China")]


def test_an_ampersand_inside_a_title_keeps_the_title_whole():
    text = BPC + (
        "It was co-chaired by Mr. Karim Noor, Federal Minister for Planning, Development & "
        "Special Initiatives (PD&SI) and Mr. Chen Lin, Vice Chairman of the NDRC."
    )
    assert people(text)[0] == (
        "Karim Noor",
        "Federal Minister for Planning, Development & Special Initiatives",
        "Pakistan",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The round was co-chaired by Foreign Secretary Sohail Iqbal and Vice Foreign Minister "
        "Luo Wen and attended by Ambassador Karim Noor and Director General Chen Lin.",
        "The round was co-chaired by Foreign Secretary Sohail Iqbal and Vice Foreign Minister "
        "Luo Wen, and was also attended by Ambassador Karim Noor.",
        "The round was co-chaired by Foreign Secretary Sohail Iqbal and Vice Foreign Minister "
        "Luo Wen with the participation of Ambassador Karim Noor.",
        "Co-chaired by Foreign Secretary Sohail Iqbal and Vice Foreign Minister Luo Wen, the "
        "round was attended by Ambassador Karim Noor.",
        "Foreign Secretary Sohail Iqbal, accompanied by Ambassador Karim Noor, co-chaired the "
        "round with Vice Foreign Minister Luo Wen.",
    ],
)
def test_those_who_attended_or_came_along_are_not_co_chairs(sentence):
    assert everyone(BPC + sentence) == sorted([LUO, SOHAIL])


@pytest.mark.parametrize(
    "written",
    ["Lt Gen (retd) Karim Noor", "Lt. Gen. Karim Noor", "Maj Gen Karim Noor", "Brig. Karim Noor"],
)
def test_a_military_rank_before_a_name_is_not_part_of_it(written):
    text = BPC + f"Chairman CPEC Authority {written} led the Pakistani delegation."
    assert [p[0] for p in people(text, "delegation_leaders")] == ["Karim Noor"]


@pytest.mark.parametrize(
    "other",
    [
        "The preparatory meeting was chaired by Planning Minister Kamran Aziz.",
        "This was decided in a meeting of the Cabinet Committee on CPEC held here on Friday "
        "under the chairmanship of Planning Minister Kamran Aziz.",
        "A ministerial committee under the chairmanship of Planning Minister Kamran Aziz has "
        "been notified for the visit.",
        "Planning Minister Kamran Aziz and Ambassador Zhao Lin held talks on the preparations.",
    ],
)
def test_no_one_has_chaired_a_meeting_not_yet_held(other):
    text = (
        "date 2025-07-12\nISLAMABAD: The 15th meeting of the Joint Cooperation Committee (JCC) "
        f"will be held in Beijing next month. {other}"
    )
    [meeting] = extract(text).meetings
    assert meeting.status == "planned"
    assert (meeting.co_chairs, meeting.delegation_leaders) == ([], [])


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("He said the meeting would be co-chaired by Planning Minister Kamran Aziz.", "co_chairs"),
        (
            "Planning Minister Kamran Aziz is scheduled to lead the Pakistani delegation.",
            "delegation_leaders",
        ),
        ("Planning Minister Kamran Aziz will lead the Pakistani side.", "delegation_leaders"),
    ],
)
def test_who_is_to_chair_a_coming_meeting_is_named(sentence, role):
    text = (
        "date 2025-07-12\nISLAMABAD: The 15th meeting of the Joint Cooperation Committee (JCC) "
        f"will be held in Beijing next month. {sentence}"
    )
    assert [p[:2] for p in people(text, role)] == [("Kamran Aziz", "Planning Minister")]


def test_an_embedded_posts_author_and_date_are_not_the_meetings():
    text = (
        "date 2025-07-12\nThe 15th JCC is scheduled to be held on July 18.\n\n"
        "15th JCC on #CPEC will be held on Friday, 18th July via video link. Will be co-chaired "
        "by Planning Minister Kamran Aziz and NDRC Vice Chairman Zhao Lin. "
        "\u2014 Ali Raza Khan (@AliRKhan) July 11, 2025\n\n"
        "The 14th meeting was held in 2023."
    )
    meetings = extract(text).meetings
    [main] = [m for m in meetings if m.is_main_subject]
    assert (main.number, main.date) == (15, "2025-07-18")
    assert [p.name for p in main.co_chairs] == ["Kamran Aziz", "Zhao Lin"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Planning Minister Kamran Aziz presided over the JCC meeting from Pakistan's side, while "
        "Mr. Zhao Lin, the Vice Chairman of NDRC, chaired on behalf of the Chinese government.",
        "Planning Minister Kamran Aziz chaired the session for the Pakistani side; Vice Chairman "
        "Zhao Lin presided on behalf of China.",
    ],
)
def test_each_side_chairing_in_its_own_clause_is_a_co_chair(sentence):
    text = f"date 2025-07-12\nThe 15th JCC meeting was held in Beijing on Friday. {sentence}"
    assert [(p.name, p.country) for p in extract(text).meetings[0].co_chairs] == [
        ("Kamran Aziz", "Pakistan"),
        ("Zhao Lin", "China"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "From Pakistan side, Communications Secretary Kamran Aziz and from Chinese side Vice "
        "Minister Zhao Lin signed the minutes, a spokesman said.",
        "Communications Secretary Kamran Aziz and Vice Minister Zhao Lin signed the agreed minutes.",
        "The minutes were signed by Communications Secretary Kamran Aziz and Vice Minister Zhao "
        "Lin.",
    ],
)
def test_the_two_who_signed_the_minutes_led_the_sides(sentence):
    text = (
        "date 2025-07-12\nISLAMABAD: The 7th meeting of the Joint Working Group on Transport "
        f"Infrastructure concluded here on Friday. {sentence}"
    )
    meeting = extract(text).meetings[0]
    assert [p.name for p in meeting.delegation_leaders] == ["Kamran Aziz", "Zhao Lin"]


@pytest.mark.parametrize("name", ["Khalil-ur-Rehman", "Zia-ul-Haq", "Saif-ud-Din"])
def test_a_name_joined_by_hyphens_is_a_full_name(name):
    text = (
        "date 2025-07-12\nThe meeting of the Joint Working Group on Industrial Cooperation was "
        f"co-chaired by BoI Executive DG {name} and NDRC Director General Zhao Lin."
    )
    assert [p.name for p in extract(text).meetings[0].co_chairs] == [name, "Zhao Lin"]


def test_who_will_represent_a_country_at_a_coming_meeting_leads_its_side():
    text = (
        "date 2025-09-26\nISLAMABAD: Planning Minister Kamran Aziz will represent Pakistan at the "
        "15th meeting of the JCC, set to take place on Friday (today) in Beijing."
    )
    assert people(text, "delegation_leaders") == [("Kamran Aziz", "Planning Minister", "Pakistan")]


def test_the_co_chairs_of_the_meetings_chair_each_of_them():
    text = (
        "date 2025-07-12\nISLAMABAD: The meetings of the Joint Working Group (JWG) on Gwadar and "
        "Industrial Cooperation were held via video link on Thursday. The meetings were co-chaired "
        "by Planning Secretary Kamran Aziz and NDRC Director General Zhao Lin."
    )
    found = [(m.body, [p.name for p in m.co_chairs]) for m in extract(text).meetings]
    assert found == [
        ("JWG-Gwadar", ["Kamran Aziz", "Zhao Lin"]),
        ("JWG-Industrial", ["Kamran Aziz", "Zhao Lin"]),
    ]
