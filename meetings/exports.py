"""Researchers' exports: one stable, documented row per meeting, streamed as CSV or JSON.

The row builders read the filtered queryset in chunks of CHUNK_SIZE with a server-side
iterator. Each meeting's co-chairs, links and sources come with it from its stored
ExportRow (kept current by signals.py); for the meetings of a chunk that have none, they
are worked out in three queries (focus areas, corridors and agreement counts as one row per
meeting; co-chairs; sources), as plain tuples: a fixed number of queries per chunk, none
per row, and memory bounded by the chunk, not the export. The writers turn rows into CSV
(formula-safe; see csv_text) or JSON text a few hundred rows at a time. The column lists
below are the data dictionary that `/data/` renders. bench/export_speed.py measures it all.
"""

import json
import logging
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain, islice

from asgiref.local import Local
from django.contrib import admin
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import (
    Case,
    CharField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Substr
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import (
    Agreement,
    Corridor,
    FocusArea,
    LinkHow,
    MeetingCorridor,
    MeetingFocusArea,
)

from .models import ExportRow, Meeting, Participant, Role, date_at_precision

logger = logging.getLogger(__name__)

# Rows read from the database per round trip, and rows written per chunk of the response.
CHUNK_SIZE = 5000
ROWS_PER_WRITE = 500
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class Export:
    """One export as the data dictionary lists it."""

    slug: str
    path: str
    title: str
    description: str
    columns: tuple


MEETING_COLUMNS = (
    Column("meeting_id", "integer", "The meeting's id on this site. Stable across exports."),
    Column("body", "text", "Short name of the body that met: JWG-ICC, JCC, BPC, ..."),
    Column("body_name", "text", "The body's full name."),
    Column(
        "number",
        "integer",
        "The meeting's ordinal within its body: 2 for the second meeting or round. "
        "Empty when the sources don't say.",
    ),
    Column(
        "date",
        "date (ISO 8601)",
        "When it met, at its precision: YYYY-MM-DD, YYYY-MM or YYYY. Empty when unknown.",
    ),
    Column("date_precision", "text", "How precise the date is: day, month, year or unknown."),
    Column("city", "text", "Where it met. Empty when unknown."),
    Column("country", "text", "The host country. Empty when unknown."),
    Column(
        "mode",
        "text",
        "How it met: in_person, virtual or hybrid. Empty when no source states it.",
    ),
    Column(
        "co_chair_china",
        "list of text",
        "The Chinese co-chair's name (several separated by '; ').",
    ),
    Column(
        "co_chair_china_title",
        "list of text",
        "The title the Chinese co-chair held at this meeting, in the same order.",
    ),
    Column(
        "co_chair_pakistan",
        "list of text",
        "The Pakistani co-chair's name (several separated by '; ').",
    ),
    Column(
        "co_chair_pakistan_title",
        "list of text",
        "The title the Pakistani co-chair held at this meeting, in the same order.",
    ),
    Column(
        "focus_areas",
        "list of slugs",
        "Focus areas the two sides agreed on, as canonical slugs (energy, sez, ...), "
        "alphabetical, separated by '; '.",
    ),
    Column(
        "corridors",
        "list of slugs",
        "Every corridor the meeting belongs to (what the corridor filter matches), "
        "alphabetical, separated by '; '.",
    ),
    Column(
        "corridors_derived",
        "list of slugs",
        "Those of `corridors` that come from a focus area through the focus-area → corridor "
        "mapping rather than from a source saying so.",
    ),
    Column("agreements_count", "integer", "How many agreed statements the meeting has."),
    Column(
        "review_status",
        "text",
        "extracted (not yet confirmed by an admin), needs_review (sources disagree) or reviewed.",
    ),
    Column(
        "sources",
        "list of text",
        "The source documents that report the meeting, separated by '; ', each as "
        "`Outlet: Headline <URL>` with the parts that are known (when none is, the file name "
        "or `Document` and the start of the text's SHA-256). An article that only mentions "
        "the meeting in passing is not among them.",
    ),
    Column("url", "URL", "The meeting's page on this site, with the evidence for every fact."),
    Column(
        "status",
        "text",
        "held, or planned: announced by a source and not yet reported held (its date is the "
        "one it is planned for).",
    ),
    Column(
        "leader_china",
        "list of text",
        "Who led the Chinese delegation, when a source names a delegation leader who is not "
        "a co-chair (several separated by '; '). Co-chairs are in the co_chair columns only.",
    ),
    Column(
        "leader_china_title",
        "list of text",
        "The title the Chinese delegation leader held at this meeting, in the same order.",
    ),
    Column(
        "leader_pakistan",
        "list of text",
        "Who led the Pakistani delegation, when not a co-chair (several separated by '; ').",
    ),
    Column(
        "leader_pakistan_title",
        "list of text",
        "The title the Pakistani delegation leader held at this meeting, in the same order.",
    ),
    Column(
        "date_inferred",
        "boolean",
        "true when no source gives the meeting's date and `date` is the month the report was "
        "published in (a news report tells of a meeting just held); false otherwise.",
    ),
)

FOCUS_AREA_COLUMNS = (
    Column("meeting_id", "integer", "The meeting's id, as in the meetings export."),
    Column("body", "text", "Short name of the body that met."),
    Column("number", "integer", "The meeting's ordinal within its body. Empty when unknown."),
    Column("date", "date (ISO 8601)", "When it met, at its precision. Empty when unknown."),
    Column("focus_area", "slug", "The focus area's canonical slug."),
    Column("focus_area_name", "text", "The focus area's name."),
    Column(
        "how",
        "text",
        "How the focus area was linked to the meeting: extracted (from a sentence of a "
        "source) or entered by hand (by an admin).",
    ),
    Column("evidence", "text", "The sentence that states it. Empty when entered by hand."),
    Column(
        "source_url",
        "URL",
        "The article the sentence comes from: its own URL, or its page on this site when it "
        "has none. Empty when entered by hand.",
    ),
)


# Cells -----------------------------------------------------------------------------------

# A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The quote that neutralises; a cell already starting with it is quoted too, so that
# un-neutralising always gives the original text back.
NEUTRALISING_QUOTE = "'"
_QUOTED_STARTS = (*FORMULA_STARTS, NEUTRALISING_QUOTE)


def neutralise(text):
    """`text` made safe for a spreadsheet: a leading single quote when it could be a formula."""
    if text.startswith(_QUOTED_STARTS):
        return NEUTRALISING_QUOTE + text
    return text


def unneutralise(text):
    """The original text of a neutralised cell."""
    return text[1:] if text.startswith(NEUTRALISING_QUOTE) else text


def csv_line(values):
    """One CSV record: lists (or tuples) joined, unknown empty, text neutralised, every cell
    quoted: the same text csv.writer(quoting=csv.QUOTE_ALL) writes (a test checks it).
    For the header and odd rows; rows in bulk go through csv_text, which is faster.
    """
    quoted = [
        (NEUTRALISING_QUOTE + cell if cell.startswith(_QUOTED_STARTS) else cell).replace('"', '""')
        for cell in map(_cell_text, values)
    ]
    return '"' + '","'.join(quoted) + '"\r\n'


_NONE_TYPE = type(None)


def _cell_text(value):
    """A cell's text before neutralising, as csv_line makes it."""
    if value.__class__ is str:
        return value
    if value is None:
        return ""
    if value.__class__ is tuple or value.__class__ is list:
        return LIST_SEPARATOR.join(value)
    return str(value)


def _column_texts(values):
    """The cells' texts of one column of several rows: a few calls per column, not per cell,
    when the column holds one kind of value (as export columns do)."""
    kinds = set(map(type, values))
    if kinds == {str}:
        return values
    if kinds <= {tuple, list}:
        return list(map(LIST_SEPARATOR.join, values))
    if kinds == {str, _NONE_TYPE}:
        return ["" if value is None else value for value in values]
    if not kinds & {str, tuple, list, _NONE_TYPE}:
        return list(map(str, values))
    return list(map(_cell_text, values))


# Within csv_text's working text: what separates cells and what ends a row. A row whose
# cells hold either character is written by csv_line instead.
_CELL_MARK = "\x00"
_ROW_MARK = "\x01"
_ROW_BREAK = _CELL_MARK + _ROW_MARK + _CELL_MARK
# A cell mark before a cell that a spreadsheet would run as a formula.
_BEFORE_FORMULA_CELL = re.compile(f"{_CELL_MARK}(?=[{re.escape(''.join(_QUOTED_STARTS))}])")


def csv_text(rows):
    """The CSV records of `rows` (a list of equally long sequences): exactly the text of
    csv_line for each, but built a column and then a whole chunk at a time, so that the
    work per cell is done in C (str.join, str.replace, one regular expression) rather
    than in Python bytecode."""
    if not rows:
        return ""
    columns = [_column_texts(column) for column in zip(*rows, strict=True)]
    row_ends = [_ROW_MARK] * len(rows)
    text = _CELL_MARK.join(chain.from_iterable(zip(*columns, row_ends, strict=True)))
    marks = len(rows) * (len(columns) + 1) - 1  # between cells and row ends
    if text.count(_CELL_MARK) != marks or text.count(_ROW_MARK) != len(rows):
        return "".join(map(csv_line, rows))  # a cell holds a mark itself
    text = text[: -len(_CELL_MARK + _ROW_MARK)]
    text = _BEFORE_FORMULA_CELL.sub(_CELL_MARK + NEUTRALISING_QUOTE, text)
    if text.startswith(_QUOTED_STARTS):
        text = NEUTRALISING_QUOTE + text
    text = text.replace('"', '""').replace(_ROW_BREAK, '"\r\n"').replace(_CELL_MARK, '","')
    return '"' + text + '"\r\n'


# Rows ------------------------------------------------------------------------------------


def chunked(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def meeting_url_prefix(request):
    """The absolute URL of meeting pages, up to the slug (reversed once, not per row)."""
    placeholder = "slug"
    path = reverse("meetings:detail", args=[placeholder])
    return request.build_absolute_uri(path.removesuffix(f"{placeholder}/"))


def among(ids, using="default"):
    """`ids` as an SQL set passed in one parameter, for `field__in=among(ids)`.

    Building an IN list of thousands of placeholders costs Django more than the database
    takes to run the query; a JSON array (SQLite) or an array (PostgreSQL) costs nothing.
    """
    vendor = connections[using].vendor
    if vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


class IsoDate(Func):
    """A date column as ISO 8601 text (YYYY-MM-DD), made by the database."""

    output_field = CharField()
    template = "CAST(%(expressions)s AS CHAR(10))"

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite holds a DateField as this very text.
        return super().as_sql(compiler, connection, template="%(expressions)s")

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')"
        )


def date_at_precision_in_sql(date="date", precision="date_precision"):
    """date_at_precision() as an SQL expression: text, not a date the driver converts."""
    iso = IsoDate(date)
    return Case(
        When(**{precision: "year"}, then=Substr(iso, 1, 4)),
        When(**{precision: "month"}, then=Substr(iso, 1, 7)),
        default=iso,
        output_field=CharField(),
    )


class WholeSubquery(Func):
    """An aggregate over all the rows of the subquery it is in, written as a plain function
    so that Django adds no GROUP BY: `(SELECT COUNT(id) FROM t WHERE t.meeting_id = ...)`
    is one row, NULL or 0 when there are none. Only for inside a Subquery."""

    output_field = CharField()


class Total(WholeSubquery):
    function = "COUNT"
    output_field = IntegerField()


class IdList(WholeSubquery):
    """Integers as one text, '4,-11,2', in no particular order; NULL for none."""

    function = "GROUP_CONCAT"

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra_context,
        )


def _of_the_meeting(model, value):
    """A subquery: `value` over `model`'s rows of the outer query's meeting."""
    return Subquery(
        model.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .annotate(value=value)
        .values("value")
    )


class SlugLists(dict):
    """{IdList text: alphabetical slugs of those ids}, each worked out once: meetings share
    a few combinations of focus areas and corridors, so most meetings cost a dict lookup.
    The slugs as a tuple, or `joined` as the CSV writes them.

    Rows share these values. Bounded: a very varied export starts afresh every
    MAX_REMEMBERED combinations.
    """

    MAX_REMEMBERED = 10_000

    def __init__(self, slugs, joined=False):
        super().__init__()
        self.slugs = {str(pk): slug for pk, slug in slugs.items()}
        self.join = LIST_SEPARATOR.join if joined else tuple

    def __missing__(self, text):
        if len(self) >= self.MAX_REMEMBERED:
            self.clear()
        value = self[text] = self.lists(text.split(",") if text else [])
        return value

    def lists(self, ids):
        return self.join(sorted(self.slugs[pk] for pk in ids))


class CorridorLists(SlugLists):
    """{IdList text of corridor ids, derived ones negative: (every slug, derived slugs)}."""

    def lists(self, ids):
        derived = [pk.removeprefix("-") for pk in ids if pk.startswith("-")]
        return super().lists(pk.removeprefix("-") for pk in ids), super().lists(derived)


def _links_by_meeting(ids, using):
    """{meeting id: (focus area ids, corridor ids, agreements count)}, the ids as IdList text
    (None for none; a derived corridor's id negative): one query, one row per meeting.

    Each value is a correlated subquery that reads the link table's (meeting, ...) index;
    per chunk the meetings are looked up in id order, so the index is read in order too.
    """
    corridor = Case(
        When(how=LinkHow.DERIVED, then=-F("corridor_id")),
        default=F("corridor_id"),
        output_field=IntegerField(),
    )
    rows = (
        Meeting.objects.using(using)
        .filter(pk__in=among(ids, using))
        .order_by()
        .annotate(
            focus_ids=_of_the_meeting(MeetingFocusArea, IdList("focus_area_id")),
            corridor_ids=_of_the_meeting(MeetingCorridor, IdList(corridor)),
            agreements_count=_of_the_meeting(Agreement, Total("pk")),
        )
        .values_list("pk", "focus_ids", "corridor_ids", "agreements_count")
    )
    return {pk: (focus, corridors, count) for pk, focus, corridors, count in rows}


# Which co-chair columns a delegation's country goes in.
_CHINA, _PAKISTAN = 0, 2
_SIDES = {"china": _CHINA, "pakistan": _PAKISTAN}
# Co-chairs (names, titles) of each side, then the delegation leaders' the same way.
_NO_CO_CHAIRS = ((), (), (), (), (), (), (), ())
_LEADERS = 4  # where the leaders' half starts


class _Sides(dict):
    """{a delegation's country as written: its co-chair columns, or None}, worked out once."""

    def __missing__(self, country):
        side = self[country] = _SIDES.get(country.strip().casefold())
        return side


def _co_chairs_by_meeting(ids, using):
    """{meeting id: ((Chinese co-chairs), (their titles), (Pakistani co-chairs), (their
    titles), (Chinese delegation leaders), (their titles), (Pakistani leaders), (titles))}.

    Co-chairs and leaders are Participant rows with role co_chair or leader; their side is
    their delegation's country. In the order they were entered. Tuples of text, which the
    garbage collector stops tracking: lists would keep it scanning every chunk's co-chairs
    (see meeting_rows).
    """
    found = {}
    sides = _Sides()
    rows = (
        Participant.objects.using(using)
        .filter(meeting_id__in=among(ids, using), role__in=[Role.CO_CHAIR, Role.LEADER])
        .order_by("meeting_id", "pk")
        .values_list("meeting_id", "role", "delegation__country", "person__name", "title")
    )
    for meeting_id, role, country, name, title in rows:
        side = sides[country]
        if side is not None:
            heads = list(found.get(meeting_id, _NO_CO_CHAIRS))
            at = side + (_LEADERS if role == Role.LEADER else 0)
            heads[at], heads[at + 1] = (*heads[at], name), (*heads[at + 1], title)
            found[meeting_id] = tuple(heads)
    return found


def source_citation(outlet, title, file_name, url, sha256):
    """A source as the `sources` cell names it: `Outlet: Headline <URL>`, each part there
    when known; when none is, its file name, else "Document <start of its sha256>" as
    SourceDocument.__str__ names it."""
    name = ": ".join(part for part in (outlet, title) if part)
    if not name and not url:
        name = file_name or f"Document {sha256[:12]}"
    return " ".join(part for part in (name, f"<{url}>" if url else "") if part)


def _sources_by_meeting(ids, using):
    """{meeting id: (citation, ...)}, in the order the documents were added."""
    found = {}
    rows = (
        Meeting.sources.through.objects.using(using)
        .filter(meeting_id__in=among(ids, using))
        .order_by("meeting_id", "sourcedocument_id")
        .values_list(
            "meeting_id",
            "sourcedocument__outlet",
            "sourcedocument__title",
            "sourcedocument__file_name",
            "sourcedocument__url",
            "sourcedocument__sha256",
        )
    )
    for meeting_id, *source in rows:
        found[meeting_id] = (*found.get(meeting_id, ()), source_citation(*source))
    return found


_NO_LINKS = (None, None, 0)


def _computed_related(ids, using):
    """{meeting id: (agreements count, Chinese co-chairs, their titles, Pakistani co-chairs,
    their titles, the same four for delegation leaders, focus area IdList text, corridor
    IdList text, sources)}, lists as tuples,
    worked out from the related tables: what an ExportRow stores, unjoined, in the order of
    _STORED_FIELDS."""
    links = _links_by_meeting(ids, using)
    co_chairs = _co_chairs_by_meeting(ids, using)
    sources = _sources_by_meeting(ids, using)
    related = {}
    for pk in ids:
        focus_ids, corridor_ids, agreements_count = links.get(pk, _NO_LINKS)
        related[pk] = (
            agreements_count or 0,
            *co_chairs.get(pk, _NO_CO_CHAIRS),
            focus_ids or "",
            corridor_ids or "",
            sources.get(pk, ()),
        )
    return related


def split_list(text, count=None):
    """The items of a list cell: LIST_SEPARATOR.join undone. Empty text is no items, unless
    `count` (the length of the list it pairs with, as titles pair with names) says one."""
    if not text and not count:
        return ()
    return tuple(text.split(LIST_SEPARATOR))


def _join(values):
    return LIST_SEPARATOR.join(values)


def _stored_row(pk, related):
    """The ExportRow for one meeting's computed values, or None when a list would not split
    back exactly (an item holds the separator, or is empty where that is ambiguous)."""
    count, *heads, focus_ids, corridor_ids, sources = related
    heads_fields = (
        "co_chair_china",
        "co_chair_china_title",
        "co_chair_pakistan",
        "co_chair_pakistan_title",
        "leader_china",
        "leader_china_title",
        "leader_pakistan",
        "leader_pakistan_title",
    )
    row = ExportRow(
        meeting_id=pk,
        **{field: _join(values) for field, values in zip(heads_fields, heads, strict=True)},
        focus_area_ids=focus_ids,
        corridor_ids=corridor_ids,
        agreements_count=count,
        sources=_join(sources),
    )
    exact = split_list(row.sources) == sources and all(
        split_list(getattr(row, heads_fields[at])) == heads[at]
        and split_list(getattr(row, heads_fields[at + 1]), len(heads[at])) == heads[at + 1]
        for at in range(0, len(heads_fields), 2)
    )
    return row if exact else None


def build_export_rows(meeting_ids, using="default"):
    """Store the export rows of these meetings afresh, from their related rows; the number
    stored. Meetings that no longer exist are skipped.

    Each meeting's row is locked while its values are read and written (on databases that
    lock rows), so a rebuild that read before a concurrent change committed can't write
    after the rebuild that change schedules.
    """
    stored = 0
    with transaction.atomic(using=using):
        existing = list(
            Meeting.objects.using(using)
            .select_for_update()
            .filter(pk__in=among(list(meeting_ids), using))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for ids in chunked(existing, CHUNK_SIZE):
            related = _computed_related(ids, using)
            rows = [_stored_row(pk, related[pk]) for pk in ids]
            ExportRow.objects.using(using).filter(meeting_id__in=among(ids, using)).delete()
            rows = [row for row in rows if row is not None]
            ExportRow.objects.using(using).bulk_create(rows, batch_size=1000)
            stored += len(rows)
    return stored


# Per connection, as Django keeps connections: {database alias: ids of meetings whose
# rows were forgotten and are not yet rebuilt}.
_awaiting_rebuild = Local()


def forget_export_rows(meeting_ids, using="default"):
    """Delete these meetings' stored export rows now, and build them again once the
    current transaction commits (at once outside one).

    Deleting in the writer's own transaction means no export ever reads a row older than
    the data (it works out missing rows itself); if the rebuild fails, the rows stay
    missing and exports stay right, only slower. A transaction that touches a meeting many
    times (ingesting an article writes a dozen rows of it) rebuilds it once: the first
    callback after the commit rebuilds every meeting waiting, the others find none.
    """
    ids = set(meeting_ids)
    if not ids:
        return
    forget_counts(using)
    ExportRow.objects.using(using).filter(meeting_id__in=ids).delete()
    waiting = _waiting_for_rebuild(using)
    waiting.update(ids)

    def rebuild_export_rows():  # a named function: Django logs its name if it fails
        # Meetings left from a rolled-back transaction are rebuilt too: harmless.
        ids = sorted(waiting)
        waiting.clear()
        if ids:
            build_export_rows(ids, using)

    transaction.on_commit(rebuild_export_rows, using=using, robust=True)


DATA_VERSION_KEY = "meetings:data-version"


def data_version():
    """A token that changes on every write the list's counts and facets depend on: the
    cached ones are keyed by it (see MeetingFilter.cached)."""
    return cache.get_or_set(DATA_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def forget_counts(using="default"):
    """Give the data a new version once the current transaction commits (at once outside
    one), and now: cached counts and facets are not read again. Changing it only now
    would let another transaction store counts of the old data under the new version.
    """

    def new_data_version():
        cache.set(DATA_VERSION_KEY, uuid.uuid4().hex, timeout=None)

    # Now too, for readers inside this transaction (the writer's next page).
    new_data_version()
    transaction.on_commit(new_data_version, using=using, robust=True)


def _waiting_for_rebuild(using):
    if not hasattr(_awaiting_rebuild, "ids"):
        _awaiting_rebuild.ids = {}
    return _awaiting_rebuild.ids.setdefault(using, set())


# The fields meeting_rows reads, in the order it unpacks them: the meeting's own, then its
# stored row's, whose first is never NULL in a stored row, so NULL means it has none.
_MEETING_FIELDS = (
    "pk",
    "body__short_name",
    "body__name",
    "number",
    "date_precision",
    "city",
    "country",
    "mode",
    "review_status",
    "slug",
    "status",
    "date_inferred",
)
_STORED_FIELDS = (
    "export_row__agreements_count",
    "export_row__co_chair_china",
    "export_row__co_chair_china_title",
    "export_row__co_chair_pakistan",
    "export_row__co_chair_pakistan_title",
    "export_row__leader_china",
    "export_row__leader_china_title",
    "export_row__leader_pakistan",
    "export_row__leader_pakistan_title",
    "export_row__focus_area_ids",
    "export_row__corridor_ids",
    "export_row__sources",
)


def meeting_rows(meetings, url_prefix, joined=False):
    """One tuple per meeting of `meetings`, in the queryset's order, in MEETING_COLUMNS order.

    Lists are tuples, or with `joined` the text the CSV writes (items joined with '; '),
    which lets stored rows go out as they are. Unknown values are None; the CSV and JSON
    writers format them. Each meeting's co-chairs, links and sources come from its
    ExportRow, or are worked out (a few queries per chunk) for meetings without one.

    Tuples rather than dicts or lists: a large export builds one per meeting (see
    `as_dicts`), and a tuple of text or numbers is one the garbage collector stops tracking,
    so the rows don't make it scan the whole heap again and again (lists did: an eighth of
    the time).
    """
    using = meetings.db
    focus_lists = SlugLists(
        dict(FocusArea.objects.using(using).values_list("pk", "slug")), joined=joined
    )
    corridor_lists = CorridorLists(
        dict(Corridor.objects.using(using).values_list("pk", "slug")), joined=joined
    )
    # Fields, then the annotation: the order Django selects them in, so rows need no
    # reordering; the date arrives as text at its precision, with no per-row conversion.
    rows = meetings.annotate(date_text=date_at_precision_in_sql()).values_list(
        *_MEETING_FIELDS, *_STORED_FIELDS, "date_text"
    )
    stored_at = len(_MEETING_FIELDS)  # where the stored row's fields start
    for chunk in chunked(rows.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        missing = [row[0] for row in chunk if row[stored_at] is None]
        computed = _computed_related(missing, using) if missing else {}
        for row in chunk:
            own, related, date = row[:stored_at], row[stored_at:-1], row[-1]
            (
                pk,
                body,
                body_name,
                number,
                precision,
                city,
                country,
                mode,
                review_status,
                slug,
                status,
                date_inferred,
            ) = own
            stored = related[0] is not None
            (
                agreements_count,
                china,
                china_titles,
                pakistan,
                pakistan_titles,
                leader_china,
                leader_china_titles,
                leader_pakistan,
                leader_pakistan_titles,
                focus_ids,
                corridor_ids,
                sources,
            ) = related if stored else computed[pk]
            if joined and not stored:
                china, china_titles = _join(china), _join(china_titles)
                pakistan, pakistan_titles = _join(pakistan), _join(pakistan_titles)
                leader_china = _join(leader_china)
                leader_china_titles = _join(leader_china_titles)
                leader_pakistan = _join(leader_pakistan)
                leader_pakistan_titles = _join(leader_pakistan_titles)
                sources = _join(sources)
            elif stored and not joined:
                china_titles = split_list(china_titles, len(china := split_list(china)))
                pakistan_titles = split_list(pakistan_titles, len(pakistan := split_list(pakistan)))
                leader_china_titles = split_list(
                    leader_china_titles, len(leader_china := split_list(leader_china))
                )
                leader_pakistan_titles = split_list(
                    leader_pakistan_titles, len(leader_pakistan := split_list(leader_pakistan))
                )
                sources = split_list(sources)
            corridors, derived = corridor_lists[corridor_ids]
            yield (
                pk,
                body,
                body_name,
                number,
                date,
                precision,
                city or None,
                country or None,
                mode or None,
                china,
                china_titles,
                pakistan,
                pakistan_titles,
                focus_lists[focus_ids],
                corridors,
                derived,
                agreements_count,
                review_status,
                sources,
                f"{url_prefix}{slug}/",
                status,
                leader_china,
                leader_china_titles,
                leader_pakistan,
                leader_pakistan_titles,
                ("true" if date_inferred else "false") if joined else date_inferred,
            )


def source_page_prefix(request):
    placeholder = 0
    path = reverse("meetings:source", args=[placeholder])
    return request.build_absolute_uri(path.removesuffix(f"{placeholder}/"))


def focus_area_rows(meetings, source_prefix):
    """One tuple per meeting × focus area in FOCUS_AREA_COLUMNS order: meetings in the
    queryset's order, each one's focus areas by slug."""
    using = meetings.db
    rows = meetings.values_list("pk", "body__short_name", "number", "date", "date_precision")
    for chunk in chunked(rows.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        links = defaultdict(list)
        found = (
            MeetingFocusArea.objects.using(using)
            .filter(meeting_id__in=among([row[0] for row in chunk], using))
            .order_by("meeting_id", "focus_area__slug")
            .values_list(
                "meeting_id",
                "focus_area__slug",
                "focus_area__name",
                "evidence__sentence",
                "evidence__document__url",
                "evidence__document_id",
            )
        )
        for meeting_id, *link in found:
            links[meeting_id].append(link)
        for pk, body, number, date, precision in chunk:
            for slug, name, sentence, url, document_id in links.get(pk, ()):
                extracted = sentence is not None
                yield (
                    pk,
                    body,
                    number,
                    date_at_precision(date, precision),
                    slug,
                    name,
                    "extracted" if extracted else "entered by hand",
                    sentence,
                    (url or f"{source_prefix}{document_id}/") if extracted else None,
                )


# Streams ---------------------------------------------------------------------------------


def csv_lines(columns, rows, bom=False):
    """The CSV text of `rows` in pieces of several rows; a last line says if it failed
    after the first piece (see _started for a failure before)."""
    rows = iter(rows)
    first = list(islice(rows, ROWS_PER_WRITE))
    header = ("\ufeff" if bom else "") + csv_line([column.name for column in columns])
    yield header + csv_text(first)
    written = len(first)
    try:
        for chunk in chunked(rows, ROWS_PER_WRITE):
            yield csv_text(chunk)
            written += len(chunk)
    except Exception as error:
        logger.exception("CSV export failed after %d rows", written)
        yield f"# export failed after {written} rows: {type(error).__name__}\r\n"


def as_dicts(columns, rows):
    """Rows as {column name: value} dicts, for JSON."""
    names = [column.name for column in columns]
    for row in rows:
        yield dict(zip(names, row, strict=True))


def _json_dumps(value):
    return json.dumps(value, ensure_ascii=False)


def json_lines(columns, rows):
    """A JSON array of `rows` as objects, in pieces; if it fails, a last {"error": ...}
    object says so and the array is still closed."""
    dicts = as_dicts(columns, rows)
    first = list(islice(dicts, ROWS_PER_WRITE))
    yield "[" + ("\n" + ",\n".join(map(_json_dumps, first)) if first else "")
    written = len(first)
    separator = ",\n" if first else "\n"
    try:
        for chunk in chunked(dicts, ROWS_PER_WRITE):
            yield separator + ",\n".join(map(_json_dumps, chunk))
            separator = ",\n"
            written += len(chunk)
    except Exception as error:
        logger.exception("JSON export failed after %d rows", written)
        failure = {"error": f"export failed after {written} rows: {type(error).__name__}"}
        yield separator + _json_dumps(failure)
    yield "\n]\n"


def _encoded(pieces):
    for piece in pieces:
        yield piece.encode()


def _started(pieces):
    """`pieces` with the first one made now, in the view: an export whose first rows
    cannot be read (the database is down) raises here, and the client gets a 500 instead
    of a 200 whose body only says it failed. Later failures end the body with a line
    saying so, as the status has gone out by then."""
    pieces = iter(pieces)
    return chain([next(pieces)], pieces)


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(columns, rows, filename, bom=False):
    response = StreamingHttpResponse(
        _started(_encoded(csv_lines(columns, rows, bom=bom))),
        content_type="text/csv; charset=utf-8",
    )
    return _attachment(response, filename)


def json_response(columns, rows, filename):
    response = StreamingHttpResponse(
        _started(_encoded(json_lines(columns, rows))),
        content_type="application/json; charset=utf-8",
    )
    return _attachment(response, filename)


def single_json_response(row, filename):
    response = JsonResponse(row, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return _attachment(response, filename)


def wants_bom(request):
    return request.GET.get("bom") == "1"


# Filters and file names ------------------------------------------------------------------

# How a filter value reads in a file name; others appear as their value.
_NAME_PREFIXES = {"date_from": "from", "date_to": "to", "q": "search"}
_NAME_SKIPPED = {"sort", "page", "bom"}
_MAX_NAME_PART = 60


def export_filename(what, extension, filterset=None, today=None):
    """`cpec-meetings-green-2026-11-23.csv`: the export, the filter values it applied, the day."""
    parts = ["cpec", what]
    if filterset is not None:
        for name in filterset.filters:
            values = [] if name in _NAME_SKIPPED else filterset.data.getlist(name)
            for value in values:
                prefix = _NAME_PREFIXES.get(name)
                parts.append(slugify(f"{prefix} {value}" if prefix else value))
    described = "-".join(part for part in parts if part)[:_MAX_NAME_PART].strip("-")
    day = (today or timezone.localdate()).isoformat()
    return f"{described}-{day}.{extension}"


def bad_filter_response(errors, as_json=False):
    """400 with the filter's errors, as the list page reports them: never the full table."""
    if as_json:
        errors = {field: list(messages) for field, messages in errors.items()}
        return JsonResponse(
            {"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse(
        "Bad filter values; nothing exported.\n" + "\n".join(lines) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


# Admin -----------------------------------------------------------------------------------


@admin.action(description="Export selected as CSV")
def export_selected_meetings_as_csv(modeladmin, request, queryset):
    rows = meeting_rows(queryset, meeting_url_prefix(request), joined=True)
    return csv_response(MEETING_COLUMNS, rows, export_filename("meetings-selected", "csv"))
