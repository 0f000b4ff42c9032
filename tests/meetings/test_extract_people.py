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
