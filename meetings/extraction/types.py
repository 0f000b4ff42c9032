"""Plain dataclasses the extractor returns.

Offsets (`start`, `end`) index into the exact text passed to `extract()`, so a
caller can highlight the span in the stored document.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass
class PersonMention:
    name: str
    title: str
    country: str  # "China", "Pakistan", another country written out, or ""
    evidence: Evidence


@dataclass
class FocusAreaMention:
    slug: str
    evidence: Evidence


@dataclass
class CorridorMention:
    slug: str
    how: str  # "explicit" or "derived"
    evidence: Evidence
    # For derived links: the focus-area slug whose mapping placed it here.
    via: str = ""


@dataclass
class AgreementMention:
    text: str
    kind: str  # "agreed", "reaffirmed", "underscored" or "reviewed"
    focus_areas: list[str]
    evidence: Evidence


@dataclass
class MeetingMention:
    body: str  # short name, e.g. "JWG-ICC"
    body_name: str
    number: int | None
    date: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    date_precision: str  # "day", "month", "year" or "unknown"
    city: str
    country: str
    mode: str  # "in_person", "virtual" or "hybrid"; "" when no sentence states it
    is_main_subject: bool
    evidence: Evidence  # the sentence that names the meeting
    date_evidence: Evidence | None = None
    venue_evidence: Evidence | None = None
    co_chairs: list[PersonMention] = field(default_factory=list)
    delegation_leaders: list[PersonMention] = field(default_factory=list)
    focus_areas: list[FocusAreaMention] = field(default_factory=list)
    corridors: list[CorridorMention] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
    status: str = "held"  # "held", or "planned" for a preview of a coming meeting
    # True when the text gives no date of its own and `date` is the publication month.
    date_inferred: bool = False
    mode_evidence: Evidence | None = None  # the sentence that states the mode


@dataclass
class ArticleExtraction:
    published_on: str | None  # "YYYY-MM-DD" when the text gives it
    title: str
    meetings: list[MeetingMention] = field(default_factory=list)
    dateline_city: str = ""
    # From optional `outlet:` and `url:` header lines at the top of the article.
    outlet: str = ""
    url: str = ""
    # Things a reader should know about the text, e.g. "looks clipped: ends mid-sentence".
    warnings: list[str] = field(default_factory=list)
