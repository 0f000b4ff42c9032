import pytest

from agreements.models import Agreement
from tests.conftest import add_corridors, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = make_meeting(number=2, date="2020-12-25")
    add_corridors(meeting, "green")
    return meeting


@pytest.mark.parametrize(
    "query, error",
    [
        ("date_from=yesterday", "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY."),
        ("date_to=2020-13", "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY."),
        ("date_from=2020-02-30", "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY."),
        ("date_from=2022&date_to=2021", "The end date is before the start date."),
        ("corridor=nope", "Select a valid choice. nope is not one of the available choices."),
        ("focus_area=nope", "Select a valid choice. nope is not one of the available choices."),
        ("body=nope", "Select a valid choice."),
        ("person=nobody", "Select a valid choice."),
        ("sort=drop-table", "Select a valid choice."),
        ("review_status=maybe", "Select a valid choice."),
        ("q=" + "x" * 10_000, "Ensure this value has at most 300 characters"),
        ("&".join(["focus_area=energy"] * 51), "Choose at most 50."),
    ],
)
def test_a_malformed_filter_shows_the_list_with_the_error(client, meeting, query, error):
    response = client.get(f"/meetings/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert error in html
    assert '<form class="filters"' in html


def test_a_malformed_filter_keeps_the_valid_ones(client, meeting):
    make_meeting(number=3, date="2021-01-01")
    html = client.get("/meetings/?corridor=green&date_from=yesterday").content.decode()
    assert "1 meeting<" in html
    assert 'value="yesterday"' in html  # the bad value is shown back for correction


def test_a_long_search_within_the_limit_finds_what_it_names(client, meeting):
    make_meeting(number=3, date="2021-01-01", summary="Energy projects were reviewed.")

    response = client.get("/meetings/", {"q": "energy " * 40})  # 280 characters, 40 words

    assert response.status_code == 200
    html = response.content.decode()
    assert "1 meeting<" in html
    assert "/meetings/jwg-icc-3/" in html
    assert "/meetings/jwg-icc-2/" not in html


def test_search_syntax_characters_are_plain_text(client, meeting):
    for q in ["'", '"', "a & b | !c", "(((", "-", "\\", "%_", "<script>"]:
        response = client.get("/meetings/", {"q": q})
        assert response.status_code == 200, q
        assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["-1", "999999", "1e9", "2.5", "%00"])
def test_a_bad_page_number_shows_a_page(client, meeting, page):
    response = client.get(f"/meetings/?page={page}")
    assert response.status_code == 200
    assert "/meetings/jwg-icc-2/" in response.content.decode()


@pytest.mark.parametrize("query", ["page=-1", "page=999999", "page=x"])
def test_the_agreements_list_shows_a_page_for_a_bad_page_number(client, meeting, query):
    Agreement.objects.create(meeting=meeting, statement="Open the Gwadar port road.")

    response = client.get(f"/agreements/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Open the Gwadar port road." in html
    assert 'role="alert"' not in html


@pytest.mark.parametrize(
    "query, error",
    [
        ("corridor=nope", "Select a valid choice. nope is not one of the available choices."),
        ("date_from=x", "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY."),
    ],
)
def test_the_agreements_list_shows_a_bad_filter_as_an_error_and_keeps_the_valid_ones(
    client, meeting, query, error
):
    Agreement.objects.create(meeting=meeting, statement="Open the Gwadar port road.")
    jcc = make_meeting("JCC", number=10, date="2021-09-23")
    Agreement.objects.create(meeting=jcc, statement="Train more engineers.")

    response = client.get(f"/agreements/?{query}&body=jcc")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<h2>Some filters could not be used</h2>" in html
    assert error in html
    assert "Train more engineers." in html
    assert "Open the Gwadar port road." not in html


@pytest.mark.parametrize("url", ["/meetings/nope/", "/people/nope/", "/no-such-page/"])
def test_unknown_addresses_are_404_pages_in_the_layout(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Not found</h1>" in html
    assert 'href="/meetings/"' in html


NUL_PARAMETERS = ["body", "person", "focus_area", "corridor", "city", "q", "date_from"]


MEETING_LISTS = [
    "/meetings/",
    "/meetings/export.csv",
    "/meetings/export.json",
    "/meetings/focus-areas.csv",
]
AGREEMENT_LISTS = ["/agreements/", "/agreements/export.csv"]
AGREEMENT_PARAMETERS = ["body", "focus_area", "corridor", "q"]


@pytest.mark.parametrize(
    "url, parameter",
    [(url, p) for url in MEETING_LISTS for p in NUL_PARAMETERS]
    + [(url, p) for url in AGREEMENT_LISTS for p in AGREEMENT_PARAMETERS],
)
def test_a_nul_character_in_any_filter_is_a_form_error(client, meeting, url, parameter):
    response = client.get(f"{url}?{parameter}=jwg%00icc")
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.parametrize("url", ["/meetings/feed/", "/meetings/calendar.ics"])
@pytest.mark.parametrize("parameter", NUL_PARAMETERS)
def test_a_nul_character_in_a_subscription_filter_is_a_bad_request(client, meeting, url, parameter):
    response = client.get(f"{url}?{parameter}=energy%00")
    assert response.status_code == 400


@pytest.mark.parametrize("url", ["/meetings/", "/meetings/export.csv", "/meetings/feed/"])
@pytest.mark.parametrize(
    "query",
    [
        "body=a%00&focus_area=energy",
        "focus_area=energy&person=x%00",
        "body=" + "a" * 100_000 + "&person=luo-zhaohui",
        "focus_area=" + "energy" * 20_000,
    ],
    ids=["nul-body", "nul-person", "long-body", "long-focus-area"],
)
def test_a_bad_slug_beside_a_good_one_is_refused_without_asking_the_database(
    client, meeting, url, query
):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400


def test_a_repeated_single_value_filter_with_a_bad_value_first_is_no_server_error(client, meeting):
    # The field reads the last value; the short form of the query reads them all.
    response = client.get("/meetings/?body=nope&body=jwg-icc")
    assert response.status_code in (200, 302)
