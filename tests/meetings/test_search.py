"""The list's free-text search: full-text on both databases, kept in step with every write."""

import pytest
from django.db import connection

from agreements.models import Agreement
from meetings import search
from meetings.models import Body, Meeting, Person
from tests.conftest import add_participant, make_meeting
from tests.meetings.test_list_view import get_list, listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    talks = make_meeting(
        number=4,
        date="2022-03-02",
        city="Gwadar",
        country="Pakistan",
        summary="The working group reviewed the hydropower projects and port expansion.",
    )
    add_participant(talks, "Hu Chunhua", "China", title="Vice Premier")
    Agreement.objects.create(meeting=talks, statement="Both sides agreed on railway upgrades.")
    jcc = make_meeting(body="JCC", number=11, date="2022-10-27", city="Beijing", country="China")
    add_participant(jcc, "Ahsan Iqbal", "Pakistan", title="Planning Minister")
    Agreement.objects.create(meeting=jcc, statement="Cooperation on railway standards continues.")
    return {"talks": talks, "jcc": jcc}


def found(client, q):
    response = get_list(client, f"q={q}")
    assert response.status_code == 200
    return listed(response)


@pytest.mark.parametrize(
    "q, expected",
    [
        ("hydro", ["talks"]),  # the start of a word
        ("Gwad", ["talks"]),  # the city
        ("project", ["talks"]),  # 'projects', stemmed
        ("railways", ["jcc", "talks"]),  # both agreements
        ("vice premier", ["talks"]),  # a title held at the meeting
        ("Ahsan", ["jcc"]),  # a person
        ("ahsan railway", ["jcc"]),  # every word, across columns
        ("the", []),  # nothing left to search for
        ("hydropowerless", []),
    ],
)
def test_it_finds_meetings_by_words_and_their_beginnings(client, meetings, q, expected):
    assert found(client, q) == [meetings[name].slug for name in expected]


def test_a_match_in_the_bodys_name_ranks_above_one_in_an_agreement(client, meetings):
    # 'cooperation' is in the JCC's own name and in the talks' agreement; 'working' in the
    # JWG's name and the talks' summary. Relevance first, not newest first.
    Agreement.objects.create(meeting=meetings["talks"], statement="Cooperation widened.")
    assert found(client, "cooperation") == [meetings["jcc"].slug, meetings["talks"].slug]
    Agreement.objects.create(meeting=meetings["jcc"], statement="A working lunch followed.")
    assert found(client, "working") == [meetings["talks"].slug, meetings["jcc"].slug]


def test_the_search_follows_writes_that_send_no_signals(client, meetings):
    talks = meetings["talks"]
    Meeting.objects.filter(pk=talks.pk).update(summary="Talks on fisheries.")
    assert found(client, "fisheries") == [talks.slug]
    assert found(client, "hydropower") == []
    Person.objects.filter(name="Hu Chunhua").update(name="Liu Guozhong")
    assert found(client, "Liu") == [talks.slug]
    assert found(client, "Chunhua") == []
    Body.objects.filter(short_name="JCC").update(name="Joint Zonal Committee")
    assert found(client, "zonal") == [meetings["jcc"].slug]


def test_the_search_follows_added_and_removed_people_and_agreements(client, meetings):
    jcc = meetings["jcc"]
    add_participant(jcc, "Zhao Lijian", "China", title="Spokesperson")
    assert found(client, "spokesperson") == [jcc.slug]
    jcc.participants.get(person__name="Zhao Lijian").delete()
    assert found(client, "spokesperson") == []
    Agreement.objects.filter(meeting=jcc).delete()
    assert found(client, "railway") == [meetings["talks"].slug]
    jcc.delete()
    assert found(client, "Ahsan") == []


def test_the_count_and_facets_of_a_search_are_those_of_its_rows(client, meetings):
    response = get_list(client, "q=railway&body=jcc")
    assert listed(response) == [meetings["jcc"].slug]
    bodies = {f.slug: f.count for f in response.context["facets"]["body"]}
    assert bodies["jcc"] == 1 and bodies["jwg-icc"] == 1
    assert "1 meeting<" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_the_fts_index_stays_consistent_with_its_content(meetings):
    meetings["talks"].delete()
    Person.objects.filter(name="Ahsan Iqbal").update(name="A. Iqbal")
    with connection.cursor() as cursor:
        # Raises if the index disagrees with MeetingText.
        cursor.execute("INSERT INTO meeting_fts (meeting_fts) VALUES ('integrity-check')")


def test_missing_triggers_are_put_back_after_a_migration(client, meetings):
    # SQLite drops a table's triggers when a migration rebuilds the table.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER meeting_text_1")
        else:
            cursor.execute("DROP TRIGGER meeting_text_1 ON meetings_meeting")
    search.install_triggers(connection)
    Meeting.objects.filter(pk=meetings["jcc"].pk).update(summary="Talks on fisheries.")
    assert found(client, "fisheries") == [meetings["jcc"].slug]
