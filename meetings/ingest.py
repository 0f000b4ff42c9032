"""Writing extracted articles to the database.

The one code path that the `ingest_articles` command, the admin's article page
and the tests share. A document is written in one transaction; the same text
twice changes nothing (sha256). A meeting reported again keeps the values it
holds: a disagreeing value is recorded as a Conflict and the meeting is flagged
for review, never overwritten.

Except a plan: what a preview says of a coming meeting (its date, venue and mode) is
replaced, without a Conflict, by the report of the meeting held, which turns it from
planned to held. The preview's sentences stay as the meeting's evidence (the detail page
lists the date it was planned for), and a preview read after the report changes nothing
the report said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connections, transaction
from django.utils.text import slugify

from agreements.models import (
    Agreement,
    Corridor,
    FocusArea,
    LinkHow,
    MeetingCorridor,
    MeetingFocusArea,
)

from .articles import ArticleError, check_text, sha256_of
from .extraction import Vocabulary, extract
from .extraction.types import ArticleExtraction, MeetingMention, PersonMention
from .models import (
    Body,
    Conflict,
    Delegation,
    Evidence,
    Fact,
    Meeting,
    MeetingStatus,
    Mode,
    Participant,
    Person,
    ReviewStatus,
    Role,
    SourceDocument,
    date_at_precision,
    normalise_name,
    parse_partial_date,
    unique_slug,
)


@dataclass
class MeetingPreview:
    mention: MeetingMention
    existing: Meeting | None
    # (field, value the database holds, value the article gives)
    conflicts: list[tuple[str, str, str]]
    people: list[tuple[PersonMention, Person | None]]


@dataclass
class ArticlePreview:
    extraction: ArticleExtraction
    document: SourceDocument | None  # already ingested with the same text
    meetings: list[MeetingPreview]


@dataclass
class IngestResult:
    document: SourceDocument
    created: bool
    meetings_created: list[Meeting] = field(default_factory=list)
    meetings_updated: list[Meeting] = field(default_factory=list)
    # Meetings the article only mentions in passing, to which it added nothing.
    meetings_mentioned: list[Meeting] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def vocabulary_from_db():
    """The extractor's vocabulary with the admins' synonyms and mapping."""
    focus_areas, mapping = {}, {}
    for focus_area in FocusArea.objects.prefetch_related("corridors"):
        focus_areas[focus_area.slug] = list(focus_area.synonyms) or [focus_area.name]
        mapping[focus_area.slug] = [c.slug for c in focus_area.corridors.all()]
    corridors = list(Corridor.objects.values_list("slug", flat=True))
    return Vocabulary(focus_areas=focus_areas, mapping=mapping, corridors=corridors)


def extract_text(text):
    return extract(text, vocabulary_from_db())


def preview_text(text):
    """What ingesting `text` would do, without writing anything."""
    check_text(text)
    extraction = check_dates(extract_text(text))
    document = SourceDocument.objects.filter(sha256=sha256_of(text)).first()
    previews = []
    for mention in extraction.meetings:
        body = Body.objects.filter(short_name__iexact=mention.body).first()
        existing = find_meeting(body, mention)
        # What the writer will record: a passing mention raises no conflict.
        conflicts = compare(existing, mention)[1] if existing and mention.is_main_subject else []
        people = [(p, match_person(p.name)) for p in mention.co_chairs + mention.delegation_leaders]
        previews.append(MeetingPreview(mention, existing, conflicts, people))
    return ArticlePreview(extraction, document, previews)


def ingest_text(text, *, file_name="", title="", outlet="", url="", extraction=None):
    """Write one article and what it reports; see the module docstring."""
    check_text(text)
    sha256 = sha256_of(text)
    with transaction.atomic():
        one_ingestion_at_a_time()
        document = SourceDocument.objects.filter(sha256=sha256).first()
        if document:
            return IngestResult(document=document, created=False)
        if extraction is None:
            extraction = extract_text(text)
        check_dates(extraction)
        document = SourceDocument.objects.create(
            text=text,
            sha256=sha256,
            file_name=file_name,
            title=(title or extraction.title)[:300],
            outlet=(outlet or extraction.outlet)[:200],
            url=source_url(url or extraction.url),
            published_on=parse_partial_date(extraction.published_on)[0],
            warnings=list(extraction.warnings),
        )
        writer = _Writer(document)
        for mention in extraction.meetings:
            writer.write_meeting(mention)
        return IngestResult(
            document=document,
            created=True,
            meetings_created=writer.created,
            meetings_updated=writer.updated,
            meetings_mentioned=writer.mentioned,
            conflicts=writer.conflicts,
        )


def source_url(url):
    """An address as a link can use: a header's `www.example.com/...` gets its scheme;
    one too long to store is dropped rather than cut into a wrong address."""
    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        url = f"https://{url}"
    return url if len(url) <= SourceDocument._meta.get_field("url").max_length else ""


def check_dates(extraction):
    """The extraction, or ArticleError when it holds a date that does not exist (a
    `date 2021-99-99` line): such a text is refused like an unreadable one."""
    dates = [("publication date", extraction.published_on)]
    dates += [(f"date of the {m.body} meeting", m.date) for m in extraction.meetings]
    for label, value in dates:
        try:
            parse_partial_date(value)
        except ValueError as exc:
            raise ArticleError(f"the {label} {exc}") from None
    return extraction


# Any fixed number: the key of the PostgreSQL advisory lock that ingestions take.
INGEST_LOCK = 2013_0013


def one_ingestion_at_a_time():
    """Wait for any other ingestion's transaction to end (PostgreSQL), holding the lock
    until ours ends. Without it, two processes ingesting the same new article, or two
    articles naming the same new person or meeting, would both look, find nothing and
    both create it: one crashed on a unique constraint, or a person was made twice. The
    loser now finds what the winner wrote. SQLite lets one writer in at a time anyway."""
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK])


def find_meeting(body, mention):
    if body is None:
        return None
    if mention.number:
        return Meeting.objects.filter(body=body, number=mention.number).first()
    date, precision = parse_partial_date(mention.date)
    if not date:
        return None
    unnumbered = Meeting.objects.filter(body=body, number=None)
    same = unnumbered.filter(date=date, date_precision=precision).first()
    if same or mention.status != MeetingStatus.HELD:
        return same
    # "The JCC will meet in March" and, later, "the JCC met on 22 March": one meeting.
    return next(
        (
            planned
            for planned in unnumbered.planned().exclude(date=None).order_by("date", "pk")
            if mention.date.startswith(date_at_precision(planned.date, planned.date_precision))
        ),
        None,
    )


def replaces_plan(meeting, mention):
    """Whether `mention` reports as held the meeting that `meeting` records as planned."""
    return (
        meeting.status == MeetingStatus.PLANNED
        and mention.status == MeetingStatus.HELD
        and mention.is_main_subject
    )


def date_label(mention):
    if mention.status == MeetingStatus.PLANNED:
        return f"planned for {mention.date}"
    if mention.date_inferred:
        return f"date: {mention.date} (the month of publication)"
    return f"date: {mention.date}"


def match_person(name):
    """The person known by this name or one of their other spellings."""
    key = normalise_name(name)
    person = Person.objects.filter(name_key=key).first()
    if person is None:
        # other_names is a JSON list; matching its text form works on both databases.
        for candidate in Person.objects.filter(other_names__icontains=name.split()[-1]):
            if key in {normalise_name(n) for n in candidate.other_names}:
                return candidate
    return person


def compare(meeting, mention):
    """(blanks the mention fills, disagreements) between a meeting and a mention.

    Blanks: {field: value}. Disagreements: [(field, current, proposed)].
    """
    fills, conflicts = {}, []
    if replaces_plan(meeting, mention):
        # A plan gives way to the report of what was held.
        proposed = {"city": mention.city, "country": mention.country, "mode": mention.mode}
        current_date = date_at_precision(meeting.date, meeting.date_precision) or ""
        if mention.date and not (
            current_date.startswith(mention.date) and len(mention.date) < len(current_date)
        ):
            proposed["date"] = mention.date  # not when it only says less than the plan did
        return {name: value for name, value in proposed.items() if value}, []
    if meeting.status == MeetingStatus.HELD and mention.status == MeetingStatus.PLANNED:
        return fills, conflicts  # what was planned says nothing against what was held
    current_date = date_at_precision(meeting.date, meeting.date_precision) or ""
    # A month guessed from a report's publication says nothing against a known date; a
    # stated date replaces a guessed one.
    guessed = mention.date_inferred and current_date
    if mention.date and not guessed and meeting.date_inferred:
        fills["date"] = mention.date
    elif mention.date and not guessed:
        if not current_date or (
            mention.date.startswith(current_date) and len(mention.date) > len(current_date)
        ):
            fills["date"] = mention.date
        elif not current_date.startswith(mention.date):
            conflicts.append(("date", current_date, mention.date))
    for name in ("city", "country"):
        current, proposed = getattr(meeting, name), getattr(mention, name)
        if proposed and not current:
            fills[name] = proposed
        elif proposed and current.casefold() != proposed.casefold():
            conflicts.append((name, current, proposed))
    if mention.mode and not meeting.mode:
        fills["mode"] = mention.mode
    elif mention.mode and mention.mode != meeting.mode:
        conflicts.append(("mode", meeting.mode, mention.mode))
    return fills, conflicts


class _Writer:
    """Writes one document's meetings; remembers what it did for the summary."""

    def __init__(self, document):
        self.document = document
        self.created, self.updated, self.conflicts = [], [], []
        self.mentioned = []  # meetings it only mentions, adding nothing they did not hold
        self.facts_written = 0
        self.focus_areas = {f.slug: f for f in FocusArea.objects.all()}
        self.corridors = {c.slug: c for c in Corridor.objects.all()}

    def evidence(self, meeting, fact, label, span):
        if span is None:
            return None
        self.facts_written += 1
        return Evidence.objects.create(
            document=self.document,
            meeting=meeting,
            fact=fact,
            label=label[:300],
            start=span.start,
            end=span.end,
            sentence=span.sentence,
        )

    def mode_evidence(self, meeting, mention):
        if not mention.mode:
            return None
        label = f"mode: {dict(Mode.choices).get(mention.mode, mention.mode).lower()}"
        return self.evidence(meeting, Fact.MODE, label, mention.mode_evidence)

    def conflict(self, meeting, name, current, proposed, span):
        evidence = self.evidence(meeting, Fact.MEETING, f"{name}: {proposed}", span)
        self.conflicts.append(
            Conflict.objects.create(
                meeting=meeting,
                field=name,
                current_value=current,
                proposed_value=proposed,
                document=self.document,
                evidence=evidence,
            )
        )

    def body_for(self, mention):
        body = Body.objects.filter(short_name__iexact=mention.body).first()
        if body is None:
            body = Body.objects.create(
                short_name=mention.body,
                name=mention.body_name or mention.body,
                slug=unique_slug(Body, slugify(mention.body)),
            )
        return body

    def write_meeting(self, mention):
        """The meeting the article reports becomes one of the document's meetings (the
        document is its source); one it only mentions in passing ("since the fourth meeting
        held in Islamabad") records the mention, and takes from it only what it did not
        know: a mere mention raises no conflict."""
        body = self.body_for(mention)
        meeting = find_meeting(body, mention)
        passing = not mention.is_main_subject
        facts_before = self.facts_written
        if meeting is None:
            if not (mention.number or mention.date or mention.is_main_subject):
                return  # too vague to tell apart from other sessions of this body
            meeting = self.create_meeting(body, mention)
            self.created.append(meeting)
        else:
            if passing:
                self.evidence(meeting, Fact.MENTION, f"mentions the {meeting}", mention.evidence)
                facts_before = self.facts_written
            self.update_meeting(meeting, mention, passing=passing)
        if not passing:
            meeting.sources.add(self.document)
        self.write_people(meeting, mention, passing=passing)
        self.write_topics(meeting, mention)
        if meeting in self.created:
            return
        if passing and self.facts_written == facts_before:
            self.mentioned.append(meeting)
        else:
            self.updated.append(meeting)

    def create_meeting(self, body, mention):
        date, precision = parse_partial_date(mention.date)
        meeting = Meeting.objects.create(
            body=body,
            number=mention.number,
            date=date,
            date_precision=precision,
            date_inferred=bool(date and mention.date_inferred),
            city=mention.city,
            country=mention.country,
            mode=mention.mode,
            status=mention.status,
            summary=mention.evidence.sentence if mention.is_main_subject else "",
            review_status=ReviewStatus.EXTRACTED,
        )
        if mention.is_main_subject:
            meeting.evidence = self.evidence(meeting, Fact.MEETING, str(meeting), mention.evidence)
        else:  # known so far only from this mention
            label = f"mentions the {meeting}"
            meeting.evidence = self.evidence(meeting, Fact.MENTION, label, mention.evidence)
        meeting.date_evidence = self.evidence(
            meeting, Fact.DATE, date_label(mention), mention.date_evidence
        )
        venue = ", ".join(filter(None, [mention.city, mention.country])) or mention.mode
        meeting.venue_evidence = self.evidence(
            meeting, Fact.VENUE, f"venue: {venue}", mention.venue_evidence
        )
        meeting.mode_evidence = self.mode_evidence(meeting, mention)
        meeting.save(update_fields=["evidence", "date_evidence", "venue_evidence", "mode_evidence"])
        return meeting

    def update_meeting(self, meeting, mention, passing=False):
        fills, conflicts = compare(meeting, mention)
        if passing:
            conflicts = []  # a passing mention fills blanks, never disputes
        filled = bool(fills)
        held_now = replaces_plan(meeting, mention)
        if held_now:
            meeting.status = MeetingStatus.HELD
        if "date" in fills:
            meeting.date, meeting.date_precision = parse_partial_date(fills.pop("date"))
            meeting.date_inferred = mention.date_inferred
            meeting.date_evidence = self.evidence(
                meeting, Fact.DATE, date_label(mention), mention.date_evidence
            )
        elif mention.date and (meeting.status, mention.status) == (
            MeetingStatus.HELD,
            MeetingStatus.PLANNED,
        ):
            # A preview read after the report: kept as the date it was planned for.
            self.evidence(meeting, Fact.DATE, date_label(mention), mention.date_evidence)
        if "mode" in fills:
            meeting.mode_evidence = self.mode_evidence(meeting, mention)
        for name, value in fills.items():
            setattr(meeting, name, value)
        if fills.keys() & {"city", "country"} and (meeting.venue_evidence_id is None or held_now):
            meeting.venue_evidence = (
                self.evidence(meeting, Fact.VENUE, f"venue: {mention.city}", mention.venue_evidence)
                or meeting.venue_evidence
            )
        for name, current, proposed in conflicts:
            span = {"date": mention.date_evidence, "mode": mention.mode_evidence}.get(
                name, mention.venue_evidence
            )
            self.conflict(meeting, name, current, proposed, span or mention.evidence)
        if conflicts:
            meeting.review_status = ReviewStatus.NEEDS_REVIEW
        if filled or not passing:
            meeting.save()

    def write_people(self, meeting, mention, passing=False):
        roles = [(p, Role.CO_CHAIR) for p in mention.co_chairs]
        chairs = {normalise_name(p.name) for p in mention.co_chairs}
        roles += [
            (p, Role.LEADER)
            for p in mention.delegation_leaders
            if normalise_name(p.name) not in chairs
        ]
        for person_mention, role in roles:
            self.write_participant(meeting, person_mention, role, passing)

    def write_participant(self, meeting, mention, role, passing=False):
        person = match_person(mention.name)
        if person is None:
            person = Person.objects.create(name=mention.name, country=mention.country)
        elif mention.name != person.name and mention.name not in person.other_names:
            person.other_names = [*person.other_names, mention.name]
            person.save(update_fields=["other_names"])
        country = mention.country or person.country
        label = f"{Role(role).label}: {mention.name}"

        existing = meeting.participants.filter(person=person).first()
        if existing:
            if passing:
                return
            if existing.title and mention.title and existing.title != mention.title:
                self.conflict(
                    meeting, f"title of {person.name}", existing.title, mention.title,
                    mention.evidence,
                )  # fmt: skip
                meeting.review_status = ReviewStatus.NEEDS_REVIEW
                meeting.save(update_fields=["review_status"])
            elif mention.title and not existing.title:
                existing.title = mention.title
                existing.save(update_fields=["title"])
            return

        delegation, _ = Delegation.objects.get_or_create(meeting=meeting, country=country)
        rival = delegation.participants.filter(role=role).select_related("person").first()
        if rival and role == Role.CO_CHAIR and passing:
            return
        if rival and role == Role.CO_CHAIR:
            self.conflict(
                meeting, f"co-chair ({country or 'unknown country'})", rival.person.name,
                mention.name, mention.evidence,
            )  # fmt: skip
            meeting.review_status = ReviewStatus.NEEDS_REVIEW
            meeting.save(update_fields=["review_status"])
            return
        Participant.objects.create(
            delegation=delegation,
            person=person,
            role=role,
            title=mention.title,
            evidence=self.evidence(meeting, Fact.PERSON, label, mention.evidence),
        )
        if delegation.leader_id is None:
            delegation.leader = person
            delegation.save(update_fields=["leader"])

    def write_topics(self, meeting, mention):
        linked = set(meeting.focus_area_links.values_list("focus_area__slug", flat=True))
        for hit in mention.focus_areas:
            focus_area = self.focus_areas.get(hit.slug)
            if focus_area is None or hit.slug in linked:
                continue
            linked.add(hit.slug)
            MeetingFocusArea.objects.create(
                meeting=meeting,
                focus_area=focus_area,
                evidence=self.evidence(
                    meeting, Fact.FOCUS_AREA, f"focus area: {focus_area.name}", hit.evidence
                ),
            )

        links = {
            link.corridor.slug: link for link in meeting.corridor_links.select_related("corridor")
        }
        for hit in mention.corridors:
            corridor = self.corridors.get(hit.slug)
            if corridor is None:
                continue
            if hit.how == LinkHow.DERIVED and not corridor.derives_for(meeting):
                continue  # held before the corridor existed: only a source can file it there
            link = links.get(hit.slug)
            if link and not (link.how == LinkHow.DERIVED and hit.how == LinkHow.EXPLICIT):
                continue
            evidence = self.evidence(
                meeting, Fact.CORRIDOR, f"corridor: {corridor.name} ({hit.how})", hit.evidence
            )
            if link:
                link.how, link.via, link.evidence = LinkHow.EXPLICIT, None, evidence
                link.save()
            else:
                links[hit.slug] = MeetingCorridor.objects.create(
                    meeting=meeting,
                    corridor=corridor,
                    how=hit.how,
                    via=self.focus_areas.get(hit.via) if hit.how == LinkHow.DERIVED else None,
                    evidence=evidence,
                )

        statements = set(meeting.agreements.values_list("statement", flat=True))
        for hit in mention.agreements:
            if hit.text in statements:
                continue
            statements.add(hit.text)
            agreement = Agreement.objects.create(
                meeting=meeting,
                statement=hit.text,
                kind=hit.kind,
                evidence=self.evidence(meeting, Fact.AGREEMENT, f"{hit.kind}", hit.evidence),
            )
            focus_areas = [self.focus_areas[s] for s in hit.focus_areas if s in self.focus_areas]
            agreement.focus_areas.set(focus_areas)
            corridors = Corridor.objects.filter(focus_areas__in=focus_areas).distinct()
            agreement.corridors.set([c for c in corridors if c.derives_for(meeting)])


@dataclass
class BatchSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    meetings_created: int = 0
    meetings_updated: int = 0

    def __str__(self):
        total = self.new + self.unchanged + self.failed
        if not total:
            return "Nothing to ingest: no .txt files found."
        return (
            f"Ingested {total} document{'s' if total != 1 else ''}: {self.new} new, "
            f"{self.unchanged} unchanged, {self.failed} failed; "
            f"{self.meetings_created} meetings created, {self.meetings_updated} updated."
        )


def ingest_files(paths, out, err):
    """Ingest each file, one progress line per file on `out` (errors on `err`)."""
    from .articles import article_paths, read_article

    summary = BatchSummary()
    files = list(article_paths(paths))
    for n, path in enumerate(files, 1):
        prefix = f"[{n}/{len(files)}] {path}"
        try:
            result = ingest_text(read_article(path), file_name=path.name)
        except ArticleError as exc:
            summary.failed += 1
            err.write(f"{prefix}: error: {exc}")
            continue
        except Exception as exc:
            # Whatever else goes wrong with one file (its transaction is rolled back),
            # the others are still tried; the exit status says some failed.
            summary.failed += 1
            err.write(f"{prefix}: error: {type(exc).__name__}: {' '.join(str(exc).split())}")
            continue
        if not result.created:
            summary.unchanged += 1
            out.write(f"{prefix}: unchanged (already ingested as document {result.document.pk})")
            continue
        summary.new += 1
        summary.meetings_created += len(result.meetings_created)
        summary.meetings_updated += len(result.meetings_updated)
        conflicts = f", {len(result.conflicts)} conflicts to review" if result.conflicts else ""
        out.write(
            f"{prefix}: new document {result.document.pk}; "
            f"{len(result.meetings_created)} meetings created, "
            f"{len(result.meetings_updated)} updated{conflicts}"
        )
    return summary
