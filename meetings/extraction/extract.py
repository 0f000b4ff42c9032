"""`extract()`: plain text in, `ArticleExtraction` out.

Pipeline: normalise (same length, so offsets hold) -> sentences -> meeting
mentions per sentence -> meetings merged by (body, number), main subjects
chosen -> one walk over the sentences assigning dates, venues, people, focus
areas, corridors and agreements to the meeting each sentence is about.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .bodies import find_bodies, find_topic_groups
from .dates import DateMention, find_dates, page_date, parse_iso
from .ordinals import find_ordinals
from .people import (
    OTHER_COUNTRY,
    Person,
    find_people,
    find_principals,
    find_roles,
    has_title,
    may_name_person,
    same_person,
    typical_country,
)
from .references import Ref, find_refs
from .text import (
    CLIPPED,
    Sentence,
    any_of,
    blank_embeds,
    headline,
    looks_clipped,
    normalize,
    publication_date,
    read_header,
    split_sentences,
)
from .topics import (
    CONTINUATION,
    LIST_ITEM,
    find_agreement,
    find_corridors,
    focus_in,
    group_topic,
    introduces_list,
    match_focus_areas,
    matchers_for,
)
from .types import (
    AgreementMention,
    ArticleExtraction,
    CorridorMention,
    Evidence,
    FocusAreaMention,
    MeetingMention,
    PersonMention,
)
from .venues import (
    CITIES,
    CITY_NAMES,
    Venue,
    canonical_city,
    dateline_date,
    find_dateline,
    find_mode,
    find_venues,
)
from .vocabulary import Vocabulary

# "The meeting was held ...", "It took place ...": a sentence whose subject is the meeting.
MEETING_SUBJECT = re.compile(
    r"^[\"']?\s*(?:The|This|That|Today's|Yesterday's)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meetings?|sessions?|talks|consultations|round|dialogue|JWG|JCC|BPC|event|huddle|moot)\b"
    r"|^[\"']?\s*It\s+(?:was|had\s+been)\s+(?:held|convened|hosted|organi[sz]ed|co-chaired)\b",
    re.IGNORECASE,
)
HELD = re.compile(
    r"\b(?:held|convened|took\s+place|hosted|organi[sz]ed|met|venue|co-?chaired|chaired|"
    r"conducted|happened|kicked\s+off|opened)\b",
    re.IGNORECASE,
)
# Wording after which a date is when something was said, not when the meeting met.
REPORTING = re.compile(
    r"\b(?:said|says|told|stated|added|announced|according\s+to|reported|statement|release)\b",
    re.IGNORECASE,
)
# A different encounter starts: "Later, the foreign secretary also held a meeting with ..."
SIDE_EVENT = re.compile(
    r"\b(?:held\s+(?:a\s+|an\s+)?(?:separate\s+|bilateral\s+|courtesy\s+|official\s+|one-on-one\s+)?"
    r"(?:meeting|talks)\s+with|"
    r"called\s+on|paid\s+a\s+(?:courtesy\s+)?call|met\s+with|on\s+the\s+sidelines)\b",
    re.IGNORECASE,
)
SECONDARY_CUE = re.compile(
    r"\b(?:meanwhile|separately|also|in\s+addition|besides)\b", re.IGNORECASE
)
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


class _Meeting:
    def __init__(self, body: str, number: int | None, first: tuple[int, int]):
        self.body = body
        self.number = number
        self.first = first
        self.names: list[str] = []
        self.is_main = False
        self.planned = False  # previewed ("will be held", "upcoming"), not reported held
        self.evidence: Evidence | None = None
        self.date: DateMention | None = None
        self.date_evidence: Evidence | None = None
        self.city = ""
        self.country = ""
        self.venue_evidence: Evidence | None = None
        self.mode = ""
        self.mode_evidence: Evidence | None = None
        self.co_chairs: list[PersonMention] = []
        self.leaders: list[PersonMention] = []
        # "A and B held the talks": the leaders, when no sentence says who chaired or led
        self.principals: list[PersonMention] = []
        self.focus: list[FocusAreaMention] = []
        self.corridors: list[CorridorMention] = []
        self.agreements: list[AgreementMention] = []


def extract(text: str, vocabulary: Vocabulary | None = None) -> ArticleExtraction:
    """Meetings, and the facts about them, that `text` states."""
    vocabulary = vocabulary or Vocabulary()
    norm = blank_embeds(normalize(text))
    published_on, start = publication_date(norm)
    header, norm = read_header(norm)
    published_on = published_on or header.published_on
    sentences = split_sentences(norm, start)
    article = _Article(text, sentences, parse_iso(published_on), vocabulary)
    title = headline(norm, start)
    if title and page_date(title):
        title = ""  # "Dated : 23 November 2017" is page furniture, not a headline
    article.has_headline = bool(title) and bool(sentences) and sentences[0].text == title
    if title:
        at = norm.find(title, start)
        title = text[at : at + len(title)]
    warnings = [CLIPPED] if looks_clipped(norm) else []
    meetings = article.run()
    return ArticleExtraction(
        published_on=published_on or article.page_date,
        title=header.title or title,
        meetings=meetings,
        dateline_city=article.dateline.city if article.dateline else "",
        outlet=header.outlet,
        url=header.url,
        warnings=warnings,
    )


class _Article:
    def __init__(self, text: str, sentences: list[Sentence], published: date | None, vocabulary):
        self.text = text
        self.sentences = sentences
        self.published = published
        self.vocabulary = vocabulary
        self.known_bodies = tuple((b[0], b[1]) for b in vocabulary.bodies)
        self.full_names = dict(self.known_bodies)
        self.meetings: list[_Meeting] = []
        self.registry: dict[str, tuple[str, str]] = {}
        self.recent: list[str] = []  # people named so far, the latest last
        self._last_told: list[_Meeting] = []  # the main meetings the last naming sentence told
        self._dateline_at = -1  # the sentence the dateline opens
        self.dateline: Venue | None = None
        self._dateline_end = 0  # where the story starts after it
        self.page_date: str | None = None  # "Tue 22nd October 2019 | 08:22 PM" at the top
        self._lead_city = None  # "talks resume in Islamabad" before the meeting is named
        # When the article has no publication date: the day of the main meeting, against which
        # year-less dates and "last year" resolve (the article reports it as recent news).
        self.anchor: date | None = None
        self.last_date: tuple[DateMention, int] | None = None  # latest meeting date, sentence
        self.has_headline = False
        self._was_postponed: bool | None = None
        self.matchers = matchers_for(vocabulary)
        self._front()

    def _front(self) -> None:
        """Page dates and the dateline among the first lines. The dateline's date is the day
        the story was filed: the day "today" and "on Monday" count from, and the publication
        date when the header gives none, as is a page date."""
        filed = None
        for i, s in enumerate(self.sentences[:_FRONT_LINES]):
            if self.published is None and self.page_date is None:
                self.page_date = page_date(s.text)
            if self.dateline is not None:
                continue
            found = find_dateline(s.text, opening=i <= 1 or (i == 2 and self._dateline_at < 0))
            if found:
                self.dateline, m = found
                self._dateline_at, self._dateline_end = i, m.end()
                filed = dateline_date(m)
        published = self.published or parse_iso(self.page_date)
        if filed:
            days = [d for d in find_dates(filed, published) if d.precision == "day"]
            if days:
                self.page_date = self.page_date or days[0].iso
                published = parse_iso(days[0].iso)
        self.published = published

    # --- evidence ------------------------------------------------------------------------

    def evidence(self, i: int) -> Evidence:
        s = self.sentences[i]
        return Evidence(self.text[s.start : s.end], s.start, s.end)

    # --- meetings ------------------------------------------------------------------------

    def run(self) -> list[MeetingMention]:
        bodies = [find_bodies(s.text, self.known_bodies) for s in self.sentences]
        jwgs = {b.short for found in bodies for b in found if b.short.startswith("JWG-")}
        if jwgs:
            # "the SEZ meeting" tells which of several bodies a sentence is about
            several = len({b.short for found in bodies for b in found}) > 1
            for i, s in enumerate(self.sentences):
                by_meeting = several and _TOPIC_MEETING_HINT.search(s.text) is not None
                if "orking group" in s.text or "orking Group" in s.text or by_meeting:
                    extra = find_topic_groups(s.text, jwgs, bodies[i], by_meeting)
                    if extra:
                        bodies[i] = sorted([*bodies[i], *extra], key=lambda b: b.start)
        refs = self._refs(bodies)
        self._resolve(refs)
        if not self.meetings:
            return []
        self._walk(refs, bodies)
        self._recheck_main(refs)
        return [self._mention(m) for m in sorted(self.meetings, key=lambda m: m.first)]

    def _recheck_main(self, refs_by_sentence: list[list[Ref]]) -> None:
        """News reports a recent session. A session the article dates months before its
        publication is recalled, not reported (a press conference looking back); and when the
        article also tells of a later session of the same body as held, it is a look-back:
        the latest session is the news only if it is recent."""
        told = {
            id(r.meeting)
            for refs in refs_by_sentence
            for r in refs
            if r.meeting is not None and not r.back and not r.future
        }
        for m in [m for m in self.meetings if m.is_main]:
            if m.number is None:
                continue
            later = [
                x
                for x in self.meetings
                if x.body == m.body
                and not x.planned
                and x.number is not None
                and x.number > m.number
                and id(x) in told
            ]
            if later:
                m.is_main = False
                latest = max(later, key=lambda x: x.number)
                latest.is_main = self._recent(latest.date)
        for m in self.meetings:
            if m.is_main and m.date is not None and self._stale(m.date):
                m.is_main = False
        self._promote_preview()

    def _promote_preview(self) -> None:
        """With no meeting reported held as news, the article previews the coming one."""
        if not any(m.is_main for m in self.meetings):
            planned = sorted((m for m in self.meetings if m.planned), key=lambda m: m.first)
            if planned:
                planned[0].is_main = True

    def _stale(self, d: DateMention) -> bool:
        """Does the period `d` names end more than two months before publication?"""
        if self.published is None:
            return False
        if d.precision == "year":  # "was held in 2019", told in 2021
            return int(d.iso[:4]) < self.published.year
        year, month = int(d.iso[:4]), int(d.iso[5:7])
        end_year, end_month = (year, month + 1) if month < 12 else (year + 1, 1)
        end = date(end_year, end_month, 1)
        return (self.published - end).days > 60

    def _recent(self, d: DateMention | None) -> bool:
        return (
            self.published is not None
            and d is not None
            and d.precision != "year"
            and (not self._stale(d))
        )

    def _refs(self, bodies) -> list[list[Ref]]:
        first_body = next((b[0].short for b in bodies if b), "")
        context_body, context_jwg = first_body, ""
        out = []
        for i, s in enumerate(self.sentences):
            refs = find_refs(s.text, i, bodies[i], context_body, context_jwg, first_body)
            for r in refs:
                if r.body.startswith("JWG"):
                    context_jwg = r.body
                if r.body and not r.back and not r.future:
                    context_body = r.body
            out.append(refs)
        return out

    def _meeting(self, body: str, number: int | None, ref: Ref, planned=False) -> _Meeting:
        for m in self.meetings:
            if m.body == body and m.number == number and m.planned == planned:
                return m
        m = _Meeting(body, number, (ref.sentence, ref.start))
        m.planned = planned
        self.meetings.append(m)
        return m

    def _attach(self, ref: Ref, meeting: _Meeting) -> None:
        ref.meeting = meeting
        if ref.name:
            meeting.names.append(ref.name)
        if meeting.evidence is None or (ref.sentence, ref.start) < meeting.first:
            meeting.first = min(meeting.first, (ref.sentence, ref.start))
        if meeting.evidence is None:
            meeting.evidence = self.evidence(ref.sentence)

    def _resolve(self, refs_by_sentence: list[list[Ref]]) -> None:
        everything = [r for refs in refs_by_sentence for r in refs if r.body]
        for r in everything:
            if r.future and not r.prepared and self._told_held_after(r, everything):
                r.future = False  # "The 10th JCC, delayed twice, was finally held on Monday"
        previewed = self._previewed(everything)
        refs = [r for r in everything if not r.future and (r.body, r.number) not in previewed]
        for r in refs:
            if r.number is not None:
                self._attach(r, self._meeting(r.body, r.number, r))
        self._plan([r for r in everything if r not in refs], previewed)
        numbered = {(m.body, m.number) for m in self.meetings}
        spelt: set[int] | None = None
        for r in refs:
            if r.typo:
                # A misspelt ordinal counts only when the article spells it right elsewhere:
                # as the number of a meeting of that body, or else as a word anywhere ("the
                # twelth meeting ... yes, the twelfth already"), when only one such fits.
                confirmed = [n for n in r.typo if (r.body, n) in numbered]
                if not confirmed:
                    if spelt is None:
                        spelt = {o.value for s in self.sentences for o in find_ordinals(s.text)}
                    confirmed = [n for n in r.typo if n in spelt]
                if len(confirmed) == 1:
                    r.number = confirmed[0]
                if r.number is not None:
                    self._attach(r, self._meeting(r.body, r.number, r))
        numbered_bodies = {m.body for m in self.meetings}
        # A body named without a number forms its own meeting only when a meeting is reported.
        for r in refs:
            if r.number is None and r.body not in numbered_bodies:
                if r.reported and not r.back and not r.future:
                    self._meeting(r.body, None, r)
        for r in refs:
            if r.number is None and r.body not in numbered_bodies:
                found = [m for m in self.meetings if m.body == r.body and m.number is None]
                if found:
                    self._attach(r, found[0])
        self._choose_main(refs)
        self._promote_preview()
        for r in refs:
            if r.number is None and r.meeting is None and r.body in numbered_bodies:
                target = self._same_body(r)
                if target is not None:
                    self._attach(r, target)
        for m in self.meetings:
            if m.evidence is None:  # created from a reference later attached elsewhere
                m.evidence = self.evidence(m.first[0])

    def _previewed(self, refs: list[Ref]) -> set[tuple[str, int]]:
        """Numbered meetings the article only previews: named in the future ("the upcoming
        14th JCC", "will be held") and nowhere told as held."""
        future = {(r.body, r.number) for r in refs if r.future and r.number is not None}
        held = set()
        for r in refs:
            # "The 9th was held in 2019 but the 10th could not be held in 2020": each meeting
            # by its own clause, between the meetings named around it
            clause = self._clause(r, refs)
            if not r.future and _TOLD_HELD.search(clause) and not _NOT_HELD.search(clause):
                if not _PREVIEW.search(clause):
                    held.add((r.body, r.number))
        return future - held

    def _clause(self, r: Ref, refs: list[Ref]) -> str:
        same = [x for x in refs if x.sentence == r.sentence and x is not r]
        start = max((x.end for x in same if x.end <= r.start), default=0)
        end = min((x.start for x in same if x.start >= r.end), default=None)
        return self.sentences[r.sentence].text[start:end]

    def _told_held_after(self, r: Ref, refs: list[Ref]) -> bool:
        """Does the clause after the mention, up to the next meeting named, tell that the
        meeting took place?"""
        end = min(
            (x.start for x in refs if x.sentence == r.sentence and x.start >= r.end), default=None
        )
        rest = self.sentences[r.sentence].text[r.end : end].split(";", 1)[0]
        return bool(_TOLD_HELD.search(rest)) and not _PREVIEW.search(rest)

    def _plan(self, refs: list[Ref], previewed: set[tuple[str, int]]) -> None:
        """Planned meetings from the mentions of coming ones."""
        for r in refs:
            if (r.body, r.number) in previewed and not r.back:
                self._attach(r, self._meeting(r.body, r.number, r, planned=True))
        for r in refs:
            if r.number is not None or r.back or not r.future:
                continue
            same = [m for m in self.meetings if m.planned and m.body == r.body]
            if same:
                self._attach(r, same[0])
            elif _PREVIEW.search(self.sentences[r.sentence].text):
                self._attach(r, self._meeting(r.body, None, r, planned=True))

    def _choose_main(self, refs: list[Ref]) -> None:
        mains: list[_Meeting] = []
        for r in sorted(refs, key=lambda r: (r.sentence, r.start)):
            m = r.meeting
            if m is None or r.back or r.future or m.is_main or self._recalled(r, refs):
                continue
            if not mains:
                m.is_main = True
            elif m.body not in {x.body for x in mains} and (
                r.reported or SECONDARY_CUE.search(self.sentences[r.sentence].text)
            ):
                m.is_main = True
            if m.is_main:
                mains.append(m)

    def _recalled(self, r: Ref, refs: list[Ref]) -> bool:
        """Does the mention's own clause date it long before publication ("the 9th meeting
        was held in 2019", in a report of 2021)? Then it is recalled, not the news."""
        if self.published is None:
            return False
        clause = self._clause(r, refs)
        found = find_dates(clause, self.published) if any(c.isdigit() for c in clause) else []
        return bool(found) and all(self._stale(d) for d in found)

    def _same_body(self, r: Ref) -> _Meeting | None:
        """The numbered meeting an unnumbered mention ("the JCC meeting") refers to."""
        pos = (r.sentence, r.start)
        same = [m for m in self.meetings if m.body == r.body]
        wanted = [m for m in same if m.is_main != r.back]
        if not wanted:
            if r.back:
                return None
            wanted = same
        before = [m for m in wanted if m.first <= pos]
        return (before or wanted)[-1 if before else 0]

    # --- facts ---------------------------------------------------------------------------

    def _walk(self, refs_by_sentence: list[list[Ref]], bodies) -> None:
        mains = [m for m in sorted(self.meetings, key=lambda m: m.first) if m.is_main]
        current = mains[0] if mains else None
        suspended = None  # the meeting reported before a side event ("also called on ...")
        subject = None  # a non-main meeting the previous sentence was about
        seen: set[_Meeting] = set()  # meetings the body has named so far
        headlined: set[_Meeting] = set()  # meetings named only in the headline so far
        previous_focus = False
        lead_day = None  # the day the lead says the sides agreed, before the meeting is named
        listing = False  # the sentences are the items of a list of what the sides agreed
        for i, s in enumerate(self.sentences):
            refs = [r for r in refs_by_sentence[i] if r.meeting is not None]
            text = s.text
            if i == self._dateline_at:
                text = " " * self._dateline_end + text[self._dateline_end :]
            if not seen and not refs and self._lead_city is None and _LEAD_HINT.search(text):
                venue = _LEAD_VENUE.search(text)
                if venue:
                    self._lead_city = (canonical_city(venue.group("city")), i)
            main_refs = [r for r in refs if r.meeting.is_main and not r.back]
            if refs:
                self._last_told = _unique(r.meeting for r in main_refs)
            if main_refs:
                current, suspended = main_refs[-1].meeting, None
            elif not refs and _side_event(text):
                # an encounter told before the meeting is named is the story's own lead: "the
                # two sides" after it are its sides, not the meeting's
                suspended = (current or suspended) if seen else None
                current, subject, previous_focus = None, None, False
                continue
            elif suspended is not None and BACK_TO_MEETING.search(text):
                current, suspended = suspended, None
            if not refs and len(mains) > 1:
                # several sessions reported: a sentence giving one's day is about that one
                dated = self._main_on_date(text, mains)
                if dated is not None:
                    current = dated
            subject = _subject(text, refs) or (subject if CONTINUATION.match(text) else None)
            if subject is not None and subject.is_main:
                subject = None
            targets = _unique(r.meeting for r in main_refs) or ([current] if current else [])
            if subject is not None:
                targets = [subject]
            # Background before the body first names a meeting (a headline does not count)
            # is not about that meeting; a lead saying what the sides agreed is.
            if i or not self.has_headline:
                if refs or (headlined and MEETING_SUBJECT.search(text)):
                    seen.update(r.meeting for r in refs)
                    seen.update(headlined)
                    headlined = set()
            elif refs:
                headlined = {r.meeting for r in refs}
            agreement = find_agreement(text) if targets else None
            if not agreement:
                targets = [m for m in targets if m in seen]
            elif not seen and lead_day is None:
                # "Pakistan and China on Tuesday agreed ...", before the meeting is named: the
                # day of what they agreed, when the meeting gives none of its own
                days = find_dates(text, self.published, self.anchor)
                lead_day = (days[0], i) if days and days[0].precision == "day" else None
            self._logistics(i, text, refs, current, refs_by_sentence[i])
            if refs and i > 0 and _SPEAKING_AT.match(text):
                # "X said on Tuesday. He was speaking at the fifth meeting of ...": the day he
                # spoke is the meeting's
                spoke = [d for d in self._said_days(i - 1) if d.precision == "day"]
                for r in refs if len(spoke) == 1 else ():
                    if r.meeting.date is None and not r.meeting.planned:
                        _set_date(r.meeting, spoke[0], self.evidence(i - 1))
            self._people(i, text, refs, current)
            for person in find_people(text) if may_name_person(text) and has_title(text) else ():
                if person.title or person.country:
                    self.registry.setdefault(person.name, (person.title, person.country))
                    self._seen(person.name)
            if not targets:
                previous_focus = False
                continue
            masked = [(b.start, b.end) for b in bodies[i]]
            corridors = find_corridors(text, self.vocabulary.corridors)
            masked += [(c.start, c.end) for c in corridors]
            listed = listing and LIST_ITEM.match(text) is not None
            focus = None if listed else focus_in(text, self.vocabulary, masked, self.matchers)
            if focus is not None:
                focus_ok = True
            elif listed or (previous_focus and CONTINUATION.match(text)):
                focus = match_focus_areas(text, self.vocabulary, masked, self.matchers)
                focus_ok = True
            else:
                focus, focus_ok = [], False
            told = [r for r in refs if r.number is not None and not r.back and not r.future]
            several = len({id(r.meeting) for r in told}) > 1
            for meeting in targets:
                for f in focus:
                    # a sentence telling of several sessions: each area goes to the session
                    # named last before it ("at the fifth meeting they agreed on X, while at
                    # the seventh on Y")
                    if several and _nearest_ref(told, f.start) is not meeting:
                        continue
                    if all(x.slug != f.slug for x in meeting.focus):
                        meeting.focus.append(FocusAreaMention(f.slug, self.evidence(i)))
                for c in corridors:
                    if all(x.slug != c.slug for x in meeting.corridors):
                        meeting.corridors.append(
                            CorridorMention(c.slug, "explicit", self.evidence(i))
                        )
                if agreement:
                    kind, statement = agreement
                    slugs = _unique(f.slug for f in focus)
                    ev = self.evidence(i)
                    statement = _original_statement(self.text[s.start : s.end], statement)
                    meeting.agreements.append(AgreementMention(statement, kind, slugs, ev))
            if several:
                for f in focus:
                    meeting = _nearest_ref(told, f.start)
                    if meeting not in targets and all(x.slug != f.slug for x in meeting.focus):
                        meeting.focus.append(FocusAreaMention(f.slug, self.evidence(i)))
            previous_focus = focus_ok
            listing = listed or introduces_list(text)
        if lead_day is not None:
            told = [m for m in mains if not m.planned]
            if len(told) == 1 and told[0].date is None:
                _set_date(told[0], lead_day[0], self.evidence(lead_day[1]))
        self._group_topics()
        self._derive_corridors()

    def _said_days(self, i: int) -> list[DateMention]:
        """The days in sentence `i` on which someone spoke ("X said on Tuesday")."""
        text = self.sentences[i].text
        said = REPORTING.search(text)
        if said is None:
            return []
        return [d for d in find_dates(text, self.published, self.anchor) if d.start > said.start()]

    def _given_up(self, between: str) -> bool:
        """Is a coming meeting's date, after `between`, one it will not have: "could not be
        held in 2020", or "was scheduled for July 16" in a report that it was postponed?"""
        if _NEGATED_HELD.search(between):
            return True
        if not _WAS_SCHEDULED.search(between):
            return False
        if self._was_postponed is None:
            self._was_postponed = any(_POSTPONED.search(s.text) for s in self.sentences)
        return self._was_postponed

    def _main_on_date(self, text: str, mains: list[_Meeting]) -> _Meeting | None:
        days = {d.iso for d in find_dates(text, self.published, self.anchor)}
        on = [m for m in mains if m.date is not None and m.date.iso in days]
        return on[0] if len(on) == 1 else None

    def _logistics(self, i, text, refs: list[Ref], current, refs_all: list[Ref]) -> None:
        refs = [r for r in refs if not r.prepared]
        strong = [r for r in refs if r.number is not None or r.reported]
        if not strong and _PREVIEW.search(text):
            # "the upcoming JCC scheduled for this week", "proposed May 23 for holding the JCC"
            strong = [r for r in refs if r.future and r.meeting.planned]
        if not strong and any(r.future for r in refs_all):
            return
        if not strong:
            if current is None:
                return
            if current.planned and not (_PREVIEW.search(text) or _FUTURE_ROLE.search(text)):
                return  # "The meeting was held here on Monday" tells of another meeting
            if not (MEETING_SUBJECT.search(text) and HELD.search(text)):
                # "The two secretaries interacted through video link", just after the meeting
                # is named: the meeting was virtual.
                near = current.is_main and 0 < i - current.first[0] <= 2 and not refs_all
                if near and not current.mode and find_mode(text) == "virtual":
                    current.mode = "virtual"
                return
            anchors = [(0, current)]
            if _PLURAL_SUBJECT.match(text) and len(self._last_told) > 1:
                anchors = [(0, m) for m in self._last_told]  # "The meetings were held ..."
        else:
            anchors = [(r.start, r.meeting) for r in strong]
        chosen: dict[int, tuple[bool, DateMention]] = {}
        ahead = any(m.planned for _, m in anchors)

        found = find_dates(text, self.published, self.anchor, ahead=ahead)
        later = None
        if self.last_date and not found and ("later" in text or "day" in text):
            later = _LATER.search(text) if self.last_date[1] >= i - 3 else None
        if later:
            d = _after(self.last_date[0], later)
            if d is not None:
                found = [DateMention(d.iso, d.precision, later.start(), later.end())]
        for d in found:
            meeting, anchor, anchor_end = _nearest(anchors, d.start, refs)
            if REPORTING.search(text[anchor_end : d.start]):
                continue
            if meeting.planned and self._given_up(text[min(anchor_end, d.start) : d.start]):
                continue
            after = d.start >= anchor
            held = chosen.get(id(meeting))
            # the first date after the mention wins; else the last one before it
            if held is None or (after and not held[0]) or (not after and not held[0]):
                chosen[id(meeting)] = (after, d)
        for meeting in _unique(m for _, m in anchors):
            if id(meeting) in chosen:
                d = chosen[id(meeting)][1]
                _set_date(meeting, d, self.evidence(i))
                self.last_date = (meeting.date, i)
                if self.published is None and self.anchor is None and meeting.is_main:
                    self.anchor = parse_iso(d.iso) if d.precision == "day" else None
        venues = find_venues(text)
        here = _HERE.search(text) if self.dateline and "here" in text else None
        if not venues and not here and self.dateline and "at the" in text:
            here = _AT_BUILDING.search(text)
        if here:  # "held here", "at the Ministry of Communications here": the dateline's city
            city = self.dateline.city
            venues.append(Venue(city, CITIES[city], here.end() - 1, here.end()))
        for v in venues:
            meeting, _, _ = _nearest(anchors, v.start, refs)
            if not meeting.city:
                meeting.city, meeting.country = v.city, v.country
                meeting.venue_evidence = self.evidence(i)
        told = _unique(m for _, m in anchors)
        if (
            len(venues) == 1
            and len(told) > 1
            and all(v.start > a for v in venues for a, _ in anchors)
        ):
            # "held A on Monday and B on Tuesday at the Ministry in Islamabad": the one venue
            # after every meeting is theirs
            for meeting in told:
                if not meeting.city and not meeting.planned:
                    meeting.city, meeting.country = venues[0].city, venues[0].country
                    meeting.venue_evidence = self.evidence(i)
        mode = find_mode(text)
        if mode:
            primary = next((r.meeting for r in strong if not r.back), anchors[0][1])
            for meeting in [primary] if strong else [m for _, m in anchors]:
                if not meeting.mode:
                    meeting.mode, meeting.mode_evidence = mode, self.evidence(i)

    def _people(self, i: int, text: str, refs: list[Ref], current: _Meeting | None) -> None:
        roles = find_roles(text)
        if not roles:
            self._principals(i, text, refs, current)
            return
        for role in roles:
            pos = role.person.start if role.person else 0
            before = [r for r in refs if r.start <= pos]
            mains = [r for r in refs if r.meeting.is_main and not r.back]
            if mains:
                meeting = ([r for r in mains if r.start <= pos] or mains)[-1].meeting
            elif before:
                meeting = before[-1].meeting
            elif refs:
                meeting = refs[0].meeting
            else:
                meeting = current
            if meeting is None:
                continue
            if meeting.planned and not _FUTURE_ROLE.search(text):
                # a meeting not yet held has no one who chaired it: "The review meeting was
                # chaired by the minister" is about another meeting
                continue
            bucket = meeting.co_chairs if role.role == "co_chair" else meeting.leaders
            if role.person is None:  # "the two leaders co-chaired", "the two officials led"
                pair = meeting.leaders if role.role == "co_chair" and meeting.leaders else []
                pair = pair or self._last_pair()
                for person in pair:
                    if all(x.name != person.name for x in bucket):
                        bucket.append(
                            PersonMention(
                                person.name, person.title, person.country, self.evidence(i)
                            )
                        )
                continue
            p = self._resolve_partial(role.person)
            if p is None:
                continue
            known = self.registry.get(p.name, ("", ""))
            title = p.title or known[0]
            country = p.country or known[1] or typical_country(title)
            if p.title or p.country:
                self.registry.setdefault(p.name, (p.title, p.country))
            # "The meetings were co-chaired by X and Y": the sessions the lead told, each
            plural = not refs and _PLURAL_SUBJECT.match(text) and len(self._last_told) > 1
            for each in self._last_told if plural else [meeting]:
                bucket = each.co_chairs if role.role == "co_chair" else each.leaders
                # one person written two ways ("Liu Shaobin", later "Li Shaobin") is listed once
                if not any(same_person(x.name, p.name) for x in each.co_chairs + each.leaders):
                    bucket.append(PersonMention(p.name, title, country, self.evidence(i)))
            self._seen(p.name)

    def _principals(self, i: int, text: str, refs: list[Ref], current) -> None:
        if any(not r.meeting.is_main for r in refs):
            return
        meeting = refs[0].meeting if refs else current
        if meeting is None or meeting.principals:
            return
        if meeting.planned and not _FUTURE_ROLE.search(text):
            return
        for p in find_principals(text):
            country = p.country or typical_country(p.title)
            meeting.principals.append(PersonMention(p.name, p.title, country, self.evidence(i)))

    def _seen(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def _last_pair(self) -> list[PersonMention]:
        """The two people named last: whom "the two officials" refers to. Not a pair when
        both are known to be from the same country."""
        if len(self.recent) < 2:
            return []
        pair = []
        for name in self.recent[-2:]:
            title, country = self.registry.get(name, ("", ""))
            pair.append(PersonMention(name, title, country or typical_country(title), None))
        a, b = pair[0].country, pair[1].country
        return [] if a and a == b else pair

    def _resolve_partial(self, p):
        """A surname ("Mr. Sun") or a bare title ("the Foreign Secretary") as the one person
        named in full earlier with that name or title; None when there is not exactly one."""
        if not p.partial:
            return p
        if p.name:
            word = p.name.casefold()
            found = [n for n in self.registry if word in n.casefold().split()]
            found = found or [n for n in self.recent if word in n.casefold().split()]
            if len(found) > 1 and p.title:
                found = [n for n in found if _same_title(self.registry[n][0], p.title)]
        else:
            found = [
                n
                for n, (title, country) in self.registry.items()
                if _same_title(title, p.title)
                and (not p.country or not country or country == p.country)
            ]
        if len(found) != 1:
            return None
        title, country = self.registry.get(found[0], ("", ""))
        return Person(found[0], p.title or title, p.country or country, p.start, p.end)

    def _group_topics(self) -> None:
        """A working group on a topic (Gwadar, agriculture, security) works on that topic at
        the session the article reports, whatever else it says the sides agreed."""
        for m in [m for m in self.meetings if m.is_main]:
            for slug in group_topic(m.body, self._body_name(m), self.vocabulary, self.matchers):
                if all(f.slug != slug for f in m.focus):
                    m.focus.append(FocusAreaMention(slug, m.evidence))

    def _derive_corridors(self) -> None:
        for m in self.meetings:
            for f in m.focus:
                for slug in self.vocabulary.mapping.get(f.slug, []):
                    if all(c.slug != slug for c in m.corridors):
                        m.corridors.append(CorridorMention(slug, "derived", f.evidence, via=f.slug))

    def _finish_people(self, people: list[PersonMention]) -> list[PersonMention]:
        out = self._titled(people)
        # A bilateral pair: when one side's country is known, the other is the other side.
        if len(out) == 2:
            a, b = out
            if not a.country and b.country in OTHER_COUNTRY:
                a.country = OTHER_COUNTRY[b.country]
            elif not b.country and a.country in OTHER_COUNTRY:
                b.country = OTHER_COUNTRY[a.country]
        return out

    def _titled(self, people: list[PersonMention]) -> list[PersonMention]:
        out = []
        for p in people:
            title, country = self.registry.get(p.name, ("", ""))
            out.append(
                PersonMention(
                    p.name,
                    p.title or title,
                    p.country or country or typical_country(p.title or title),
                    p.evidence,
                )
            )
        return out

    def _mention(self, m: _Meeting) -> MeetingMention:
        # The lead's "talks in Beijing this week" says where the meetings it reports were held.
        # The dateline says only where the story was filed: it is the venue when the text says
        # "held here" or "at the Foreign Office" (see _logistics), not otherwise.
        if m.mode == "virtual":
            # met by video: no venue, even when the text says it was "held in Islamabad"
            m.city, m.country, m.venue_evidence = "", "", None
        here = m.is_main and not m.city and m.mode != "virtual" and not m.planned
        if self._lead_city and here:
            city, at = self._lead_city
            m.city, m.country = city, CITIES[city]
            m.venue_evidence = self.evidence(at)
        if m.planned:
            # A preview tells what the sides mean to take up, not what they agreed: the focus
            # areas come only from a meeting held.
            m.focus = []
            m.corridors = [c for c in m.corridors if c.how == "explicit"]
        date_inferred = False
        if m.date is None and m.is_main and not m.planned and self._reported_recently():
            # A news report that gives no day of its own tells of a meeting just before it was
            # filed: in that month, unless the month had only just begun.
            day = self.published
            m.date = DateMention(day.isoformat()[:7], "month", 0, 0)
            date_inferred = True
        return MeetingMention(
            body=m.body,
            body_name=self._body_name(m),
            number=m.number,
            date=m.date.iso if m.date else None,
            date_precision=m.date.precision if m.date else "unknown",
            city=m.city,
            country=m.country,
            mode=m.mode,
            mode_evidence=m.mode_evidence,
            is_main_subject=m.is_main,
            evidence=m.evidence,
            date_evidence=m.date_evidence,
            venue_evidence=m.venue_evidence,
            co_chairs=self._finish_people(m.co_chairs),
            delegation_leaders=self._finish_people(
                m.leaders or ([] if m.co_chairs else m.principals)
            ),
            focus_areas=m.focus,
            corridors=m.corridors,
            agreements=m.agreements,
            status="planned" if m.planned else "held",
            date_inferred=date_inferred,
        )

    def _reported_recently(self) -> bool:
        return self.published is not None and self.published.day > _EARLY_IN_MONTH

    def _body_name(self, m: _Meeting) -> str:
        if m.body in self.full_names:
            return self.full_names[m.body]
        names = [re.sub(r"\s*\([^)]*\)$", "", n) for n in m.names]
        names = [re.sub(r"^CPEC\s+", "", n) for n in names]
        full = [n for n in names if " " in n]
        return max(full or names or [m.body], key=len)


# Wording that previews a meeting rather than reporting one.
_PREVIEW = re.compile(
    r"\b(?:will|would|shall)\s+(?:be\s+(?:held|convened|hosted)|take\s+place|convene|meet)\b|"
    r"\b(?:is|are|was|were)\s+(?:now\s+|tentatively\s+|most\s+)?(?:scheduled|expected|set|due|"
    r"slated|planned|likely|going\s+to\s+be\s+held|proposed|to\s+be\s+held)\b|\bto\s+be\s+held\b|"
    r"\b(?:upcoming|forthcoming)\b|"
    r"\b(?:agreed|decided|plans?|planning)\s+to\s+(?:hold|convene)\b|"
    r"\b(?:meeting|session)\s+(?:scheduled|slated)\s+(?:for|to\s+be|on|in)\b|"
    r"\b(?:set|scheduled|slated|due|expected)\s+to\s+(?:take\s+place|be\s+held|be\s+convened|"
    r"meet|convene)\b|\bfor\s+(?:holding|convening)\b",
    re.IGNORECASE,
)
# Who is to chair or lead a coming meeting: "would be co-chaired by", "is scheduled to lead".
_FUTURE_ROLE = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|(?:scheduled|set|expected|likely|due|going)\s+to)\b",
    re.IGNORECASE,
)
_WAS_SCHEDULED = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:originally\s+|earlier\s+|initially\s+|previously\s+)?"
    r"(?:scheduled|planned|set|due|supposed)\b",
    re.IGNORECASE,
)
_POSTPONED = re.compile(
    r"\b(?:postponed|put\s+off|deferred|adjourned|called\s+off|rescheduled)\b", re.IGNORECASE
)
# "could not be held", "has not been convened", "was postponed": no meeting took place.
_NEGATED_HELD = re.compile(
    r"\b(?:not|never|n't)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:held|convened|scheduled|"
    r"take\s+place|taken\s+place|materiali[sz]ed?)\b",
    re.IGNORECASE,
)
_NOT_HELD = re.compile(
    _NEGATED_HELD.pattern + r"|\b(?:postponed|put\s+off|deferred|delayed|cancell?ed|"
    r"called\s+off|adjourned)\b",
    re.IGNORECASE,
)
# A meeting told as held (past tense: "holds great significance" tells nothing).
_TOLD_HELD = re.compile(
    r"\b(?:held|convened|took\s+place|concluded|co-?chaired|chaired|hosted|met|conducted|"
    r"opened|led|headed|attended)\b",
    re.IGNORECASE,
)
_PLURAL_SUBJECT = re.compile(
    r"^[\"']?\s*(?:The|Both|These|All)\s+(?:two\s+|three\s+)?(?:meetings|sessions)\b", re.IGNORECASE
)
# "held here", "convened here on Monday", "at the Ministry of Communications here"
_HERE = re.compile(
    r"\b(?:held|convened|hosted|met|took\s+place|concluded|opened|organi[sz]ed)\s+"
    r"(?:[^.;]{0,120}?\s)?here\b|\b(?:at|in)\s+(?:the\s+)?[A-Z][^.;,]{2,60}?\shere\b"
)
# "held ... at the Foreign Office", naming no city: a building in the city the story was filed
# from.
_AT_BUILDING = re.compile(
    r"\b(?:held|convened|hosted|met|took\s+place|concluded|opened)\b[^.;]{0,120}?\bat\s+the\s+"
    r"(?:[A-Z][\w'-]*\s+(?:of\s+(?:the\s+)?)?){0,4}(?:Office|Ministry|Secretariat|Hall|House|"
    r"Hotel|Centre|Center|Authority|Division|Commission|Complex|Club|Palace)\b"
)
# "He was speaking at the fifth meeting of ...": the speech of the sentence before was given there
_SPEAKING_AT = re.compile(
    r"^[\"']?\s*(?:He|She|They|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+(?:was|were)\s+"
    r"(?:speaking|addressing|talking|briefing)\b"
)
_FRONT_LINES = 8  # page furniture and the dateline come within the first lines
_EARLY_IN_MONTH = 7  # a meeting reported on the 7th or before may have been last month
_TOPIC_MEETING_HINT = re.compile(r"(?i:meeting|session|talks|round)")
# After a side event, the article is back on the meeting: "The two sides also agreed ..."
BACK_TO_MEETING = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|delegations|co-chairs)\b|"
    r"^[\"']?\s*The\s+(?:meeting|session|talks|consultations|JWG|JCC|BPC)\b",
    re.IGNORECASE,
)
# "The fourth meeting, in Islamabad in 2023, was the first in which ...", "It was at that
# third meeting that ...": the sentence is about that meeting even when the article reports
# another.
_SUBJECT_LEAD = re.compile(
    r"^[\"']?\s*(?:(?:The|Its|By\s+the|(?:It\s+was\s+)?(?:At|In|During)\s+(?:the|that|this))\s+)?$",
    re.IGNORECASE,
)


def _subject(text: str, refs: list[Ref]):
    for r in refs:
        if r.number is not None and not r.back and not r.future:
            if _SUBJECT_LEAD.match(text[: r.start]):
                return r.meeting
    return None


_SIDE_HINT = any_of("with", "called", "sidelines", "paid")


def _side_event(text: str) -> bool:
    return bool(_SIDE_HINT.search(text)) and bool(SIDE_EVENT.search(text))


_TITLE_NOISE = re.compile(r"\b(?:the|of|china's|pakistan's|chinese|pakistani|china|pakistan)\b")


def _same_title(a: str, b: str) -> bool:
    """'Foreign Secretary' and 'the Foreign Secretary of Pakistan' are the same title."""
    a, b = (" ".join(_TITLE_NOISE.sub(" ", t.lower()).split()) for t in (a, b))
    return bool(a) and a == b


def _unique(items) -> list:
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _nearest(anchors, pos: int, refs: list[Ref]):
    """The anchored meeting a fact at `pos` belongs to: the closest mention before it,
    else the first after it. Returns the meeting and where its mention ends."""
    before = [(a, m) for a, m in anchors if a <= pos]
    start, meeting = before[-1] if before else anchors[0]
    end = next((r.end for r in refs if r.start == start and r.meeting is meeting), start)
    return meeting, start, min(end, pos)


def _nearest_ref(refs: list[Ref], pos: int):
    before = [r for r in refs if r.start <= pos]
    return (before[-1] if before else refs[0]).meeting


# "talks resume in Islamabad", "back-to-back meetings in Beijing": before the story names its
# meeting, the lead says where the meetings are.
_LEAD_HINT = any_of("meeting", "talks", "consultations", "session")
_LEAD_VENUE = re.compile(
    r"\b(?:meetings?|talks|consultations|sessions?)\b[^.;]{0,40}?\bin\s+(?P<city>"
    + CITY_NAMES
    + r")(?![\w'])"
)
# "The next day", "two days later", "a week or so later": after the date of the session the
# article told of just before.
_LATER = re.compile(
    r"\b(?:(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after|a\s+day\s+later)|"
    r"(?P<prev>a\s+day\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+day|"
    r"the\s+day\s+before(?!\s+\w))|"
    r"(?P<n>two|three|2|3)\s+days\s+later|"
    r"(?P<vague>(?:a\s+few|several|some)\s+days\s+later|days\s+later|a\s+week\s+(?:or\s+so\s+)?"
    r"later))\b",
    re.IGNORECASE,
)


def _after(d: DateMention, m: re.Match) -> DateMention | None:
    """The date `m` ("the next day") names after `d`; None when it cannot be known."""
    if m.group("next") or m.group("n") or m.group("prev"):
        if d.precision != "day":
            return None
        if m.group("prev"):
            days = -1
        elif m.group("next"):
            days = 1
        else:
            days = {"two": 2, "three": 3}.get(m.group("n").lower()) or int(m.group("n"))
        return DateMention(
            (date.fromisoformat(d.iso) + timedelta(days=days)).isoformat(), "day", 0, 0
        )
    if d.precision == "month":
        return DateMention(d.iso, "month", 0, 0)  # within the month the lead gave
    if d.precision == "day":
        day = date.fromisoformat(d.iso)
        early, late = day + timedelta(days=2), day + timedelta(days=10)
        if (early.year, early.month) == (late.year, late.month):
            return DateMention(early.isoformat()[:7], "month", 0, 0)
    return None


def _set_date(meeting: _Meeting, d: DateMention, evidence: Evidence) -> None:
    if meeting.date is None or PRECISION_RANK[d.precision] > PRECISION_RANK[meeting.date.precision]:
        meeting.date = d
        meeting.date_evidence = evidence


def _original_statement(original: str, cleaned: str) -> str:
    """The cleaned statement in the original characters (curly quotes and all)."""
    norm = normalize(original)
    core = cleaned[:-1] if cleaned.endswith(".") else cleaned
    at = norm.find(core)
    if at == -1:
        return cleaned
    return original[at : at + len(core)] + cleaned[len(core) :]
