import datetime
import functools

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import ordinal
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language


@functools.lru_cache(maxsize=4096)
def ordinal_in(number, language):
    """humanize's ordinal ('2nd') in `language`, the active one: remembered, because
    ordinal() looks up a dozen translations per call, which was most of the cost of a
    1,000-meeting calendar."""
    return ordinal(number)


def unique_slug(model, base, exclude_pk=None):
    """`base`, or `base-2`, `base-3`... whichever is free in `model`."""
    base = slugify(base)[:70] or "item"
    candidate, n = base, 1
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while others.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def normalise_name(name):
    """The key people are matched on: case, dots and spacing don't count."""
    return " ".join(name.replace(".", " ").replace("-", " ").split()).casefold()


class Body(models.Model):
    short_name = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name_plural = "bodies"

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("meetings:body", args=[self.slug])


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


_PARTIAL_DATE_FORMATS = (
    ("%Y-%m-%d", DatePrecision.DAY),
    ("%Y-%m", DatePrecision.MONTH),
    ("%Y", DatePrecision.YEAR),
)


def parse_partial_date(value):
    """'2024-01-21', '2024-01' or '2024' -> (date, precision); '' or None -> (None, unknown).

    A month or year is stored as its first day (see Meeting.date).
    """
    value = (value or "").strip()
    if not value:
        return None, DatePrecision.UNKNOWN
    for fmt, precision in _PARTIAL_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date(), precision
        except ValueError:
            continue
    raise ValueError(f"“{value}” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.")


def date_at_precision(date, precision):
    """ISO 8601 at the date's precision: 2020-12-25, 2020-12 or 2020; None when unknown."""
    if date is None or precision == DatePrecision.UNKNOWN:
        return None
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


class Mode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"
    HYBRID = "hybrid", "Hybrid"


class MeetingStatus(models.TextChoices):
    HELD = "held", "Held"
    PLANNED = "planned", "Planned"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted, not yet confirmed"
    NEEDS_REVIEW = "needs_review", "Needs review"
    REVIEWED = "reviewed", "Reviewed"


# The list's sort orders, by the best-known date (Meeting.sort_date: an undated meeting
# takes its place in its series); dates and numbers unknown always last.
SORTS = {
    "-date": (models.F("sort_date").desc(nulls_last=True), "body__short_name", "-number"),
    "date": (models.F("sort_date").asc(nulls_last=True), "body__short_name", "number"),
    "body": ("body__short_name", models.F("number").asc(nulls_last=True), "sort_date"),
    "-body": (models.F("body__short_name").desc(), models.F("number").desc(nulls_last=True)),
    "number": (models.F("number").asc(nulls_last=True), "body__short_name", "sort_date"),
    "-number": (models.F("number").desc(nulls_last=True), "body__short_name", "sort_date"),
}


def refresh_sort_dates(meeting_model, body_ids, using="default"):
    """Give the meetings of these bodies their best-known date (`sort_date`): its own
    date when known; else the date of the nearest lower-numbered dated meeting of the same
    body (`dated_after`: the 5th comes after the 4th of 21 January 2024), else that of the
    nearest higher-numbered one (`dated_before`). Two UPDATEs, whatever the bodies' size.
    Takes the model class so the migration that fills these fields runs the same code."""
    meetings = meeting_model.objects.using(using).filter(body__in=body_ids)
    meetings.filter(date__isnull=False).exclude(
        Q(sort_date=models.F("date")) & Q(dated_after=None) & Q(dated_before=None)
    ).update(sort_date=models.F("date"), dated_after=None, dated_before=None)
    dated = meeting_model.objects.filter(body=models.OuterRef("body"), date__isnull=False)
    earlier = dated.filter(number__lt=models.OuterRef("number")).order_by("-number")
    later = dated.filter(number__gt=models.OuterRef("number")).order_by("number")
    meetings.filter(date__isnull=True).update(
        dated_after=models.Subquery(earlier.values("pk")[:1]),
        dated_before=models.Subquery(later.values("pk")[:1]),
        sort_date=Coalesce(
            models.Subquery(earlier.values("date")[:1]), models.Subquery(later.values("date")[:1])
        ),
    )


class Year(ExtractYear):
    """The year of a date. On SQLite through the built-in strftime() rather than Django's
    Python-level date function, which costs a Python call per row (a third of a second
    at 100,000 meetings) in the overview's grouped counts."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params


class MeetingQuerySet(models.QuerySet):
    # The link filters are `pk IN (subquery)`, not EXISTS: each meeting still appears
    # once, and SQLite reads the links through their (corridor|focus_area, meeting)
    # index once instead of probing per meeting (276 -> 115 ms counting 100,000).

    def in_corridors(self, corridors=None, how=None):
        """Meetings linked to any of `corridors` (Corridor objects or ids; None: any
        corridor), only by links made `how` (explicit or derived) when given."""
        from agreements.models import MeetingCorridor

        links = MeetingCorridor.objects.all()
        if corridors is not None:
            links = links.filter(corridor__in=corridors)
        if how:
            links = links.filter(how=how)
        return self.filter(pk__in=links.values("meeting"))

    def with_focus_areas(self, focus_areas):
        from agreements.models import MeetingFocusArea

        links = MeetingFocusArea.objects.filter(focus_area__in=focus_areas)
        return self.filter(pk__in=links.values("meeting"))

    def with_person(self, person):
        return self.filter(pk__in=Participant.objects.filter(person=person).values("meeting"))

    def planned(self):
        return self.filter(status=MeetingStatus.PLANNED)

    def held(self):
        return self.filter(status=MeetingStatus.HELD)

    def upcoming(self):
        """Planned meetings, the soonest first (those with no date yet last)."""
        return self.planned().order_by(
            models.F("date").asc(nulls_last=True), "body__short_name", "number", "pk"
        )

    def needing_review(self):
        return self.filter(review_status=ReviewStatus.NEEDS_REVIEW)

    def overlapping(self, start=None, end=None):
        """Meetings whose date, at its precision, overlaps `start`..`end` (inclusive).

        A month- or year-precision date is stored as the period's first day, so
        "December 2020" overlaps a range starting on 2020-12-15.
        """
        if start:
            self = self.filter(
                # Implied by each case below; a plain range the date index can serve.
                Q(date__gte=start.replace(month=1, day=1)),
                Q(date__gte=start)
                | Q(date_precision=DatePrecision.MONTH, date__gte=start.replace(day=1))
                | Q(date_precision=DatePrecision.YEAR, date__gte=start.replace(month=1, day=1)),
            )
        if end:
            self = self.filter(date__lte=end)
        return self

    def search(self, text):
        """Meetings whose searchable text (MeetingText: their body's names, summary, city,
        country, people's names and titles, agreed statements) holds every word of `text`,
        each as the start of a word, after stemming; annotated with `search_rank`, higher
        for a better match (a word in the body's name or among the people counts most).

        Full-text search on both databases (see meetings/search.py); a query with no
        word left to search for (only stop words or punctuation) matches nothing.
        """
        from . import search

        vendor = connections[self.db].vendor
        expression = search.match_expression(text, vendor)
        if expression is None:
            return self.none()
        if vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            query = SearchQuery(expression, search_type="raw", config="english")
            return self.filter(text__vector=query).annotate(
                search_rank=SearchRank(models.F("text__vector"), query)
            )
        # The FTS table is joined (not `pk IN (...)`) so that one pass over its matches
        # gives the rank too. The join condition compares Django's own column with the
        # FTS rowid, so it stays right when this query becomes a subquery (re-aliased).
        return (
            self.extra(tables=["meeting_fts"])
            .filter(
                models.expressions.RawSQL(
                    "meeting_fts MATCH %s", [expression], output_field=models.BooleanField()
                ),
                pk=models.expressions.RawSQL("meeting_fts.rowid", []),
            )
            .annotate(
                search_rank=models.expressions.RawSQL(
                    "-meeting_fts.rank", [], output_field=models.FloatField()
                )
            )
        )

    def previous_in_body(self, meeting):
        """The same body's meeting before `meeting`: the highest lower number, else the
        latest earlier date."""
        same_body = self.filter(body_id=meeting.body_id).exclude(pk=meeting.pk)
        if meeting.number:
            earlier = same_body.filter(number__lt=meeting.number).order_by("-number").first()
            if earlier:
                return earlier
        if meeting.date:
            return same_body.filter(date__lt=meeting.date).order_by("-date", "-pk").first()
        return None

    def next_in_body(self, meeting):
        """The same body's meeting after `meeting`: the lowest higher number, else the
        earliest later date."""
        same_body = self.filter(body_id=meeting.body_id).exclude(pk=meeting.pk)
        if meeting.number:
            later = same_body.filter(number__gt=meeting.number).order_by("number").first()
            if later:
                return later
        if meeting.date:
            return same_body.filter(date__gt=meeting.date).order_by("date", "pk").first()
        return None

    def refresh_sort_dates(self):
        """Work out the best-known dates of these meetings' bodies (see refresh_sort_dates);
        for writes that send no signal (bulk_create, QuerySet.update)."""
        bodies = list(self.order_by().values_list("body", flat=True).distinct())
        refresh_sort_dates(Meeting, bodies, self.db)

    def sorted_by(self, sort="-date"):
        """One of SORTS, always ending in the primary key so pages never overlap."""
        return self.order_by(*SORTS[sort], "pk")


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The ordinal: 2 for the second meeting or round."
    )
    # For month or year precision the date is the first day of that month or year.
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_inferred = models.BooleanField(
        default=False,
        help_text="No source gives the date: it is the month the report was published in.",
    )
    # The best-known date, which the lists sort by: the date when known, else the bound
    # the same body's neighbours give (dated_after / dated_before). Worked out on every
    # write (signals.py, refresh_sort_dates()), never edited.
    sort_date = models.DateField(null=True, blank=True, editable=False)
    dated_after = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a meeting whose date is unknown: the nearest earlier session with one.",
    )
    dated_before = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a meeting whose date is unknown: the nearest later session with one.",
    )
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=100, blank=True, help_text="The host country.")
    # Blank (unknown) unless a source states it or an editor enters it.
    mode = models.CharField(max_length=10, choices=Mode.choices, blank=True, default="")
    status = models.CharField(
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.HELD,
        help_text="Planned: announced by a source, not yet reported held.",
    )
    summary = models.TextField(blank=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    review_status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED
    )
    focus_areas = models.ManyToManyField(
        "agreements.FocusArea",
        through="agreements.MeetingFocusArea",
        related_name="meetings",
        blank=True,
    )
    corridors = models.ManyToManyField(
        "agreements.Corridor",
        through="agreements.MeetingCorridor",
        related_name="meetings",
        blank=True,
    )
    sources = models.ManyToManyField("SourceDocument", related_name="meetings", blank=True)
    evidence = models.ForeignKey(
        "Evidence",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The sentence that names the meeting.",
    )
    date_evidence = models.ForeignKey(
        "Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    venue_evidence = models.ForeignKey(
        "Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode_evidence = models.ForeignKey(
        "Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("sort_date").desc(nulls_last=True), "body__short_name", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="one_meeting_per_body_number"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1), name="meeting_number_positive"
            ),
            models.CheckConstraint(
                condition=(Q(date__isnull=True) & Q(date_precision=DatePrecision.UNKNOWN))
                | (Q(date__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)),
                name="meeting_date_matches_precision",
            ),
        ]
        indexes = [
            # The date-range filter.
            models.Index(fields=["date"], name="meeting_date_idx"),
            # The list page's default order (newest first by best-known date).
            models.Index(fields=["sort_date"], name="meeting_sort_date_idx"),
            # The exports: every column they read, in the default order's leading column, so
            # SQLite reads the meetings in that order from this index alone (no lookup into
            # the table per meeting) and sorts only within a day.
            models.Index(
                fields=[
                    "sort_date",
                    "date",
                    "body",
                    "number",
                    "date_precision",
                    "city",
                    "country",
                    "mode",
                    "review_status",
                    "slug",
                    "status",
                    "date_inferred",
                ],
                name="meeting_export_sort_idx",
            ),
            # The body page and "previous meeting of this body".
            models.Index(fields=["body", "date"], name="meeting_body_date_idx"),
            models.Index(fields=["city"], name="meeting_city_idx"),
            models.Index(fields=["country"], name="meeting_country_idx"),
            models.Index(fields=["review_status"], name="meeting_review_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.date is not None:
            self.sort_date = self.date
            self.dated_after = self.dated_before = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "date" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_date", "dated_after", "dated_before"}
        if not self.slug:
            base = f"{self.body.slug}-{self.number}" if self.number else f"{self.body.slug}-meeting"
            self.slug = unique_slug(Meeting, base, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values):
        meeting = super().from_db(db, field_names, values)
        if {"body_id", "number", "date"} <= meeting.__dict__.keys():  # not deferred
            meeting._loaded_series_place = meeting.series_place()
        return meeting

    def series_place(self):
        """What the best-known dates of this meeting's neighbours depend on."""
        return (self.body_id, self.number, self.date)

    def moved_in_series(self):
        """The body ids whose best-known dates this save may change (none when the body,
        number and date are as loaded)."""
        loaded = getattr(self, "_loaded_series_place", None)
        if loaded == self.series_place():
            return []
        return [body for body in {self.body_id, loaded[0] if loaded else None} if body]

    @property
    def title(self):
        if self.number:
            return f"{ordinal_in(self.number, get_language())} {self.body.short_name} meeting"
        return f"{self.body.short_name} meeting"


class PersonQuerySet(models.QuerySet):
    def merge_into(self, target):
        """Make these people one with `target`, keeping their names as other names."""
        others = list(self.exclude(pk=target.pk))
        names = list(target.other_names)
        for other in others:
            for name in [other.name, *other.other_names]:
                if name != target.name and name not in names:
                    names.append(name)
        from .exports import forget_export_rows

        with transaction.atomic():
            # Their meetings' export rows name the people who are merged away.
            forget_export_rows(
                Participant.objects.filter(person__in=others).values_list("meeting_id", flat=True)
            )
            # Where both sat in one delegation, the target's row already says it.
            Participant.objects.filter(
                person__in=others, delegation__participants__person=target
            ).delete()
            Participant.objects.filter(person__in=others).update(person=target)
            Delegation.objects.filter(leader__in=others).update(leader=target)
            self.filter(pk__in=[o.pk for o in others]).delete()
            target.other_names = names
            if not target.country:
                target.country = next((o.country for o in others if o.country), "")
            target.save()
        return target


class Person(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    country = models.CharField(max_length=100, blank=True)
    other_names = models.JSONField(
        default=list, blank=True, help_text="Other spellings seen in sources."
    )
    # Ingestion matches people on this; see normalise_name().
    name_key = models.CharField(max_length=120, db_index=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.name)
        if not self.slug:
            self.slug = unique_slug(Person, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:person", args=[self.slug])


class Delegation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="delegations")
    country = models.CharField(max_length=100)
    leader = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_delegations"
    )

    class Meta:
        ordering = ["meeting", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "country"], name="one_delegation_per_country"
            )
        ]

    def __str__(self):
        return f"{self.country} delegation to {self.meeting}"


class Role(models.TextChoices):
    CO_CHAIR = "co_chair", "Co-chair"
    LEADER = "leader", "Delegation leader"
    MEMBER = "member", "Delegation member"


class Participant(models.Model):
    # The meeting is the delegation's; it is kept here too so the admin can edit
    # a meeting's participants inline (the admin has no nested inlines).
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(
        max_length=200, blank=True, help_text="The title held at this meeting."
    )
    evidence = models.ForeignKey(
        "Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["delegation", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "person"], name="one_role_per_person")
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        self.meeting_id = self.delegation.meeting_id
        super().save(*args, **kwargs)


class ExportRow(models.Model):
    """A meeting's co-chairs, links and sources as its export row writes them, stored.

    Reading these from their own tables, meeting by meeting, is most of the cost of a large
    export; reading one stored row per meeting is cheap. Rows are rebuilt after every change
    to what they hold (see signals.py); an export works out any row that is missing itself,
    so a missing row costs time, never correctness. Lists are stored as the CSV writes them,
    items joined with '; ' (meetings.exports.LIST_SEPARATOR); a meeting whose items can't be
    split back exactly (an item holding the separator) gets no stored row.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, primary_key=True, related_name="export_row"
    )
    co_chair_china = models.TextField(blank=True)
    co_chair_china_title = models.TextField(blank=True)
    co_chair_pakistan = models.TextField(blank=True)
    co_chair_pakistan_title = models.TextField(blank=True)
    # Delegation leaders who are not co-chairs, the same way.
    leader_china = models.TextField(blank=True)
    leader_china_title = models.TextField(blank=True)
    leader_pakistan = models.TextField(blank=True)
    leader_pakistan_title = models.TextField(blank=True)
    # Ids rather than slugs, so that renaming a focus area or corridor changes no rows:
    # "4,11,2", in no particular order; a derived corridor's id is negative.
    focus_area_ids = models.TextField(blank=True)
    corridor_ids = models.TextField(blank=True)
    agreements_count = models.PositiveIntegerField(default=0)
    sources = models.TextField(blank=True)

    class Meta:
        verbose_name = "stored export row"

    def __str__(self):
        return f"Export row of meeting {self.meeting_id}"


class MeetingText(models.Model):
    """A meeting's searchable text: its body's names, its own text (summary, city, country),
    its people (names and titles held) and its agreed statements, one column each.

    Written only by database triggers (see migration 0015_meeting_text), so that every
    write, the ORM's or raw SQL, keeps it in step; Django never inserts or updates these
    rows. On SQLite an FTS5 table over it (`meeting_fts`, external content, kept in step by
    triggers of its own) answers the list's search; on PostgreSQL `vector` is a stored,
    GIN-indexed tsvector generated from the columns (on SQLite it stays empty).
    """

    meeting = models.OneToOneField(
        # The triggers delete the row with its meeting.
        Meeting,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        related_name="text",
    )
    body = models.TextField(blank=True)
    own = models.TextField(blank=True)
    people = models.TextField(blank=True)
    agreements = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "meeting search text"

    def __str__(self):
        return f"Search text of meeting {self.meeting_id}"


class SourceDocument(models.Model):
    title = models.CharField(max_length=300, blank=True, help_text="The article's headline.")
    outlet = models.CharField(
        max_length=200, blank=True, help_text="Who published it: a newspaper, agency or ministry."
    )
    url = models.URLField("address", max_length=500, blank=True)
    file_name = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    # What a reader should know about the text, as the extractor found it ("looks clipped:
    # ends mid-sentence").
    warnings = models.JSONField(default=list, blank=True)
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingested_at"]
        verbose_name = "source document"

    def __str__(self):
        if self.title:
            return self.title
        # Without a headline, who published it and when names it better than a file name.
        if self.outlet:
            when = f", {self.published_on:%-d %B %Y}" if self.published_on else ""
            return f"{self.outlet}{when}"
        return self.file_name or f"Document {self.sha256[:12]}"

    def get_absolute_url(self):
        return reverse("meetings:source", args=[self.pk])


class Fact(models.TextChoices):
    MEETING = "meeting", "Meeting"
    DATE = "date", "Date"
    VENUE = "venue", "Venue"
    MODE = "mode", "Mode"
    PERSON = "person", "Person's role"
    FOCUS_AREA = "focus_area", "Focus area"
    CORRIDOR = "corridor", "Corridor"
    AGREEMENT = "agreement", "Agreement"
    # Not a fact about the meeting: a sentence of an article about another one that names it.
    MENTION = "mention", "Mentioned in passing"


class Evidence(models.Model):
    """The sentence of a source document that states one fact."""

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="evidence")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence_set"
    )
    fact = models.CharField(max_length=20, choices=Fact.choices)
    label = models.CharField(max_length=300, blank=True, help_text="What the sentence states.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.TextField()

    class Meta:
        ordering = ["document", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="evidence_span")
        ]

    def __str__(self):
        # Whole: an editor picks evidence by its sentence (the admin's autocomplete lists
        # these), and a cut sentence can't be told from its neighbours.
        return f"{self.get_fact_display()}: {self.sentence}"

    def get_absolute_url(self):
        return f"{self.document.get_absolute_url()}#evidence-{self.pk}"


class Conflict(models.Model):
    """A value a later source gave that disagrees with what the meeting holds."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=60)
    current_value = models.TextField(blank=True)
    proposed_value = models.TextField(blank=True)
    document = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="conflicts"
    )
    evidence = models.ForeignKey(
        Evidence, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    chosen_value = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.meeting}: {self.field} {self.current_value!r} vs {self.proposed_value!r}"
