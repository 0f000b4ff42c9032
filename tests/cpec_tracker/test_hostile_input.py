"""Hostile query strings against every public page that reads one.

Hypothesis builds query strings from the site's own parameters and arbitrary ones, with
values an attacker or a broken client sends: NUL bytes, lone surrogates (percent-encoded
as the bytes a careless encoder writes), full-text query operators, 100,000-character
values, keys repeated past Django's field limit, SQL and HTML fragments. Each query string
goes to every URL below. No answer may be a server error, and no HTML or XML answer may
carry an HTML fragment of the query back unescaped.
"""

import math
from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.ingest import ingest_files
from meetings.models import Meeting, Person, SourceDocument

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

# At least this many requests per run (the issue asks for 5,000 across the URLs).
REQUESTS = 5000

PARAMETERS = [
    "date_from",
    "date_to",
    "corridor",
    "corridor_link",
    "focus_area",
    "body",
    "person",
    "city",
    "country",
    "review_status",
    "status",
    "q",
    "sort",
    "page",
    "bom",
]

# Probes that would become markup if a page wrote them back as they came.
HTML_FRAGMENTS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><b>bold</b>",
    "<!--",
    "]]><x-probe/>",
]
SQL_FRAGMENTS = [
    "' OR '1'='1",
    "'; DROP TABLE meetings_meeting; --",
    "1 UNION SELECT password FROM auth_user --",
    "energy' --",
    '") OR 1=1 /*',
    "%' AND 1=1 AND '%'='",
    "$$;$$",
]
TSQUERY_FRAGMENTS = [
    "a & b | !c",
    "energy:*",
    "a <-> b",
    "a <2> b",
    "!!!",
    "&|",
    "(((",
    ")",
    "'",
    '"',
    "-",
    "energy:A",
    "\\",
    "*",
    "or",
    "-(",
]
PLAIN_VALUES = [
    "",
    "green",
    "cpec",
    "energy",
    "jwg-icc",
    "jcc",
    "2020",
    "2020-12",
    "2020-12-25",
    "2020-02-30",
    "-1",
    "0",
    "99999999999999999999",
    "Beijing",
    "China",
    "reviewed",
    "-date",
    "number",
    "1",
    "luo-zhaohui",
    "JWG-ICC",
    "explicit",
    "derived",
    "planned",
    "name",
    "-meetings",
]
CONTROL = ["\x00", "a\x00", "\x00energy", "green\x00", "\r\n", "\t", "\x1b[31m", "\ufeff", "\u202e"]
SURROGATES = ["\ud800", "\udfff", "a\udc80b", "\ud83d"]

fragment = st.sampled_from(
    HTML_FRAGMENTS + SQL_FRAGMENTS + TSQUERY_FRAGMENTS + PLAIN_VALUES + CONTROL + SURROGATES
)
# Any code point, surrogates and NUL included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
# Built, not drawn character by character: Hypothesis keeps its examples small.
huge = st.builds(
    lambda piece: piece * (100_000 // len(piece)),
    st.sampled_from(["a", "\x00", "<b>", "é", "energy ", "& "]),
)
short_value = st.one_of(
    fragment,
    fragment,
    any_text,
    st.builds(lambda a, b, c: a + b + c, any_text, fragment, fragment),
)
key = st.one_of(st.sampled_from(PARAMETERS), st.sampled_from(PARAMETERS), any_text)
pairs = st.one_of(
    st.lists(st.tuples(key, short_value), max_size=8),
    # One 100,000-character value among a few short ones.
    st.builds(
        lambda name, value, others: [(name, value), *others],
        key,
        huge,
        st.lists(st.tuples(key, short_value), max_size=3),
    ),
    # Repeated keys, sometimes past DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000).
    st.builds(
        lambda p, n: [p] * n, st.tuples(key, short_value), st.sampled_from([2, 51, 200, 1001])
    ),
)
# Pieces a hand-written or broken query string holds.
raw_junk = st.sampled_from(["", "&", "&&", "=", "%", "%zz", "%0", "a=b=c", ";", "+", "q", "%00"])


def encoded(text):
    """Percent-encoded UTF-8; a lone surrogate goes out as the three bytes a careless
    encoder writes for it, which are not valid UTF-8."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def query_string(items, junk):
    return "&".join([f"{encoded(k)}={encoded(v)}" for k, v in items] + [junk])


@pytest.fixture
def site():
    """The two sample articles, ingested: meetings, people, bodies, sources to look up."""
    ingest_files([ROOT / "data" / "articles"], _Discard(), _Discard())
    meeting = Meeting.objects.exclude(slug="").order_by("pk").first()
    person = Person.objects.order_by("pk").first()
    source = SourceDocument.objects.order_by("pk").first()
    assert meeting and person and source
    return [
        "/",
        "/meetings/",
        "/meetings/export.csv",
        "/meetings/export.json",
        "/meetings/focus-areas.csv",
        "/meetings/feed/",
        "/meetings/calendar.ics",
        "/agreements/",
        "/agreements/export.csv",
        "/agreements/export.json",
        "/data/",
        "/people/",
        "/bodies/",
        "/focus-areas/",
        "/corridors/",
        "/sources/",
        f"/meetings/{meeting.slug}/",
        f"/meetings/{meeting.slug}/export.json",
        f"/people/{person.slug}/",
        f"/bodies/{meeting.body.slug}/",
        "/focus-areas/energy/",
        "/corridors/cpec/",
        f"/sources/{source.pk}/",
    ]


class _Discard:
    def write(self, text):
        pass


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_hostile_query_strings_never_cause_a_server_error_or_echo_markup(site):
    client = Client()
    sent = []

    @settings(
        max_examples=math.ceil(REQUESTS / len(site)) + 5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(pairs, raw_junk)
    def requests(items, junk):
        query = query_string(items, junk)
        probes = [f for f in HTML_FRAGMENTS if any(f in v for _, v in items)]
        for url in site:
            response = client.get(f"{url}?{query}")
            sent.append(url)
            content = body_of(response)
            where = f"{url}?{query[:300]}"
            assert response.status_code < 500, where
            kind = response.get("Content-Type", "")
            if "csv" in kind or "json" in kind:
                assert b"# export failed" not in content, where
                assert b'{"error": "export failed' not in content, where
            if "html" in kind or "xml" in kind:
                text = content.decode()
                for probe in probes:
                    assert probe not in text, (where, probe)

    requests()
    assert len(sent) >= REQUESTS
