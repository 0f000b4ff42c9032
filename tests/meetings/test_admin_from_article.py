"""The admin's "Add from article" page: paste or upload, preview, tick, save."""

import hashlib

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Conflict, Meeting, Person, SourceDocument
from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db

URL = "/admin/meetings/meeting/from-article/"

# Written for these tests; not one of the seed or corpus articles.
PASSAGE = """date 2024-09-14
Pakistan and China hold sixth JWG-ICC session in Lahore

The sixth meeting of the Joint Working Group on International Cooperation and Coordination \
(JWG-ICC) under the China-Pakistan Economic Corridor was held in Lahore on 12 September 2024.

The meeting was co-chaired by Chinese Vice Foreign Minister Sun Weidong and Pakistan's \
Additional Foreign Secretary Imran Ahmed.

Both sides agreed to deepen cooperation in agriculture and renewable energy, and to expand \
vocational education for young people in Balochistan.

The two sides reaffirmed that the green corridor would guide new power projects.
"""

EVERY_FACT = [
    "0:meeting",
    "0:date",
    "0:venue",
    "0:mode",
    "0:co_chair:0",
    "0:co_chair:1",
    "0:focus:0",
    "0:focus:1",
    "0:focus:2",
    "0:corridor:0",
    "0:corridor:1",
    "0:corridor:2",
    "0:agreement:0",
    "0:agreement:1",
]


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def preview(client, text=PASSAGE, **fields):
    return client.post(URL, {"text": text, "_preview": "Preview", **fields})


def save(client, accept=EVERY_FACT, text=PASSAGE, **fields):
    data = {"text": text, "previewed": sha256(text), "accept": accept, "_save": "Save", **fields}
    return client.post(URL, data)


def test_the_meetings_list_links_to_the_article_page(staff_client):
    page = staff_client.get("/admin/meetings/meeting/").content.decode()
    assert f'<a href="{URL}" class="addlink">Add from article</a>' in page


def test_the_preview_shows_each_fact_with_its_sentence_and_writes_nothing(staff_client):
    response = preview(staff_client)

    assert response.status_code == 200
    page = response.content.decode()
    assert "6th JWG-ICC meeting" in page
    assert "a new meeting" in page
    assert "2024-09-12 (day)" in page
    assert "Lahore, Pakistan" in page
    assert "Sun Weidong, Vice Foreign Minister, China" in page
    assert "Imran Ahmed, Additional Foreign Secretary, Pakistan" in page
    assert page.count("a new person") == 2
    assert "green (stated)" in page
    assert "growth (derived from focus area agriculture)" in page
    assert (
        "The two sides reaffirmed that the green corridor would guide new power projects." in page
    )
    for key in EVERY_FACT:
        assert f'name="accept" value="{key}" checked' in page, key
    # The text comes back with the hash it was previewed at, ready to save.
    assert f'name="previewed" value="{sha256(PASSAGE)}"' in page
    assert not Meeting.objects.exists()
    assert not SourceDocument.objects.exists()


def test_saving_writes_the_ticked_facts_and_opens_the_new_meeting(staff_client):
    # Leave out education; the livelihood corridor derived from it goes with it.
    accept = [key for key in EVERY_FACT if key != "0:focus:2"]

    response = save(staff_client, accept, title="JWG-ICC meets in Lahore", outlet="Test Wire")

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    assert (meeting.title, meeting.city, meeting.country, str(meeting.date)) == (
        "6th JWG-ICC meeting",
        "Lahore",
        "Pakistan",
        "2024-09-12",
    )
    assert {(p.person.name, p.delegation.country, p.role) for p in meeting.participants.all()} == {
        ("Sun Weidong", "China", "co_chair"),
        ("Imran Ahmed", "Pakistan", "co_chair"),
    }
    assert set(meeting.focus_areas.values_list("slug", flat=True)) == {"agriculture", "energy"}
    assert {(c.corridor.slug, c.how) for c in meeting.corridor_links.all()} == {
        ("green", "explicit"),
        ("growth", "derived"),
    }
    assert meeting.agreements.count() == 2
    document = meeting.sources.get()
    assert (document.title, document.outlet, document.text) == (
        "JWG-ICC meets in Lahore",
        "Test Wire",
        PASSAGE,
    )
    assert "Lahore" in meeting.evidence_set.filter(fact="venue").get().sentence

    entry = LogEntry.objects.get(object_id=str(meeting.pk))
    assert entry.action_flag == ADDITION
    assert entry.get_change_message() == "Added from the article “JWG-ICC meets in Lahore”."
    followed = staff_client.get(response["Location"])
    assert (
        "Saved the article “JWG-ICC meets in Lahore”: 1 meeting created, 0 updated, "
        "0 conflicts to review." in followed.content.decode()
    )


def test_unticked_date_venue_and_people_are_left_out(staff_client):
    accept = ["0:meeting", "0:mode", "0:focus:0", "0:co_chair:0"]
    save(staff_client, accept)
    meeting = Meeting.objects.get()
    assert (meeting.date, meeting.date_precision, meeting.city, meeting.country) == (
        None,
        "unknown",
        "",
        "",
    )
    assert list(meeting.participants.values_list("person__name", flat=True)) == ["Sun Weidong"]
    assert list(meeting.focus_areas.values_list("slug", flat=True)) == ["agriculture"]
    assert not meeting.corridor_links.exists()
    assert not Person.objects.filter(name="Imran Ahmed").exists()


def test_an_unticked_meeting_is_not_written(staff_client):
    response = save(staff_client, [key for key in EVERY_FACT if key != "0:meeting"])
    assert response.status_code == 302
    assert not Meeting.objects.exists()
    assert SourceDocument.objects.count() == 1


def test_the_preview_marks_known_meetings_people_and_conflicts(staff_client):
    meeting = make_meeting(
        number=6, date="2024-09-12", city="Karachi", country="Pakistan", review_status="reviewed"
    )
    add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")

    page = preview(staff_client).content.decode()

    assert f'matches <a href="/admin/meetings/meeting/{meeting.pk}/change/">' in page
    assert "(1 conflict with it, recorded for review)" in page
    assert "matches Sun Weidong, already known" in page
    assert (
        "<strong>Conflict:</strong> the database holds “Karachi”, the article says “Lahore”" in page
    )


def test_saving_an_article_that_disagrees_records_a_conflict_instead_of_overwriting(
    staff_client,
):
    meeting = make_meeting(
        number=6, date="2024-09-12", city="Karachi", country="Pakistan", review_status="reviewed"
    )

    response = save(staff_client, title="Lahore report")

    assert response["Location"] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Karachi", "needs_review")
    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "city",
        "Karachi",
        "Lahore",
    )
    entry = LogEntry.objects.get(object_id=str(meeting.pk))
    assert entry.action_flag == CHANGE
    assert entry.get_change_message() == (
        "Updated from the article “Lahore report”. 1 conflicting value recorded for review."
    )
    followed = staff_client.get(response["Location"]).content.decode()
    assert "0 meetings created, 1 updated, 1 conflict to review." in followed
    assert "Review 1 open conflict" in followed


def test_the_same_article_twice_changes_nothing(staff_client):
    save(staff_client)
    response = save(staff_client)
    assert response["Location"] == "/admin/meetings/meeting/"
    followed = staff_client.get(response["Location"]).content.decode()
    assert "was already added as" in followed
    assert (Meeting.objects.count(), SourceDocument.objects.count()) == (1, 1)
    page = preview(staff_client).content.decode()
    assert "This exact text was already added" in page


def test_an_uploaded_txt_file_is_previewed_and_saved(staff_client):
    upload = SimpleUploadedFile("lahore.txt", PASSAGE.replace("\n", "\r\n").encode("utf-8"))

    response = staff_client.post(URL, {"file": upload, "_preview": "Preview"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["text"] == PASSAGE  # Windows line ends read as the command reads them
    assert form.initial["file_name"] == "lahore.txt"
    assert "Sun Weidong, Vice Foreign Minister, China" in response.content.decode()
    save(staff_client, file_name="lahore.txt")
    assert SourceDocument.objects.get().file_name == "lahore.txt"


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "The file is not UTF-8 text."),
        ("empty.txt", b"", "The submitted file is empty."),
        ("blank.txt", b"   \n\n", "The article is empty: paste its text or upload a file."),
        ("article.pdf", b"%PDF-1.4", "Upload a plain-text .txt file."),
        ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "The file is larger than 5 MB."),
    ],
)
def test_an_unusable_upload_is_refused_with_a_form_error(staff_client, name, content, error):
    response = staff_client.post(URL, {"file": SimpleUploadedFile(name, content), "_preview": "1"})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_empty_or_unreadable_text_is_refused_with_a_form_error(staff_client):
    response = preview(staff_client, text="")
    assert "The article is empty: paste its text or upload a file." in response.content.decode()


def test_text_cut_off_mid_sentence_is_previewed_with_the_clipped_warning(staff_client):
    cut_off = "The sixth JWG-ICC meeting was held in Lahore where the two sides agreed to"
    response = preview(staff_client, text=cut_off)
    assert response.status_code == 200
    assert "cannot be read as an article" not in response.content.decode()
    assert [item.mention.number for item in response.context["preview"].meetings] == [6]
    assert response.context["preview"].extraction.warnings == ["looks clipped: ends mid-sentence"]


def test_pasted_text_over_5_mb_is_refused_with_a_form_error(staff_client):
    response = preview(staff_client, text="word " * (1024 * 1024 + 1))
    assert response.status_code == 200
    assert "The article is larger than 5 MB." in response.content.decode()


def test_saving_text_that_changed_since_the_preview_is_refused(staff_client):
    data = {"text": PASSAGE, "previewed": sha256("something else"), "accept": EVERY_FACT}
    response = staff_client.post(URL, {**data, "_save": "Save"})
    assert response.status_code == 200
    assert "The text changed since the preview" in response.content.decode()
    assert not Meeting.objects.exists()
    # The new preview carries the new hash, so saving it now works.
    assert response.context["form"].initial["previewed"] == sha256(PASSAGE)


def test_a_text_with_no_meeting_says_so(staff_client):
    text = "The weather in Islamabad was mild on Tuesday, and markets were calm.\n"
    response = preview(staff_client, text=text)
    assert "The extractor found no meeting in this text." in response.content.decode()
