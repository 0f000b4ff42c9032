from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from agreements.filters import AgreementFilter
from agreements.models import Agreement, Corridor, FocusArea, LinkHow, MeetingCorridor
from meetings.models import Meeting, Year
from meetings.views import ROWS_PER_ENTITY_PAGE, IndexSorts, RowsByIds, index_page

AGREEMENTS_PER_PAGE = 50


def agreement_list(request):
    rows = Agreement.objects.select_related(
        "meeting__body", "meeting__dated_after", "meeting__dated_before", "evidence"
    ).prefetch_related("focus_areas")
    filterset = AgreementFilter(request.GET, queryset=rows)
    valid = filterset.is_valid()
    page = Paginator(filterset.qs, AGREEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    ctx = {
        "filter": filterset,
        "page_obj": page,
        "selected_focus_areas": request.GET.getlist("focus_area"),
        "selected_corridors": request.GET.getlist("corridor"),
    }
    return render(request, "agreements/list.html", ctx, status=200 if valid else 400)


class YearCounts:
    """`meetings` counted per year in ONE grouped query (undated ones as year None), with
    optional conditional counts (`explicit=Q(...)`): the per-year table, the total and
    the conditional totals all come from it, so the page need not count them again."""

    def __init__(self, meetings, **conditions):
        rows = list(
            meetings.order_by()
            .values(year=Year("date"))
            .annotate(
                count=Count("pk"),
                **{name: Count("pk", filter=q) for name, q in conditions.items()},
            )
            .order_by("year")
        )
        self.per_year = [(row["year"], row["count"]) for row in rows if row["year"] is not None]
        self.total = sum(row["count"] for row in rows)
        self.totals = {name: sum(row[name] for row in rows) for name in conditions}


def latest_first(request, meetings, total):
    """The page of `meetings` asked for, newest first (unknown dates last); `total` is
    their number, already counted."""
    paginator = Paginator(RowsByIds(meetings.sorted_by("-date")), ROWS_PER_ENTITY_PAGE)
    paginator.count = total  # instead of a COUNT(*) of the same meetings
    return paginator.get_page(request.GET.get("page"))


def focus_area_detail(request, slug):
    focus_area = get_object_or_404(FocusArea, slug=slug)
    meetings = Meeting.objects.with_focus_areas([focus_area])
    counts = YearCounts(meetings)
    ctx = {
        "focus_area": focus_area,
        "page_obj": latest_first(request, meetings, counts.total),
        "per_year": counts.per_year,
        "corridors": focus_area.corridors.all(),
    }
    return render(request, "agreements/focus_area.html", ctx)


def corridor_detail(request, slug):
    corridor = get_object_or_404(Corridor.objects.select_related("parent"), slug=slug)
    corridors = Corridor.objects.filter(pk=corridor.pk).with_descendants()
    meetings = Meeting.objects.in_corridors(corridors.values("pk"))
    stated = MeetingCorridor.objects.filter(
        corridor__in=corridors.values("pk"), how=LinkHow.EXPLICIT
    ).values("meeting")
    counts = YearCounts(meetings, explicit=Q(pk__in=stated))
    ctx = {
        "corridor": corridor,
        "page_obj": latest_first(request, meetings, counts.total),
        "per_year": counts.per_year,
        "children": corridor.children.all(),
        "focus_areas": FocusArea.objects.filter(corridors__in=corridors.values("pk")).distinct(),
        "explicit_count": counts.totals["explicit"],
    }
    return render(request, "agreements/corridor.html", ctx)


FOCUS_AREA_SORTS = IndexSorts(
    name=("Focus area", ("name",)),
    meetings=("Meetings", ("-meeting_count", "name")),
    agreements=("Agreements", ("-agreement_count", "name")),
)


def focus_areas_index(request):
    # Subqueries, not two joins in one GROUP BY, which would multiply the counts.
    areas = FocusArea.objects.annotate(
        meeting_count=Count("meeting_links", distinct=True),
        agreement_count=Count("agreements", distinct=True),
    ).prefetch_related("corridors")
    return index_page(request, "agreements/focus_areas.html", areas, FOCUS_AREA_SORTS)


CORRIDOR_SORTS = IndexSorts(
    tree=("Corridor", ()),
    meetings=("Meetings", ("-meeting_count", "name")),
)


def corridors_index(request):
    """Each corridor with its meetings (its own and its descendants'), and how many of
    them a source ties to it; in tree order unless sorted by count."""
    key = CORRIDOR_SORTS.choose(request)
    if key is None:
        return HttpResponseBadRequest("Unknown sort.", content_type="text/plain")
    corridors = list(Corridor.objects.all())
    links = MeetingCorridor.objects.order_by()
    # Each corridor's own links in one grouped query (a meeting links a corridor once)...
    counts = {}
    for corridor_id, how, count in links.values_list("corridor", "how").annotate(Count("pk")):
        counts[f"all{corridor_id}"] = counts.get(f"all{corridor_id}", 0) + count
        if how == LinkHow.EXPLICIT:
            counts[f"stated{corridor_id}"] = count
    # ...and, for a corridor with children, its distinct meetings across its tree.
    parents = [c for c in corridors if any(child.parent_id == c.pk for child in corridors)]
    if parents:
        counts |= links.aggregate(
            **{
                f"all{c.pk}": Count(
                    "meeting", distinct=True, filter=Q(corridor__in=tree_of(c, corridors))
                )
                for c in parents
            },
            **{
                f"stated{c.pk}": Count(
                    "meeting",
                    distinct=True,
                    filter=Q(corridor__in=tree_of(c, corridors), how=LinkHow.EXPLICIT),
                )
                for c in parents
            },
        )
    rows = [
        {
            "corridor": c,
            "depth": depth_of(c, corridors),
            "meeting_count": counts.get(f"all{c.pk}", 0),
            "stated_count": counts.get(f"stated{c.pk}", 0),
        }
        for c in in_tree_order(corridors)
    ]
    if key == "meetings":
        rows.sort(key=lambda row: (-row["meeting_count"], row["corridor"].name))
    ctx = {"rows": rows, "sort": key, "sorts": CORRIDOR_SORTS.orders, "default_sort": "tree"}
    return render(request, "agreements/corridors.html", ctx)


def tree_of(corridor, corridors):
    """The ids of `corridor` and every corridor below it."""
    wanted = {corridor.pk}
    while True:
        found = {c.pk for c in corridors if c.parent_id in wanted} - wanted
        if not found:
            return wanted
        wanted |= found


def depth_of(corridor, corridors):
    by_pk = {c.pk: c for c in corridors}
    depth = 0
    while corridor.parent_id in by_pk:
        corridor = by_pk[corridor.parent_id]
        depth += 1
    return depth


def in_tree_order(corridors, parent_id=None):
    """Parents before their children, depth first."""
    ordered = []
    for c in corridors:
        if c.parent_id == parent_id:
            ordered += [c, *in_tree_order(corridors, c.pk)]
    return ordered
