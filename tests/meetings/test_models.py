import pytest
from django.db import IntegrityError, transaction

from meetings.models import Meeting, Person
from tests.conftest import add_participant, make_meeting

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_second_meeting_with_the_same_body_and_number():
    make_meeting("JWG-ICC", 2, "2020-12-25")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting("JWG-ICC", 2, "2021-01-01")
    assert Meeting.objects.count() == 1


def test_the_same_number_is_allowed_for_another_body_and_unnumbered_meetings_repeat():
    make_meeting("JWG-ICC", 4)
    make_meeting("BPC", 4)
    make_meeting("JCC")
    make_meeting("JCC")
    assert Meeting.objects.count() == 4


def test_the_database_refuses_a_date_without_a_precision_and_number_zero():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting("JCC", 1, "2020-01-01", precision="unknown")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting("JCC", 0)


def test_a_meeting_reads_well_and_gets_a_slug_from_body_and_number():
    meeting = make_meeting("JWG-ICC", 2, "2020-12-25")
    assert str(meeting) == "2nd JWG-ICC meeting"
    assert meeting.slug == "jwg-icc-2"
    assert meeting.get_absolute_url() == "/meetings/jwg-icc-2/"
    assert make_meeting("JCC").slug == "jcc-meeting"
    assert make_meeting("JCC").slug == "jcc-meeting-2"


def test_merging_people_moves_their_roles_and_keeps_their_spellings():
    meeting = make_meeting("JWG-ICC", 3)
    tehmina = add_participant(meeting, "Tehmina Janjua", "Pakistan").person
    other = make_meeting("JWG-ICC", 4)
    tahmina = add_participant(other, "Tahmina Janjua", "Pakistan").person

    Person.objects.filter(pk__in=[tehmina.pk, tahmina.pk]).merge_into(tehmina)

    tehmina.refresh_from_db()
    assert list(Person.objects.values_list("name", flat=True)) == ["Tehmina Janjua"]
    assert tehmina.other_names == ["Tahmina Janjua"]
    assert sorted(tehmina.participations.values_list("meeting__number", flat=True)) == [3, 4]
    assert other.delegations.get().leader == tehmina
