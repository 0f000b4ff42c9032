import re

import pytest

from agreements.models import Agreement, FocusArea, MeetingCorridor
from meetings.models import Evidence, SourceDocument
from tests.conftest import add_corridors, add_focus_areas, add_participant, make_meeting

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The second meeting of the JWG-ICC was held in Urumqi on 25 December 2020. "
    "It was co-chaired by Vice Foreign Minister Luo Zhaohui. "
    "Both sides agreed to focus on energy & <industry>."
)


def sentence_span(text, sentence):
    start = text.index(sentence)
    return start, start + len(sentence)


def evidence_for(document, meeting, fact, sentence, label=""):
    start, end = sentence_span(document.text, sentence)
    return Evidence.objects.create(
        document=document,
        meeting=meeting,
        fact=fact,
        label=label,
        start=start,
        end=end,
        sentence=sentence,
    )


@pytest.fixture
def second():
    first = make_meeting(number=1, date="2019-06-10", city="Beijing", country="China")
    add_focus_areas(first, "industry", "agriculture")
    add_participant(first, "Kong Xuanyou", "China", title="Assistant Foreign Minister")
    add_participant(first, "Aftab Khokher", "Pakistan", title="Additional Secretary")

    second = make_meeting(
        number=2, date="2020-12-25", city="Urumqi", country="China", mode="in_person"
    )
    document = SourceDocument.objects.create(title="Xinhua", text=ARTICLE, sha256="a" * 64)
    second.sources.add(document)
    second.date_evidence = evidence_for(
        document, second, "date", ARTICLE.split(". ")[0] + ".", "25 December 2020"
    )
    second.save()
    chair = add_participant(second, "Luo Zhaohui", "China", title="Vice Foreign Minister")
    chair.evidence = evidence_for(
        document, second, "person", "It was co-chaired by Vice Foreign Minister Luo Zhaohui."
    )
    chair.save()
    add_participant(second, "Aftab Khokher", "Pakistan", title="Additional Secretary")
    add_focus_areas(second, "industry", "energy")
    add_corridors(second, "green")
    MeetingCorridor.objects.create(
        meeting=second,
        corridor=FocusArea.objects.get(slug="industry").corridors.get(),
        how="derived",
        via=FocusArea.objects.get(slug="industry"),
    )
    Agreement.objects.create(
        meeting=second,
        statement="Both sides agreed to focus on energy & <industry>.",
        evidence=evidence_for(
            document, second, "agreement", "Both sides agreed to focus on energy & <industry>."
        ),
    )
    make_meeting(number=4, date="2024-01-21", city="Islamabad")
    return second


def test_it_shows_the_meetings_facts(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    assert "<h1>2nd JWG-ICC meeting</h1>" in html
    assert "Joint Working Group on International Cooperation and Coordination" in html
    assert "25 December 2020" in html
    assert "Urumqi, China" in html
    assert "In person" in html
    assert "2nd session of the JWG-ICC" in html


def test_it_shows_co_chairs_with_the_title_held_then(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    assert re.search(r'<a href="/people/luo-zhaohui/">Luo Zhaohui</a>, Vice Foreign Minister', html)
    assert "<h3>Pakistan</h3>" in html


def test_it_says_which_corridors_were_stated_and_which_derived(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    assert 'Green corridor</a>\n    <span class="how">— stated in a source</span>' in html
    assert (
        'Growth corridor</a>\n    <span class="how">— derived: '
        '<a href="/focus-areas/industry/">industry</a> is mapped to this corridor</span>'
    ) in html


def test_each_fact_links_to_its_evidence_in_the_source(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    for evidence in Evidence.objects.all():
        url = f"/sources/{evidence.document_id}/#evidence-{evidence.pk}"
        assert f'href="{url}"' in html
        assert f'id="fact-{evidence.pk}"' in html
    # The sentence is shown inline, escaped.
    assert "“It was co-chaired by Vice Foreign Minister Luo Zhaohui.”" in html
    assert "energy &amp; &lt;industry&gt;." in html


def test_it_shows_what_changed_since_the_previous_meeting(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    changes = html[html.index("Since the previous meeting") :]
    added = changes[changes.index("Focus areas added") : changes.index("Focus areas dropped")]
    dropped = changes[changes.index("Focus areas dropped") : changes.index("New co-chairs")]
    joined = changes[changes.index("New co-chairs") : changes.index("no longer chairing")]
    left = changes[changes.index("no longer chairing") : changes.index("</dl>")]
    assert "Energy" in added and "Industry" not in added
    assert "Agriculture" in dropped and "Industry" not in dropped
    assert "Luo Zhaohui" in joined and "Aftab Khokher" not in joined
    assert "Kong Xuanyou" in left


def test_the_previous_meeting_is_the_highest_lower_number(client, second):
    html = client.get("/meetings/jwg-icc-4/").content.decode()
    assert 'rel="prev" href="/meetings/jwg-icc-2/"' in html
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    assert 'rel="prev" href="/meetings/jwg-icc-1/"' in html
    assert 'rel="next" href="/meetings/jwg-icc-4/"' in html


def test_an_unnumbered_meetings_previous_is_the_latest_earlier_date(client, second):
    unnumbered = make_meeting(date="2022-05-01")
    html = client.get(unnumbered.get_absolute_url()).content.decode()
    assert 'rel="prev" href="/meetings/jwg-icc-2/"' in html
    assert "number not recorded" in html


def test_the_first_meeting_has_no_changes_section(client, second):
    html = client.get("/meetings/jwg-icc-1/").content.decode()
    assert "Since the previous meeting" not in html
    assert "No earlier JWG-ICC meeting recorded" in html


@pytest.mark.parametrize(
    "precision, date, shown",
    [
        ("month", "2020-12-01", "December 2020"),
        ("year", "2020-01-01", "2020"),
        ("unknown", None, "date unknown"),
    ],
)
def test_it_shows_the_date_at_its_precision(client, precision, date, shown):
    meeting = make_meeting(body="JCC", number=7, date=date, precision=precision)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert re.search(rf"<dd><time[^>]*>{shown}</time>", html)


def test_it_lists_the_sources(client, second):
    html = client.get("/meetings/jwg-icc-2/").content.decode()
    assert f'<a href="/sources/{second.sources.get().pk}/">Xinhua</a>' in html


def test_an_unknown_meeting_is_a_404_in_the_sites_layout(client):
    response = client.get("/meetings/jwg-icc-99/")
    assert response.status_code == 404
    assert "CPEC Tracker" in response.content.decode()
    assert "<h1>Not found</h1>" in response.content.decode()


def add_bulk(meeting, count):
    document = SourceDocument.objects.create(text="x" * 1000, sha256=f"{meeting.pk:064d}")
    meeting.sources.add(document)
    for n in range(count):
        participant = add_participant(meeting, f"Person {meeting.pk} {n}", "China", role="member")
        participant.evidence = Evidence.objects.create(
            document=document, meeting=meeting, fact="person", start=n, end=n + 5, sentence="x"
        )
        participant.save()
        Agreement.objects.create(meeting=meeting, statement=f"Statement {n}")


def test_the_detail_page_runs_a_bounded_number_of_queries(
    client, second, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        client.get("/meetings/jwg-icc-2/")
    add_bulk(second, 30)
    add_focus_areas(second, "health", "sez", "water", "mining")
    with django_assert_max_num_queries(15):
        response = client.get("/meetings/jwg-icc-2/")
    assert "Person" in response.content.decode()


def test_a_meeting_known_only_by_mention_is_not_compared(client, second):
    html = client.get("/meetings/jwg-icc-4/").content.decode()
    changes = html[html.index("Since the previous meeting") :]
    assert changes.count("not recorded for both meetings, so not compared") == 2
    assert "Focus areas dropped" not in changes
