"""The meeting list's filters, shared by the list page, its feeds and its exports.

The GET parameters are the public query language of the site: a filtered URL
is shareable, and `/meetings/export.csv?<same query>` exports what the list shows.
"""

import calendar
import datetime
import hashlib
import re
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Count, F, Q, Value
from django.http import QueryDict

from agreements.models import Corridor, FocusArea, LinkHow, MeetingCorridor, MeetingFocusArea
from meetings.exports import data_version
from meetings.models import SORTS, Body, Meeting, MeetingStatus, Person, ReviewStatus

VALID_SORTS = tuple(SORTS)


@dataclass
class Facet:
    """One choice beside the list: the object, how many meetings it would match, and
    whether it is chosen now."""

    choice: object
    count: int
    selected: bool
    depth: int = 0
    # For a corridor without children: how many of the meetings counted a source ties to
    # it (the others are there through a focus area); None for a parent.
    stated: int | None = 0

    @property
    def slug(self):
        return self.choice.slug


SORT_LABELS = {
    "-date": "Newest first",
    "date": "Oldest first",
    "body": "Body, then number",
    "-body": "Body (Z–A)",
    "number": "Number, lowest first",
    "-number": "Number, highest first",
}
MAX_QUERY_LENGTH = 300
# Values a shareable URL leaves out: they say what saying nothing says.
DEFAULT_VALUES = {("sort", "-date"), ("page", "1")}

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_partial_date(text):
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as the (first day, last day) it covers."""
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(text)
    year, month, day = (int(part) if part else None for part in match.groups())
    if day is not None:
        date = datetime.date(year, month, day)
        return date, date
    if month is not None:
        first = datetime.date(year, month, 1)
        return first, first.replace(day=calendar.monthrange(year, month)[1])
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


class PartialDateField(forms.CharField):
    """A date at day, month or year precision, cleaned to its (first, last) day."""

    default_error_messages = {
        "invalid": "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_partial_date(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Repeatable `?corridor=a&corridor=b` by slug; an unknown slug is a form error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


MAX_CHOICES = 50
# Longer than any slug or body short name the database holds.
LONGEST_SLUG = 80


class ChosenSlugField(forms.Field):
    """One slug (`?body=jwg-icc`) or several (`?corridor=a&corridor=b`), cleaned to the
    objects they name. It looks them up through `known()`, a `{lower-case slug: object}`
    that the filter set loads for all its slug fields at once, so validating costs no
    query of its own; an unknown slug is a form error. Case does not count: the exports
    write `JWG-ICC` and `GREEN`, and a value copied from them names the same thing."""

    default_error_messages = {
        "invalid_choice": "Select a valid choice. That choice is not one of the available choices.",
        "invalid_list": "Select a valid choice. %(value)s is not one of the available choices.",
        "too_many": "Choose at most %(limit)d.",
    }

    def __init__(self, *, multiple=False, known=None, **kwargs):
        self.multiple = multiple
        self.known = known
        kwargs.setdefault("required", False)
        widget = forms.SelectMultiple if multiple else forms.Select
        super().__init__(widget=widget, **kwargs)

    def clean(self, value):
        slugs = [str(v) for v in (value or []) if v] if self.multiple else [value] if value else []
        if not slugs:
            return [] if self.multiple else None
        if len(slugs) > MAX_CHOICES:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"limit": MAX_CHOICES}
            )
        known = self.known()
        for slug in slugs:
            if slug.lower() not in known:
                if self.multiple:
                    raise ValidationError(
                        self.error_messages["invalid_list"],
                        code="invalid_choice",
                        params={"value": slug},
                    )
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        objects = list(dict.fromkeys(known[slug.lower()] for slug in slugs))
        return objects if self.multiple else objects[0]


class ChosenSlugFilter(django_filters.Filter):
    """A filter on objects named by slug, validated by ChosenSlugField; the filter set
    gives each one its `known` lookup."""

    field_class = ChosenSlugField


def _refusing_nul(clean):
    """`clean` that first refuses a value holding a NUL character: PostgreSQL cannot take
    one in a string, and some fields look their value up in the database while cleaning,
    before their validators run."""
    refuse = ProhibitNullCharactersValidator()

    def clean_without_nul(value):
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str):
                refuse(item)
        return clean(value)

    return clean_without_nul


class DateRangeForm(forms.Form):
    """The filter sets' form: every field refuses NUL, and the dates must be in order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.clean = _refusing_nul(field.clean)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start[0] > end[1]:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned


class MeetingFilter(django_filters.FilterSet):
    """The meeting list's filters.

    Parameters (all optional, all plain GET parameters):
      date_from, date_to  YYYY-MM-DD, YYYY-MM or YYYY, inclusive: date_to=2020 means up
                          to 2020-12-31; a meeting known only to the month or year counts
                          when that month or year overlaps the range
      corridor            corridor slug, repeatable (any of them); includes descendants,
                          so `cpec` is every meeting with a corridor
      corridor_link       explicit (stated in a source) or derived (from a focus area):
                          only corridor links of that kind count, for the corridors chosen
                          or, with none chosen, for any corridor
      focus_area          focus-area slug, repeatable (any of them)
      body                a body's slug, e.g. jwg-icc
      city, country       exact, case-insensitive
      person              a person's slug
      review_status       extracted, needs_review or reviewed
      status              held or planned (announced, not yet reported held)
      q                   free text over body names, summary, venue, agreements and people
                          (ranked full-text search, words matched as prefixes)
      sort                one of VALID_SORTS; default -date (newest first, unknown dates
                          last), or relevance when q is given

    Contract for callers (list page, feeds, exports):

        f = MeetingFilter(request.GET, queryset=Meeting.objects.all())
        if not f.is_valid():
            # a bad date, an unknown slug or sort, an over-long q:
            # answer 400 (or show the form) with f.errors
            ...
        meetings = f.qs

    `f.qs` is ordered deterministically (the primary key is the last tiebreaker) and
    holds each meeting once: the many-to-many filters are `pk IN (subquery)`, so no
    `.distinct()` is needed or applied. It adds no select_related/prefetch_related;
    callers add what they render. When the form is invalid `f.qs` ignores the invalid
    parameters, so check `is_valid()` first.

    `f.queryset_without(name)` is the queryset with every active filter except `name`
    (used for facet counts).
    """

    date_from = PartialDateFilter(label="From", method="filter_date_from")
    date_to = PartialDateFilter(label="To", method="filter_date_to")
    # The slug filters are checked against objects loaded once per request (see
    # known_slugs()): the list page stays within its query budget with every filter on.
    corridor = ChosenSlugFilter(label="Corridor", multiple=True, method="filter_corridor")
    corridor_link = django_filters.ChoiceFilter(
        label="Corridor link",
        choices=LinkHow.choices,
        method="filter_corridor_link",
    )
    focus_area = ChosenSlugFilter(label="Focus area", multiple=True, method="filter_focus_area")
    body = ChosenSlugFilter(label="Body", method="filter_body")
    city = django_filters.CharFilter(label="City", lookup_expr="iexact", max_length=100)
    country = django_filters.CharFilter(label="Country", lookup_expr="iexact", max_length=100)
    person = ChosenSlugFilter(label="Person", method="filter_person")
    review_status = django_filters.ChoiceFilter(label="Review status", choices=ReviewStatus.choices)
    status = django_filters.ChoiceFilter(label="Status", choices=MeetingStatus.choices)
    q = django_filters.CharFilter(
        label="Search", method="filter_search", max_length=MAX_QUERY_LENGTH
    )
    sort = django_filters.ChoiceFilter(
        label="Sort",
        choices=[(key, SORT_LABELS[key]) for key in VALID_SORTS],
        empty_label=None,
        method="filter_nothing",
    )

    class Meta:
        model = Meeting
        fields = []
        form = DateRangeForm

    # Parameter -> (model, the field shown as its name) for the slugs looked up together.
    LOOKED_UP = {
        "focus_area": (FocusArea, "name"),
        "body": (Body, "short_name"),
        "person": (Person, "name"),
    }

    SLUG_PARAMETERS = ("corridor", "focus_area", "body", "person")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("focus_area", "body", "person"):
            self.filters[name].extra["known"] = lambda name=name: self.known_slugs()[name]
        self.filters["corridor"].extra["known"] = lambda: {
            c.slug.lower(): c for c in self.corridor_tree()
        }

    def requested_slugs(self, name):
        """The values given for `name` that could name something. One holding a NUL
        (which PostgreSQL refuses in a query) or longer than any slug or short name (SQLite
        refuses a LIKE pattern of 50,000 bytes) never reaches the database: its field
        refuses it."""
        data = self.data or {}
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [str(v) for v in values if v]
        return [v for v in values if "\x00" not in v and len(v) <= LONGEST_SLUG][:MAX_CHOICES]

    def known_slugs(self):
        """{parameter: {lower-case slug: object}} for the focus areas, body and person the
        query names, found in ONE query (a UNION); corridors come from the corridor tree.
        A body is also known by its short name, as the exports write it (`JWG-ICC`)."""
        if not hasattr(self, "_known_slugs"):
            parts = []
            for name, (model, label) in self.LOOKED_UP.items():
                requested = self.requested_slugs(name)
                if not requested:
                    continue
                wanted = Q(slug__in={*requested, *(value.lower() for value in requested)})
                if name == "body":
                    for value in requested:
                        wanted |= Q(short_name__iexact=value)
                parts.append(
                    model.objects.filter(wanted)
                    .order_by()
                    .annotate(kind=Value(name), label=F(label))
                    .values_list("kind", "pk", "slug", "label")
                )
            rows = parts[0].union(*parts[1:], all=True) if parts else []
            self._known_slugs = {name: {} for name in self.LOOKED_UP}
            for kind, pk, slug, label in rows:
                model, label_field = self.LOOKED_UP[kind]
                found = model(pk=pk, slug=slug, **{label_field: label})
                self._known_slugs[kind][slug.lower()] = found
                if kind == "body":
                    self._known_slugs[kind].setdefault(label.lower(), found)
        return self._known_slugs

    def short_query(self):
        """The valid query as a shared link should say it: no empty values, no defaults
        (`sort=-date` unless searching, where it overrides relevance; `page=1`), each slug
        as the site writes it (`JWG-ICC` -> `jwg-icc`), a repeated value once. Other
        parameters are kept as given."""
        query = QueryDict(mutable=True)
        searching = bool(self.form.cleaned_data.get("q"))
        for key, values in self.data.lists():
            kept = []
            for value in values:
                value = str(value)
                if (
                    not value.strip()
                    or (key, value) in DEFAULT_VALUES
                    and not (key == "sort" and searching)
                ):
                    continue
                if key in self.SLUG_PARAMETERS:
                    # A value its field did not clean (a bad one beside a good one of a
                    # single-valued filter) is kept as given rather than failing here.
                    found = self.filters[key].extra["known"]().get(value.lower())
                    value = found.slug if found else value
                if value not in kept:
                    kept.append(value)
            if kept:
                query.setlist(key, kept)
        return query.urlencode()

    def filter_date_from(self, queryset, name, value):
        return queryset.overlapping(start=value[0])

    def filter_date_to(self, queryset, name, value):
        return queryset.overlapping(end=value[1])

    def filter_corridor(self, queryset, name, value):
        return queryset.in_corridors(self.corridor_ids(), how=self.chosen_link_kind())

    def filter_corridor_link(self, queryset, name, value):
        if self.form.cleaned_data.get("corridor"):
            return queryset  # the corridor filter links the two
        return queryset.in_corridors(how=value)

    def chosen_link_kind(self):
        """explicit or derived when the list is asked for one kind of corridor link."""
        return self.form.cleaned_data.get("corridor_link") or None

    def filter_focus_area(self, queryset, name, value):
        return queryset.with_focus_areas(value)

    def filter_body(self, queryset, name, value):
        return queryset.filter(body=value)

    def filter_person(self, queryset, name, value):
        return queryset.with_person(value)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_nothing(self, queryset, name, value):
        return queryset  # `sort` is applied last, in filter_queryset()

    def corridor_tree(self):
        """Every corridor (a handful of rows), loaded once for the filter and the facets."""
        if not hasattr(self, "_corridor_tree"):
            self._corridor_tree = list(Corridor.objects.all())
        return self._corridor_tree

    def descendant_ids(self, corridor_ids):
        """`corridor_ids` and the ids of every corridor below them."""
        wanted = set(corridor_ids)
        while True:
            found = {c.pk for c in self.corridor_tree() if c.parent_id in wanted} - wanted
            if not found:
                return wanted
            wanted |= found

    def corridor_ids(self):
        """The chosen corridors and their descendants."""
        chosen = self.form.cleaned_data.get("corridor") or []
        return sorted(self.descendant_ids(c.pk for c in chosen))

    def active_filters(self):
        """(name, cleaned value) of each valid, non-empty filter except sort."""
        return [
            (name, value)
            for name, value in self.form.cleaned_data.items()
            # An empty multiple choice cleans to an empty (already evaluated) queryset.
            if name != "sort" and value
        ]

    def active_choices(self):
        """(label, value shown, parameter, raw value) for each active filter, so the page
        can list them and offer one-click removal."""
        choices = []
        for name, value in self.active_filters():
            label = self.filters[name].label
            if name in ("corridor", "focus_area"):
                choices += [(label, str(obj), name, obj.slug) for obj in value]
            elif name in ("body", "person"):
                choices.append((label, str(value), name, value.slug))
            elif name == "review_status":
                choices.append((label, ReviewStatus(value).label, name, value))
            elif name == "status":
                choices.append((label, MeetingStatus(value).label, name, value))
            elif name == "corridor_link":
                choices.append((label, LinkHow(value).label, name, value))
            else:
                raw = self.form.data.get(name, "")
                choices.append((label, raw, name, raw))
        return choices

    def queryset_without(self, excluded=None):
        """The base queryset with every active filter but `excluded`, unordered."""
        queryset = self.queryset.all()
        for name, value in self.active_filters():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    def cached(self, name, compute):
        """`compute()` for the active filters, from the cache while the data keeps the
        version it had when it was stored (exports.data_version(): every write through
        the models gives it a new one). The key holds the cleaned filter values, so two
        spellings of one filter share an entry; sort and page don't count."""
        active = sorted(
            (
                key,
                sorted(str(getattr(v, "pk", v)) for v in value)
                if key in ("corridor", "focus_area")
                else str(getattr(value, "pk", value)),
            )
            for key, value in self.active_filters()
        )
        digest = hashlib.sha256(repr(active).encode()).hexdigest()
        return cache.get_or_set(f"meetings:{name}:{data_version()}:{digest}", compute)

    def count(self):
        """How many meetings match (cached; see cached())."""
        return self.cached("count", self.qs.count)

    def facets(self):
        """The counts beside the list (cached; see cached() and facets_now())."""
        return self.cached("facets", self.facets_now)

    def facets_now(self):
        """For each corridor, focus area and body: how many meetings choosing it would
        match within the other active filters. Two queries: the choices (bodies and focus
        areas; corridors come from the corridor tree) and every count (facet_counts())."""
        selected = {
            name: {obj.pk for obj in (value if name in ("corridor", "focus_area") else [value])}
            for name, value in self.active_filters()
            if name in ("corridor", "focus_area", "body")
        }
        counts = {(kind, pk): count for kind, pk, count in self.facet_counts()}
        choices = {"body": [], "focus_area": []}
        labelled = {"body": (Body, "short_name"), "focus_area": (FocusArea, "name")}
        for kind, pk, slug, label in self.facet_choices():
            model, label_field = labelled[kind]
            choices[kind].append(model(pk=pk, slug=slug, **{label_field: label}))
        return {
            "corridor": [
                Facet(
                    c,
                    counts.get(("corridor", c.pk), 0),
                    c.pk in selected.get("corridor", ()),
                    self.depth(c),
                    counts.get(("stated", c.pk), 0),
                )
                for c in self.corridors_in_tree_order()
            ],
            **{
                kind: [
                    Facet(obj, counts.get((kind, obj.pk), 0), obj.pk in selected.get(kind, ()))
                    for obj in objects
                ]
                for kind, objects in choices.items()
            },
        }

    def facet_choices(self):
        """(kind, pk, slug, label) of every body and focus area, in the order listed."""
        bodies = Body.objects.order_by().annotate(kind=Value("body"), label=F("short_name"))
        focus_areas = FocusArea.objects.order_by().annotate(
            kind=Value("focus_area"), label=F("name")
        )
        return (
            bodies.values_list("kind", "pk", "slug", "label")
            .union(focus_areas.values_list("kind", "pk", "slug", "label"), all=True)
            .order_by("kind", "label")
        )

    def facet_counts(self):
        """(kind, pk, count) for each body, focus area and corridor with meetings, and
        ("stated", corridor pk, count) for how many of a corridor's meetings a source ties
        to it (None for a corridor with children), in ONE query: a UNION ALL of grouped counts, each over the meetings matching
        the other filters. Grouping the matching meetings (or their links) costs what they
        cost; counting per choice with a filter, as before, read every link of every
        meeting."""
        bodies = self.queryset_without("body").annotate(kind=Value("body"), how=Value(""))
        focus_links = MeetingFocusArea.objects.filter(
            self.matching_others("focus_area", "meeting__in")
        ).annotate(kind=Value("focus_area"), link=Value(""))
        corridor_links = MeetingCorridor.objects.filter(
            self.matching_others("corridor", "meeting__in")
        )
        if self.chosen_link_kind():
            corridor_links = corridor_links.filter(how=self.chosen_link_kind())
        parts = [
            bodies.values_list("kind", "body", "how").annotate(count=Count("pk")),
            focus_links.values_list("kind", "focus_area", "link").annotate(count=Count("pk")),
            corridor_links.annotate(kind=Value("corridor"))
            .values_list("kind", "corridor", "how")
            .annotate(count=Count("pk")),
        ]
        # A meeting linked to two children counts once for their parent. Under the root
        # (every corridor) no corridor filter is needed, and without one SQLite counts the
        # distinct meetings in the order of its (meeting, ...) index, with no temporary
        # B-tree: 36 instead of 420 ms over 130,000 links.
        parents = {c.parent_id for c in self.corridor_tree()}
        every = {c.pk for c in self.corridor_tree()}

        def under(corridor):
            below = self.descendant_ids([corridor.pk])
            return Q() if below == every else Q(corridor__in=below)

        # (No stated count for a parent: a second distinct count over every link doubled
        # the facets' cost.)
        parts += [
            corridor_links.filter(under(c))
            .annotate(kind=Value("parent"), parent=Value(c.pk), link=Value(""))
            .values_list("kind", "parent", "link")
            .annotate(count=Count("meeting", distinct=True))
            for c in self.corridor_tree()
            if c.pk in parents
        ]
        parts = [part.order_by() for part in parts]
        rows = parts[0].union(*parts[1:], all=True)
        counts = {}
        for kind, pk, how, count in rows:
            if kind == "corridor":
                counts[kind, pk] = counts.get((kind, pk), 0) + count
                if how == LinkHow.EXPLICIT:
                    counts["stated", pk] = count
            elif kind == "parent":
                counts["corridor", pk] = count
                counts["stated", pk] = None
            else:
                counts[kind, pk] = count
        return [(kind, pk, count) for (kind, pk), count in counts.items()]

    def matching_others(self, name, lookup):
        """Q(<lookup>=the meetings matching every active filter but `name`); an empty Q
        when no other filter is active, so the counts scan no subquery."""
        if all(other == name for other, _ in self.active_filters()):
            return Q()
        return Q(**{lookup: self.queryset_without(name).values("pk")})

    def depth(self, corridor):
        by_pk = {c.pk: c for c in self.corridor_tree()}
        depth = 0
        while corridor.parent_id in by_pk:
            corridor = by_pk[corridor.parent_id]
            depth += 1
        return depth

    def corridors_in_tree_order(self):
        """Parents before their children, depth first."""
        ordered = []

        def visit(parent_id):
            for c in self.corridor_tree():
                if c.parent_id == parent_id:
                    ordered.append(c)
                    visit(c.pk)

        visit(None)
        return ordered

    def filter_queryset(self, queryset):
        queryset = queryset.all()
        for name, value in self.active_filters():
            queryset = self.filters[name].filter(queryset, value)
        sort = self.form.cleaned_data.get("sort")
        if (
            not sort
            and self.form.cleaned_data.get("q")
            and "search_rank" in queryset.query.annotations
        ):
            return queryset.order_by("-search_rank", *SORTS["-date"], "pk")
        return queryset.sorted_by(sort or "-date")
