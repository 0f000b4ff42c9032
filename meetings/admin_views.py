"""The admin's own pages for meetings: adding from an article, and the review page.

Registered by MeetingAdmin.get_urls() behind admin_site.admin_view (staff
login, CSRF); each view checks the model permissions it needs.
"""

import dataclasses

from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import ordinal
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import reverse

from . import review
from .articles import ArticleError
from .forms import ArticleForm, ConflictChoiceForm
from .ingest import ingest_text, preview_text
from .models import Meeting, Mode


def counted(n, noun):
    """'1 meeting', '2 meetings'."""
    return f"{n} {noun}{pluralize(n)}"


def from_article(request, model_admin):
    """Paste or upload an article, preview what the extractor found, save what is ticked."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    form = ArticleForm(request.POST or None, request.FILES or None)
    preview, notices = None, []
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        try:
            preview = preview_text(text)
        except ArticleError as exc:
            form.add_error(None, f"This text cannot be read as an article: {exc}.")
        if preview and "_save" in request.POST:
            if form.cleaned_data["previewed"] == form.sha256:
                accepted = set(request.POST.getlist("accept"))
                return save_article(request, model_admin, form, preview, accepted)
            notices.append("The text changed since the preview: check this new preview, then save.")
        if preview:
            # Show the text back (an upload cannot be re-sent) with the hash it was previewed at.
            form = ArticleForm(
                initial={**form.cleaned_data, "file": None, "previewed": form.sha256}
            )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Add meetings from an article",
        "form": form,
        "notices": notices,
        "preview": preview,
        "meetings": preview_rows(preview) if preview else [],
        "already_ingested": preview.document if preview else None,
    }
    return TemplateResponse(request, "admin/meetings/meeting/from_article.html", context)


def save_article(request, model_admin, form, preview, accepted):
    data = form.cleaned_data
    result = ingest_text(
        data["text"],
        file_name=data.get("file_name", ""),
        title=data["title"],
        outlet=data["outlet"],
        url=data["url"],
        extraction=accepted_extraction(preview, accepted),
    )
    changelist = reverse("admin:meetings_meeting_changelist")
    if not result.created:
        model_admin.message_user(
            request,
            f"This article was already added as “{result.document}”; nothing changed.",
            messages.WARNING,
        )
        return redirect(changelist)
    source = f"Added from the article “{result.document}”."
    for meeting in result.meetings_created:
        model_admin.log_addition(request, meeting, source)
    for meeting in result.meetings_updated:
        raised = [c for c in result.conflicts if c.meeting_id == meeting.pk]
        note = (
            f" {counted(len(raised), 'conflicting value')} recorded for review." if raised else ""
        )
        model_admin.log_change(
            request, meeting, f"Updated from the article “{result.document}”.{note}"
        )
    conflicts = len(result.conflicts)
    model_admin.message_user(
        request,
        f"Saved the article “{result.document}”: "
        f"{counted(len(result.meetings_created), 'meeting')} created, "
        f"{len(result.meetings_updated)} updated, {counted(conflicts, 'conflict')} to review.",
        messages.WARNING if conflicts else messages.SUCCESS,
    )
    meetings = result.meetings_created + result.meetings_updated
    target = main_meeting(meetings, preview, accepted)
    if target:
        return redirect(reverse("admin:meetings_meeting_change", args=[target.pk]))
    return redirect(changelist)


def main_meeting(meetings, preview, accepted):
    """The written meeting the article reports (or the only one written), if any."""
    reported = [
        item.mention
        for i, item in enumerate(preview.meetings)
        if item.mention.is_main_subject and f"{i}:meeting" in accepted
    ]
    for mention in reported:
        for meeting in meetings:
            same_body = meeting.body.short_name.casefold() == mention.body.casefold()
            if same_body and meeting.number == mention.number:
                return meeting
    return meetings[0] if len(meetings) == 1 else None


def accepted_extraction(preview, accepted):
    """The extraction with every fact the editor left unticked taken out."""
    meetings = []
    for i, meeting_preview in enumerate(preview.meetings):
        mention = meeting_preview.mention
        if f"{i}:meeting" not in accepted:
            continue

        def kept(kind, items, i=i):
            return [item for j, item in enumerate(items) if f"{i}:{kind}:{j}" in accepted]

        changes = {
            "co_chairs": kept("co_chair", mention.co_chairs),
            "delegation_leaders": kept("leader", mention.delegation_leaders),
            "focus_areas": kept("focus", mention.focus_areas),
            "agreements": kept("agreement", mention.agreements),
        }
        kept_focus = {hit.slug for hit in changes["focus_areas"]}
        changes["corridors"] = [
            hit
            for hit in kept("corridor", mention.corridors)
            if hit.how == "explicit" or hit.via in kept_focus
        ]
        if f"{i}:date" not in accepted:
            changes |= {"date": None, "date_precision": "unknown", "date_evidence": None}
        if f"{i}:venue" not in accepted:
            changes |= {"city": "", "country": "", "venue_evidence": None}
        if f"{i}:mode" not in accepted:
            changes |= {"mode": "", "mode_evidence": None}  # unknown, as when no sentence says
        meetings.append(dataclasses.replace(mention, **changes))
    return dataclasses.replace(preview.extraction, meetings=meetings)


def preview_rows(preview):
    """What the preview template shows: per meeting, its facts with their sentences,
    what they matched and whether they disagree with the database."""
    return [meeting_row(i, item) for i, item in enumerate(preview.meetings)]


def fact_row(key, label, value, evidence, note="", conflict=None):
    return {
        "key": key,
        "label": label,
        "value": value,
        "sentence": evidence.sentence if evidence else "",
        "note": note,
        "conflict": conflict,
    }


def meeting_row(i, item):
    mention, existing = item.mention, item.existing
    conflicts = {name: (current, proposed) for name, current, proposed in item.conflicts}

    def disagreement(*names):
        found = [
            f"the database holds “{conflicts[n][0]}”, the article says “{conflicts[n][1]}”"
            for n in names
            if n in conflicts
        ]
        return "; ".join(found) or None

    venue = ", ".join(filter(None, [mention.city, mention.country])) or "not stated"
    facts = [
        fact_row(f"{i}:date", "Date", f"{mention.date or 'not stated'} ({mention.date_precision})",
                 mention.date_evidence, conflict=disagreement("date"),
                 note="month inferred from the publication date: the text gives none"
                 if mention.date_inferred else ""),
        fact_row(f"{i}:venue", "Venue", venue, mention.venue_evidence,
                 conflict=disagreement("city", "country")),
        fact_row(f"{i}:mode", "Mode", dict(Mode.choices).get(mention.mode, mention.mode)
                 or "not stated", mention.mode_evidence, conflict=disagreement("mode")),
    ]  # fmt: skip
    known = {id(person): match for person, match in item.people}
    for kind, label, hits in (
        ("co_chair", "Co-chair", mention.co_chairs),
        ("leader", "Delegation leader", mention.delegation_leaders),
    ):
        for j, person in enumerate(hits):
            match = known.get(id(person))
            note = f"matches {match.name}, already known" if match else "a new person"
            value = ", ".join(filter(None, [person.name, person.title, person.country]))
            facts.append(fact_row(f"{i}:{kind}:{j}", label, value, person.evidence, note))
    for j, hit in enumerate(mention.focus_areas):
        facts.append(fact_row(f"{i}:focus:{j}", "Focus area", hit.slug, hit.evidence))
    for j, hit in enumerate(mention.corridors):
        how = "stated" if hit.how == "explicit" else f"derived from focus area {hit.via}"
        value = f"{hit.slug} ({how})"
        facts.append(fact_row(f"{i}:corridor:{j}", "Corridor", value, hit.evidence))
    for j, hit in enumerate(mention.agreements):
        value = f"{hit.kind}: {hit.text}"
        facts.append(fact_row(f"{i}:agreement:{j}", "Agreement", value, hit.evidence))
    number = f"{ordinal(mention.number)} " if mention.number else ""
    return {
        "key": f"{i}:meeting",
        "title": f"{number}{mention.body} meeting",
        "body_name": mention.body_name,
        "sentence": mention.evidence.sentence,
        "is_main_subject": mention.is_main_subject,
        "existing": existing,
        "existing_url": existing and reverse("admin:meetings_meeting_change", args=[existing.pk]),
        "facts": facts,
        "conflict_count": len(item.conflicts),
    }


def review_meeting(request, model_admin, object_id):
    """The meeting's open conflicts side by side; the editor picks a value for each."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=object_id)
    if not (
        model_admin.has_change_permission(request, meeting)
        and request.user.has_perm("meetings.change_conflict")
    ):
        raise PermissionDenied
    conflicts = list(review.open_conflicts_of(meeting))
    data = request.POST if request.method == "POST" else None
    forms = [
        ConflictChoiceForm(
            data,
            prefix=f"conflict-{conflict.pk}",
            conflict=conflict,
            allows_other_value=review.takes_typed_value(conflict.field),
        )
        for conflict in conflicts
    ]
    errors = []
    if request.method == "POST" and "_mark_reviewed" in request.POST:
        try:
            review.mark_reviewed(meeting)
        except ValidationError as exc:
            errors = exc.messages
        else:
            model_admin.log_change(request, meeting, "Marked reviewed: its facts are confirmed.")
            model_admin.message_user(request, f"{meeting} is marked reviewed.", messages.SUCCESS)
            return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    elif request.method == "POST" and all(form.is_valid() for form in forms):
        chosen = [(form, form.chosen_value()) for form in forms]
        chosen = [(form, value) for form, value in chosen if value is not None]
        if not chosen:
            errors = ["Pick a value for at least one conflict."]
        else:
            held = {form.conflict.pk: review.value_now(form.conflict) for form, _ in chosen}
            failed = review.resolve_all(
                [(form.conflict, value) for form, value in chosen], request.user
            )
            for form, _ in chosen:
                if form.conflict.pk in failed:
                    form.add_error(None, failed[form.conflict.pk])
            if not failed:
                lines = [
                    f"Resolved the conflict on {form.conflict.field}: chose “{value}” "
                    f"(held “{held[form.conflict.pk]}”, “{form.conflict.proposed_value}” "
                    f"proposed by “{form.conflict.document or 'an unknown source'}”)."
                    for form, value in chosen
                ]
                model_admin.log_change(request, meeting, " ".join(lines))
                meeting.refresh_from_db()
                status = meeting.get_review_status_display().lower()
                model_admin.message_user(
                    request,
                    f"Resolved {counted(len(chosen), 'conflict')} on {meeting}; it is now {status}.",
                    messages.SUCCESS,
                )
                if meeting.conflicts.filter(resolved_at__isnull=True).exists():
                    return redirect(request.path)
                return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
            meeting.refresh_from_db()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": meeting,
        "title": f"Review {meeting}",
        "rows": [conflict_row(form) for form in forms],
        "errors": errors,
        "can_mark_reviewed": not conflicts and meeting.review_status != "reviewed",
        "status": meeting.get_review_status_display(),
    }
    return TemplateResponse(request, "admin/meetings/meeting/review.html", context)


def conflict_row(form):
    conflict = form.conflict
    current_evidence = review.evidence_for_current_value(conflict)
    return {
        "form": form,
        "field": conflict.field,
        "current": review.value_now(conflict),
        "current_source": current_evidence.document if current_evidence else None,
        "current_sentence": current_evidence.sentence if current_evidence else "",
        "proposed": conflict.proposed_value,
        "proposed_source": conflict.document,
        "proposed_source_url": conflict.document
        and reverse("admin:meetings_sourcedocument_change", args=[conflict.document.pk]),
        "proposed_sentence": conflict.evidence.sentence if conflict.evidence else "",
        "applies": review.applies_to_meeting(conflict.field),
        "raised": conflict.created_at,
    }
