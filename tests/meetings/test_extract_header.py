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
