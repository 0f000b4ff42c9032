import re

import pytest

from agreements.models import Agreement
from tests.conftest import add_focus_areas, make_meeting
from tests.meetings.export_helpers import csv_rows, json_rows

pytestmark = pytest.mark.django_db


def documented_columns(page, section):
    """The column names the /data/ page lists in one export's section, in order."""
    match = re.search(rf'<section id="{section}".*?</section>', page, re.S)
    assert match, f"no section {section} on /data/"
    return re.findall(r'<code class="column-name">([^<]+)</code>', match.group(0))


@pytest.fixture
def page(client):
    response = client.get("/data/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def one_of_everything():
    meeting = make_meeting("JWG-ICC", 2, "2020-12-25", city="Urumqi")
    add_focus_areas(meeting, "industry")
    Agreement.objects.create(meeting=meeting, statement="Agreed to build industrial parks.")


@pytest.mark.parametrize(
    "section, path",
    [
        ("meetings", "/meetings/export.csv"),
        ("focus-areas", "/meetings/focus-areas.csv"),
        ("agreements", "/agreements/export.csv"),
    ],
)
def test_each_csv_header_is_the_documented_column_list(
    client, page, one_of_everything, section, path
):
    header, rows = csv_rows(client.get(path))

    assert rows, "the export has a row to check against"
    assert header == documented_columns(page, section)


@pytest.mark.parametrize(
    "section, path",
    [("meetings", "/meetings/export.json"), ("agreements", "/agreements/export.json")],
)
def test_each_json_object_has_the_documented_keys_in_order(
    client, page, one_of_everything, section, path
):
    (row,) = json_rows(client.get(path))

    assert list(row) == documented_columns(page, section)


def test_every_column_has_a_type_and_a_meaning(page):
    rows = re.findall(
        r'<tr><th scope="row"><code class="column-name">([^<]+)</code></th>'
        r'<td class="nowrap">([^<]*)</td><td>([^<]*)</td></tr>',
        page,
    )
    listed = re.findall(r'<code class="column-name">', page)

    assert len(rows) == len(listed) == 26 + 9 + 12
    assert all(kind.strip() and len(meaning.strip()) > 10 for _, kind, meaning in rows)
    assert ("agreements_count", "integer") in {(name, kind) for name, kind, _ in rows}


def test_the_page_links_to_each_export(client):
    response = client.get("/data/")

    assert b'href="/meetings/export.csv"' in response.content
    assert b"Data dictionary" in response.content
