"""The pages' layout at 1366 px and on a 390 px phone, in a real Chromium (issue 11,
points 11, 13 and 14), with a screenshot of each in test-artifacts/."""

import pytest
from playwright.sync_api import expect

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


LONG_SENTENCES = [
    "Both sides agreed that the China-Pakistan Economic Corridor would advance along its "
    "green corridor, with renewable energy, climate-resilient agriculture and water "
    "conservation projects in every province, reviewed at the next session of the group.",
    "The two sides also agreed that the open corridor would extend the benefits of the "
    "corridor to third countries in the region through trade, transit and investment.",
]


def test_the_admin_meeting_form_fits_at_1366_px_and_evidence_is_picked_by_its_sentence(
    browser, live_server, reference_data, artifacts_dir, django_user_model
):
    from agreements.models import MeetingCorridor
    from meetings.models import Evidence, SourceDocument

    django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-12345")
    meeting = make_meeting(number=7, date="2024-09-12", city="Lahore", country="Pakistan")
    text = " ".join(LONG_SENTENCES)
    document = SourceDocument.objects.create(title="Seventh session", text=text, sha256="e" * 64)
    for sentence in LONG_SENTENCES:
        start = text.index(sentence)
        Evidence.objects.create(
            document=document, meeting=meeting, fact="corridor", label="corridor",
            start=start, end=start + len(sentence), sentence=sentence,
        )  # fmt: skip
    other = make_meeting(number=8, date="2025-01-01")
    Evidence.objects.create(
        document=document, meeting=other, fact="corridor", label="elsewhere",
        start=0, end=20, sentence="Another meeting's open corridor sentence.",
    )  # fmt: skip

    context, page = open_page(browser, live_server, DESKTOP, "/admin/login/")
    try:
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("pw-12345")
        page.get_by_role("button", name="Log in").click()
        page.goto(live_server.url + f"/admin/meetings/meeting/{meeting.pk}/change/")
        page.screenshot(path=artifacts_dir / "admin-meeting-1366.png", full_page=True)
        assert no_sideways_scroll(page)
        inline = page.locator("#corridor_links-group table")
        assert inline.bounding_box()["width"] <= DESKTOP["width"]

        row = page.locator("#corridor_links-0")
        row.locator("select[name=corridor_links-0-corridor]").select_option(label="Open corridor")
        row.locator("select[name=corridor_links-0-how]").select_option("explicit")
        row.locator(".select2-selection").click()
        page.locator(".select2-search__field").fill("third countries")
        results = page.locator(".select2-results__option")
        # Whole, and only this meeting's sentences.
        expect(results).to_have_text([f"Corridor: {LONG_SENTENCES[1]}"])
        results.first.click()
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_url("**/admin/meetings/meeting/")
        link = MeetingCorridor.objects.get(meeting=meeting)
        assert (link.corridor.slug, link.how, link.evidence.sentence) == (
            "open", "explicit", LONG_SENTENCES[1]
        )  # fmt: skip
    finally:
        context.close()
