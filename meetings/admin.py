from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html

from agreements.models import Agreement, MeetingCorridor, MeetingFocusArea

from .exports import export_selected_meetings_as_csv
from .forms import (
    MeetingCorridorForm,
    MeetingForm,
    ParticipantForm,
    ParticipantFormSet,
    next_number_for,
    settle_delegation_leaders,
)
from .models import (
    Body,
    Conflict,
    Evidence,
    Meeting,
    Participant,
    Person,
    ReviewStatus,
    SourceDocument,
)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "slug"]
    search_fields = ["short_name", "name"]
    prepopulated_fields = {"slug": ["short_name"]}


class ParticipantInline(admin.TabularInline):
    model = Participant
    form = ParticipantForm
    formset = ParticipantFormSet
    autocomplete_fields = ["person"]
    extra = 2
    verbose_name = "participant"
    verbose_name_plural = "Delegations: co-chairs, delegation leaders and members"


class FocusAreaInline(admin.TabularInline):
    model = MeetingFocusArea
    fields = ["focus_area", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]
    extra = 3
    verbose_name = "focus area"
    verbose_name_plural = "focus areas agreed"

    @admin.display(description="Evidence")
    def evidence_sentence(self, obj):
        return obj.evidence.sentence if obj.evidence_id else "Entered by hand"


class MeetingEvidenceSelect(AutocompleteSelect):
    """Evidence found by typing part of its sentence, among one meeting's sentences (the
    search sends `meeting`, which EvidenceAdmin.get_search_results honours)."""

    def __init__(self, field, admin_site, meeting_id, attrs=None):
        super().__init__(field, admin_site, attrs)
        self.meeting_id = meeting_id

    def get_url(self):
        return f"{super().get_url()}?meeting={self.meeting_id}"


class CorridorInline(admin.TabularInline):
    model = MeetingCorridor
    form = MeetingCorridorForm
    fields = ["corridor", "how", "via", "evidence"]
    extra = 1
    verbose_name = "corridor"
    verbose_name_plural = "corridors"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # An explicit link cites one of this meeting's sentences, picked by typing part of
        # it: a dropdown of every sentence ran the inline to 1,690 px wide.
        evidence = formset.form.base_fields["evidence"]
        evidence.queryset = Evidence.objects.filter(meeting=obj) if obj else Evidence.objects.none()
        evidence.widget = MeetingEvidenceSelect(
            MeetingCorridor._meta.get_field("evidence"),
            self.admin_site,
            obj.pk if obj else 0,
            attrs={"data-placeholder": "Type words of the sentence"},
        )
        evidence.help_text = "For a corridor stated in a source: the sentence that states it."
        return formset


class AgreementInline(admin.StackedInline):
    model = Agreement
    fields = ["kind", "statement", "focus_areas", "corridors"]
    filter_horizontal = ["focus_areas", "corridors"]
    extra = 0
    verbose_name = "agreed statement"


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["fact", "label", "sentence", "document"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ConflictInline(admin.TabularInline):
    model = Conflict
    fields = ["field", "current_value", "proposed_value", "document", "resolved_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingForm
    list_display = [
        "__str__",
        "body",
        "number",
        "date",
        "city",
        "country",
        "mode",
        "status",
        "review_status",
        "open_conflicts",
    ]
    list_filter = ["body", "status", "review_status", "mode", "corridors", "focus_areas"]
    list_select_related = ["body"]
    date_hierarchy = "date"
    actions = [export_selected_meetings_as_csv]
    search_fields = [
        "body__short_name",
        "body__name",
        "city",
        "summary",
        "participants__person__name",
    ]
    readonly_fields = ["slug", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "body",
                    "number",
                    "status",
                    ("date", "date_precision", "date_inferred"),
                    ("city", "country"),
                    "mode",
                ]
            },
        ),
        ("Notes", {"fields": ["summary", "review_status"]}),
        ("Record", {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [
        ParticipantInline,
        FocusAreaInline,
        CorridorInline,
        AgreementInline,
        EvidenceInline,
        ConflictInline,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(open_conflict_count=Count("conflicts", filter=Q(conflicts__resolved_at=None)))
        )

    @admin.display(description="Open conflicts", ordering="open_conflict_count")
    def open_conflicts(self, meeting):
        if not meeting.open_conflict_count:
            return "–"
        url = reverse("admin:meetings_meeting_review", args=[meeting.pk])
        return format_html('<a href="{}">Review {}</a>', url, meeting.open_conflict_count)

    def get_changeform_initial_data(self, request):
        """`?body=<id>` suggests the number after that body's last meeting."""
        initial = {"review_status": ReviewStatus.REVIEWED}  # entered by an editor: confirmed
        initial |= super().get_changeform_initial_data(request)
        body = initial.get("body")
        if body and str(body).isdigit() and "number" not in initial:
            initial["number"] = next_number_for(int(body))
        return initial

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        settle_delegation_leaders(form.instance)

    def get_urls(self):
        return [
            path(
                "from-article/",
                self.admin_site.admin_view(self.from_article_view),
                name="meetings_meeting_from_article",
            ),
            path(
                "<int:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="meetings_meeting_review",
            ),
            *super().get_urls(),
        ]

    # admin_views imports the extractor; imported on use so that the rest of the
    # admin keeps working should the extractor fail to import.
    def from_article_view(self, request):
        from . import admin_views

        return admin_views.from_article(request, self)

    def review_view(self, request, object_id):
        from . import admin_views

        return admin_views.review_meeting(request, self, object_id)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "review_queue_count": Meeting.objects.needing_review().count(),
            "review_queue_query": f"review_status__exact={ReviewStatus.NEEDS_REVIEW}",
            "can_add_from_article": self.has_add_permission(request)
            and self.has_change_permission(request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "open_conflict_count": Conflict.objects.filter(
                meeting_id=object_id if str(object_id).isdigit() else None,
                resolved_at=None,
            ).count(),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "other_names"]
    list_filter = ["country"]
    search_fields = ["name", "name_key", "other_names"]
    readonly_fields = ["slug"]
    actions = ["merge_people"]

    # Merging deletes the others: only for those who may change people, never Viewers.
    @admin.action(
        description="Merge selected people into the first one listed", permissions=["change"]
    )
    def merge_people(self, request, queryset):
        people = list(queryset.order_by("pk"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.ERROR)
            return
        target, others = people[0], people[1:]
        Person.objects.filter(pk__in=[p.pk for p in others]).merge_into(target)
        names = ", ".join(p.name for p in others)
        self.message_user(request, f"Merged {names} into {target.name}.", messages.SUCCESS)


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published_on", "ingested_at"]
    search_fields = ["title", "outlet", "file_name", "text"]
    fields = [
        "title",
        "outlet",
        "url",
        "published_on",
        "file_name",
        "text_warnings",
        "text",
        "sha256",
        "ingested_at",
    ]
    # The text is what every evidence span indexes into, and its hash what makes ingesting
    # it again a no-op: correct the extracted facts, not the article.
    readonly_fields = ["text_warnings", "text", "sha256", "ingested_at"]
    date_hierarchy = "published_on"

    @admin.display(description="Warnings")
    def text_warnings(self, document):
        return "; ".join(document.warnings) or "–"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"  # as the article form does
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["fact", "label", "meeting", "document"]
    list_filter = ["fact"]
    list_select_related = ["meeting__body", "document"]
    search_fields = ["sentence", "label"]
    readonly_fields = ["document", "meeting", "fact", "label", "start", "end", "sentence"]

    def get_search_results(self, request, queryset, search_term):
        # The corridor inline's evidence picker searches one meeting's sentences.
        meeting = request.GET.get("meeting", "")
        if meeting.isdigit() and request.resolver_match.url_name == "autocomplete":
            queryset = queryset.filter(meeting_id=int(meeting))
        return super().get_search_results(request, queryset, search_term)


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    """A record of disagreements; they are resolved on the meeting's review page,
    which applies the chosen value and logs it."""

    list_display = [
        "meeting",
        "field",
        "current_value",
        "proposed_value",
        "resolved_at",
        "resolved_by",
        "review_link",
    ]
    list_select_related = ["meeting__body", "resolved_by"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    readonly_fields = [
        "meeting",
        "field",
        "current_value",
        "proposed_value",
        "document",
        "evidence",
        "created_at",
        "resolved_at",
        "resolved_by",
        "chosen_value",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description="Review")
    def review_link(self, conflict):
        if conflict.resolved_at:
            return f"chose “{conflict.chosen_value}”"
        url = reverse("admin:meetings_meeting_review", args=[conflict.meeting_id])
        return format_html('<a href="{}">Resolve on the review page</a>', url)
