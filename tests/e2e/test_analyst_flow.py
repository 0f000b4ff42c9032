import re

import pytest

from agreements.models import Agreement
from meetings.models import Evidence, SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Beijing, 25 December 2020. The second meeting of the Joint Working Group on "
    "International Cooperation and Coordination was held in Urumqi. "
    "It was co-chaired by Vice Foreign Minister Luo Zhaohui and Additional Secretary "
    "Aftab Khokher. Both sides agreed to deepen cooperation in renewable energy and "
    "green development."
)


def evidence(document, meeting, fact, sentence, label):
    start = document.text.index(sentence)
    return Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact=fact,
        label=label,
        start=start,
        end=start + len(sentence),
        sentence=sentence,
    )


def seed():
    first = make_meeting(number=1, date="2019-06-10", city="Beijing", country="China")
    add_focus_areas(first, "industry", "agriculture", "livelihood")
    add_corridors(first, "growth", "livelihood", how="derived")
    add_participant(first, "Kong Xuanyou", "China", title="Assistant Foreign Minister")

    second = make_meeting(
        number=2, date="2020-12-25", city="Urumqi", country="China", mode="virtual"
    )
    document = SourceDocument.objects.create(
        title="China, Pakistan hold second JWG-ICC meeting",
        outlet="Xinhua",
        text=ARTICLE,
        sha256="c" * 64,
    )
    second.sources.add(document)
    second.venue_evidence = evidence(
        document,
        second,
        "venue",
        "The second meeting of the Joint Working Group on International Cooperation and "
        "Coordination was held in Urumqi.",
        "Urumqi",
    )
    second.save()
    chair = add_participant(second, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    chair.evidence = evidence(
        document,
        second,
        "person",
        "It was co-chaired by Vice Foreign Minister Luo Zhaohui and Additional Secretary "
        "Aftab Khokher.",
        "Luo Zhaohui, co-chair",
    )
    chair.save()
    add_participant(second, "Aftab Khokher", "Pakistan", title="Additional Secretary")
    add_focus_areas(second, "energy", "industry")
    add_corridors(second, "green")
    Agreement.objects.create(
        meeting=second,
        statement="Deepen cooperation in renewable energy and green development.",
        evidence=evidence(
            document,
            second,
            "agreement",
            "Both sides agreed to deepen cooperation in renewable energy and green development.",
            "renewable energy",
        ),
    )
    third = make_meeting(
        number=3, date="2021-06-01", precision="month", city="Islamabad", country="Pakistan"
    )
    add_focus_areas(third, "energy", "health")
    add_corridors(third, "green", "livelihood")
    jcc = make_meeting(
        body="JCC", number=10, date="2021-09-23", city="Islamabad", country="Pakistan"
    )
    add_focus_areas(jcc, "sez", "connectivity")
    add_corridors(jcc, "growth", "open")
    make_meeting(number=5, date="2024-01-01", precision="year")
    return second, document


def test_an_analyst_filters_opens_a_meeting_and_reads_its_evidence(browser_page, artifacts_dir):
    second, document = seed()
    page = browser_page

    page.goto(page.base_url + "/")
    assert page.get_by_role("heading", name="CPEC meetings at a glance").is_visible()
    assert page.locator("svg.timeline circle").count() == 5
    page.screenshot(path=artifacts_dir / "overview.png", full_page=True)

    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_label(re.compile(r"^Green corridor")).check()
    page.get_by_label("From", exact=True).fill("2020")
    page.get_by_label("To", exact=True).fill("2020-12")
    page.get_by_role("button", name="Apply filters").click()

    assert "corridor=green" in page.url and "date_from=2020" in page.url
    assert page.get_by_role("heading", name="1 meeting").is_visible()
    rows = page.locator("table.meetings tbody tr")
    assert rows.count() == 1
    assert page.get_by_role("link", name="Remove filter Corridor: Green corridor").is_visible()

    rows.get_by_role("link", name="2nd JWG-ICC meeting").click()
    assert page.get_by_role("heading", name="2nd JWG-ICC meeting", level=1).is_visible()
    assert page.get_by_text("25 December 2020").first.is_visible()
    page.screenshot(path=artifacts_dir / "meeting-detail.png", full_page=True)

    chair_evidence = page.locator("li", has_text="Luo Zhaohui").locator("details.evidence")
    chair_evidence.locator("summary").click()
    assert chair_evidence.get_by_text(
        "co-chaired by Vice Foreign Minister Luo Zhaohui"
    ).is_visible()
    chair_evidence.get_by_role("link", name="Read it in the source").click()

    assert page.url.startswith(f"{page.base_url}/sources/{document.pk}/#evidence-")
    target = page.locator("mark:target")
    assert target.count() == 1
    assert "co-chaired by Vice Foreign Minister Luo Zhaohui" in target.inner_text()
    page.screenshot(path=artifacts_dir / "source.png", full_page=True)


def test_the_list_is_usable_at_phone_width(browser_page, artifacts_dir):
    seed()
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/meetings/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows: the rows are cards
    # The filters are folded above the results; one tap unfolds them.
    assert not page.get_by_label("Search").is_visible()
    page.get_by_text("Filters", exact=True).click()
    assert page.get_by_label("Search").is_visible()
    page.screenshot(path=artifacts_dir / "list-phone.png", full_page=True)
