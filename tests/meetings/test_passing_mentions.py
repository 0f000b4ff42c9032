"""An article about one meeting that mentions an earlier one in passing is recorded as
"mentioned in" on the earlier meeting, apart from its sources; the mention adds only what
that meeting did not know, and never raises a conflict."""

import re

import pytest

from meetings.extraction.types import ArticleExtraction, Evidence, MeetingMention, PersonMention
from meetings.ingest import ingest_text, preview_text
from meetings.models import Conflict, Meeting, SourceDocument
from tests.meetings.export_helpers import csv_dicts

pytestmark = pytest.mark.django_db

FIFTH = "The fifth meeting of the JWG-ICC was held in Beijing on 10 January 2025."
SIXTH = (
    "The sixth meeting of the JWG-ICC was held in Islamabad on 12 March 2026. "
    "The two sides reviewed the progress made since the fifth meeting held in Karachi "
    "in January 2025, co-chaired by Wu Lan."
)
PASSING = (
    "The two sides reviewed the progress made since the fifth meeting held in Karachi "
    "in January 2025, co-chaired by Wu Lan."
)


def span(text, sentence):
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def jwg_icc(text, sentence, *, number, date, city, main, co_chairs=()):
    ev = span(text, sentence)
    return MeetingMention(
        body="JWG-ICC",
        body_name="",
        number=number,
        date=date,
        date_precision={10: "day", 7: "month"}[len(date)],
        city=city,
        country={"Beijing": "China"}.get(city, "Pakistan"),
        mode="",
        is_main_subject=main,
        evidence=ev,
        date_evidence=ev,
        venue_evidence=ev,
        co_chairs=[PersonMention(name, "", "China", ev) for name in co_chairs],
    )


def fifth_report():
    main = jwg_icc(FIFTH, FIFTH, number=5, date="2025-01-10", city="Beijing", main=True)
    extraction = ArticleExtraction(
        "2025-01-11", "Fifth JWG-ICC held in Beijing", [main], outlet="Example Wire"
    )
    return ingest_text(FIFTH, extraction=extraction)


def sixth_report(mentioned_co_chairs=("Wu Lan",)):
    main_sentence = "The sixth meeting of the JWG-ICC was held in Islamabad on 12 March 2026."
    meetings = [
        jwg_icc(SIXTH, main_sentence, number=6, date="2026-03-12", city="Islamabad", main=True),
        jwg_icc(
            SIXTH,
            PASSING,
            number=5,
            date="2025-01",
            city="Karachi",
            main=False,
            co_chairs=mentioned_co_chairs,
        ),
    ]
    extraction = ArticleExtraction(
        "2026-03-13", "Sixth JWG-ICC held in Islamabad", meetings, outlet="The Daily Example"
    )
    return ingest_text(SIXTH, extraction=extraction)


def test_a_passing_mention_is_recorded_apart_from_the_sources_and_disputes_nothing():
    fifth_report()
    result = sixth_report(mentioned_co_chairs=())

    fifth = Meeting.objects.get(number=5)
    assert [d.title for d in fifth.sources.all()] == ["Fifth JWG-ICC held in Beijing"]
    (mention,) = fifth.evidence_set.filter(fact="mention")
    assert (mention.document, mention.sentence) == (result.document, PASSING)
    # Its venue and date stay as its own report gave them, with that report's evidence.
    assert (fifth.city, str(fifth.date), fifth.review_status) == (
        "Beijing",
        "2025-01-10",
        "extracted",
    )
    assert fifth.venue_evidence.document.title == "Fifth JWG-ICC held in Beijing"
    assert not fifth.evidence_set.filter(document=result.document, fact="venue").exists()
    assert not Conflict.objects.exists()
    assert result.meetings_mentioned == [fifth]
    assert fifth not in result.meetings_updated


def test_a_passing_mention_adds_what_the_meeting_did_not_know():
    fifth_report()
    result = sixth_report()

    fifth = Meeting.objects.get(number=5)
    chair = fifth.participants.select_related("person").get()
    assert (chair.person.name, chair.evidence.sentence) == ("Wu Lan", PASSING)
    assert result.meetings_updated == [fifth]
    assert not Conflict.objects.exists()


def test_a_meeting_known_only_from_a_mention_has_no_source_but_is_mentioned_in_one(client):
    result = sixth_report()

    fifth = Meeting.objects.get(number=5)
    assert (fifth.city, str(fifth.date), fifth.date_precision) == ("Karachi", "2025-01-01", "month")
    assert not fifth.sources.exists()
    assert fifth.evidence.fact == "mention"
    assert fifth in result.meetings_created

    html = client.get(fifth.get_absolute_url()).content.decode()
    sources = html[html.index('id="sources-heading"') :]
    assert "it is known from articles that mention it" in sources
    assert "Entered by hand" not in sources


def test_the_detail_page_lists_where_the_meeting_is_mentioned(client):
    fifth_report()
    sixth_report(mentioned_co_chairs=())
    fifth = Meeting.objects.get(number=5)
    mention = fifth.evidence_set.get(fact="mention")

    html = client.get(fifth.get_absolute_url()).content.decode()

    sources = html[html.index('id="sources-heading"') : html.index('id="mentions-heading"')]
    assert "Fifth JWG-ICC held in Beijing" in sources
    assert "Sixth JWG-ICC held in Islamabad" not in sources
    mentions = html[html.index('id="mentions-heading"') :]
    mentions = mentions[: mentions.index("</ul>")]
    assert f'<a href="/sources/{mention.document_id}/">Sixth JWG-ICC held in Islamabad</a>' in (
        mentions
    )
    assert f"<blockquote>“{PASSING}”</blockquote>" in mentions
    assert f'href="/sources/{mention.document_id}/#evidence-{mention.pk}"' in mentions


def test_the_source_page_tells_reported_from_mentioned_meetings(client):
    fifth_report()
    result = sixth_report()

    html = client.get(f"/sources/{result.document.pk}/").content.decode()

    reports = re.search(r"<p>Meetings it reports: (.*?)</p>", html).group(1)
    mentions = re.search(r"<p>Meetings it mentions in passing: (.*?)</p>", html).group(1)
    assert re.findall(r">([^<]+)</a>", reports) == ["6th JWG-ICC meeting"]
    assert re.findall(r">([^<]+)</a>", mentions) == ["5th JWG-ICC meeting"]


def test_the_exports_cite_the_sources_not_the_mentions(client, export_rows):
    fifth_report()
    sixth_report()

    rows = {row["number"]: row for row in csv_dicts(client.get("/meetings/export.csv"))}
    assert rows["5"]["sources"] == "Example Wire: Fifth JWG-ICC held in Beijing"
    assert rows["6"]["sources"] == "The Daily Example: Sixth JWG-ICC held in Islamabad"


def test_the_admin_preview_shows_no_conflict_for_a_passing_mention():
    fifth_report()
    text = "The two sides reviewed progress since the 5th JWG-ICC, held in Lahore in 2025."

    preview = preview_text(text)

    (found,) = [m for m in preview.meetings if m.mention.number == 5]
    assert found.existing == Meeting.objects.get(number=5)
    assert not found.mention.is_main_subject
    assert found.conflicts == []
    assert SourceDocument.objects.count() == 1
