import pytest

from meetings.models import Body, Meeting, Person

pytestmark = pytest.mark.django_db


def inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_form(**overrides):
    from agreements.models import FocusArea
    from meetings.models import Person

    luo = Person.objects.create(name="Luo Wen", country="China")
    khan = Person.objects.create(name="Sara Khan", country="Pakistan")
    data = {
        "body": Body.objects.get(short_name="JWG-ICC").pk,
        "number": "7",
        "date": "2023-05-04",
        "date_precision": "day",
        "city": "Gwadar",
        "country": "Pakistan",
        "mode": "in_person",
        "status": "held",
        "summary": "",
        "review_status": "reviewed",
        **inline_management("participants", 2),
        "participants-0-country": "China",
        "participants-0-person": luo.pk,
        "participants-0-role": "co_chair",
        "participants-0-title": "Vice Foreign Minister",
        "participants-1-country": "Pakistan",
        "participants-1-person": khan.pk,
        "participants-1-role": "co_chair",
        "participants-1-title": "Foreign Secretary",
        **inline_management("focus_area_links", 2),
        "focus_area_links-0-focus_area": FocusArea.objects.get(slug="energy").pk,
        "focus_area_links-1-focus_area": FocusArea.objects.get(slug="maritime").pk,
        **inline_management("corridor_links"),
        **inline_management("agreements"),
        **inline_management("evidence_set"),
        **inline_management("conflicts"),
    }
    data.update(overrides)
    return data


def test_a_staff_user_adds_a_meeting_with_co_chairs_and_focus_areas(staff_client):
    response = staff_client.post("/admin/meetings/meeting/add/", meeting_form())
    assert response.status_code == 302, response.context["adminform"].form.errors

    meeting = Meeting.objects.get()
    assert (meeting.body.short_name, meeting.number, meeting.city) == ("JWG-ICC", 7, "Gwadar")
    co_chairs = {
        (p.person.name, p.delegation.country, p.title)
        for p in meeting.participants.select_related("person", "delegation")
    }
    assert co_chairs == {
        ("Luo Wen", "China", "Vice Foreign Minister"),
        ("Sara Khan", "Pakistan", "Foreign Secretary"),
    }
    assert {d.country: d.leader.name for d in meeting.delegations.all()} == {
        "China": "Luo Wen",
        "Pakistan": "Sara Khan",
    }
    assert set(meeting.focus_areas.values_list("slug", flat=True)) == {"energy", "maritime"}


def test_the_admin_lists_meetings_and_finds_them_by_search(staff_client):
    staff_client.post("/admin/meetings/meeting/add/", meeting_form())
    response = staff_client.get("/admin/meetings/meeting/", {"q": "Gwadar"})
    assert response.status_code == 200
    assert b"7th JWG-ICC meeting" in response.content
    response = staff_client.get("/admin/meetings/meeting/", {"corridors__id__exact": "999"})
    assert response.status_code == 200


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get("/admin/meetings/meeting/add/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_non_staff_user_gets_no_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="pw-12345"))
    response = client.get("/admin/meetings/meeting/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_every_admin_changelist_renders(staff_client):
    titles = {
        "/admin/meetings/body/": "Select body to change",
        "/admin/meetings/person/": "Select person to change",
        "/admin/meetings/sourcedocument/": "Select source document to change",
        "/admin/meetings/evidence/": "Select evidence to change",
        "/admin/meetings/conflict/": "Select conflict to change",
        "/admin/agreements/focusarea/": "Select focus area to change",
        "/admin/agreements/corridor/": "Select corridor to change",
        "/admin/agreements/agreement/": "Select agreement to change",
        "/admin/meetings/meeting/add/": "Add meeting",
    }
    for url, title in titles.items():
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert f"<title>{title} | Django site admin</title>" in response.content.decode(), url


def test_the_person_autocomplete_answers_a_superuser(staff_client):
    Person.objects.create(name="Luo Wen", country="China")
    Person.objects.create(name="Sara Khan", country="Pakistan")
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "meetings",
            "model_name": "participant",
            "field_name": "person",
            "term": "luo",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Luo Wen"]
