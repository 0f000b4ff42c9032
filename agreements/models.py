from django.db import models
from django.urls import reverse


class FocusArea(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    synonyms = models.JSONField(
        default=list, blank=True, help_text="Words and phrases the extractor matches, as a list."
    )
    # The admin-editable focus-area -> corridor mapping.
    corridors = models.ManyToManyField(
        "Corridor", related_name="focus_areas", blank=True, help_text="Corridors it belongs to."
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "focus area"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agreements:focus_area", args=[self.slug])


class CorridorQuerySet(models.QuerySet):
    def with_descendants(self):
        """These corridors and every corridor below them (the tree is a handful of rows)."""
        parents = {c.pk: c.parent_id for c in Corridor.objects.only("pk", "parent")}
        wanted = set(self.values_list("pk", flat=True))
        changed = True
        while changed:
            found = {pk for pk, parent in parents.items() if parent in wanted} - wanted
            wanted |= found
            changed = bool(found)
        return Corridor.objects.filter(pk__in=wanted)


class Corridor(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    applies_from = models.DateField(
        null=True,
        blank=True,
        help_text="The day the corridor was adopted: a meeting before it is filed here only "
        "when a source says so, never through its focus areas. Empty: it always applied.",
    )

    objects = CorridorQuerySet.as_manager()

    class Meta:
        ordering = ["parent_id", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agreements:corridor", args=[self.slug])

    def drop_links_before_it_applied(self):
        """Remove the links derived from focus areas for meetings before `applies_from`
        (or with no known date), as ingestion would not have made them; the number gone.
        Links a source states stay."""
        if self.applies_from is None:
            return 0
        before = models.Q(meeting__sort_date__lt=self.applies_from) | models.Q(
            meeting__sort_date=None
        )
        derived = self.meeting_links.filter(before, how=LinkHow.DERIVED)
        # One by one, so each sends the signal that forgets its meeting's export row.
        links = list(derived)
        for link in links:
            link.delete()
        self.agreements.through.objects.filter(
            corridor=self, agreement__in=Agreement.objects.filter(before)
        ).delete()
        return len(links)

    def derives_for(self, meeting):
        """Whether a focus area may place `meeting` in this corridor: the corridor applies
        from no date, or the meeting's best-known date (its first day, for a month or year)
        is on or after the day it does. A meeting with no known date gets no such link."""
        if self.applies_from is None:
            return True
        return meeting.sort_date is not None and meeting.sort_date >= self.applies_from


class AgreementKind(models.TextChoices):
    AGREED = "agreed", "Agreed"
    REAFFIRMED = "reaffirmed", "Reaffirmed"
    UNDERSCORED = "underscored", "Underscored"
    REVIEWED = "reviewed", "Reviewed"


class Agreement(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="agreements"
    )
    statement = models.TextField()
    kind = models.CharField(
        max_length=12, choices=AgreementKind.choices, default=AgreementKind.AGREED
    )
    focus_areas = models.ManyToManyField(FocusArea, related_name="agreements", blank=True)
    corridors = models.ManyToManyField(Corridor, related_name="agreements", blank=True)
    evidence = models.ForeignKey(
        "meetings.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.statement[:80]


class MeetingFocusArea(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="focus_area_links"
    )
    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.PROTECT, related_name="meeting_links"
    )
    evidence = models.ForeignKey(
        "meetings.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["focus_area__name"]
        verbose_name = "focus area of a meeting"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "focus_area"], name="one_link_per_focus_area"
            )
        ]
        indexes = [
            # The list's focus-area facet counts each area's meetings within the other
            # filters: (focus_area, meeting) answers it from the index alone.
            models.Index(fields=["focus_area", "meeting"], name="focus_area_meeting_idx")
        ]

    def __str__(self):
        return str(self.focus_area)


class LinkHow(models.TextChoices):
    EXPLICIT = "explicit", "Stated in a source"
    DERIVED = "derived", "Derived from a focus area"


class MeetingCorridor(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="corridor_links"
    )
    corridor = models.ForeignKey(Corridor, on_delete=models.PROTECT, related_name="meeting_links")
    how = models.CharField(max_length=10, choices=LinkHow.choices, default=LinkHow.EXPLICIT)
    via = models.ForeignKey(
        FocusArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a derived link: the focus area the mapping placed here.",
    )
    evidence = models.ForeignKey(
        "meetings.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["corridor__name"]
        verbose_name = "corridor of a meeting"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "corridor"], name="one_link_per_corridor")
        ]
        indexes = [
            # The list's corridor facet, as for focus areas above.
            models.Index(fields=["corridor", "meeting"], name="corridor_meeting_idx"),
            # The corridor facet and index page count each corridor's links by how they
            # were made: grouped from this index alone (SQLite: 750 -> 90 ms at 100,000
            # meetings, instead of a table scan and a sort).
            models.Index(fields=["corridor", "how", "meeting"], name="corridor_how_meeting_idx"),
            # The export reads each meeting's corridors with how they were linked; this
            # answers it from the index alone.
            models.Index(fields=["meeting", "corridor", "how"], name="meeting_corridor_how_idx"),
        ]

    def __str__(self):
        return f"{self.corridor} ({self.get_how_display().lower()})"
