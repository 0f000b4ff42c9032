from django import forms
from django.contrib import admin, messages

from agreements.models import Agreement, MeetingCorridor, MeetingFocusArea

from .models import (
    Body,
    Conflict,
    Delegation,
    Evidence,
    Meeting,
    Participant,
    Person,
    SourceDocument,
)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "slug"]
    search_fields = ["short_name", "name"]
    prepopulated_fields = {"slug": ["short_name"]}


class ParticipantForm(forms.ModelForm):
    """A participant row on the meeting form; its country picks the delegation."""

    country = forms.CharField(max_length=100, help_text="China, Pakistan, or another country.")

    class Meta:
        model = Participant
        fields = ["country", "person", "role", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.delegation_id:
            self.initial["country"] = self.instance.delegation.country

    def save(self, commit=True):
        participant = super().save(commit=False)
        participant.delegation, _ = Delegation.objects.get_or_create(
            meeting=participant.meeting, country=self.cleaned_data["country"].strip()
        )
        if participant.role != "member" and participant.delegation.leader_id is None:
            participant.delegation.leader = participant.person
            participant.delegation.save(update_fields=["leader"])
        if commit:
            participant.save()
        return participant


class ParticipantInline(admin.TabularInline):
    model = Participant
    form = ParticipantForm
    autocomplete_fields = ["person"]
    extra = 2
    verbose_name = "participant (co-chair, delegation leader or member)"


class FocusAreaInline(admin.TabularInline):
    model = MeetingFocusArea
    fields = ["focus_area", "evidence_sentence"]
    readonly_fields = ["evidence_sentence"]
    extra = 3

    @admin.display(description="Evidence")
    def evidence_sentence(self, obj):
        return obj.evidence.sentence if obj.evidence_id else "Entered by hand"


class CorridorInline(FocusAreaInline):
    model = MeetingCorridor
    fields = ["corridor", "how", "via", "evidence_sentence"]
    extra = 1


class AgreementInline(admin.StackedInline):
    model = Agreement
    fields = ["kind", "statement", "focus_areas", "corridors"]
    filter_horizontal = ["focus_areas", "corridors"]
    extra = 0


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
    list_display = ["__str__", "body", "number", "date", "city", "country", "mode", "review_status"]
    list_filter = ["body", "review_status", "mode", "corridors", "focus_areas"]
    list_select_related = ["body"]
    date_hierarchy = "date"
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
            {"fields": ["body", "number", ("date", "date_precision"), ("city", "country"), "mode"]},
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


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "other_names"]
    list_filter = ["country"]
    search_fields = ["name", "name_key", "other_names"]
    readonly_fields = ["slug"]
    actions = ["merge_people"]

    @admin.action(description="Merge selected people into the first one listed")
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
    readonly_fields = ["sha256", "ingested_at"]
    date_hierarchy = "published_on"


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["fact", "label", "meeting", "document"]
    list_filter = ["fact"]
    list_select_related = ["meeting__body", "document"]
    search_fields = ["sentence", "label"]
    readonly_fields = ["document", "meeting", "fact", "label", "start", "end", "sentence"]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["meeting", "field", "current_value", "proposed_value", "resolved_at"]
    list_select_related = ["meeting__body"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
