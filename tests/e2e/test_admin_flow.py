"""An admin adds a session from a pasted article in a real browser, and analysts see it."""

import re

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Written for this test; not one of the seed or corpus articles.
ARTICLE = """Pakistan and China hold sixth JWG-ICC session in Lahore

The sixth meeting of the Joint Working Group on International Cooperation and Coordination \
(JWG-ICC) under the China-Pakistan Economic Corridor was held in Lahore on 12 September 2024.

The meeting was co-chaired by Chinese Vice Foreign Minister Sun Weidong and Pakistan's \
Additional Foreign Secretary Imran Ahmed.

Both sides agreed to deepen cooperation in agriculture and renewable energy, and to expand \
vocational education for young people in Balochistan.
"""


def test_an_admin_adds_a_session_from_a_pasted_article_and_it_appears_on_the_public_list(
    browser_page, django_user_model
):
    page = browser_page
    django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-12345")

    page.goto(page.base_url + "/admin/login/?next=/admin/meetings/meeting/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-12345")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Add from article").click()

    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Title").fill("Sixth JWG-ICC session in Lahore")
    page.get_by_role("button", name="Preview").click()

    found = page.locator("table", has_text="Sun Weidong")
    expect(page.get_by_text("6th JWG-ICC meeting")).to_be_visible()
    expect(page.get_by_text("a new meeting")).to_be_visible()
    expect(found.get_by_text("Lahore, Pakistan")).to_be_visible()
    assert Meeting.objects.count() == 0  # the preview writes nothing
    # Leave out the education focus area.
    page.get_by_label("Accept Focus area: education").uncheck()
    page.get_by_role("button", name="Save the ticked facts").click()

    expect(page.get_by_text(re.compile(r"1 meeting created, 0 updated"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/meetings/meeting/\d+/change/$"))
    meeting = Meeting.objects.get()
    assert set(meeting.focus_areas.values_list("slug", flat=True)) == {"agriculture", "energy"}

    page.goto(page.base_url + "/meetings/")
    row = page.locator("table.meetings tbody tr", has_text="6th JWG-ICC meeting")
    expect(row).to_have_count(1)
    expect(row.get_by_text("Lahore").first).to_be_visible()
    row.get_by_role("link", name="6th JWG-ICC meeting").click()
    expect(page.get_by_role("heading", name="6th JWG-ICC meeting", level=1)).to_be_visible()
    expect(page.get_by_text("Sun Weidong").first).to_be_visible()
