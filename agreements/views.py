from django.core.paginator import Paginator
from django.db.models import Count
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


def per_year(meetings):
    """[(year, count)] of dated `meetings`, oldest first."""
    return (
        meetings.filter(date__isnull=False)
        .order_by()
        .values_list(Year("date"))
        .annotate(count=Count("pk"))
        .order_by(Year("date"))
    )


def latest_first(request, meetings):
    """The page of `meetings` asked for, newest first (unknown dates last)."""
    rows = list_rows(meetings.sorted_by("-date"))
    return Paginator(rows, ROWS_PER_ENTITY_PAGE).get_page(request.GET.get("page"))


def focus_area_detail(request, slug):
    focus_area = get_object_or_404(FocusArea, slug=slug)
    meetings = Meeting.objects.with_focus_areas([focus_area])
    ctx = {
        "focus_area": focus_area,
        "page_obj": latest_first(request, meetings),
        "per_year": per_year(meetings),
        "corridors": focus_area.corridors.all(),
    }
    return render(request, "agreements/focus_area.html", ctx)


def corridor_detail(request, slug):
    corridor = get_object_or_404(Corridor.objects.select_related("parent"), slug=slug)
    corridors = Corridor.objects.filter(pk=corridor.pk).with_descendants()
    meetings = Meeting.objects.in_corridors(corridors.values("pk"))
    ctx = {
        "corridor": corridor,
        "page_obj": latest_first(request, meetings),
        "per_year": per_year(meetings),
        "children": corridor.children.all(),
        "focus_areas": FocusArea.objects.filter(corridors__in=corridors.values("pk")).distinct(),
        "explicit_count": MeetingCorridor.objects.filter(
            corridor__in=corridors.values("pk"), how=LinkHow.EXPLICIT
        )
        .values("meeting")
        .distinct()
        .count(),
    }
    return render(request, "agreements/corridor.html", ctx)
