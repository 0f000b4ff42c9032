"""The pages' layout at 1366 px and on a 390 px phone, in a real Chromium (issue 11,
points 11, 13 and 14), with a screenshot of each in test-artifacts/."""

import pytest

from agreements.models import FocusArea
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def seed():
    areas = list(FocusArea.objects.values_list("slug", flat=True))
    for number in range(1, 13):
        meeting = make_meeting(
            number=number,
            date=f"{2012 + number}-0{1 + number % 9}-1{number % 9}",
            city=["Islamabad", "Beijing", "Urumqi"][number % 3],
            country=["Pakistan", "China", "China"][number % 3],
        )
        add_focus_areas(meeting, *areas[number % 7 :: 5])
        add_corridors(meeting, "green", "open")
        add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
        add_participant(meeting, "Aftab Khokher", "Pakistan", title="Additional Secretary")
    make_meeting(number=13)  # undated: after the 12th


def open_page(browser, live_server, viewport, path):
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + path)
    return context, page


def cell_labels(row):
    """The labels a card shows before its cells (generated content, not in innerText)."""
    return row.evaluate("tr => [...tr.cells].map(td => getComputedStyle(td, '::before').content)")


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_meeting_list_at_1366_px_shows_every_focus_area(
    browser, live_server, reference_data, artifacts_dir
):
    seed()
    context, page = open_page(browser, live_server, DESKTOP, "/meetings/")
    try:
        page.screenshot(path=artifacts_dir / "meetings-1366.png", full_page=True)
        assert page.locator("form.filters").is_visible()  # no need to unfold on a wide screen
        assert not page.locator(".filters-panel > summary").is_visible()
        focus_areas = page.locator("form.filters input[name=focus_area]")
        assert focus_areas.count() == FocusArea.objects.count()
        # Nothing hidden in an inner scroll box: each area is laid out in full.
        fieldset = page.locator("fieldset.choices").nth(1)
        assert fieldset.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
        for index in range(focus_areas.count()):
            assert focus_areas.nth(index).is_visible()
        assert no_sideways_scroll(page)
        # Wide enough for a table: no card labels.
        assert '"Venue: "' not in cell_labels(page.locator("table.meetings tbody tr").first)
    finally:
        context.close()


def test_on_a_phone_the_results_come_first_as_cards(
    browser, live_server, reference_data, artifacts_dir
):
    seed()
    context, page = open_page(browser, live_server, PHONE, "/meetings/")
    try:
        page.screenshot(path=artifacts_dir / "meetings-390.png", full_page=True)
        first_row = page.locator("table.meetings tbody tr").first
        assert first_row.bounding_box()["y"] < 500  # was below ~1,000 px of filters
        assert not page.locator("form.filters").is_visible()  # folded
        assert no_sideways_scroll(page)
        # A row is a card as wide as the screen, its cells stacked and labelled.
        box = first_row.bounding_box()
        assert box["width"] <= PHONE["width"]
        assert '"Venue: "' in cell_labels(first_row)
        # The filters unfold without JavaScript (a <details>), and filter.
        page.locator(".filters-panel > summary").click()
        assert page.locator("form.filters").is_visible()
        page.screenshot(path=artifacts_dir / "meetings-390-filters.png", full_page=True)
        page.locator("#id_city").fill("Urumqi")
        page.locator("form.filters button[type=submit]").click()
        page.wait_for_url("**/meetings/?city=Urumqi")
        assert page.locator("table.meetings tbody tr").count() == 4
    finally:
        context.close()


def test_the_overview_table_stacks_into_cards_on_a_phone(
    browser, live_server, reference_data, artifacts_dir
):
    seed()
    context, page = open_page(browser, live_server, PHONE, "/")
    try:
        page.screenshot(path=artifacts_dir / "overview-390.png", full_page=True)
        rows = page.locator("table.meetings tbody tr")
        assert rows.first.bounding_box()["width"] <= PHONE["width"]
        assert '"Co-chairs: "' in cell_labels(rows.first)
        assert page.evaluate(
            "[...document.querySelectorAll('table.meetings')].every("
            "t => t.getBoundingClientRect().right <= window.innerWidth)"
        )
    finally:
        context.close()
    context, page = open_page(browser, live_server, DESKTOP, "/")
    try:
        page.screenshot(path=artifacts_dir / "overview-1366.png", full_page=True)
        assert no_sideways_scroll(page)
    finally:
        context.close()
