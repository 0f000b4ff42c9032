"""Keep stored export rows (ExportRow) and the list's cached counts in step with the rows
they are built from.

A change to a meeting's participants, delegations, focus areas, corridors, agreements or
sources, or to a person's name or a document's outlet, headline or URL, forgets the stored
rows of the meetings it touches (see exports.forget_export_rows), and a new meeting gets its
row built. Writes that send no signals
(QuerySet.update, bulk_create, raw SQL) must forget the rows themselves, as
Person.merge_into does; `manage.py refresh_export_rows` rebuilds them all.

Forgetting rows also gives the data a new version (exports.forget_counts), which the list's
cached counts and facets are keyed by; a change to a meeting itself, a body, a focus area
or a corridor does that alone.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from agreements.models import Agreement, Corridor, FocusArea, MeetingCorridor, MeetingFocusArea

from .exports import forget_counts, forget_export_rows
from .models import (
    Body,
    Delegation,
    Meeting,
    Participant,
    Person,
    SourceDocument,
    refresh_sort_dates,
)

# Models with a meeting_id whose rows make up part of that meeting's export row.
MEETING_PARTS = (Participant, Delegation, MeetingFocusArea, MeetingCorridor, Agreement)


def part_changed(sender, instance, using, **kwargs):
    forget_export_rows([instance.meeting_id], using)


def meeting_created(sender, instance, created, using, **kwargs):
    # A meeting with nothing linked yet (one known from a passing mention) still gets its
    # row; later links rebuild it.
    if created:
        forget_export_rows([instance.pk], using)


def person_saved(sender, instance, created, using, **kwargs):
    if not created:
        meetings = Participant.objects.using(using).filter(person=instance)
        forget_export_rows(meetings.values_list("meeting_id", flat=True), using)


def document_changed(sender, instance, using, created=False, **kwargs):
    # pre_delete too: the links to its meetings go with it, sending nothing.
    if not created:
        forget_export_rows(instance.meetings.using(using).values_list("pk", flat=True), using)


def sources_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if not reverse:  # instance is a meeting
        if action in ("post_add", "post_remove", "post_clear"):
            forget_export_rows([instance.pk], using)
    elif action in ("post_add", "post_remove"):  # instance is a document; pk_set meetings
        forget_export_rows(pk_set, using)
    elif action == "pre_clear":
        document_changed(sender, instance, using)


def meeting_saved(sender, instance, using, **kwargs):
    # The best-known dates of undated meetings hang on their neighbours' numbers and dates.
    bodies = instance.moved_in_series()
    if bodies:
        refresh_sort_dates(Meeting, bodies, using)
        if instance.date is None:  # its own best-known date was worked out in the database
            fresh = Meeting.objects.using(using).filter(pk=instance.pk)
            row = fresh.values_list("sort_date", "dated_after", "dated_before").first()
            if row:
                instance.sort_date, instance.dated_after_id, instance.dated_before_id = row
    instance._loaded_series_place = instance.series_place()


def meeting_deleted(sender, instance, using, **kwargs):
    refresh_sort_dates(Meeting, [instance.body_id], using)


def counted_changed(sender, instance, using, **kwargs):
    forget_counts(using)


def connect():
    post_save.connect(meeting_saved, sender=Meeting, dispatch_uid="sort-dates-save")
    post_delete.connect(meeting_deleted, sender=Meeting, dispatch_uid="sort-dates-delete")
    for model in MEETING_PARTS:
        uid = f"export-rows-{model._meta.label_lower}"
        post_save.connect(part_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(meeting_created, sender=Meeting, dispatch_uid="export-rows-meeting")
    post_save.connect(person_saved, sender=Person, dispatch_uid="export-rows-person")
    post_save.connect(
        document_changed, sender=SourceDocument, dispatch_uid="export-rows-document-save"
    )
    pre_delete.connect(
        document_changed, sender=SourceDocument, dispatch_uid="export-rows-document-delete"
    )
    m2m_changed.connect(
        sources_changed, sender=Meeting.sources.through, dispatch_uid="export-rows-sources"
    )
    for model in (Meeting, Body, FocusArea, Corridor):
        uid = f"counts-{model._meta.label_lower}"
        post_save.connect(counted_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(counted_changed, sender=model, dispatch_uid=f"{uid}-delete")
