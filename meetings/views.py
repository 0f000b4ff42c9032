from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Min, Prefetch, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render

from agreements.models import Agreement, FocusArea, MeetingCorridor, MeetingFocusArea
from meetings.filters import MeetingFilter
from meetings.models import (
    Body,
    Delegation,
    Evidence,
    Fact,
    Meeting,
    Participant,
    Person,
    Role,
    SourceDocument,
    Year,
)

MEETINGS_PER_PAGE = 50
# People's, bodies', focus areas' and corridors' pages.
ROWS_PER_ENTITY_PAGE = 100


def list_rows(meetings):
    """What a row of a meeting table shows: body, co-chairs (else delegation leaders),
    focus areas, and for an
    undated meeting the neighbours that bound its date."""
    return meetings.select_related("body", "dated_after", "dated_before").prefetch_related(
        # Co-chairs, and the delegation leaders shown when no co-chair is named.
        Prefetch(
            "participants",
            queryset=Participant.objects.filter(role__in=[Role.CO_CHAIR, Role.LEADER])
            .select_related("person")
            .order_by("role", "delegation__country", "pk"),
            to_attr="heads",
        ),
        Prefetch(
            "focus_area_links",
            queryset=MeetingFocusArea.objects.select_related("focus_area"),
        ),
    )


class RowsByIds:
    """Meetings as a sequence a Paginator can page through: a page's primary keys first,
    in the meetings' order, then just those rows with what a row shows. Sorting narrow
    rows is what makes a deep page cheap: at ?page=1000 of 100,000 meetings SQLite sorts
    50,000 (date, body, number, id) tuples instead of 50,000 whole rows (0.14 s, not
    0.77). Costs one query more than slicing the rows themselves."""

    def __init__(self, meetings, count=None):
        self.meetings = meetings
        self.known_count = count

    def count(self):
        return self.meetings.count() if self.known_count is None else self.known_count

    def __getitem__(self, page):
        ids = list(self.meetings.values_list("pk", flat=True)[page])
        rows = {m.pk: m for m in list_rows(Meeting.objects.filter(pk__in=ids).order_by())}
        return [rows[pk] for pk in ids if pk in rows]  # one deleted meanwhile is left out


def overview(request):
    latest = list_rows(Meeting.objects.held().sorted_by("-date"))[:6]
    upcoming = list_rows(Meeting.objects.upcoming())[:6]
    dated = Meeting.objects.filter(date__isnull=False).order_by()
    ctx = {
        "counts": {
            "meetings": Meeting.objects.count(),
            "bodies": Meeting.objects.values("body").distinct().count(),
            "people": Person.objects.count(),
            "agreements": Agreement.objects.count(),
            "sources": SourceDocument.objects.count(),
        },
        "latest": latest,
        "upcoming": upcoming,
        # Both charts are grouped counts, as small at 100,000 meetings as at 10. The
        # timeline places an undated meeting by its best-known date, counted apart.
        "body_years": Meeting.objects.filter(sort_date__isnull=False)
        .values("body__short_name", "body__slug", year=Year("sort_date"))
        .annotate(count=Count("pk"), approximate=Count("pk", filter=Q(date__isnull=True)))
        .order_by("body__short_name", "year"),
        # From the meeting side: SQLite walks the date index, then each meeting's links
        # through their unique (meeting, focus area) index.
        "focus_area_years": dated.filter(focus_area_links__isnull=False)
        .values(focus_area=F("focus_area_links__focus_area"), year=Year("date"))
        .annotate(count=Count("pk")),
        "focus_areas": FocusArea.objects.all(),
    }
    return render(request, "meetings/overview.html", ctx)


def meeting_list(request):
    filterset = MeetingFilter(request.GET, queryset=Meeting.objects.all())
    valid = filterset.is_valid()
    if valid:
        # The filter form submits every field, empty or not; a shared link should say
        # only what was chosen.
        short = filterset.short_query()
        if short != request.GET.urlencode():
            return redirect(request.path + (f"?{short}" if short else ""))
    rows = RowsByIds(filterset.qs, count=filterset.count())
    page = Paginator(rows, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    ctx = {
        "filter": filterset,
        "page_obj": page,
        "facets": filterset.facets(),
        "active": filterset.active_choices(),
        "search_examples": search_examples(page.object_list),
    }
    return render(request, "meetings/list.html", ctx, status=200 if valid else 400)


def search_examples(meetings):
    """A city and a person the search finds, taken from the rows shown (so no query of
    their own, and never a word that finds nothing)."""
    city = next((m.city for m in meetings if m.city), None)
    person = next((p.person.name for m in meetings for p in m.heads), None)
    return [example for example in (city, person) if example]


def meeting_detail(request, slug):
    meetings = Meeting.objects.select_related(
        "body",
        "evidence",
        "date_evidence",
        "venue_evidence",
        "mode_evidence",
        "dated_after",
        "dated_before",
    ).prefetch_related(
        Prefetch(
            "delegations",
            queryset=Delegation.objects.prefetch_related(
                Prefetch(
                    "participants",
                    queryset=Participant.objects.select_related("person", "evidence").order_by(
                        "role", "person__name"
                    ),
                )
            ),
        ),
        Prefetch(
            "focus_area_links",
            queryset=MeetingFocusArea.objects.select_related("focus_area", "evidence"),
        ),
        Prefetch(
            "corridor_links",
            queryset=MeetingCorridor.objects.select_related("corridor", "via", "evidence"),
        ),
        Prefetch(
            "agreements",
            queryset=Agreement.objects.select_related("evidence").prefetch_related("focus_areas"),
        ),
        "sources",
        Prefetch(
            "evidence_set",
            queryset=Evidence.objects.filter(fact__in=[Fact.DATE, Fact.MENTION])
            .select_related("document")
            .defer("document__text"),
            to_attr="reports",
        ),
    )
    meeting = get_object_or_404(meetings, slug=slug)
    previous = Meeting.objects.previous_in_body(meeting)
    ctx = {
        "meeting": meeting,
        # Dates sources gave that the meeting no longer holds, e.g. the one it was planned for.
        "earlier_dates": [
            e for e in meeting.reports if e.fact == Fact.DATE and e.pk != meeting.date_evidence_id
        ],
        # Articles about other meetings that name this one, apart from its sources.
        "mentions": [e for e in meeting.reports if e.fact == Fact.MENTION],
        "previous": previous,
        "next": Meeting.objects.next_in_body(meeting),
        "changes": changes_since(previous, meeting) if previous else None,
        "open_conflicts": meeting.conflicts.filter(resolved_at__isnull=True),
    }
    return render(request, "meetings/detail.html", ctx)


def changes_since(previous, meeting):
    """Focus areas added and dropped, co-chairs who joined and left, since `previous`;
    each side is compared only when both meetings record it."""
    before = {link.focus_area for link in previous.focus_area_links.select_related("focus_area")}
    after = {link.focus_area for link in meeting.focus_area_links.all()}
    chairs_before = {
        p.person for p in previous.participants.filter(role=Role.CO_CHAIR).select_related("person")
    }
    chairs_after = {
        p.person
        for delegation in meeting.delegations.all()
        for p in delegation.participants.all()
        if p.role == Role.CO_CHAIR
    }
    # A meeting known only from a passing mention has no focus areas or co-chairs
    # recorded: comparing it would report everything as dropped.
    return {
        "focus_areas_compared": bool(before and after),
        "chairs_compared": bool(chairs_before and chairs_after),
        "added": sorted(after - before, key=str),
        "dropped": sorted(before - after, key=str),
        "chairs_joined": sorted(chairs_after - chairs_before, key=str),
        "chairs_left": sorted(chairs_before - chairs_after, key=str),
        "kept": sorted(after & before, key=str),
    }


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    participations = person.participations.select_related(
        "meeting__body",
        "meeting__dated_after",
        "meeting__dated_before",
        "delegation",
        "evidence",
    ).order_by(F("meeting__sort_date").asc(nulls_last=True), "meeting__number", "pk")
    page = Paginator(participations, ROWS_PER_ENTITY_PAGE).get_page(request.GET.get("page"))
    ctx = {"person": person, "page_obj": page}
    return render(request, "meetings/person.html", ctx)


def body_detail(request, slug):
    body = get_object_or_404(Body, slug=slug)
    sessions = SessionsWithGaps(body)
    page = Paginator(sessions, ROWS_PER_ENTITY_PAGE).get_page(request.GET.get("page"))
    ctx = {"body": body, "page_obj": page, "count": sessions.recorded}
    return render(request, "meetings/body.html", ctx)


class SessionsWithGaps:
    """A body's sessions as a sequence a Paginator can page through without loading them
    all: (number, meeting) for each number from 1 to the highest recorded, with None
    for a number not yet recorded, then (None, meeting) for the unnumbered meetings in
    date order. A page costs one query per kind of row it shows."""

    def __init__(self, body):
        self.meetings = body.meetings.all()
        numbers = self.meetings.aggregate(
            highest=Max("number"),
            recorded=Count("pk"),
            unnumbered=Count("pk", filter=Q(number__isnull=True)),
        )
        self.highest = numbers["highest"] or 0
        self.recorded = numbers["recorded"]
        self.unnumbered = numbers["unnumbered"]

    def count(self):
        return self.highest + self.unnumbered

    def __getitem__(self, page):
        first, last = page.start, min(page.stop, self.count())
        rows = []
        if first < self.highest:
            numbers = range(first + 1, min(last, self.highest) + 1)
            found = {
                m.number: m
                for m in list_rows(self.meetings).filter(
                    number__gte=numbers.start, number__lt=numbers.stop
                )
            }
            rows += [(n, found.get(n)) for n in numbers]
        if last > self.highest:
            unnumbered = list_rows(self.meetings.filter(number__isnull=True).sorted_by("date"))
            rows += [
                (None, m) for m in unnumbered[max(first - self.highest, 0) : last - self.highest]
            ]
        return rows


def source_detail(request, pk):
    document = get_object_or_404(SourceDocument, pk=pk)
    evidence = Evidence.objects.filter(document=document).select_related("meeting__body")
    reported = document.meetings.select_related("body").order_by("date", "pk")
    ctx = {
        "document": document,
        "evidence": evidence,
        "meetings": reported,
        "mentioned": list(
            {e.meeting: None for e in evidence if e.fact == Fact.MENTION and e.meeting}
        ),
    }
    return render(request, "meetings/source.html", ctx)


class IndexSorts:
    """The sort orders of an index page: {key: (column label, order_by terms)}, the first
    the default. `?sort=<key>` picks one; an unknown key is a 400."""

    def __init__(self, **orders):
        self.orders = {key.replace("_", "-"): value for key, value in orders.items()}
        self.default = next(iter(self.orders))

    def choose(self, request):
        """The chosen key, or None when the request names an unknown one."""
        key = request.GET.get("sort") or self.default
        return key if key in self.orders else None

    def apply(self, queryset, key):
        return queryset.order_by(*self.orders[key][1], "pk")


def index_page(
    request, template, queryset, sorts, per_page=ROWS_PER_ENTITY_PAGE, fill_page=None, **ctx
):
    """An index: `queryset` (or a function of the chosen sort key giving it) in the chosen
    sort, paginated, with sortable headers; `fill_page(objects)` adds what the page's rows
    show that is cheaper worked out for them alone."""
    key = sorts.choose(request)
    if key is None:
        return HttpResponseBadRequest(
            f"Unknown sort. Choose one of: {', '.join(sorts.orders)}.", content_type="text/plain"
        )
    if callable(queryset):
        queryset = queryset(key)
    page = Paginator(sorts.apply(queryset, key), per_page).get_page(request.GET.get("page"))
    if fill_page:
        page.object_list = list(page.object_list)
        fill_page(page.object_list)
    ctx |= {"page_obj": page, "sort": key, "sorts": sorts.orders, "default_sort": sorts.default}
    return render(request, template, ctx)


PEOPLE_SORTS = IndexSorts(
    name=("Name", ("name",)),
    meetings=("Meetings", ("-meeting_count", "name")),
    country=("Country", ("country", "name")),
)


def people_index(request):
    return index_page(
        request, "meetings/people.html", people_for_sort, PEOPLE_SORTS, fill_page=count_meetings
    )


def people_for_sort(sort):
    """Counting every person's meetings is a grouped count over every participation (a
    second at 100,000 meetings): done only to sort by it; otherwise count_meetings counts
    those of the page's people alone."""
    if sort == "meetings":
        return Person.objects.annotate(
            meeting_count=Count("participations__meeting", distinct=True)
        )
    return Person.objects.all()


def count_meetings(people):
    missing = [person for person in people if not hasattr(person, "meeting_count")]
    if missing:
        counts = dict(
            Participant.objects.filter(person__in=missing)
            .order_by()
            .values("person")
            .annotate(count=Count("meeting", distinct=True))
            .values_list("person", "count")
        )
        for person in missing:
            person.meeting_count = counts.get(person.pk, 0)


BODY_SORTS = IndexSorts(
    name=("Body", ("short_name",)),
    meetings=("Meetings", ("-meeting_count", "short_name")),
    latest=("Latest", (F("latest").desc(nulls_last=True), "short_name")),
)


def bodies_index(request):
    bodies = Body.objects.annotate(
        meeting_count=Count("meetings"), first=Min("meetings__date"), latest=Max("meetings__date")
    )
    return index_page(request, "meetings/bodies.html", bodies, BODY_SORTS)


SOURCE_SORTS = IndexSorts(
    published=("Published", (F("published_on").desc(nulls_last=True), "-ingested_at")),
    title=("Source", ("title", "file_name")),
    meetings=("Meetings", ("-meeting_count", "-ingested_at")),
)


def sources_index(request):
    documents = SourceDocument.objects.defer("text").annotate(meeting_count=Count("meetings"))
    return index_page(request, "meetings/sources.html", documents, SOURCE_SORTS)
