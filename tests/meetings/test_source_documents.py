"""Sources named as a reader names them: outlet, headline, publication date and address,
read from an article's header lines, editable in the admin, shown on the pages and in the
exports."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.ingest import ingest_text
from meetings.models import Meeting, SourceDocument
from tests.meetings.export_helpers import csv_dicts, json_rows

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"

ARTICLE = (
    "title: Sixth JCC reviews progress on Gwadar port\n"
    "outlet: The Daily Example\n"
    "url: https://news.example.org/2017/jcc-6\n"
    "date 2016-12-30\n"
    "\n"
    "BEIJING: The sixth meeting of the Joint Cooperation Committee (JCC) of CPEC was held "
    "in Beijing on 29 December 2016.\n"
)


def ingested(text=ARTICLE):
    result = ingest_text(text, file_name="jcc-6.txt")
    return result.document


def test_the_header_lines_name_the_source():
    document = ingested()

    assert (document.title, document.outlet, document.url, str(document.published_on)) == (
        "Sixth JCC reviews progress on Gwadar port",
        "The Daily Example",
        "https://news.example.org/2017/jcc-6",
        "2016-12-30",
    )
    assert str(document) == "Sixth JCC reviews progress on Gwadar port"


def test_an_address_without_its_scheme_gets_one():
    document = ingested(ARTICLE.replace("https://news.example.org", "news.example.org"))
    assert document.url == "https://news.example.org/2017/jcc-6"


def test_the_source_page_shows_outlet_headline_and_address_and_leaves_the_header_out(client):
    document = ingested()

    html = client.get(f"/sources/{document.pk}/").content.decode()

    assert "<h1>Sixth JCC reviews progress on Gwadar port</h1>" in html
    lede = re.search(r'<p class="lede">(.*?)</p>', html).group(1)
    assert lede == (
        '<span class="outlet">The Daily Example</span> · published 30 December 2016 · '
        '<a href="https://news.example.org/2017/jcc-6" rel="noopener">original article</a>'
    )
    text = re.search(r'<article class="source-text">(.*?)</article>', html, re.S).group(1)
    words = re.sub(r"<[^>]+>", "", text)
    assert words.startswith("BEIJING: The sixth meeting")
    for header in ("title:", "outlet:", "url:", "date 2016"):
        assert header not in words
    # The evidence still marks its sentence, though the text shown starts later.
    evidence = Meeting.objects.get().evidence
    mark = re.search(rf'<mark class="evidence" id="evidence-{evidence.pk}">(.*?)</mark>', text)
    assert re.sub(r"<[^>]+>", "", mark.group(1)) == evidence.sentence


def test_a_source_without_a_headline_is_named_by_its_outlet_and_date_not_its_file(client):
    document = ingested(ARTICLE.replace("title: Sixth JCC reviews progress on Gwadar port\n", ""))

    html = client.get(f"/sources/{document.pk}/").content.decode()

    assert "<h1>The Daily Example, 30 December 2016</h1>" in html
    assert "jcc-6.txt" not in html


def test_the_meeting_page_and_the_exports_name_the_source_by_outlet_and_headline(
    client, export_rows
):
    ingested()
    meeting = Meeting.objects.get()
    document = SourceDocument.objects.get()

    html = client.get(meeting.get_absolute_url()).content.decode()
    sources = html[html.index('id="sources-heading"') :]
    assert (
        f'<a href="/sources/{document.pk}/">Sixth JCC reviews progress on Gwadar port</a>, '
        '<span class="outlet">The Daily Example</span>, 30 December 2016 · '
        '<a href="https://news.example.org/2017/jcc-6" rel="noopener">original article</a>'
    ) in sources

    citation = (
        "The Daily Example: Sixth JCC reviews progress on Gwadar port "
        "<https://news.example.org/2017/jcc-6>"
    )
    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert row["sources"] == citation
    (obj,) = json_rows(client.get("/meetings/export.json"))
    assert obj["sources"] == [citation]


def test_an_editor_names_a_source_in_the_admin_and_the_pages_follow(staff_client, client):
    document = ingested(ARTICLE.split("\n", 3)[3])  # no title, outlet or url line
    assert document.outlet == ""

    response = staff_client.post(
        f"/admin/meetings/sourcedocument/{document.pk}/change/",
        {
            "title": "JCC meets in Beijing",
            "outlet": "Example Wire",
            "url": "https://wire.example.org/jcc",
            "file_name": "jcc-6.txt",
            "published_on": "2016-12-30",
        },
    )
    assert response.status_code == 302

    document.refresh_from_db()
    assert (document.title, document.outlet, document.url) == (
        "JCC meets in Beijing",
        "Example Wire",
        "https://wire.example.org/jcc",
    )
    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    assert row["sources"] == "Example Wire: JCC meets in Beijing <https://wire.example.org/jcc>"


def test_the_sample_articles_are_named_by_their_outlets(client):
    call_command("ingest_articles", str(SAMPLES), stdout=None)

    named = {d.file_name: (d.outlet, d.url) for d in SourceDocument.objects.all()}
    assert named == {
        "2020-12-31-peoples-daily-jwg-icc-second-meeting.txt": (
            "People's Daily Online",
            "http://en.people.cn/n3/2020/1231/c90000-9805013.html",
        ),
        "jwg-icc-fifth-meeting-and-bpc-fourth-round.txt": (
            "ARY News",
            "https://arynews.tv/pakistan-china-reaffirm-deepening-strategic-cooperatiion/",
        ),
    }
    first = SourceDocument.objects.get(outlet="People's Daily Online")
    html = client.get(f"/sources/{first.pk}/").content.decode()
    assert "<h1>People&#x27;s Daily Online, 31 December 2020</h1>" in html
    text = re.search(r'<article class="source-text">(.*?)</article>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", text).startswith("While Western media")
