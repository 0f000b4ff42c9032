"""Subscriptions to a filtered meeting list: an Atom feed and an iCalendar file.

Both take the list page's GET parameters (MeetingFilter), so "new meetings in the
green corridor" is `/meetings/feed/?corridor=green`.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from meetings.filters import MeetingFilter
from meetings.models import DatePrecision, Meeting, MeetingStatus
from meetings.templatetags.meeting_tags import partial_date

FEED_SIZE = 50
CALENDAR_SIZE = 1000


def filtered_meetings(request):
    """The filter, or None when its parameters are invalid."""
    filterset = MeetingFilter(
        request.GET,
        queryset=Meeting.objects.select_related("body", "dated_after", "dated_before"),
    )
    return filterset if filterset.is_valid() else None


class MeetingFeed(Feed):
    feed_type = Atom1Feed
    title = "CPEC Tracker: meetings"
    subtitle = "China–Pakistan Economic Corridor meetings, latest meeting first."

    def __call__(self, request, *args, **kwargs):
        if filtered_meetings(request) is None:
            return HttpResponseBadRequest("Invalid filter parameters.", content_type="text/plain")
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return request

    def link(self, request):
        query = request.GET.urlencode()
        return reverse("meetings:list") + (f"?{query}" if query else "")

    def items(self, request):
        # By when the meetings were held, not when they were recorded: an article about
        # a 2019 meeting ingested today is old news, not the latest entry.
        return filtered_meetings(request).qs.sorted_by("-date")[:FEED_SIZE]

    def item_title(self, meeting):
        return f"{meeting.title}, {partial_date(meeting)}"

    def item_description(self, meeting):
        venue = ", ".join(part for part in (meeting.city, meeting.country) if part)
        return " · ".join(part for part in (venue, meeting.summary) if part)

    def item_pubdate(self, meeting):
        """The day the meeting was held (the first day of its month or year when known only
        that far); none when its date is unknown."""
        if meeting.date is None:
            return None
        return datetime.datetime.combine(meeting.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, meeting):
        return meeting.updated_at


def escape_ical(text):
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """RFC 5545 line folding: at most 75 octets per line, continuation lines start with
    a space; never split a UTF-8 character."""
    if len(line.encode()) <= 75:
        return line  # nearly every line: no need to walk it character by character
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current)
            current = b""
        current += encoded
    out.append(current)
    return b"\r\n ".join(out).decode()


def calendar(request):
    """Meetings known to the day, as all-day events (month- or year-precision ones have
    no day to put in a calendar): the planned ones first, the soonest first, marked
    tentative; then the most recent held ones, CALENDAR_SIZE in all."""
    filterset = filtered_meetings(request)
    if filterset is None:
        return HttpResponseBadRequest("Invalid filter parameters.", content_type="text/plain")
    # The most recent ones: a calendar of every meeting ever recorded would be
    # megabytes long at scale; a filter (a body, a corridor, dates) narrows it.
    dated = filterset.qs.filter(date_precision=DatePrecision.DAY)
    upcoming = list(dated.upcoming()[:CALENDAR_SIZE])
    held = dated.held().order_by("-date", "-pk")
    meetings = upcoming + list(held[: CALENDAR_SIZE - len(upcoming)])
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CPEC Tracker//Meetings//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:CPEC Tracker meetings",
    ]
    for meeting in meetings:
        url = request.build_absolute_uri(meeting.get_absolute_url())
        venue = ", ".join(part for part in (meeting.city, meeting.country) if part)
        planned = meeting.status == MeetingStatus.PLANNED
        summary = f"{meeting.title} (planned)" if planned else meeting.title
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@{request.get_host()}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{meeting.date + datetime.timedelta(days=1):%Y%m%d}",
            # RFC 5545's word for an event that is announced but may still move.
            *(["STATUS:TENTATIVE"] if planned else []),
            f"SUMMARY:{escape_ical(summary)}",
            *([f"LOCATION:{escape_ical(venue)}"] if venue else []),
            f"DESCRIPTION:{escape_ical(meeting.summary or meeting.title)}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "".join(fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="cpec-meetings.ics"'
    return response
