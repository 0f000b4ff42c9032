"""Filter values as the exports write them, errors named as the form names its fields,
and short shareable URLs (issue 11, points 8-10)."""

import pytest

from tests.conftest import add_corridors, add_focus_areas, make_meeting

pytestmark = pytest.mark.django_db


def csv_text(response):
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def meetings():
    second = make_meeting(number=2, date="2020-12-25", city="Urumqi")
    add_corridors(second, "green")
    add_focus_areas(second, "energy")
    jcc = make_meeting(body="JCC", number=10, date="2021-09-23")
    add_corridors(jcc, "open")
    return second, jcc


@pytest.mark.parametrize(
    "query",
    ["body=JWG-ICC", "body=Jwg-Icc", "corridor=GREEN", "focus_area=Energy", "corridor=Green"],
)
def test_the_exports_values_are_accepted_in_any_case(client, meetings, query):
    csv = client.get(f"/meetings/export.csv?{query}")
    assert csv.status_code == 200
    body = csv_text(csv)
    assert "jwg-icc-2" in body
    assert "jcc-10" not in body
    # The list answers with the same filter, its values written as the site writes them.
    response = client.get(f"/meetings/?{query}", follow=True)
    assert response.status_code == 200
    assert "jwg-icc-2" in response.content.decode()
    assert "jcc-10" not in response.content.decode()


def test_a_body_is_known_by_its_short_name(client, meetings):
    from meetings.models import Body

    Body.objects.create(
        short_name="JWG on Ports", name="Joint Working Group on Ports", slug="ports"
    )
    make_meeting(body="JWG on Ports", number=1, date="2022-01-01")
    response = client.get("/meetings/export.csv?body=jwg on ports")
    assert response.status_code == 200
    body = csv_text(response)
    assert "ports-1" in body
    assert "jwg-icc-2" not in body


def test_the_list_redirects_a_body_short_name_to_its_slug(client, meetings):
    response = client.get("/meetings/?body=JWG-ICC&corridor=GREEN&corridor=green")
    assert response.status_code == 302
    assert response["Location"] == "/meetings/?body=jwg-icc&corridor=green"


def test_a_form_submission_redirects_to_what_was_chosen(client, meetings):
    response = client.get(
        "/meetings/?q=&date_from=2019&date_to=&body=&city=&country=&review_status=&sort=-date"
    )
    assert response.status_code == 302
    assert response["Location"] == "/meetings/?date_from=2019"


def test_a_form_submission_with_nothing_chosen_redirects_to_the_bare_list(client, meetings):
    response = client.get("/meetings/?q=&date_from=&sort=-date&page=1")
    assert response.status_code == 302
    assert response["Location"] == "/meetings/"


def test_a_chosen_sort_and_a_search_with_its_sort_are_kept(client, meetings):
    assert client.get("/meetings/?sort=date").status_code == 200
    # Searching, newest first overrides the relevance order: it says something.
    assert client.get("/meetings/?q=Urumqi&sort=-date").status_code == 200


def test_a_short_url_is_answered_directly(client, meetings):
    response = client.get("/meetings/?date_from=2019&corridor=green")
    assert response.status_code == 200
    assert "jwg-icc-2" in response.content.decode()


def test_the_form_offers_newest_first_as_the_empty_default(client, meetings):
    html = client.get("/meetings/").content.decode()
    assert '<option value="" selected>Newest first</option>' in html
    assert 'value="-date"' not in html


@pytest.mark.parametrize(
    "query, shown",
    [
        ("date_from=yesterday", "<strong>From</strong>: Enter a date"),
        ("date_to=2020-13", "<strong>To</strong>: Enter a date"),
        ("q=" + "x" * 400, "<strong>Search</strong>: Ensure this value"),
        ("review_status=maybe", "<strong>Review status</strong>: Select a valid choice"),
        ("focus_area=nope", "<strong>Focus area</strong>: Select a valid choice"),
    ],
)
def test_errors_name_the_field_as_the_form_labels_it(client, meetings, query, shown):
    response = client.get(f"/meetings/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert shown in html
    assert "Date_from" not in html and "<strong>Q</strong>" not in html


def test_agreement_errors_name_the_field_as_the_form_labels_it(client, meetings):
    response = client.get("/agreements/?date_from=yesterday")
    assert response.status_code == 400
    assert "<strong>From</strong>: Enter a date" in response.content.decode()
