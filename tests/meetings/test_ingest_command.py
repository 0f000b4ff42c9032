"""`ingest_articles` and `extract_article` as a user runs them."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Body, Meeting, Participant, Person, SourceDocument

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "articles"
GOOD = (
    "ISLAMABAD, March 3 (Wire) - The 6th meeting of the Joint Cooperation Committee was held "
    "in Islamabad on 2 March 2023.\n"
)


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


def table_counts():
    return [m.objects.count() for m in (SourceDocument, Meeting, Person, Participant, Body)]


@pytest.mark.django_db
def test_the_sample_articles_yield_the_meetings_they_report_and_nothing_else():
    status, out, _ = run("ingest_articles", str(SAMPLES))
    assert status == 0
    assert "2 new, 0 unchanged, 0 failed" in out

    found = {(m.body.short_name, m.number): m for m in Meeting.objects.select_related("body")}
    assert set(found) == {
        ("JWG-ICC", 1),
        ("JWG-ICC", 2),
        ("JWG-ICC", 4),
        ("JWG-ICC", 5),
        ("BPC", 4),
    }

    second = found["JWG-ICC", 2]
    assert (str(second.date), second.city, second.country) == ("2020-12-25", "Urumqi", "China")
    chairs = {
        (p.person.name, p.title, p.delegation.country)
        for p in second.participants.filter(role="co_chair").select_related("person", "delegation")
    }
    assert chairs == {
        ("Luo Zhaohui", "Vice Foreign Minister", "China"),
        ("Sohail Mahmood", "Foreign Secretary", "Pakistan"),
    }
    assert {"industry", "agriculture", "science-technology", "livelihood", "media-culture",
            "third-party"} <= set(second.focus_areas.values_list("slug", flat=True))  # fmt: skip

    first = found["JWG-ICC", 1]
    assert (str(first.date), first.date_precision) == ("2019-04-09", "day")

    fifth = found["JWG-ICC", 5]
    assert (fifth.date, fifth.date_precision, fifth.city, fifth.country) == (
        None, "unknown", "Beijing", "China"
    )  # fmt: skip
    chairs = {
        (p.person.name, p.title, p.delegation.country)
        for p in fifth.participants.filter(role="co_chair").select_related("person", "delegation")
    }
    assert chairs == {
        ("Sun Weidong", "Vice Foreign Minister", "China"),
        ("Amna Baloch", "Foreign Secretary", "Pakistan"),
    }
    assert {"energy", "agriculture", "livelihood", "industry", "sez", "media-culture"} <= set(
        fifth.focus_areas.values_list("slug", flat=True)
    )
    explicit = fifth.corridor_links.filter(how="explicit").values_list("corridor__slug", flat=True)
    assert set(explicit) == {"growth", "livelihood", "innovation", "open", "green"}

    fourth = found["JWG-ICC", 4]
    assert (str(fourth.date), fourth.city, fourth.country) == (
        "2024-01-21",
        "Islamabad",
        "Pakistan",
    )

    bpc = found["BPC", 4]
    assert bpc.city == "Beijing"
    leaders = {
        (p.person.name, p.delegation.country)
        for p in bpc.participants.filter(role__in=["leader", "co_chair"]).select_related(
            "person", "delegation"
        )
    }
    assert leaders == {("Amna Baloch", "Pakistan"), ("Sun Weidong", "China")}
    assert {"information-technology", "agriculture", "energy"} <= set(
        bpc.focus_areas.values_list("slug", flat=True)
    )

    published = dict(SourceDocument.objects.values_list("file_name", "published_on"))
    assert str(published["2020-12-31-peoples-daily-jwg-icc-second-meeting.txt"]) == "2020-12-31"
    assert published["jwg-icc-fifth-meeting-and-bpc-fourth-round.txt"] is None
    # Nothing invented: only the people the articles name as co-chairs or leaders.
    assert set(Person.objects.values_list("name", flat=True)) == {
        "Luo Zhaohui", "Sohail Mahmood", "Sun Weidong", "Amna Baloch"
    }  # fmt: skip
    # Every fact's evidence is a real span of its document.
    for doc in SourceDocument.objects.prefetch_related("evidence"):
        for ev in doc.evidence.all():
            assert doc.text[ev.start : ev.end] == ev.sentence


@pytest.mark.django_db
def test_ingesting_twice_is_a_no_op_the_second_time():
    run("ingest_articles", str(SAMPLES))
    before = table_counts()
    status, out, _ = run("ingest_articles", str(SAMPLES))
    assert status == 0
    assert "0 new, 2 unchanged, 0 failed; 0 meetings created, 0 updated." in out
    assert out.count("unchanged (already ingested") == 2
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not UTF-8 text"),
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        ("Die Sitzung fand in Lahore statt.".encode("utf-16"), "not UTF-8 text"),
        (b"ok text \x00\x01\x02 with nulls", "binary data"),
    ],
    ids=["binary", "empty", "blank", "utf-16", "nul-bytes"],
)
def test_a_broken_file_is_refused_clearly_and_the_others_still_ingested(tmp_path, content, message):
    (tmp_path / "a-broken.txt").write_bytes(content)
    (tmp_path / "b-good.txt").write_text(GOOD)

    status, out, err = run("ingest_articles", str(tmp_path))

    assert status == 1
    assert f"a-broken.txt: error: {message}" in err
    assert "1 new, 0 unchanged, 1 failed" in out
    assert list(SourceDocument.objects.values_list("file_name", flat=True)) == ["b-good.txt"]


@pytest.mark.django_db
def test_a_file_cut_off_mid_sentence_is_ingested_and_its_extraction_warns(tmp_path):
    clipped = GOOD + "The two sides agreed to expand cooperation in agriculture and the\n"
    (tmp_path / "a-clipped.txt").write_text(clipped)
    (tmp_path / "b-good.txt").write_text(GOOD.replace("6th", "7th"))

    status, out, err = run("ingest_articles", str(tmp_path))

    assert (status, err) == (0, "")
    assert "2 new, 0 unchanged, 0 failed" in out
    assert Meeting.objects.filter(body__short_name="JCC", number=6).exists()
    status, out, _ = run("extract_article", str(tmp_path / "a-clipped.txt"), "--json")
    assert status == 0
    assert json.loads(out)["warnings"] == ["looks clipped: ends mid-sentence"]


@pytest.mark.django_db
def test_an_impossible_date_fails_that_file_alone_and_the_batch_goes_on(tmp_path):
    for n in range(1, 6):
        text = GOOD.replace("6th", f"{n + 10}th").replace("2 March", f"{n} March")
        (tmp_path / f"{n}.txt").write_text(text)
    (tmp_path / "3.txt").write_text("date 2021-99-99\n\n" + GOOD)

    status, out, err = run("ingest_articles", str(tmp_path))

    assert status == 1
    assert err.count("error") == 1
    assert "[3/5] " in err
    assert "3.txt: error: the publication date “2021-99-99” is not a date" in err
    assert "4 new, 0 unchanged, 1 failed" in out
    assert sorted(SourceDocument.objects.values_list("file_name", flat=True)) == [
        "1.txt",
        "2.txt",
        "4.txt",
        "5.txt",
    ]


@pytest.mark.django_db
def test_an_unexpected_failure_of_one_file_is_reported_on_its_line_and_the_rest_go_on(
    tmp_path, monkeypatch
):
    from meetings import ingest

    real = ingest._Writer.write_meeting

    def write_meeting(self, mention):
        if "crash" in self.document.file_name:
            raise RuntimeError("disk on fire\nsecond line")
        return real(self, mention)

    monkeypatch.setattr(ingest._Writer, "write_meeting", write_meeting)
    (tmp_path / "a-crash.txt").write_text(GOOD)
    (tmp_path / "b-good.txt").write_text(GOOD.replace("6th", "7th"))

    status, out, err = run("ingest_articles", str(tmp_path))

    assert status == 1
    assert "[1/2] " in err and "a-crash.txt: error: RuntimeError: disk on fire second line" in err
    assert "1 new, 0 unchanged, 1 failed" in out
    assert list(SourceDocument.objects.values_list("file_name", flat=True)) == ["b-good.txt"]
    assert list(Meeting.objects.values_list("number", flat=True)) == [7]


@pytest.mark.django_db
@pytest.mark.parametrize("contents", [{}, {"notes.md": "An article?", "scan.pdf": "%PDF"}])
def test_a_folder_without_txt_files_says_nothing_was_found_and_fails(tmp_path, contents):
    for name, text in contents.items():
        (tmp_path / name).write_text(text)

    status, out, err = run("ingest_articles", str(tmp_path))

    assert status == 1
    assert "Nothing to ingest: no .txt files found." in out
    assert f"No .txt files found in {tmp_path}." in err
    assert "Ingested 0 documents" not in out


@pytest.mark.django_db
def test_a_missing_path_is_an_error_not_a_traceback(tmp_path):
    status, _, err = run("ingest_articles", str(tmp_path / "nope.txt"))
    assert status == 1
    assert "nope.txt: error: no such file" in err
    assert SourceDocument.objects.count() == 0


def test_extract_article_prints_the_briefs_schema_for_one_file(tmp_path):
    path = tmp_path / "jcc.txt"
    path.write_text("date 2023-03-03 " + GOOD)
    status, out, _ = run("extract_article", str(path), "--json")
    assert status == 0
    data = json.loads(out)
    assert list(data) == [
        "file",
        "sha256",
        "published_on",
        "outlet",
        "title",
        "url",
        "dateline_city",
        "warnings",
        "meetings",
    ]
    assert (data["file"], data["published_on"]) == (str(path), "2023-03-03")
    assert len(data["sha256"]) == 64
    [meeting] = data["meetings"]
    assert list(meeting) == [
        "body", "body_name", "number", "date", "date_precision", "city", "country", "mode",
        "is_main_subject", "status", "date_inferred", "co_chairs", "delegation_leaders", "focus_areas", "corridors",
        "agreements",
    ]  # fmt: skip
    assert (meeting["body"], meeting["number"], meeting["date"], meeting["city"]) == (
        "JCC", 6, "2023-03-02", "Islamabad"
    )  # fmt: skip


def test_extract_article_prints_an_array_for_several_files_and_errors_one_line_each(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    big = tmp_path / "big.txt"
    big.write_text("The meeting was held in Lahore.\n" * 170_000)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Réunion à Lahore.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    args = [str(good), str(tmp_path / "missing.txt"), str(tmp_path), str(latin1), str(empty),
            str(big)]  # fmt: skip

    status, out, err = run("extract_article", *args, "--json")

    assert status == 1
    assert [item["file"] for item in json.loads(out)] == [str(good)]
    lines = err.strip().splitlines()
    assert lines[:5] == [
        f"{tmp_path / 'missing.txt'}: error: no such file",
        f"{tmp_path}: error: is a directory",
        f"{latin1}: error: not UTF-8 text (bad byte at offset 1)",
        f"{empty}: error: empty: no text to extract from",
        f"{big}: error: too large: 5,440,000 bytes (the limit is 5,242,880)",
    ]


def test_the_extractor_does_not_touch_the_database(tmp_path):
    shutil.copy(SAMPLES / "jwg-icc-fifth-meeting-and-bpc-fourth-round.txt", tmp_path / "a.txt")
    # No database access is allowed in this test (no django_db mark): a query would fail.
    status, out, _ = run("extract_article", str(tmp_path / "a.txt"), "--json")
    assert status == 0
    assert {m["body"] for m in json.loads(out)["meetings"]} == {"JWG-ICC", "BPC"}
