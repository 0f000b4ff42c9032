"""The admin's "Add from article" page: paste or upload, preview, tick, save."""

import hashlib
import html
import re

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


def fact_rows(page):
    """The preview's fact table as (ticked key, label, value, sentence, note) per row."""
    rows = re.findall(
        r'<tr(?: class="conflict")?>\s*<td><input type="checkbox" name="accept" value="([^"]+)" '
        r'checked aria-label="Accept ([^"]*)"></td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*'
        r'<td class="sentence">(.*?)</td>\s*<td>(.*?)</td>\s*</tr>',
        page,
        flags=re.S,
    )
    for key, aria, label, value, sentence, note in rows:
        assert aria == f"{label}: {value}", aria
        yield key, label, value, html.unescape(sentence), html.unescape(note)


def test_the_preview_shows_each_fact_with_its_value_sentence_and_what_it_matched(staff_client):
    meeting = make_meeting(
        number=6, date="2024-09-12", city="Karachi", country="Pakistan", review_status="reviewed"
    )
    add_participant(meeting, "Sun Weidong", "China", title="Vice Foreign Minister")
    held = (
        "The sixth meeting of the Joint Working Group on International Cooperation and "
        "Coordination (JWG-ICC) under the China-Pakistan Economic Corridor was held in Lahore "
        "on 12 September 2024."
    )
    chaired = (
        "The meeting was co-chaired by Chinese Vice Foreign Minister Sun Weidong and Pakistan's "
        "Additional Foreign Secretary Imran Ahmed."
    )
    agreed = (
        "Both sides agreed to deepen cooperation in agriculture and renewable energy, and to "
        "expand vocational education for young people in Balochistan."
    )
    green = "The two sides reaffirmed that the green corridor would guide new power projects."

    page = preview(staff_client).content.decode()

    rows = {key: row for key, *row in fact_rows(page)}
    assert list(rows) == [key for key in EVERY_FACT if key != "0:meeting"]
    assert rows["0:date"] == ["Date", "2024-09-12 (day)", held, ""]
    assert rows["0:venue"][:2] == ["Venue", "Lahore, Pakistan"]
    assert rows["0:venue"][3] == (
        "<strong>Conflict:</strong> the database holds “Karachi”, the article says “Lahore”"
    )
    assert "Lahore" in rows["0:venue"][2]
    assert rows["0:mode"][0] == "Mode"
    assert rows["0:co_chair:0"] == [
        "Co-chair",
        "Sun Weidong, Vice Foreign Minister, China",
        chaired,
        "matches Sun Weidong, already known",
    ]
    assert rows["0:co_chair:1"] == [
        "Co-chair",
        "Imran Ahmed, Additional Foreign Secretary, Pakistan",
        chaired,
        "a new person",
    ]
    assert [rows[f"0:focus:{i}"] for i in range(3)] == [
        ["Focus area", slug, agreed, ""] for slug in ("agriculture", "energy", "education")
    ]
    assert [rows[f"0:corridor:{i}"] for i in range(3)] == [
        ["Corridor", "green (stated)", green, ""],
        ["Corridor", "growth (derived from focus area agriculture)", agreed, ""],
        ["Corridor", "livelihood (derived from focus area education)", agreed, ""],
    ]
    assert [rows[f"0:agreement:{i}"] for i in range(2)] == [
        ["Agreement", f"agreed: {agreed}", agreed, ""],
        ["Agreement", f"reaffirmed: {green}", green, ""],
    ]
    assert page.count('<tr class="conflict">') == 1


def test_the_preview_shows_every_disagreement_of_a_fact_and_what_the_text_leaves_out(
    staff_client,
):
    make_meeting(
        number=6, date="2024-09-10", city="Beijing", country="China", review_status="reviewed"
    )
    undated = (
        "Pakistan and China review corridor work\n\nThe seventh meeting of the Joint Working "
        "Group on International Cooperation and Coordination (JWG-ICC) reviewed progress on "
        "the corridor.\n\nBoth sides agreed to deepen cooperation in agriculture.\n"
    )

    known = {key: row for key, *row in fact_rows(preview(staff_client).content.decode())}
    new = {key: row for key, *row in fact_rows(preview(staff_client, undated).content.decode())}

    assert known["0:date"][3] == (
        "<strong>Conflict:</strong> the database holds “2024-09-10”, the article says “2024-09-12”"
    )
    assert known["0:venue"][3] == (
        "<strong>Conflict:</strong> the database holds “Beijing”, the article says “Lahore”; "
        "the database holds “China”, the article says “Pakistan”"
    )
    assert new["0:date"] == ["Date", "not stated (unknown)", "", ""]
    assert new["0:venue"] == ["Venue", "not stated", "", ""]


def meeting_heads(page):
    """Each previewed meeting's heading line, tags stripped and spaces collapsed."""
    heads = re.findall(r'<div class="meeting-head">(.*?)</div>\s*</div>', page, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", head).split()) for head in heads]


def test_the_preview_heads_each_meeting_and_lists_delegation_leaders(staff_client):
    text = (
        "date 2023-11-03\nChina and Pakistan hold political consultations\n\n"
        "The Bilateral Political Consultations (BPC) between China and Pakistan were held in "
        "Beijing on 2 November 2023.\n\n"
        "The Chinese delegation was led by Vice Foreign Minister Sun Weidong and the Pakistani "
        "delegation was led by Foreign Secretary Syrus Qazi.\n\n"
        "The consultations followed the fifth meeting of the JWG-ICC, held in Islamabad in "
        "March 2023.\n"
    )
    led = (
        "The Chinese delegation was led by Vice Foreign Minister Sun Weidong and the Pakistani "
        "delegation was led by Foreign Secretary Syrus Qazi."
    )

    page = preview(staff_client, text).content.decode()

    bpc, jwg = meeting_heads(page)
    assert bpc.startswith("BPC meeting (the meeting the article reports) — a new meeting “")
    assert jwg == (
        "5th JWG-ICC meeting (mentioned in passing) — a new meeting “The consultations followed "
        "the fifth meeting of the JWG-ICC, held in Islamabad in March 2023.”"
    )
    rows = {key: row for key, *row in fact_rows(page)}
    assert [rows["0:leader:0"], rows["0:leader:1"]] == [
        ["Delegation leader", "Sun Weidong, Vice Foreign Minister, China", led, "a new person"],
        ["Delegation leader", "Syrus Qazi, Foreign Secretary, Pakistan", led, "a new person"],
    ]
    assert rows["1:date"][:2] == ["Date", "2023-03 (month)"]


BPC_REPORT = (
    "date 2023-11-03\nChina and Pakistan hold political consultations\n\n"
    "The Bilateral Political Consultations (BPC) between China and Pakistan were held in "
    "Beijing on 2 November 2023.\n\n"
    "The Chinese delegation was led by Vice Foreign Minister Sun Weidong and the Pakistani "
    "delegation was led by Foreign Secretary Syrus Qazi.\n\n"
    "The consultations followed the fifth meeting of the JWG-ICC, held in Islamabad in "
    "March 2023.\n"
)


def test_saving_two_meetings_opens_the_one_the_article_reports(staff_client):
    response = save(staff_client, ["0:meeting", "0:leader:0", "1:meeting"], text=BPC_REPORT)

    bpc = Meeting.objects.get(body__short_name="BPC")
    assert response["Location"] == f"/admin/meetings/meeting/{bpc.pk}/change/"
    assert Meeting.objects.filter(body__short_name="JWG-ICC", number=5).exists()
    assert [(d.country, d.leader.name) for d in bpc.delegations.all()] == [("China", "Sun Weidong")]
    assert not Person.objects.filter(name="Syrus Qazi").exists()


def test_saving_only_the_meeting_mentioned_in_passing_opens_it(staff_client):
    response = save(staff_client, ["1:meeting", "1:date", "1:venue"], text=BPC_REPORT)

    jwg = Meeting.objects.get()
    assert (jwg.title, jwg.city, str(jwg.date)) == (
        "5th JWG-ICC meeting",
        "Islamabad",
        "2023-03-01",
    )
    assert response["Location"] == f"/admin/meetings/meeting/{jwg.pk}/change/"


def test_saving_keeps_the_address_and_reports_success(staff_client):
    response = save(staff_client, url="https://example.org/jwg-icc-6", title="Lahore report")

    assert SourceDocument.objects.get().url == "https://example.org/jwg-icc-6"
    followed = staff_client.get(response["Location"]).content.decode()
    assert (
        '<li class="success">Saved the article “Lahore report”: 1 meeting created, 0 updated, '
        "0 conflicts to review.</li>" in followed
    )


def test_an_article_that_only_confirms_a_meeting_is_logged_without_conflicts(staff_client):
    meeting = make_meeting(
        number=6, date="2024-09-12", city="Lahore", country="Pakistan", review_status="reviewed"
    )

    response = save(staff_client, title="Lahore report")

    assert response["Location"] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    entry = LogEntry.objects.get(object_id=str(meeting.pk))
    assert entry.get_change_message() == "Updated from the article “Lahore report”."
    assert not Conflict.objects.exists()


def test_an_unticked_mode_makes_no_claim_on_a_known_meeting_and_leaves_a_new_ones_unknown(
    staff_client,
):
    virtual = make_meeting(
        number=6, date="2024-09-12", city="Lahore", country="Pakistan", mode="virtual",
        review_status="reviewed",
    )  # fmt: skip
    save(staff_client, [key for key in EVERY_FACT if key != "0:mode"])
    virtual.refresh_from_db()
    assert (virtual.mode, Conflict.objects.count()) == ("virtual", 0)

    other = PASSAGE.replace("sixth", "seventh").replace("2024", "2025")
    save(staff_client, [key for key in EVERY_FACT if key != "0:mode"], text=other)
    assert Meeting.objects.get(number=7).mode == ""


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
    assert (
        '<li class="warning">Saved the article “Lahore report”: 0 meetings created, 1 updated, '
        "1 conflict to review.</li>" in followed
    )
    assert "Review 1 open conflict" in followed


def test_the_same_article_twice_changes_nothing(staff_client):
    save(staff_client)
    response = save(staff_client)
    assert response["Location"] == "/admin/meetings/meeting/"
    followed = staff_client.get(response["Location"]).content.decode()
    assert '<li class="warning">This article was already added as “' in followed
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


@pytest.mark.parametrize("step", [preview, save])
def test_an_impossible_publication_date_is_a_form_error(staff_client, step):
    text = "date 2021-99-99\n" + PASSAGE.split("\n", 1)[1]
    response = step(staff_client, text=text)
    assert response.status_code == 200
    assert (
        "This text cannot be read as an article: the publication date “2021-99-99” is not a "
        "date" in response.content.decode()
    )
    assert not SourceDocument.objects.exists()


def test_pasted_text_over_5_mb_is_refused_with_a_form_error(staff_client):
    response = preview(staff_client, text="word " * (1024 * 1024 + 1))
    assert response.status_code == 200
    assert "The article is larger than 5 MB." in response.content.decode()


def test_saving_text_that_changed_since_the_preview_is_refused(staff_client):
    data = {"text": PASSAGE, "previewed": sha256("something else"), "accept": EVERY_FACT}
    response = staff_client.post(URL, {**data, "_save": "Save"})
    assert response.status_code == 200
    assert (
        '<p class="errornote">The text changed since the preview: check this new preview, '
        "then save.</p>" in response.content.decode()
    )
    assert not Meeting.objects.exists()
    # The new preview carries the new hash, so saving it now works.
    assert response.context["form"].initial["previewed"] == sha256(PASSAGE)


def test_a_text_with_no_meeting_says_so(staff_client):
    text = "The weather in Islamabad was mild on Tuesday, and markets were calm.\n"
    response = preview(staff_client, text=text)
    assert "The extractor found no meeting in this text." in response.content.decode()


@pytest.mark.parametrize("action", ["_preview", "_save"])
def test_an_upload_of_binary_data_is_refused_with_a_form_error(staff_client, action):
    upload = SimpleUploadedFile("scan.txt", b"JWG-ICC\x00\x01\x02 meeting")

    # Even with the hash of the text it was sent with, nothing unreadable is saved.
    previewed = sha256("JWG-ICC\x00\x01\x02 meeting")
    response = staff_client.post(URL, {"file": upload, action: "1", "previewed": previewed})

    assert response.status_code == 200
    assert (
        '<ul class="errorlist nonfield"><li>This text cannot be read as an article: '
        "binary data, not text.</li></ul>" in response.content.decode()
    )
    assert not SourceDocument.objects.exists()


def test_the_article_page_is_titled_and_carries_a_csrf_token(staff_client):
    page = staff_client.get(URL).content.decode()
    assert "<title>Add meetings from an article | Django site admin</title>" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_previewed_upload_comes_back_as_text_not_as_a_file(staff_client):
    upload = SimpleUploadedFile("lahore.txt", PASSAGE.encode("utf-8"))

    page = staff_client.post(URL, {"file": upload, "_preview": "Preview"}).content.decode()

    assert "Currently" not in page
    assert 'name="file_name" value="lahore.txt"' in page


def test_saving_an_article_that_looks_back_first_opens_the_meeting_it_reports(staff_client):
    text = (
        "date 2023-11-03\nJWG-ICC meets again\n\nFollowing the fifth meeting of the JWG-ICC "
        "held in Islamabad in March 2023, the sixth meeting of the JWG-ICC was held in Beijing "
        "on 2 November 2023.\n"
    )

    response = save(staff_client, ["0:meeting", "1:meeting"], text=text)

    sixth = Meeting.objects.get(number=6)
    assert Meeting.objects.filter(number=5).exists()
    assert response["Location"] == f"/admin/meetings/meeting/{sixth.pk}/change/"


def test_the_preview_says_a_date_was_inferred_and_shows_a_stated_mode_with_its_conflict(
    staff_client,
):
    make_meeting(number=6, date="2024-09-12", mode="in_person", review_status="reviewed")
    undated = (
        "date 2024-09-14\nJWG-ICC meets\n\nThe sixth meeting of the JWG-ICC was held in Lahore.\n"
    )
    online = (
        "date 2024-09-14\nJWG-ICC meets online\n\nThe sixth meeting of the JWG-ICC was held "
        "via video link on 12 September 2024.\n"
    )

    inferred = {
        key: row for key, *row in fact_rows(preview(staff_client, undated).content.decode())
    }
    stated = {key: row for key, *row in fact_rows(preview(staff_client, online).content.decode())}

    assert inferred["0:date"] == [
        "Date",
        "2024-09 (month)",
        "",
        "month inferred from the publication date: the text gives none",
    ]
    assert stated["0:mode"] == [
        "Mode",
        "Virtual",
        "The sixth meeting of the JWG-ICC was held via video link on 12 September 2024.",
        "<strong>Conflict:</strong> the database holds “in_person”, the article says “virtual”",
    ]
