"""Forms for the admin: entering a meeting by hand, adding one from an article,
and resolving the conflicts a later source raised."""

import hashlib

from django import forms
from django.contrib.humanize.templatetags.humanize import ordinal
from django.db.models import Max
from django.utils import timezone

from agreements.models import LinkHow, MeetingCorridor

from .models import Body, DatePrecision, Delegation, Meeting, MeetingStatus, Participant, Role

# Uploaded or pasted articles larger than this are refused.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# How many leading parts of a date a precision fixes.
PRECISION_PARTS = {DatePrecision.DAY: 3, DatePrecision.MONTH: 2, DatePrecision.YEAR: 1}


def next_numbers():
    """{body id: the number its next meeting would have}, for every body."""
    last = dict(
        Meeting.objects.filter(number__isnull=False)
        .values_list("body")
        .annotate(last=Max("number"))
        .values_list("body", "last")
    )
    return {
        body_id: last.get(body_id, 0) + 1 for body_id in Body.objects.values_list("pk", flat=True)
    }


def next_number_for(body_id):
    last = Meeting.objects.filter(body_id=body_id).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def start_of_period(date, precision):
    """The date as stored for its precision: the first day of its month or year."""
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    return date


def is_before(a, a_precision, b, b_precision):
    """Whether date `a` is certainly earlier than date `b`, each known only to its precision."""
    parts = min(PRECISION_PARTS[a_precision], PRECISION_PARTS[b_precision])
    return (a.year, a.month, a.day)[:parts] < (b.year, b.month, b.day)[:parts]


def describe_date(meeting):
    formats = {
        DatePrecision.DAY: "%-d %B %Y",
        DatePrecision.MONTH: "%B %Y",
        DatePrecision.YEAR: "%Y",
    }
    return meeting.date.strftime(formats[meeting.date_precision])


class MeetingForm(forms.ModelForm):
    """The meeting itself, checked against the body's other sessions."""

    class Meta:
        model = Meeting
        fields = [
            "body",
            "number",
            "date",
            "date_precision",
            "date_inferred",
            "city",
            "country",
            "mode",
            "status",
            "summary",
            "review_status",
        ]
        help_texts = {
            "date": "For month or year precision any day of that month or year will do.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "number" in self.fields:
            bodies = {body.pk: body.short_name for body in Body.objects.all()}
            suggestions = ", ".join(
                f"{bodies[body_id]} {number}" for body_id, number in next_numbers().items()
            )
            self.fields["number"].help_text = (
                "The ordinal: 2 for the second meeting or round. "
                f"Suggested (the body's last number + 1): {suggestions}."
            )

    def clean(self):
        cleaned = super().clean()
        if {"date", "date_precision"} & set(self.changed_data) and (
            "date_inferred" not in self.changed_data
        ):
            cleaned["date_inferred"] = False  # the editor gave the date
        body, number = cleaned.get("body"), cleaned.get("number")
        date, precision = cleaned.get("date"), cleaned.get("date_precision")
        if date and precision == DatePrecision.UNKNOWN:
            self.add_error("date_precision", "Say how precise the date is: day, month or year.")
            return cleaned
        if not date and precision and precision != DatePrecision.UNKNOWN:
            self.add_error("date", "Give the date, or set its precision to Unknown.")
            return cleaned
        if date:
            date = cleaned["date"] = start_of_period(date, precision)
            planned = cleaned.get("status") == MeetingStatus.PLANNED
            if date > timezone.localdate() and not planned:
                self.add_error(
                    "date",
                    "The date is in the future; enter meetings that took place, "
                    "or set the status to Planned.",
                )
                return cleaned
        if body and number:
            others = Meeting.objects.filter(body=body).exclude(pk=self.instance.pk)
            same = others.filter(number=number).first()
            if same:
                self.add_error(
                    "number",
                    f"There is already a {ordinal(number)} {body.short_name} meeting "
                    f"(“{same.slug}”). Edit that one, or correct the number.",
                )
                return cleaned
            if date:
                self._check_order(others.filter(date__isnull=False), number, date, precision)
        return cleaned

    def _check_order(self, dated_sessions, number, date, precision):
        for other in dated_sessions.filter(number__isnull=False).select_related("body"):
            if other.number < number and is_before(
                date, precision, other.date, other.date_precision
            ):
                self.add_error(
                    "date",
                    f"The {other.title} was held on {describe_date(other)}; "
                    f"the {ordinal(number)} cannot be earlier.",
                )
                return
            if other.number > number and is_before(
                other.date, other.date_precision, date, precision
            ):
                self.add_error(
                    "date",
                    f"The {other.title} was held on {describe_date(other)}; "
                    f"the {ordinal(number)} cannot be later.",
                )
                return


def canonical_country(country):
    country = " ".join(country.split())
    for known in ("China", "Pakistan"):
        if country.casefold() == known.casefold():
            return known
    return country


class ParticipantForm(forms.ModelForm):
    """A participant row on the meeting form; its country picks the delegation."""

    country = forms.CharField(
        max_length=100,
        required=False,
        help_text="China, Pakistan, or another country. Blank: the person's own country.",
    )

    class Meta:
        model = Participant
        fields = ["country", "person", "role", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.delegation_id:
            self.initial["country"] = self.instance.delegation.country

    def clean(self):
        cleaned = super().clean()
        person, role = cleaned.get("person"), cleaned.get("role")
        country = canonical_country(cleaned.get("country", "")) or (person and person.country)
        if person and not country:
            kind = dict(Role.choices).get(role, "participant").lower()
            self.add_error(
                "country",
                f"A {kind} needs a country: say which side {person.name} sat on "
                "(China, Pakistan or another country).",
            )
        cleaned["country"] = country or ""
        return cleaned

    def save(self, commit=True):
        participant = super().save(commit=False)
        country = self.cleaned_data["country"]
        meeting = participant.meeting
        delegation = meeting.delegations.filter(country__iexact=country).first()
        participant.delegation = delegation or Delegation.objects.create(
            meeting=meeting, country=country
        )
        if commit:
            participant.save()
        return participant


class ParticipantFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            person = form.cleaned_data.get("person")
            if person is None:
                continue
            if person.pk in seen:
                form.add_error("person", f"{person.name} is listed twice; keep one row per person.")
            seen.add(person.pk)


def settle_delegation_leaders(meeting):
    """After the participants changed: each delegation is led by one of its co-chairs
    or leaders, and a delegation left with nobody in it goes."""
    for delegation in meeting.delegations.prefetch_related("participants"):
        people = list(delegation.participants.all())
        if not people:
            delegation.delete()
            continue
        heads = [p.person_id for p in people if p.role in (Role.LEADER, Role.CO_CHAIR)]
        leaders = [p.person_id for p in people if p.role == Role.LEADER]
        if delegation.leader_id not in heads:
            delegation.leader_id = (leaders or heads or [None])[0]
            delegation.save(update_fields=["leader"])


class MeetingCorridorForm(forms.ModelForm):
    class Meta:
        model = MeetingCorridor
        fields = ["corridor", "how", "via", "evidence"]

    def clean(self):
        cleaned = super().clean()
        how, corridor, via = cleaned.get("how"), cleaned.get("corridor"), cleaned.get("via")
        if how == LinkHow.EXPLICIT and not cleaned.get("evidence"):
            self.add_error(
                "evidence",
                "A corridor stated in a source needs the sentence that states it: pick it here, "
                "or mark the link “Derived from a focus area” and say which focus area.",
            )
        if how == LinkHow.DERIVED and not via:
            self.add_error("via", "Say which focus area places the meeting in this corridor.")
        if how == LinkHow.DERIVED and via and corridor and self.has_changed():
            if not via.corridors.filter(pk=corridor.pk).exists():
                self.add_error(
                    "via",
                    f"The focus-area mapping does not place {via} under “{corridor}”.",
                )
        return cleaned


class ArticleForm(forms.Form):
    """An article to add: pasted, or uploaded as a UTF-8 .txt file."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        required=False,
        strip=False,
        label="Article text",
        help_text="Paste the article here, or upload it below.",
    )
    file = forms.FileField(
        required=False,
        label="or a .txt file",
        help_text="Plain text, UTF-8, at most 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    title = forms.CharField(max_length=300, required=False)
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(max_length=500, required=False, label="URL", assume_scheme="https")
    file_name = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    # The sha256 of the text the preview showed; saving checks the text is still that.
    previewed = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if not upload.name.lower().endswith(".txt"):
            raise forms.ValidationError("Upload a plain-text .txt file.")
        if upload.size > MAX_ARTICLE_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not UTF-8 text. Save it as UTF-8 and upload it again."
            ) from None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text = cleaned.get("file") or cleaned.get("text") or ""
        if cleaned.get("file") is not None and self.files.get("file"):
            cleaned["file_name"] = self.files["file"].name
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
            raise forms.ValidationError("The article is larger than 5 MB.")
        if not text.strip():
            raise forms.ValidationError("The article is empty: paste its text or upload a file.")
        cleaned["text"] = text
        return cleaned

    @property
    def sha256(self):
        return hashlib.sha256(self.cleaned_data["text"].encode("utf-8")).hexdigest()


class ConflictChoiceForm(forms.Form):
    """One open conflict on the review page: keep the current value, take the proposed
    one, or (for plain fields) type the right value."""

    CHOICES = [("", "Decide later"), ("current", "Keep current"), ("proposed", "Take proposed")]

    choice = forms.ChoiceField(choices=CHOICES, required=False, widget=forms.RadioSelect)
    other_value = forms.CharField(max_length=200, required=False, label="or another value")

    def __init__(self, *args, conflict, allows_other_value, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = conflict
        if not allows_other_value:
            del self.fields["other_value"]

    def chosen_value(self):
        """The value picked, or None when the editor left this conflict for later."""
        other = self.cleaned_data.get("other_value", "").strip()
        if other:
            return other
        return {
            "current": self.conflict.current_value,
            "proposed": self.conflict.proposed_value,
        }.get(self.cleaned_data.get("choice"))
