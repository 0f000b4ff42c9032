"""Spreadsheet formula injection and text round trips through the CSV exports."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.exports import (
    MEETING_COLUMNS,
    Column,
    csv_line,
    csv_lines,
    csv_text,
    neutralise,
    unneutralise,
)
from meetings.models import Meeting, Person
from tests.conftest import add_participant, make_meeting
from tests.meetings.export_helpers import csv_dicts, json_rows

# Written out, not taken from meetings.exports: dropping one from the exporter's list must fail
# these tests. The characters a spreadsheet reads as the start of a formula (OWASP's list for
# CSV injection), then the neutralising quote itself, which is doubled so the text reads back.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")
# Text that starts with each dangerous character is made often, not left to chance.
risky_text = st.one_of(
    st.text(),
    st.builds(lambda start, rest: start + rest, st.sampled_from(DANGEROUS), st.text()),
)

TRICKY = [
    "=SUM(A1:A9)",
    "+92 51 111",
    "-2",
    "@SUM(1)",
    "\tindented",
    "\rcarriage",
    "'quoted already",
    "''twice",
    'He said "agreed", then left',
    "Islamabad, Pakistan",
    "two\nlines",
    "windows\r\nlines",
    "اسلام آباد",  # Islamabad in Urdu
    "中巴经济走廊联合合作委员会",  # the JCC in Chinese
    "王毅, 外交部长",
    '=HYPERLINK("http://evil","click")',
    "",
    " leading space",
]


@given(risky_text)
def test_no_neutralised_text_starts_with_a_dangerous_character_and_it_reverses(text):
    safe = neutralise(text)

    assert not safe.startswith(FORMULA_STARTS)
    assert unneutralise(safe) == text
    if not text.startswith(DANGEROUS):
        assert safe == text


@pytest.mark.parametrize(
    "text, cell",
    [
        ("=1+1", "'=1+1"),
        ("+92 51 111", "'+92 51 111"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rcarriage", "'\rcarriage"),
        ("'quoted", "''quoted"),
        ("Islamabad", "Islamabad"),
        (" =not first", " =not first"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_each_dangerous_first_character_gets_a_leading_quote(text, cell):
    assert neutralise(text) == cell
    assert unneutralise(cell) == text


def read_back(pieces):
    text = "".join(pieces)
    return list(csv.reader(io.StringIO(text, newline="")))


cell_values = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10**6),
    risky_text,
    st.lists(risky_text, max_size=3),
)


@given(st.lists(st.lists(cell_values, min_size=3, max_size=3), max_size=5))
def test_every_cell_the_csv_writer_produces_is_safe_and_gives_the_value_back(values):
    columns = [Column(f"c{i}", "text", "") for i in range(3)]

    header, *written = read_back(csv_lines(columns, values))

    assert header == ["c0", "c1", "c2"]
    assert len(written) == len(values)
    for row_values, cells in zip(values, written, strict=True):
        for value, cell in zip(row_values, cells, strict=True):
            assert not cell.startswith(FORMULA_STARTS)
            if value is None:
                assert cell == ""
            elif isinstance(value, int):
                assert cell == str(value)
            elif isinstance(value, list):
                assert unneutralise(cell) == "; ".join(value)
            else:
                assert unneutralise(cell) == value


@given(st.lists(st.one_of(st.none(), st.integers(min_value=0), risky_text), min_size=1, max_size=6))
def test_a_csv_line_is_what_the_csv_module_writes_for_the_neutralised_cells(cells):
    buffer = io.StringIO()
    neutralised = [
        "" if cell is None else neutralise(cell) if isinstance(cell, str) else cell
        for cell in cells
    ]
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow(neutralised)

    assert csv_line(cells) == buffer.getvalue()


# Text that holds the characters csv_text marks cells and rows with, now and then.
marked_text = st.one_of(
    risky_text,
    st.builds(lambda a, mark, b: a + mark + b, risky_text, st.sampled_from("\x00\x01"), st.text()),
)
row_cells = st.one_of(
    st.none(),
    st.integers(min_value=0),
    marked_text,
    st.lists(marked_text, max_size=3),
    st.lists(marked_text, max_size=3).map(tuple),
)


@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda width: st.lists(st.lists(row_cells, min_size=width, max_size=width), max_size=6)
    )
)
def test_a_chunk_of_csv_text_is_the_csv_lines_of_its_rows(rows):
    assert csv_text(rows) == "".join(map(csv_line, rows))


def test_a_chunk_of_csv_text_neutralises_formulas_in_any_column_of_any_row():
    rows = [
        ("=1+1", "safe", ["-a", "b"], 3),
        ("safe", "@SUM(A1)", ["a", "=b"], None),
        ("'quoted", "\tindented", [], -4),
    ]

    text = csv_text(rows)

    assert text == "".join(map(csv_line, rows))
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["'=1+1", "safe", "'-a; b", "3"],
        ["safe", "'@SUM(A1)", "a; =b", ""],
        ["''quoted", "'\tindented", "", "'-4"],
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("export_rows")
def test_tricky_text_round_trips_exactly_through_the_csv_and_json_exports(client):
    for n, text in enumerate(TRICKY, start=1):
        meeting = make_meeting("JWG-ICC", n, "2020-01-01", city=text, country=text[::-1])
        add_participant(meeting, f"{text} {n}", "China", title=text)
    expected = {meeting.pk: meeting for meeting in Meeting.objects.all()}

    rows = csv_dicts(client.get("/meetings/export.csv"))
    objects = json_rows(client.get("/meetings/export.json"))

    assert len(rows) == len(objects) == len(TRICKY)
    for row, obj in zip(rows, objects, strict=True):
        meeting = expected[int(row["meeting_id"])]
        person = Person.objects.get(participations__meeting=meeting)
        assert all(not cell.startswith(FORMULA_STARTS) for cell in row.values())
        assert unneutralise(row["city"]) == meeting.city
        assert unneutralise(row["country"]) == meeting.country
        assert unneutralise(row["co_chair_china"]) == person.name
        assert unneutralise(row["co_chair_china_title"]) == meeting.city
        assert obj["city"] == (meeting.city or None)
        assert obj["co_chair_china"] == [person.name]
        assert obj["co_chair_china_title"] == [meeting.city]


@pytest.mark.django_db
@pytest.mark.usefixtures("export_rows")
def test_the_csv_export_quotes_a_formula_a_researcher_would_otherwise_run(client):
    meeting = make_meeting("JCC", 1, "2014-01-01", city="=HYPERLINK(1)", country="+Pakistan")
    add_participant(meeting, "@Zhang Ming", "China", title="-Minister")

    (row,) = csv_dicts(client.get("/meetings/export.csv"))

    assert (row["city"], row["country"], row["co_chair_china"], row["co_chair_china_title"]) == (
        "'=HYPERLINK(1)",
        "'+Pakistan",
        "'@Zhang Ming",
        "'-Minister",
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("export_rows")
def test_excel_gets_a_byte_order_mark_and_utf8_text(client):
    make_meeting("JCC", 1, "2014-01-01", city="اسلام آباد", country="中国")

    raw = b"".join(client.get("/meetings/export.csv", {"bom": "1"}).streaming_content)

    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "اسلام آباد" in text and "中国" in text


# What a database column can hold: no NUL (PostgreSQL refuses it), no lone surrogates.
storable = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)
database_text = storable | st.builds(
    lambda start, rest: start + rest, st.sampled_from(DANGEROUS), storable
)


@pytest.mark.django_db
@pytest.mark.usefixtures("export_rows")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(city=database_text, title=database_text)
def test_no_exported_cell_starts_with_a_dangerous_character(client, city, title):
    Meeting.objects.all().delete()
    meeting = make_meeting("BPC", 1, "2021-03-04", city=city)
    add_participant(meeting, "Zhang Ming", "China", title=title)

    (row,) = csv_dicts(client.get("/meetings/export.csv"))
    (obj,) = json_rows(client.get("/meetings/export.json"))

    assert list(row) == [column.name for column in MEETING_COLUMNS]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values())
    assert unneutralise(row["city"]) == city
    assert unneutralise(row["co_chair_china_title"]) == title
    assert obj["co_chair_china_title"] == [title]
    assert obj["city"] == (city or None)
