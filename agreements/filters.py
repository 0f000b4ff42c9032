"""The agreed statements' filters, shared by `/agreements/` and its exports."""

import django_filters
from django.db.models import Exists, F, OuterRef, Q

from agreements.models import Agreement, Corridor, FocusArea
from meetings.filters import MAX_QUERY_LENGTH, DateRangeForm, PartialDateFilter, SlugsFilter
from meetings.models import Body, Meeting


class AgreementFilter(django_filters.FilterSet):
    """Filters over agreed statements.

    Parameters: focus_area (slug, repeatable, any of them), corridor (slug, repeatable;
    includes descendants, and matches a statement tagged with the corridor or with a
    focus area the mapping places there), date_from / date_to (the meeting's date, as in
    MeetingFilter), body (slug), q (case-insensitive text in the statement).

    Same contract as MeetingFilter: check `f.is_valid()` and answer 400 with `f.errors`
    when it is false; `f.qs` is ordered newest meeting first (unknown dates last), then
    by statement id, each statement once.
    """

    focus_area = SlugsFilter(
        label="Focus area", queryset=FocusArea.objects.all(), method="filter_focus_area"
    )
    corridor = SlugsFilter(
        label="Corridor", queryset=Corridor.objects.all(), method="filter_corridor"
    )
    date_from = PartialDateFilter(label="From", method="filter_date_from")
    date_to = PartialDateFilter(label="To", method="filter_date_to")
    body = django_filters.ModelChoiceFilter(
        label="Body", queryset=Body.objects.all(), to_field_name="slug", field_name="meeting__body"
    )
    q = django_filters.CharFilter(
        label="Search", field_name="statement", lookup_expr="icontains", max_length=MAX_QUERY_LENGTH
    )

    class Meta:
        model = Agreement
        fields = []
        form = DateRangeForm

    # An empty repeatable choice cleans to an empty queryset, which django-filter
    # does not treat as "no filter": the methods skip it themselves.
    def filter_focus_area(self, queryset, name, value):
        if not value:
            return queryset
        tags = Agreement.focus_areas.through.objects.filter(
            agreement=OuterRef("pk"), focusarea__in=value
        )
        return queryset.filter(Exists(tags))

    def filter_corridor(self, queryset, name, value):
        if not value:
            return queryset
        corridors = Corridor.objects.filter(pk__in=[c.pk for c in value]).with_descendants()
        tagged = Agreement.corridors.through.objects.filter(
            agreement=OuterRef("pk"), corridor__in=corridors.values("pk")
        )
        mapped = Agreement.focus_areas.through.objects.filter(
            agreement=OuterRef("pk"), focusarea__corridors__in=corridors.values("pk")
        )
        return queryset.filter(Q(Exists(tagged)) | Q(Exists(mapped)))

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(meeting__in=Meeting.objects.overlapping(start=value[0]).values("pk"))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(meeting__date__lte=value[1])

    def filter_queryset(self, queryset):
        return (
            super()
            .filter_queryset(queryset)
            .order_by(F("meeting__date").desc(nulls_last=True), "meeting_id", "pk")
        )
