"""The Content-Security-Policy and Permissions-Policy headers, and pages that keep to them."""

import re

import pytest

from meetings.models import Conflict
from tests.conftest import add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db

# What the strict policy forbids a page to hold: a script element without src, a style
# element, a style attribute, an inline event handler, a javascript: URL.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_strict(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.fixture
def meeting():
    meeting = make_meeting(number=2, date="2020-12-25", city="Urumqi")
    add_participant(meeting, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    add_focus_areas(meeting, "energy", "industry")
    return meeting


@pytest.mark.parametrize(
    "url",
    ["/", "/meetings/", "/meetings/jwg-icc-2/", "/bodies/jwg-icc/", "/focus-areas/energy/",
     "/agreements/", "/data/", "/people/luo-zhaohui/", "/meetings/?date_from=nope"],
)  # fmt: skip
def test_public_pages_send_the_strict_policy_and_hold_nothing_inline(client, meeting, url):
    response = client.get(url)
    assert response.status_code in (200, 400)
    assert_strict(response)
    html = response.content.decode()
    assert INLINE.findall(html) == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/{pk}/change/",
        "/admin/meetings/meeting/add/",
        "/admin/meetings/meeting/from-article/",
        "/admin/meetings/meeting/{pk}/review/",
        "/admin/meetings/person/",
        "/admin/agreements/focusarea/",
    ],
)
def test_admin_pages_send_the_strict_policy_and_hold_nothing_inline(staff_client, meeting, url):
    Conflict.objects.create(
        meeting=meeting, field="city", current_value="Urumqi", proposed_value="Kashgar"
    )
    response = staff_client.get(url.format(pk=meeting.pk))
    assert response.status_code == 200
    assert_strict(response)
    html = response.content.decode()
    assert INLINE.findall(html) == []


def test_the_login_page_sends_the_policy_too(client):
    response = client.get("/admin/login/")
    assert_strict(response)
    assert INLINE.findall(response.content.decode()) == []
