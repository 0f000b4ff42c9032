"""Formatting for the analysts' pages: dates at their precision, query strings that
keep the current filters, evidence links and highlighted source text."""

from itertools import chain

from django import template
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from meetings.articles import header_spans
from meetings.models import Role

register = template.Library()

_DATE_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}


@register.filter
def partial_date(meeting):
    """ "25 December 2020", "December 2020" or "2020"; for a meeting whose date is unknown,
    the bounds its neighbours in the series give ("after 21 January 2024", "between ...
    and ...", "before ..."), else "date unknown"."""
    fmt = _DATE_FORMATS.get(meeting.date_precision)
    if meeting.date is not None and fmt is not None:
        return format_date(meeting.date, fmt)
    # The *_id checks first: no query for a meeting without neighbours.
    after = meeting.dated_after if meeting.dated_after_id else None
    before = meeting.dated_before if meeting.dated_before_id else None
    if after and before:
        return f"between {partial_date(after)} and {partial_date(before)}"
    if after:
        return f"after {partial_date(after)}"
    if before:
        return f"before {partial_date(before)}"
    return "date unknown"


@register.filter
def heads(meeting):
    """("co_chairs", participants) when the meeting has co-chairs, else ("leaders",
    its delegation leaders), from the `heads` list_rows() prefetches."""
    chairs = [p for p in meeting.heads if p.role == Role.CO_CHAIR]
    if chairs:
        return "co_chairs", chairs
    return "leaders", [p for p in meeting.heads if p.role == Role.LEADER]


@register.filter
def date_is_approximate(meeting):
    """True for a meeting placed in its series by its neighbours' dates."""
    return meeting.date is None and bool(meeting.dated_after_id or meeting.dated_before_id)


@register.filter
def iso_partial_date(meeting):
    """The machine-readable form for <time datetime>: 2020-12-25, 2020-12 or 2020."""
    if meeting.date is None:
        return ""
    return {"month": meeting.date.strftime("%Y-%m"), "year": meeting.date.strftime("%Y")}.get(
        meeting.date_precision, meeting.date.isoformat()
    )


@register.filter
def evidence_url(evidence):
    """The evidence's sentence on its source page (no query for the document)."""
    return f"{reverse('meetings:source', args=[evidence.document_id])}#evidence-{evidence.pk}"


@register.simple_tag
def source_byline(document):
    """What the source page says under the source's name: its outlet and publication date
    (those its name, SourceDocument.__str__, doesn't already hold) and a link to the
    original."""
    parts = []
    if document.title and document.outlet:
        parts.append(format_html('<span class="outlet">{}</span>', document.outlet))
    if document.published_on and (document.title or not document.outlet):
        parts.append(format_html("published {}", format_date(document.published_on, "j F Y")))
    if document.url:
        parts.append(format_html('<a href="{}" rel="noopener">original article</a>', document.url))
    return mark_safe(" · ".join(parts))  # noqa: S308 - each part is escaped by format_html


@register.filter
def labelled_errors(filterset):
    """(label, messages) for each filter with an error, named as the form labels it
    ("From", "Search", not "Date_from", "Q"); label None for an error of the whole form."""
    return [
        (filterset.filters[name].label if name in filterset.filters else None, messages)
        for name, messages in filterset.errors.items()
    ]


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (None removes a key); drops `page`
    unless it is one of the changes."""
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_toggle(context, key, value):
    """The current query string with one value of a repeatable `key` added or removed."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    value = str(value)
    values = query.getlist(key)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    query.setlist(key, values)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def current_query(context):
    """The current query string without `page`, for export and feed links."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def highlight_spans(text, spans, hidden=()):
    """`text`, HTML-escaped, with each (start, end, id, href, title) span marked.

    Spans may overlap: the text is cut at every span boundary and each covered piece
    becomes one <mark> (never nested), linking to the first span covering it. A span's
    id goes on the mark where it starts (or on an empty anchor inside it when several
    spans start there), so `#evidence-N` lands on its first word. The (start, end)
    ranges in `hidden` are left out, except where a span covers them.
    """
    spans = [
        (max(0, start), min(len(text), end), *rest)
        for start, end, *rest in spans
        if 0 <= start < end and start < len(text)
    ]
    hidden = [(start, end) for start, end in hidden if start < end]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans), *chain(*hidden)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        chunk = escape(text[left:right])
        covering = [s for s in spans if s[0] <= left and right <= s[1]]
        if not covering:
            if not any(start <= left and right <= end for start, end in hidden):
                pieces.append(chunk)
            continue
        starting = [s for s in covering if s[0] == left]
        mark_id = f' id="{escape(starting[0][2])}"' if starting else ""
        anchors = "".join(f'<span class="anchor" id="{escape(s[2])}"></span>' for s in starting[1:])
        first = covering[0]
        pieces.append(
            f'<mark class="evidence"{mark_id}>{anchors}<a href="{escape(first[3])}" '
            f'title="{escape(first[4])}">{chunk}</a></mark>'
        )
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


@register.simple_tag
def highlighted_text(document, evidence_list):
    """The source document's text with each evidence sentence marked and linked to its fact,
    without the header lines that the page shows as the source's outlet, headline and date."""
    spans = [
        (e.start, e.end, f"evidence-{e.pk}", fact_url(e), f"{e.get_fact_display()}: {e.label}")
        for e in evidence_list
    ]
    return highlight_spans(document.text, spans, hidden=header_spans(document.text))


def fact_url(evidence):
    if evidence.meeting_id is None:
        return f"#evidence-{evidence.pk}"
    return f"{reverse('meetings:detail', args=[evidence.meeting.slug])}#fact-{evidence.pk}"
