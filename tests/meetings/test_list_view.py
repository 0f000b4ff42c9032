import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Agreement, MeetingCorridor
from meetings.models import Body, Meeting
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db


def listed(response):
    """The meeting slugs in the result table, in the order shown."""
    html = response.content.decode()
    table = html[html.index('<table class="meetings">') : html.index("</table>")]
    return re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', table)


def get_list(client, query=""):
    return client.get(f"/meetings/?{query}", follow=True)


@pytest.fixture
def history():
    """Four JWG-ICC meetings, one JCC meeting and one undated BPC meeting."""
    first = make_meeting(number=1, date="2019-06-10", city="Beijing", country="China")
    add_focus_areas(first, "industry", "agriculture")
    add_corridors(first, "growth", how="derived")
    add_participant(first, "Kong Xuanyou", "China", title="Assistant Foreign Minister")

    second = make_meeting(
        number=2,
        date="2020-12-25",
        city="Urumqi",
        country="China",
        summary="Held by video link; both sides discussed green development.",
    )
    add_focus_areas(second, "energy")
    add_corridors(second, "green")
    add_participant(second, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    Agreement.objects.create(meeting=second, statement="Both sides agreed to expand solar parks.")

    third = make_meeting(
        number=3,
        date="2021-12-01",
        precision="month",
        city="Islamabad",
        country="Pakistan",
        review_status="needs_review",
    )
    add_focus_areas(third, "energy", "health")
    add_corridors(third, "green", "livelihood")

    fifth = make_meeting(number=5, date="2024-01-01", precision="year")
    jcc = make_meeting(
        body="JCC", number=10, date="2021-09-23", city="Islamabad", country="Pakistan"
    )
    add_focus_areas(jcc, "sez")
    add_corridors(jcc, "growth")
    add_participant(jcc, "Ning Jizhe", "China", title="Vice Chairman of the NDRC")
    undated = make_meeting(body="BPC", number=None)
    return {
        "first": first,
        "second": second,
        "third": third,
        "fifth": fifth,
        "jcc": jcc,
        "undated": undated,
    }


def slugs(history, *names):
    return [history[name].slug for name in names]


def test_it_lists_meetings_newest_first_with_unknown_dates_last(client, history):
    response = get_list(client)
    assert response.status_code == 200
    assert listed(response) == slugs(history, "fifth", "third", "jcc", "second", "first", "undated")
    assert "6 meetings" in response.content.decode()


def test_it_shows_dates_at_their_precision(client, history):
    html = get_list(client).content.decode()
    assert "25 December 2020" in html
    assert "December 2021" in html and "1 December 2021" not in html
    assert ">2024<" in html
    assert "date unknown" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("date_from=2021", ["fifth", "third", "jcc"]),
        ("date_from=2021-12-15", ["fifth", "third"]),  # month precision overlaps the range
        ("date_from=2024-06", ["fifth"]),  # year precision overlaps the range
        ("date_to=2020", ["second", "first"]),  # inclusive: up to 2020-12-31
        ("date_to=2020-12", ["second", "first"]),
        ("date_to=2020-12-24", ["first"]),
        ("date_to=2020-12-25", ["second", "first"]),
        ("date_from=2020-12-25&date_to=2021-09-23", ["jcc", "second"]),
    ],
)
def test_it_filters_by_date_range_inclusively(client, history, query, expected):
    assert listed(get_list(client, query)) == slugs(history, *expected)


def test_it_filters_by_corridor_including_children(client, history):
    assert listed(get_list(client, "corridor=cpec")) == slugs(
        history, "third", "jcc", "second", "first"
    )


def test_it_filters_by_one_corridor(client, history):
    assert listed(get_list(client, "corridor=green")) == slugs(history, "third", "second")


def test_it_filters_by_any_of_several_corridors(client, history):
    response = get_list(client, "corridor=livelihood&corridor=growth")
    assert listed(response) == slugs(history, "third", "jcc", "first")


def test_it_filters_by_any_of_several_focus_areas(client, history):
    assert listed(get_list(client, "focus_area=energy")) == slugs(history, "third", "second")
    assert listed(get_list(client, "focus_area=health&focus_area=sez")) == slugs(
        history, "third", "jcc"
    )


def test_a_meeting_matching_two_chosen_focus_areas_is_listed_once(client, history):
    response = get_list(client, "focus_area=energy&focus_area=health")
    assert listed(response) == slugs(history, "third", "second")
    assert "2 meetings" in response.content.decode()


def test_it_filters_by_body(client, history):
    assert listed(get_list(client, "body=jcc")) == slugs(history, "jcc")


def test_it_filters_by_city_and_country_ignoring_case(client, history):
    assert listed(get_list(client, "city=islamabad")) == slugs(history, "third", "jcc")
    assert listed(get_list(client, "country=CHINA")) == slugs(history, "second", "first")


def test_it_filters_by_person(client, history):
    assert listed(get_list(client, "person=luo-zhaohui")) == slugs(history, "second")


def test_it_filters_by_review_status(client, history):
    assert listed(get_list(client, "review_status=needs_review")) == slugs(history, "third")


@pytest.mark.parametrize(
    "q, expected",
    [
        ("solar", ["second"]),  # an agreement's statement
        ("Luo", ["second"]),  # a participant's name
        ("green development", ["second"]),  # the summary, every word
        ("Urumqi", ["second"]),  # the city
        ("Cooperation Committee", ["jcc"]),  # the body's name
        ("nothing-like-this", []),
    ],
)
def test_it_searches_free_text(client, history, q, expected):
    assert listed(get_list(client, f"q={q}")) == slugs(history, *expected)


def test_it_combines_filters(client, history):
    query = "corridor=cpec&date_from=2020&date_to=2021&city=Islamabad&body=jwg-icc"
    assert listed(get_list(client, query)) == slugs(history, "third")
    assert listed(get_list(client, "focus_area=energy&q=solar&country=china")) == slugs(
        history, "second"
    )
    assert listed(get_list(client, "corridor=growth&focus_area=energy")) == []


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("-date", ["fifth", "third", "jcc", "second", "first", "undated"]),
        ("date", ["first", "second", "jcc", "third", "fifth", "undated"]),
        ("body", ["undated", "jcc", "first", "second", "third", "fifth"]),
        ("-body", ["fifth", "third", "second", "first", "jcc", "undated"]),
        ("number", ["first", "second", "third", "fifth", "jcc", "undated"]),
        ("-number", ["jcc", "fifth", "third", "second", "first", "undated"]),
    ],
)
def test_it_sorts(client, history, sort, expected):
    assert listed(get_list(client, f"sort={sort}")) == slugs(history, *expected)


def test_facet_counts_count_meetings_within_the_other_filters(client, history):
    response = get_list(client, "date_from=2020&focus_area=energy")
    facets = response.context["facets"]
    corridors = {f.slug: f.count for f in facets["corridor"]}
    focus_areas = {f.slug: f.count for f in facets["focus_area"]}
    bodies = {f.slug: f.count for f in facets["body"]}
    # Corridors within date_from=2020 and focus_area=energy: second and third.
    assert corridors == {
        "cpec": 2,
        "green": 2,
        "livelihood": 1,
        "growth": 0,
        "innovation": 0,
        "open": 0,
    }
    # Focus areas ignore the focus-area filter itself: second, third, jcc, fifth.
    assert focus_areas["energy"] == 2 and focus_areas["sez"] == 1
    assert focus_areas["health"] == 1 and focus_areas["industry"] == 0
    assert bodies == {"jwg-icc": 2, "jcc": 0, "bpc": 0}
    html = response.content.decode()
    assert re.search(r'for="corridor-cpec">[^<]+<span class="count">2</span>', html)


def test_the_root_corridor_counts_meetings_in_any_corridor_once(client, history):
    facets = get_list(client).context["facets"]
    assert {f.slug: f.count for f in facets["corridor"]}["cpec"] == 4


def test_active_filters_are_shown_and_each_removes_with_one_click(client, history):
    html = get_list(client, "corridor=green&corridor=growth&date_from=2020&page=1").content.decode()
    assert 'aria-label="Remove filter Corridor: Green corridor"' in html
    assert 'href="?corridor=growth&amp;date_from=2020"' in html  # without green, without page
    assert 'href="?corridor=green&amp;corridor=growth"' in html  # without date_from


def test_export_and_feed_links_carry_the_query(client, history):
    html = get_list(client, "corridor=green&date_from=2020&page=1").content.decode()
    assert 'href="/meetings/export.csv?corridor=green&amp;date_from=2020"' in html
    assert 'href="/meetings/export.json?corridor=green&amp;date_from=2020"' in html
    assert 'href="/meetings/feed/?corridor=green&amp;date_from=2020"' in html


def many_meetings(count):
    body = Body.objects.get(short_name="JWG-ICC")
    for number in range(1, count + 1):
        meeting = make_meeting(
            body=body.short_name,
            number=number,
            date=f"{2000 + number % 20}-01-{1 + number % 28:02d}",
        )
        add_focus_areas(meeting, "energy", "industry")
        add_corridors(meeting, "green")
        add_participant(meeting, f"Chair {number}", "China")
        add_participant(meeting, f"Other chair {number}", "Pakistan")


def test_pagination_shows_the_total_and_the_page(client):
    many_meetings(60)
    response = get_list(client, "sort=number")
    assert "60 meetings" in response.content.decode()
    assert "Page 1 of 2" in response.content.decode()
    assert len(listed(response)) == 50
    second = get_list(client, "sort=number&page=2")
    assert listed(second) == [f"jwg-icc-{n}" for n in range(51, 61)]
    assert 'href="?sort=number&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize("page", ["-1", "0", "999999", "abc", ""])
def test_out_of_range_pages_show_a_page_not_an_error(client, page):
    many_meetings(3)
    response = get_list(client, f"page={page}")
    assert response.status_code == 200
    assert len(listed(response)) == 3


EVERY_FILTER = (
    "corridor=green&corridor=growth&focus_area=energy&focus_area=industry&body=jwg-icc"
    "&person=chair-{n}&city=Beijing&country=China&review_status=extracted"
    "&date_from=2000&date_to=2030&q=JWG&sort=number"
)


def count_queries(client, query=""):
    with CaptureQueriesContext(connection) as queries:
        response = get_list(client, query)
    assert response.status_code == 200
    assert listed(response)  # rows, so their related rows are fetched too
    return len(queries)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "corridor=green&date_from=2000&date_to=2030&q=JWG",
        "corridor=green&corridor=growth&focus_area=energy&body=jwg-icc&person=chair-1"
        "&review_status=extracted&date_from=2000&q=JWG",
    ],
)
def test_the_list_runs_as_many_queries_for_50_rows_as_for_5(
    client, query, django_assert_max_num_queries
):
    many_meetings(5)
    with django_assert_max_num_queries(10):
        few = count_queries(client, query)
    many_meetings_from = 6
    for number in range(many_meetings_from, 51):
        meeting = make_meeting(number=number, date=f"2010-02-{1 + number % 28:02d}")
        add_focus_areas(meeting, "energy", "health", "sez")
        add_corridors(meeting, "green", "open")
        add_participant(meeting, f"Chair {number}", "China")
    with django_assert_max_num_queries(10):
        many = count_queries(client, query)
    assert many == few


def test_every_filter_combined_stays_within_the_query_budget(client, django_assert_max_num_queries):
    many_meetings(50)
    for number in range(1, 51):
        Body.objects.get(short_name="JWG-ICC").meetings.filter(number=number).update(
            city="Beijing", country="China"
        )
    query = EVERY_FILTER.format(n=7)
    with django_assert_max_num_queries(10):
        response = get_list(client, query)
    assert response.status_code == 200
    assert listed(response) == ["jwg-icc-7"]
    assert "1 meeting<" in response.content.decode()
    assert 'aria-label="Remove filter Person: Chair 7"' in response.content.decode()


def test_an_unknown_slug_among_every_filter_is_still_a_form_error(
    client, django_assert_max_num_queries
):
    many_meetings(5)
    with django_assert_max_num_queries(10):
        response = get_list(client, EVERY_FILTER.format(n=1).replace("body=jwg-icc", "body=nope"))
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.parametrize("sort", ["-date", "date", "body", "-number"])
def test_every_page_lists_the_next_rows_of_one_order(client, sort):
    many_meetings(60)
    make_meeting(body="JCC", number=3, date="2005-01-02")
    make_meeting(body="BPC", number=None)
    shown = listed(get_list(client, f"sort={sort}")) + listed(
        get_list(client, f"sort={sort}&page=2")
    )
    expected = [m.slug for m in Meeting.objects.sorted_by(sort)]
    assert shown == expected and len(shown) == 62


def test_counts_and_facets_follow_a_write_at_once(client, history):
    before = get_list(client, "corridor=green")
    assert "2 meetings<" in before.content.decode()
    assert {f.slug: f.count for f in before.context["facets"]["body"]}["jwg-icc"] == 2
    added = make_meeting(number=7, date="2023-05-05")
    add_corridors(added, "green")
    add_focus_areas(added, "energy")
    after = get_list(client, "corridor=green")
    assert "3 meetings<" in after.content.decode()
    assert {f.slug: f.count for f in after.context["facets"]["body"]}["jwg-icc"] == 3
    assert {f.slug: f.count for f in after.context["facets"]["focus_area"]}["energy"] == 3
    assert {f.slug: f.count for f in after.context["facets"]["corridor"]}["cpec"] == 5
    history["third"].corridor_links.all().delete()
    last = get_list(client, "corridor=green")
    assert "2 meetings<" in last.content.decode()
    assert {f.slug: f.count for f in last.context["facets"]["corridor"]}["livelihood"] == 0


def counting_queries(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = get_list(client, query)
    return response, [q["sql"] for q in queries if "COUNT(" in q["sql"]]


def test_counts_and_facets_of_a_filter_are_computed_once_until_the_data_changes(client, history):
    first, counted = counting_queries(client, "corridor=green&sort=number")
    assert len(counted) == 2  # the total, and every facet's counts in one query
    # Another order or page of the same filter: the same counts, none computed again.
    again, counted = counting_queries(client, "corridor=green&sort=-date&page=1")
    assert counted == []
    assert again.context["facets"] == first.context["facets"]
    assert "2 meetings<" in again.content.decode()
    history["second"].summary = "Edited."
    history["second"].save()
    _, counted = counting_queries(client, "corridor=green")
    assert len(counted) == 2


def test_refresh_export_rows_forgets_counts_after_a_bulk_write(client, history):
    assert "2 meetings<" in get_list(client, "corridor=green").content.decode()
    green = history["second"].corridor_links.get().corridor
    MeetingCorridor.objects.bulk_create([MeetingCorridor(meeting=history["jcc"], corridor=green)])
    call_command("refresh_export_rows", stdout=io.StringIO())
    assert "3 meetings<" in get_list(client, "corridor=green").content.decode()
