from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from agreements.filters import AgreementFilter
from agreements.models import Agreement, Corridor, FocusArea, LinkHow, MeetingCorridor
from meetings.models import Meeting, Year
from meetings.views import ROWS_PER_ENTITY_PAGE, list_rows

AGREEMENTS_PER_PAGE = 50


def agreement_list(request):
    rows = Agreement.objects.select_related("meeting__body", "evidence").prefetch_related(
        "focus_areas"
    )
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
    rows = list_rows(meetings.sorted_by("-date"))
    paginator = Paginator(rows, ROWS_PER_ENTITY_PAGE)
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
