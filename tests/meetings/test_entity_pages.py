import re

import pytest

from meetings.models import Evidence, SourceDocument
from meetings.templatetags.meeting_tags import highlight_spans
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db


def test_a_persons_page_lists_every_meeting_with_the_title_held_then(client):
    first = make_meeting(number=1, date="2019-06-10")
    later = make_meeting(body="JCC", number=11, date="2022-10-27")
    undated = make_meeting(body="BPC")
    add_participant(later, "Sun Weidong", "China", title="Vice Foreign Minister")
    add_participant(first, "Sun Weidong", "China", role="leader", title="Ambassador to Pakistan")
    add_participant(undated, "Sun Weidong", "China", role="member")
    html = client.get("/people/sun-weidong/").content.decode()
    rows = re.findall(r'<a href="/meetings/([\w-]+)/">', html)
    assert rows == ["jwg-icc-1", "jcc-11", "bpc-meeting"]  # date order, unknown last
    assert html.index("Ambassador to Pakistan") < html.index("Vice Foreign Minister")
    assert "Delegation leader" in html and "Co-chair" in html


def test_a_bodys_page_shows_gaps_in_the_numbering(client):
    for number in (1, 2, 5):
        make_meeting(number=number, date=f"202{number}-01-01")
    make_meeting(date="2018-03-01")
    html = client.get("/bodies/jwg-icc/").content.decode()
    sessions = re.findall(r'<th scope="row">(?:<a href="[^"]+">)?([^<]+)<', html)
    assert sessions == ["1st", "2nd", "3rd", "4th", "5th", "Unnumbered"]
    assert html.count("not yet recorded") == 2
    assert "4 sessions recorded" in html


def test_a_focus_area_page_shows_its_meetings_newest_first_and_a_count_per_year(client):
    for number, date in ((1, "2019-06-10"), (2, "2020-12-25"), (3, "2020-03-01")):
        add_focus_areas(make_meeting(number=number, date=date), "energy")
    make_meeting(number=4, date="2021-01-01")
    html = client.get("/focus-areas/energy/").content.decode()
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', html) == [
        "jwg-icc-2",
        "jwg-icc-3",
        "jwg-icc-1",
    ]  # newest first
    counts = re.findall(r'<th scope="row">(\d{4})</th><td><span[^>]*></span> (\d+)</td>', html)
    assert counts == [("2019", "1"), ("2020", "2")]
    assert '<a href="/corridors/green/">Green corridor</a>' in html


def test_a_corridor_page_includes_its_descendants(client):
    growth = make_meeting(number=1, date="2019-06-10")
    add_corridors(growth, "growth")
    green = make_meeting(number=2, date="2020-12-25")
    add_corridors(green, "green", how="derived")
    make_meeting(number=3, date="2021-01-01")
    html = client.get("/corridors/cpec/").content.decode()
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', html) == [
        "jwg-icc-2",
        "jwg-icc-1",
    ]
    assert "(1 meeting)" in html  # one stated explicitly
    html = client.get("/corridors/green/").content.decode()
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', html) == ["jwg-icc-2"]
    assert 'within <a href="/corridors/cpec/">CPEC</a>' in html


def session_labels(html):
    return re.findall(r'<th scope="row">(?:<a href="[^"]+">)?([^<]+)<', html)


def test_a_bodys_page_pages_through_its_sessions_and_gaps(client, django_assert_max_num_queries):
    for number in (1, 2, 150, 230):
        make_meeting(number=number, date=f"20{number % 20:02d}-01-01")
    make_meeting(date="2018-03-01")
    make_meeting()
    with django_assert_max_num_queries(15):
        first = client.get("/bodies/jwg-icc/").content.decode()
    labels = session_labels(first)
    assert labels[:3] == ["1st", "2nd", "3rd"] and labels[99] == "100th" and len(labels) == 100
    assert first.count("not yet recorded") == 98
    assert "6 sessions recorded" in first
    assert "Page 1 of 3" in first
    second = client.get("/bodies/jwg-icc/?page=2").content.decode()
    assert session_labels(second)[0] == "101st" and session_labels(second)[49] == "150th"
    assert 'href="/meetings/jwg-icc-150/"' in second
    with django_assert_max_num_queries(15):
        last = client.get("/bodies/jwg-icc/?page=3").content.decode()
    labels = session_labels(last)
    assert labels[:2] == ["201st", "202nd"] and labels[29] == "230th"
    assert labels[30:] == ["Unnumbered", "Unnumbered"]  # dated first, then the undated one
    assert len(labels) == 32


def test_a_persons_page_is_paginated(client, django_assert_max_num_queries):
    for number in range(1, 106):
        add_participant(make_meeting(number=number, date="2020-01-01"), "Sun Weidong", "China")
    with django_assert_max_num_queries(15):
        html = client.get("/people/sun-weidong/").content.decode()
    assert len(re.findall(r'<a href="/meetings/([\w-]+)/">', html)) == 100
    assert "(105 roles)" in html and "Page 1 of 2" in html
    rest = client.get("/people/sun-weidong/?page=2").content.decode()
    assert re.findall(r'<a href="/meetings/([\w-]+)/">', rest) == [
        f"jwg-icc-{n}" for n in range(101, 106)
    ]


def test_a_focus_area_page_is_paginated_and_counts_every_year(
    client, django_assert_max_num_queries
):
    for number in range(1, 101):
        add_focus_areas(make_meeting(number=number, date=f"{1900 + number}-01-01"), "energy")
    add_focus_areas(make_meeting(body="BPC"), "energy")  # undated: counted, listed last
    with django_assert_max_num_queries(15):
        html = client.get("/focus-areas/energy/").content.decode()
    assert len(re.findall(r'<td class="title"><a href="/meetings/', html)) == 100
    assert "Page 1 of 2" in html
    assert len(re.findall(r'<th scope="row">(\d{4})</th>', html)) == 100
    rest = client.get("/focus-areas/energy/?page=2").content.decode()
    assert re.findall(r'<td class="title"><a href="/meetings/([\w-]+)/">', rest) == ["bpc-meeting"]


TEXT = "Talks were held in Urumqi. Luo & Khokher co-chaired <it>. Ends."


@pytest.fixture
def source():
    meeting = make_meeting(number=2, date="2020-12-25")
    document = SourceDocument.objects.create(title="Report", text=TEXT, sha256="b" * 64)
    meeting.sources.add(document)
    venue = Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact="venue",
        label="Urumqi",
        start=0,
        end=26,
        sentence=TEXT[0:26],
    )
    chairs = Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact="person",
        label="Luo",
        start=27,
        end=57,
        sentence=TEXT[27:57],
    )
    return document, venue, chairs


def test_a_source_page_highlights_each_evidence_span_and_links_it_to_the_fact(client, source):
    document, venue, chairs = source
    html = client.get(f"/sources/{document.pk}/").content.decode()
    assert (
        f'<mark class="evidence" id="evidence-{venue.pk}"><a href="/meetings/jwg-icc-2/#fact-{venue.pk}"'
        in html
    )
    assert ">Talks were held in Urumqi.</a></mark>" in html
    assert ">Luo &amp; Khokher co-chaired &lt;it&gt;.</a></mark> Ends." in html
    assert "<it>" not in html


def test_overlapping_spans_make_well_formed_marks():
    text = "abcdefghij"
    html = highlight_spans(
        text,
        [
            (0, 6, "evidence-1", "/m/#1", "one"),
            (3, 9, "evidence-2", "/m/#2", "two"),
            (3, 9, "evidence-3", "/m/#3", "three"),
        ],
    )
    assert html.count("<mark") == html.count("</mark>") == 3
    assert html.count("<a ") == html.count("</a>") == 3
    assert re.sub(r"<[^>]+>", "", html) == text
    assert 'id="evidence-1"' in html and 'id="evidence-2"' in html
    assert '<span class="anchor" id="evidence-3"></span>' in html


def test_spans_outside_the_text_are_clamped_or_ignored():
    html = highlight_spans(
        "short", [(2, 99, "evidence-1", "#", ""), (50, 60, "evidence-2", "#", "")]
    )
    assert re.sub(r"<[^>]+>", "", html) == "short"
    assert "evidence-2" not in html


@pytest.mark.parametrize(
    "url",
    ["/people/nobody/", "/bodies/nope/", "/focus-areas/nope/", "/corridors/nope/", "/sources/999/"],
)
def test_unknown_entities_are_404_pages_in_the_layout(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert '<a class="brand" href="/">CPEC Tracker</a>' in response.content.decode()


def busy_meeting(number):
    meeting = make_meeting(number=number, date=f"{2000 + number}-01-01", city="Beijing")
    add_focus_areas(meeting, "energy", "industry", "health")
    add_corridors(meeting, "green", "growth")
    add_participant(meeting, "Sun Weidong", "China", title=f"Title {number}")
    add_participant(meeting, f"Pakistani chair {number}", "Pakistan")
    document = SourceDocument.objects.create(text="y" * 200, sha256=f"{number:064d}")
    meeting.sources.add(document)
    for n in range(5):
        Evidence.objects.create(
            document=document,
            meeting=meeting,
            fact="focus_area",
            start=n * 10,
            end=n * 10 + 8,
            sentence="y" * 8,
        )
    return document


@pytest.mark.parametrize(
    "url",
    [
        "/people/sun-weidong/",
        "/bodies/jwg-icc/",
        "/focus-areas/energy/",
        "/corridors/cpec/",
        "SOURCE",
    ],
)
def test_entity_pages_run_a_bounded_number_of_queries(client, url, django_assert_max_num_queries):
    document = busy_meeting(1)
    for number in range(2, 25):
        busy_meeting(number)
    url = f"/sources/{document.pk}/" if url == "SOURCE" else url
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
