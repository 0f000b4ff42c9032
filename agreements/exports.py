"""Agreed statements as export rows: one stable row per agreement (see meetings/exports.py)."""

from django.contrib import admin

from meetings.exports import (
    CHUNK_SIZE,
    Column,
    chunked,
    csv_response,
    export_filename,
    meeting_url_prefix,
    source_page_prefix,
)
from meetings.models import date_at_precision

from .models import Agreement, Corridor, FocusArea

AGREEMENT_COLUMNS = (
    Column("agreement_id", "integer", "The agreement's id on this site. Stable across exports."),
    Column("meeting_id", "integer", "The meeting it was agreed at, as in the meetings export."),
    Column("body", "text", "Short name of the body that met."),
    Column("number", "integer", "The meeting's ordinal within its body. Empty when unknown."),
    Column(
        "date", "date (ISO 8601)", "When the meeting was, at its precision. Empty when unknown."
    ),
    Column("kind", "text", "What the sides did: agreed, reaffirmed, underscored or reviewed."),
    Column("statement", "text", "The statement, as the source words it."),
    Column(
        "focus_areas",
        "list of slugs",
        "Focus areas it concerns, alphabetical, separated by '; '.",
    ),
    Column("corridors", "list of slugs", "Corridors it concerns, alphabetical, separated by '; '."),
    Column("evidence", "text", "The sentence that states it. Empty when entered by hand."),
    Column(
        "source_url",
        "URL",
        "The article the sentence comes from: its own URL, or its page on this site when it "
        "has none. Empty when entered by hand.",
    ),
    Column("meeting_url", "URL", "The meeting's page on this site."),
)


def _slugs_by_agreement(through, field, ids, slugs):
    """{agreement id: sorted slugs} for one of Agreement's many-to-many fields."""
    grouped = {}
    rows = through.objects.filter(agreement_id__in=ids).values_list("agreement_id", field)
    for agreement_id, pk in rows:
        grouped.setdefault(agreement_id, []).append(slugs[pk])
    return {agreement_id: sorted(values) for agreement_id, values in grouped.items()}


def agreement_rows(agreements, meeting_prefix, source_prefix):
    """One tuple per agreement of `agreements`, in its order, in AGREEMENT_COLUMNS order."""
    focus_slugs = dict(FocusArea.objects.values_list("pk", "slug"))
    corridor_slugs = dict(Corridor.objects.values_list("pk", "slug"))
    rows = agreements.values_list(
        "pk",
        "meeting_id",
        "meeting__body__short_name",
        "meeting__number",
        "meeting__date",
        "meeting__date_precision",
        "kind",
        "statement",
        "evidence__sentence",
        "evidence__document__url",
        "evidence__document_id",
        "meeting__slug",
    )
    for chunk in chunked(rows.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        ids = [row[0] for row in chunk]
        focus_areas = _slugs_by_agreement(
            Agreement.focus_areas.through, "focusarea_id", ids, focus_slugs
        )
        corridors = _slugs_by_agreement(
            Agreement.corridors.through, "corridor_id", ids, corridor_slugs
        )
        for (
            pk,
            meeting_id,
            body,
            number,
            date,
            precision,
            kind,
            statement,
            sentence,
            url,
            document_id,
            meeting_slug,
        ) in chunk:
            extracted = sentence is not None
            yield (
                pk,
                meeting_id,
                body,
                number,
                date_at_precision(date, precision),
                kind,
                statement,
                focus_areas.get(pk, []),
                corridors.get(pk, []),
                sentence,
                (url or f"{source_prefix}{document_id}/") if extracted else None,
                f"{meeting_prefix}{meeting_slug}/",
            )


def request_agreement_rows(agreements, request):
    return agreement_rows(agreements, meeting_url_prefix(request), source_page_prefix(request))


@admin.action(description="Export selected as CSV")
def export_selected_agreements_as_csv(modeladmin, request, queryset):
    rows = request_agreement_rows(queryset, request)
    return csv_response(AGREEMENT_COLUMNS, rows, export_filename("agreements-selected", "csv"))
