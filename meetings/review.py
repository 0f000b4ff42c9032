"""Resolving the conflicts a later source raised against what a meeting holds.

An editor picks a value per conflict; the value is applied to the meeting (for
the fields below), the conflict is marked resolved with who chose what and
when, and a meeting with no open conflict left becomes "reviewed". Fields this
module does not know how to apply are resolved on the recorded value only.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .exports import forget_export_rows
from .models import (
    Delegation,
    Meeting,
    Mode,
    Participant,
    Person,
    ReviewStatus,
    Role,
    date_at_precision,
    parse_partial_date,
)

# Ingest names a title conflict "title of <person>" and a co-chair conflict
# "co-chair (<country>)"; see meetings.ingest.
TITLE_FIELD = re.compile(r"^title of (?P<name>.+)$")
CO_CHAIR_FIELD = re.compile(r"^co-chair \((?P<country>.+)\)$")
SCALAR_FIELDS = ("date", "date_precision", "city", "country", "mode", "number")


def applies_to_meeting(field):
    """Whether resolving a conflict on `field` changes the meeting (not just the record)."""
    return field in SCALAR_FIELDS or bool(TITLE_FIELD.match(field) or CO_CHAIR_FIELD.match(field))


def takes_typed_value(field):
    """Whether an editor may type a value of their own rather than pick one of the two."""
    return field in ("date", "city", "country", "number") or bool(TITLE_FIELD.match(field))


def value_now(conflict):
    """What the meeting holds for the conflict's field now (it may have changed since)."""
    meeting, field = conflict.meeting, conflict.field
    if field == "date":
        return date_at_precision(meeting.date, meeting.date_precision) or ""
    if field == "number":
        return "" if meeting.number is None else str(meeting.number)
    if field in SCALAR_FIELDS:
        return getattr(meeting, field)
    if match := TITLE_FIELD.match(field):
        participant = _participant_named(meeting, match["name"])
        return participant.title if participant else conflict.current_value
    return conflict.current_value


@transaction.atomic
def resolve(conflict, value, user):
    """Apply `value` to the conflict's meeting, close the conflict, and mark the meeting
    reviewed when nothing else is open. Raises ValidationError for a value that cannot
    be applied (the caller shows it; nothing is written)."""
    meeting = conflict.meeting
    _apply(meeting, conflict.field, value)
    meeting.save()
    conflict.chosen_value = value
    conflict.resolved_at = timezone.now()
    conflict.resolved_by = user
    conflict.save(update_fields=["chosen_value", "resolved_at", "resolved_by"])
    settle_review_status(meeting)
    return conflict


def settle_review_status(meeting):
    if not meeting.conflicts.filter(resolved_at__isnull=True).exists():
        meeting.review_status = ReviewStatus.REVIEWED
        meeting.save(update_fields=["review_status", "updated_at"])


def resolve_all(choices, user):
    """Resolve each (conflict, value) pair, all or nothing.

    Returns {conflict pk: ValidationError} for the values that could not be
    applied; when there are any, nothing is written.
    """
    errors = {}
    with transaction.atomic():
        for conflict, value in choices:
            try:
                resolve(conflict, value, user)
            except ValidationError as exc:
                errors[conflict.pk] = exc
        if errors:
            transaction.set_rollback(True)
    return errors


def open_conflicts_of(meeting):
    """The meeting's open conflicts; each shares `meeting`, so applying several
    choices in a row works on one object."""
    return (
        meeting.conflicts.filter(resolved_at__isnull=True)
        .select_related("document", "evidence")
        .order_by("created_at", "pk")
    )


def evidence_for_current_value(conflict):
    """The evidence behind what the meeting holds for the conflict's field, if any."""
    meeting, field = conflict.meeting, conflict.field
    if field in ("date", "date_precision"):
        return meeting.date_evidence
    if field in ("city", "country", "mode"):
        return meeting.venue_evidence
    if match := TITLE_FIELD.match(field):
        participant = _participant_named(meeting, match["name"])
        return participant.evidence if participant else None
    return None


def mark_reviewed(meeting):
    """Confirm an extracted meeting as it stands (refused while conflicts are open)."""
    if meeting.conflicts.filter(resolved_at__isnull=True).exists():
        raise ValidationError("Resolve the open conflicts first.")
    meeting.review_status = ReviewStatus.REVIEWED
    meeting.save(update_fields=["review_status", "updated_at"])


def _apply(meeting, field, value):
    if field == "date":
        try:
            meeting.date, meeting.date_precision = parse_partial_date(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    elif field == "date_precision":
        if meeting.date is None or value not in ("day", "month", "year"):
            raise ValidationError(f"“{value}” cannot be this meeting's date precision.")
        meeting.date_precision = value
    elif field in ("city", "country"):
        setattr(meeting, field, value.strip())
    elif field == "mode":
        modes = {m.value: m.value for m in Mode} | {m.label.casefold(): m.value for m in Mode}
        if value.strip().casefold() not in modes:
            raise ValidationError(f"“{value}” is not a mode: in person, virtual or hybrid.")
        meeting.mode = modes[value.strip().casefold()]
    elif field == "number":
        _apply_number(meeting, value)
    elif match := TITLE_FIELD.match(field):
        participant = _participant_named(meeting, match["name"])
        if participant is None:
            raise ValidationError(f"{match['name']} no longer takes part in this meeting.")
        participant.title = value.strip()
        participant.save(update_fields=["title"])
    elif match := CO_CHAIR_FIELD.match(field):
        _apply_co_chair(meeting, match["country"], value.strip())


def _apply_number(meeting, value):
    try:
        number = int(value) if value.strip() else None
    except ValueError:
        raise ValidationError(f"“{value}” is not a meeting number.") from None
    if number is not None and number < 1:
        raise ValidationError("A meeting number is 1 or more.")
    taken = Meeting.objects.filter(body=meeting.body, number=number).exclude(pk=meeting.pk)
    if number is not None and taken.exists():
        raise ValidationError(f"Another {meeting.body} meeting already has number {number}.")
    meeting.number = number


def _participant_named(meeting, name):
    return (
        Participant.objects.filter(meeting=meeting, person__name=name)
        .select_related("person")
        .first()
    )


def _apply_co_chair(meeting, country, name):
    """Make `name` the co-chair for `country`; a co-chair it replaces stays a member."""
    from .ingest import match_person

    if not name:
        raise ValidationError("Name the co-chair.")
    delegation = meeting.delegations.filter(country__iexact=country).first()
    if delegation is None:
        delegation = Delegation.objects.create(meeting=meeting, country=country)
    person = match_person(name) or Person.objects.create(name=name, country=country)
    delegation.participants.filter(role=Role.CO_CHAIR).exclude(person=person).update(
        role=Role.MEMBER
    )
    forget_export_rows([meeting.pk])  # the update above sends no signal
    participant = delegation.participants.filter(person=person).first()
    if participant:
        participant.role = Role.CO_CHAIR
        participant.save(update_fields=["role"])
    else:
        Participant.objects.create(delegation=delegation, person=person, role=Role.CO_CHAIR)
    delegation.leader = person
    delegation.save(update_fields=["leader"])
