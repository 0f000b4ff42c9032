"""Dates stated in a sentence, with their precision.

Forms: "December 25, 2020", "25 December 2020", "Dec. 25, 2020", "25th December, 2020",
"2020-12-25", "Dec 25" (year from the publication date), "December 2020" (month),
"in 2019" (year), and a weekday ("on Saturday") resolved against the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .text import trie_alternation

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Month names are matched capitalised ("May", "MAY"), never as the lower-case word "may".
_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# (as a trie: the same matches as the names' alternation, longest first, found faster)
_MONTH = (
    "(?P<m>"
    + trie_alternation([f for m in _MONTH_NAMES for f in (m.capitalize(), m.upper())])
    + r")\.?"
)
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_RANGE = r"(?:\s*(?:-|to|and|&)\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"

DATE_PATTERNS = [
    ("day", re.compile(rf"\b{_YEAR}-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("day", re.compile(rf"\b{_DAY}{_DAY_RANGE}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}{_DAY_RANGE},?\s+{_YEAR}\b")),
    # "27th of June last year", "June 27 of this year"
    (
        "day-of-year",
        re.compile(
            rf"\b{_DAY}{_DAY_RANGE}\s+(?:of\s+)?{_MONTH},?\s+(?:of\s+)?"
            r"(?P<which>this|last|next|the\s+previous)\s+year\b"
        ),
    ),
    (
        "day-of-year",
        re.compile(
            rf"\b{_MONTH}\s+{_DAY}{_DAY_RANGE},?\s+(?:of\s+)?"
            r"(?P<which>this|last|next|the\s+previous)\s+year\b"
        ),
    ),
    ("day?", re.compile(rf"\b{_MONTH}\s+{_DAY}{_DAY_RANGE}\b(?!\s*,?\s*\d)")),
    ("day?", re.compile(rf"\b{_DAY}{_DAY_RANGE}\s+(?:of\s+)?{_MONTH}(?![\w.]*,?\s*\d)")),
    ("month", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    (
        "year",
        re.compile(
            rf"\b(?:[Ii]n|[Dd]uring|[Ii]n the year)\s+(?:(?:early|mid|late)[-\s]+)?{_YEAR}\b(?![-/]\d)"
        ),
    ),
    # "in the spring of 2019", "at the end of 2020"
    (
        "year",
        re.compile(
            r"\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+the\s+(?:spring|summer|autumn|fall|winter|(?:first|"
            r"second|latter)\s+half|end|beginning|start|middle|turn)\s+of\s+"
            rf"{_YEAR}\b(?![-/]\d)"
        ),
    ),
    # "in March this year", "in May last year", "January of last year"
    (
        "month-of-year",
        re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<which>this|last|next|the\s+previous)\s+year\b"),
    ),
    # "during the 1st week of December", "the first week of August 2022": within that month
    (
        "week-of-month",
        re.compile(
            r"\b(?:first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+"
            rf"{_MONTH}(?:,?\s+{_YEAR}\b)?"
        ),
    ),
    # "last October": the latest October before publication
    ("last-month-name", re.compile(rf"\b[Ll]ast\s+{_MONTH}(?![\w.]*,?\s*\d)")),
    # "in March", "in early May": the latest such month up to publication
    (
        "month-alone",
        re.compile(
            rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince)\s+(?:(?:early|mid|late)[-\s]+)?{_MONTH}"
            r"(?![\w.]*,?\s*\d)(?!\s+(?:this|last|next|of)\b)"
        ),
    ),
    # "earlier this month", "last month", "last year", "earlier this year"
    (
        "relative-period",
        re.compile(
            r"\b(?P<period>(?:[Ee]arlier\s+)?this\s+month|[Ll]ast\s+month|[Ll]ast\s+year|"
            r"[Ee]arlier\s+this\s+year)\b"
        ),
    ),
    # "held last week": the week before publication's, a month when it lies in one
    # "next week", "next month": only for a meeting previewed (see `ahead`)
    ("relative-week", re.compile(r"\b(?P<week>[Ll]ast|(?:[Ee]arlier\s+)?this|[Nn]ext)\s+week\b")),
    ("next-month", re.compile(r"\b[Nn]ext\s+month\b")),
    ("relative", re.compile(r"\b(?P<rel>[Yy]esterday|[Tt]oday)\b")),
    (
        "weekday",
        re.compile(
            r"\b(?P<w>"
            + "|".join(f"{w.capitalize()}|{w}" for w in WEEKDAYS)
            + r")\b(?!,?\s+(?:\d|[A-Z][a-z]+\.?\s+\d))"
        ),
    ),
]
# A year that dates something else ("launched in 2015", "since 2013").
_OTHER_EVENT_YEAR = re.compile(
    r"(?:since|established|founded|launched|signed|inception|started|began|inaugurated|"
    r"set up|formed|created)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    iso: str
    precision: str  # "day", "month" or "year"
    start: int
    end: int


def _month(m: re.Match) -> int:
    if m.groupdict().get("mn"):
        return int(m.group("mn"))
    return MONTHS[m.group("m").lower()]


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def infer_year(month: int, day: int, published: date | None, ahead: bool = False) -> int | None:
    """The year of a year-less date: the publication year, or the one before when the
    date would otherwise fall well after publication (`ahead`, for a preview: the one after
    when it would fall well before)."""
    if published is None:
        return None
    year = published.year
    if not _valid(year, month, day):
        return year
    if ahead and date(year, month, day) < published - timedelta(days=7):
        year += 1
    elif not ahead and date(year, month, day) > published + timedelta(days=31):
        year -= 1
    return year


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _month_of_year(m: re.Match, published: date) -> DateMention:
    which = m.group("which").split()[-1].lower()
    year = published.year + {"this": 0, "last": -1, "previous": -1, "next": 1}[which]
    return DateMention(f"{year:04d}-{_month(m):02d}", "month", m.start(), m.end())


def _latest_month(m: re.Match, published: date, strictly_before: bool) -> DateMention:
    """The latest month of that name before (or, when not strictly, up to) publication."""
    month = _month(m)
    before = month < published.month or (month == published.month and not strictly_before)
    year = published.year if before else published.year - 1
    return DateMention(f"{year:04d}-{month:02d}", "month", m.start(), m.end())


def _relative_period(m: re.Match, published: date) -> DateMention:
    period = " ".join(m.group("period").lower().split())
    if period.endswith("this month"):
        iso, precision = f"{published.year:04d}-{published.month:02d}", "month"
    elif period == "last month":
        year, month = (
            (published.year, published.month - 1)
            if published.month > 1
            else (
                published.year - 1,
                12,
            )
        )
        iso, precision = f"{year:04d}-{month:02d}", "month"
    elif period == "last year":
        iso, precision = f"{published.year - 1:04d}", "year"
    else:  # earlier this year
        iso, precision = f"{published.year:04d}", "year"
    return DateMention(iso, precision, m.start(), m.end())


def _coming_month(m: re.Match, published: date) -> DateMention:
    """A previewed meeting "in March": the next March from publication on."""
    month = _month(m)
    year = published.year if month >= published.month else published.year + 1
    return DateMention(f"{year:04d}-{month:02d}", "month", m.start(), m.end())


_RELATIVE_MONTHS = {
    "week-of-month": lambda m, published: _latest_month(m, published, strictly_before=False),
    "month-of-year": _month_of_year,
    "last-month-name": lambda m, published: _latest_month(m, published, strictly_before=True),
    "month-alone": lambda m, published: _latest_month(m, published, strictly_before=False),
    "relative-period": _relative_period,
}


# What each pattern above cannot match without, tested before running it: a month name
# (written capitalised or in capitals, it starts with one of these prefixes), a year (19xx or
# 20xx), "month"/"year", "today"/"yesterday", a weekday ("...day").
_MONTH_PREFIXES = sorted({p for m in _MONTH_NAMES for p in (m[:3].capitalize(), m[:3].upper())})
_MONTH_HINT = re.compile("|".join(_MONTH_PREFIXES))
_NEEDS = (
    "year",
    "month",
    "month",
    "month",
    "month",
    "month",
    "month",
    "month",
    "year",
    "year",
    "month",
    "month",
    "month",
    "month",
    "period",
    "week",
    "period",
    "relative",
    "weekday",
)
assert len(_NEEDS) == len(DATE_PATTERNS)


_TODAY_AFTER = re.compile(r"\s*[(,]\s*today\b", re.IGNORECASE)
_ALTERNATIVE_MONTHS = re.compile(
    rf"\b{_MONTH}\s*(?:or|/)\s*(?:in\s+)?{_MONTH.replace('?P<m>', '?:')}(?:,?\s+{_YEAR})?"
)

# Kinds that may resolve against the article's anchor (the day of the meeting it reports) when
# it has no publication date: a year-less day, "last year", "in May this year".
_ANCHORED = frozenset({"day?", "relative-period", "month-of-year", "day-of-year"})


def find_dates(
    sentence: str, published: date | None, anchor: date | None = None, ahead: bool = False
) -> list[DateMention]:
    """Dates in `sentence`. `anchor` stands in for a missing publication date for the kinds
    that only need to know the year ("November 7", "last year"). `ahead`: the sentence
    previews a meeting, so "on Tuesday" is the coming Tuesday."""
    found: list[DateMention] = []
    if " or " in sentence or "/" in sentence:
        # "in June or July": two months offered, neither date known
        sentence = _ALTERNATIVE_MONTHS.sub(lambda m: " " * len(m.group()), sentence)

    def free(a: int, b: int) -> bool:
        return not any(f.start < b and a < f.end for f in found)

    present = {
        "month": _MONTH_HINT.search(sentence) is not None,
        "year": "19" in sentence or "20" in sentence,
        "period": "month" in sentence or "year" in sentence,
        "week": "week" in sentence,
        "relative": "oday" in sentence or "esterday" in sentence,
        "weekday": "day" in sentence,
    }
    for (kind, pattern), needs in zip(DATE_PATTERNS, _NEEDS, strict=True):
        if not present[needs]:
            continue
        for m in pattern.finditer(sentence):
            if not free(m.start(), m.end()):
                continue
            reference = published or (anchor if kind in _ANCHORED else None)
            mention = _mention(kind, m, sentence, reference, ahead)
            if mention:
                found.append(mention)
    return sorted(found, key=lambda f: f.start)


def _mention(kind: str, m: re.Match, sentence: str, published: date | None, ahead=False):
    if kind == "relative":
        if published is None:
            return None
        back = 1 if m.group("rel").lower() == "yesterday" else 0
        return DateMention(
            (published - timedelta(days=back)).isoformat(), "day", m.start(), m.end()
        )
    if kind == "relative-week":
        if published is None:
            return None
        which = m.group("week").split()[-1].lower()
        if which == "next" and not ahead:
            return None
        monday = published - timedelta(days=published.weekday())
        monday += timedelta(days={"last": -7, "this": 0, "next": 7}[which])
        sunday = published if which == "this" else monday + timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return None
        return DateMention(monday.isoformat()[:7], "month", m.start(), m.end())
    if kind == "next-month":
        if published is None or not ahead:
            return None
        following = (published.replace(day=1) + timedelta(days=32)).isoformat()[:7]
        return DateMention(following, "month", m.start(), m.end())
    if kind == "week-of-month" and m.group("y"):
        return DateMention(f"{m.group('y')}-{_month(m):02d}", "month", m.start(), m.end())
    if kind in _RELATIVE_MONTHS:
        if published is None:
            return None
        if ahead and kind in ("month-alone", "week-of-month"):
            return _coming_month(m, published)
        return _RELATIVE_MONTHS[kind](m, published)
    if kind == "weekday":
        if published is None:
            return None
        wanted = WEEKDAYS.index(m.group("w").lower())
        if _TODAY_AFTER.match(sentence, m.end()) and published.weekday() == wanted:
            return DateMention(published.isoformat(), "day", m.start(), m.end())  # "Friday (today)"
        if ahead:
            day = published + timedelta(days=(wanted - published.weekday() - 1) % 7 + 1)
        else:
            day = published - timedelta(days=(published.weekday() - wanted) % 7)
        return DateMention(day.isoformat(), "day", m.start(), m.end())
    if kind == "year":
        if _OTHER_EVENT_YEAR.search(sentence[max(0, m.start() - 40) : m.start()]):
            return None
        return DateMention(m.group("y"), "year", m.start("y"), m.end())
    month = _month(m)
    if kind == "day-of-year":
        if published is None:
            return None
        which = m.group("which").split()[-1].lower()
        year = published.year + {"this": 0, "last": -1, "previous": -1, "next": 1}[which]
        day = int(m.group("d"))
        if not _valid(year, _month(m), day):
            return None
        return DateMention(f"{year:04d}-{_month(m):02d}-{day:02d}", "day", m.start(), m.end())
    if kind == "month":
        return DateMention(f"{int(m.group('y')):04d}-{month:02d}", "month", m.start(), m.end())
    day = int(m.group("d"))
    if kind == "day?":
        year = infer_year(month, day, published, ahead)
        if year is None:
            return None
    else:
        year = int(m.group("y"))
    if not _valid(year, month, day):
        return None
    return DateMention(f"{year:04d}-{month:02d}-{day:02d}", "day", m.start(), m.end())


# Page furniture around a date: "Tue 22nd October 2019 | 08:22 PM", "Published April 25,
# 2025", "Dated : 23 November 2017", "Seetao 2024-06-05 11:41".
_PAGE_CUE = re.compile(
    r"\b(?:published|updated|posted|dated)\b|\||\b\d{1,2}:\d{2}\b|"
    r"\A\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s",
    re.IGNORECASE,
)


def page_date(line: str) -> str | None:
    """The day a short line of page furniture near the top gives: the publication date.
    Not a headline that names a day ("JCC to meet on July 13, 2021")."""
    if len(line.split()) > 14:
        return None
    found = [d for d in find_dates(line, None) if d.precision == "day"]
    if len(found) != 1:
        return None
    d = found[0]
    rest = (line[: d.start] + " " + line[d.end :]).split()
    if _PAGE_CUE.search(line) or (len(rest) <= 3 and all(w[0].isupper() for w in rest)):
        return d.iso
    return None
