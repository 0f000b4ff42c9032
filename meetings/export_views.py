"""The export endpoints and the data dictionary: filter as the list pages do, then stream."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from agreements.exports import AGREEMENT_COLUMNS, request_agreement_rows
from agreements.filters import AgreementFilter
from agreements.models import Agreement

from . import exports
from .exports import FOCUS_AREA_COLUMNS, MEETING_COLUMNS, Export
from .filters import MeetingFilter
from .models import Meeting

DATA_DICTIONARY = (
    Export(
        "meetings",
        "/meetings/export.csv",
        "Meetings (CSV and JSON)",
        "One row per meeting, in the list's order, with the list's filters. "
        "/meetings/export.json has the same keys, with lists as JSON arrays and unknown "
        "values as null; /meetings/<slug>/export.json is one meeting as one object.",
        MEETING_COLUMNS,
    ),
    Export(
        "focus-areas",
        "/meetings/focus-areas.csv",
        "Focus areas of meetings (CSV, long format)",
        "One row per meeting and focus area, for pivoting in R or pandas; takes the "
        "meeting list's filters.",
        FOCUS_AREA_COLUMNS,
    ),
    Export(
        "agreements",
        "/agreements/export.csv",
        "Agreed statements (CSV and JSON)",
        "One row per agreed statement, in the agreements page's order, with its filters. "
        "/agreements/export.json has the same keys.",
        AGREEMENT_COLUMNS,
    ),
)


def _filtered_meetings(request):
    return MeetingFilter(request.GET, queryset=Meeting.objects.all())


def meetings_csv(request):
    found = _filtered_meetings(request)
    if not found.is_valid():
        return exports.bad_filter_response(found.errors)
    rows = exports.meeting_rows(found.qs, exports.meeting_url_prefix(request), joined=True)
    filename = exports.export_filename("meetings", "csv", found)
    return exports.csv_response(MEETING_COLUMNS, rows, filename, bom=exports.wants_bom(request))


def meetings_json(request):
    found = _filtered_meetings(request)
    if not found.is_valid():
        return exports.bad_filter_response(found.errors, as_json=True)
    rows = exports.meeting_rows(found.qs, exports.meeting_url_prefix(request))
    filename = exports.export_filename("meetings", "json", found)
    return exports.json_response(MEETING_COLUMNS, rows, filename)


def focus_areas_csv(request):
    found = _filtered_meetings(request)
    if not found.is_valid():
        return exports.bad_filter_response(found.errors)
    rows = exports.focus_area_rows(found.qs, exports.source_page_prefix(request))
    filename = exports.export_filename("meeting-focus-areas", "csv", found)
    return exports.csv_response(FOCUS_AREA_COLUMNS, rows, filename, bom=exports.wants_bom(request))


def meeting_json(request, slug):
    by_id = Q(pk=int(slug)) if slug.isdigit() else Q()
    meeting = get_object_or_404(Meeting.objects.filter(Q(slug=slug) | by_id))
    rows = exports.meeting_rows(
        Meeting.objects.filter(pk=meeting.pk), exports.meeting_url_prefix(request)
    )
    (row,) = exports.as_dicts(MEETING_COLUMNS, rows)
    return exports.single_json_response(row, f"cpec-meeting-{meeting.slug}.json")


def _filtered_agreements(request):
    return AgreementFilter(request.GET, queryset=Agreement.objects.all())


def agreements_csv(request):
    found = _filtered_agreements(request)
    if not found.is_valid():
        return exports.bad_filter_response(found.errors)
    rows = request_agreement_rows(found.qs, request)
    filename = exports.export_filename("agreements", "csv", found)
    return exports.csv_response(AGREEMENT_COLUMNS, rows, filename, bom=exports.wants_bom(request))


def agreements_json(request):
    found = _filtered_agreements(request)
    if not found.is_valid():
        return exports.bad_filter_response(found.errors, as_json=True)
    rows = request_agreement_rows(found.qs, request)
    filename = exports.export_filename("agreements", "json", found)
    return exports.json_response(AGREEMENT_COLUMNS, rows, filename)


def data_dictionary(request):
    return render(request, "meetings/data_dictionary.html", {"exports": DATA_DICTIONARY})
