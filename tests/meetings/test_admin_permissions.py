"""Who may do what in the admin: Editors, Viewers, users holding only some meeting permissions,
anonymous and non-staff users, CSRF."""

import hashlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from agreements.models import Agreement
from meetings.models import Body, Conflict, Meeting, Person, SourceDocument
from tests.conftest import make_meeting
from tests.meetings.export_helpers import csv_dicts

pytestmark = pytest.mark.django_db

FROM_ARTICLE = "/admin/meetings/meeting/from-article/"
ARTICLE = (
    "The second meeting of the JWG-ICC was held in Gwadar on 3 March 2021. "
    "Both sides agreed to cooperate on ports.\n"
)


def member_of(group_name, django_user_model, username):
    user = django_user_model.objects.create_user(username, password="pw-12345", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(member_of("Editors", django_user_model, "editor"))
    return client


@pytest.fixture
def viewer(client, django_user_model):
    client.force_login(member_of("Viewers", django_user_model, "viewer"))
    return client


@pytest.fixture
def flagged_meeting():
    meeting = make_meeting(number=2, date="2021-03-03", city="Gwadar", review_status="needs_review")
    conflict = Conflict.objects.create(
        meeting=meeting, field="city", current_value="Gwadar", proposed_value="Quetta"
    )
    return meeting, conflict


def add_form():
    return {
        "body": Body.objects.get(short_name="JWG-ICC").pk,
        "number": "3",
        "date": "2021-06-01",
        "date_precision": "day",
        "city": "Beijing",
        "country": "China",
        "mode": "virtual",
        "status": "held",
        "review_status": "reviewed",
        **{
            f"{prefix}-{key}": value
            for prefix in (
                "participants",
                "focus_area_links",
                "corridor_links",
                "agreements",
                "evidence_set",
                "conflicts",
            )
            for key, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
    }


def test_editors_add_and_change_and_delete_only_what_the_extractor_writes_on_a_meeting():
    editors = {p.codename for p in Group.objects.get(name="Editors").permissions.all()}
    for model in ("meeting", "person", "agreement", "conflict", "participant", "sourcedocument"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= editors, model
    assert {codename for codename in editors if codename.startswith("delete_")} == {
        "delete_meeting", "delete_delegation", "delete_participant", "delete_agreement",
        "delete_meetingfocusarea", "delete_meetingcorridor",
    }  # fmt: skip


def test_viewers_may_only_view():
    viewers = {p.codename for p in Group.objects.get(name="Viewers").permissions.all()}
    assert {"view_meeting", "view_person", "view_agreement", "view_conflict"} <= viewers
    assert all(codename.startswith("view_") for codename in viewers)


def test_a_viewer_reads_the_admin_but_cannot_change_anything(viewer, flagged_meeting):
    meeting, conflict = flagged_meeting
    change_url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    assert viewer.get("/admin/meetings/meeting/").status_code == 200
    page = viewer.get(change_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert "Add from article" not in viewer.get("/admin/meetings/meeting/").content.decode()

    refused = {
        "add page": viewer.get("/admin/meetings/meeting/add/"),
        "add": viewer.post("/admin/meetings/meeting/add/", add_form()),
        "change": viewer.post(change_url, add_form()),
        "delete": viewer.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}),
        "add person": viewer.post("/admin/meetings/person/add/", {"name": "Someone New"}),
        "article page": viewer.get(FROM_ARTICLE),
        "article save": viewer.post(FROM_ARTICLE, {"text": ARTICLE, "_save": "1"}),
        "review page": viewer.get(f"/admin/meetings/meeting/{meeting.pk}/review/"),
        "resolve": viewer.post(
            f"/admin/meetings/meeting/{meeting.pk}/review/",
            {f"conflict-{conflict.pk}-choice": "proposed"},
        ),
    }
    assert {name: r.status_code for name, r in refused.items()} == dict.fromkeys(refused, 403)
    meeting.refresh_from_db()
    assert (meeting.city, meeting.number, Meeting.objects.count()) == ("Gwadar", 2, 1)
    assert not Person.objects.exists()
    assert Conflict.objects.get().resolved_at is None


def test_a_viewer_cannot_change_an_agreement(viewer, flagged_meeting):
    meeting, _ = flagged_meeting
    agreement = Agreement.objects.create(meeting=meeting, statement="Ports first.")
    response = viewer.post(
        f"/admin/agreements/agreement/{agreement.pk}/change/",
        {"meeting": meeting.pk, "statement": "Changed.", "kind": "agreed"},
    )
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.statement == "Ports first."


def test_a_viewer_cannot_merge_people(viewer):
    luo = Person.objects.create(name="Luo Zhaohui", country="China")
    dup = Person.objects.create(name="Luo Zhao Hui", country="China")
    changelist = viewer.get("/admin/meetings/person/").content.decode()
    assert "merge_people" not in changelist
    viewer.post(
        "/admin/meetings/person/",
        {"action": "merge_people", "_selected_action": [luo.pk, dup.pk], "index": "0"},
    )
    assert Person.objects.count() == 2


def test_an_editor_merges_people(editor):
    luo = Person.objects.create(name="Luo Zhaohui", country="China")
    dup = Person.objects.create(name="Luo Zhao Hui", country="China")
    editor.post(
        "/admin/meetings/person/",
        {"action": "merge_people", "_selected_action": [luo.pk, dup.pk], "index": "0"},
    )
    assert list(Person.objects.values_list("name", "other_names")) == [
        ("Luo Zhaohui", ["Luo Zhao Hui"])
    ]


def test_an_editor_adds_a_meeting_uses_the_article_page_and_resolves_a_review(
    editor, flagged_meeting
):
    meeting, conflict = flagged_meeting
    assert editor.post("/admin/meetings/meeting/add/", add_form()).status_code == 302
    assert Meeting.objects.filter(number=3).exists()
    assert editor.get(FROM_ARTICLE).status_code == 200
    assert "Add from article" in editor.get("/admin/meetings/meeting/").content.decode()

    response = editor.post(
        f"/admin/meetings/meeting/{meeting.pk}/review/",
        {f"conflict-{conflict.pk}-choice": "proposed"},
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Quetta", "reviewed")
    person = Person.objects.create(name="Someone Else")
    assert editor.get(f"/admin/meetings/person/{person.pk}/delete/").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/add/",
        FROM_ARTICLE,
        "/admin/meetings/meeting/1/review/",
    ],
)
def test_an_anonymous_user_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_an_anonymous_post_writes_nothing(client, flagged_meeting):
    meeting, conflict = flagged_meeting
    client.post(FROM_ARTICLE, {"text": ARTICLE, "_save": "1"})
    client.post(
        f"/admin/meetings/meeting/{meeting.pk}/review/",
        {f"conflict-{conflict.pk}-choice": "proposed"},
    )
    meeting.refresh_from_db()
    assert meeting.city == "Gwadar"
    assert Meeting.objects.count() == 1


def test_a_non_staff_user_is_sent_to_log_in_even_with_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("outsider", password="pw-12345")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    for url in (FROM_ARTICLE, "/admin/meetings/meeting/", "/admin/meetings/meeting/1/review/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_every_admin_form_refuses_a_post_without_a_csrf_token(django_user_model, flagged_meeting):
    meeting, conflict = flagged_meeting
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of("Editors", django_user_model, "editor"))
    review = f"/admin/meetings/meeting/{meeting.pk}/review/"
    posts = {
        "/admin/meetings/meeting/add/": add_form(),
        FROM_ARTICLE: {"text": ARTICLE, "_preview": "1"},
        review: {f"conflict-{conflict.pk}-choice": "proposed"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 403, url
    meeting.refresh_from_db()
    assert (meeting.city, Meeting.objects.count()) == ("Gwadar", 1)

    # With the token the page's form carries, the same post goes through.
    client.get(review)
    token = client.cookies["csrftoken"].value
    response = client.post(
        review, {f"conflict-{conflict.pk}-choice": "proposed"}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.city == "Quetta"


def test_an_editor_can_delete_a_meeting_the_extractor_invented(editor):
    meeting = make_meeting(number=9, date="2021-01-01")
    response = editor.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_viewer_cannot_delete_a_meeting(viewer):
    meeting = make_meeting(number=9, date="2021-01-01")
    response = viewer.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()


# Staff users holding every permission Editors hold except on meetings, where they hold exactly
# the ones named: the custom pages must check the meeting permissions themselves, not lean on
# the user having been given a whole group.
MEETING_ROLES = {
    "add only": {"add_meeting"},
    "change only": {"change_meeting"},
    "view only": {"view_meeting"},
    "neither": set(),
}
QUEUE = "/admin/meetings/meeting/?review_status__exact=needs_review"


def editor_with(django_user_model, meeting_codenames, *, without=()):
    user = django_user_model.objects.create_user("partial", password="pw-12345", is_staff=True)
    granted = [
        p
        for p in Group.objects.get(name="Editors").permissions.select_related("content_type")
        if p.content_type.model != "meeting" and p.codename not in without
    ]
    granted += Permission.objects.filter(
        content_type__app_label="meetings",
        content_type__model="meeting",
        codename__in=meeting_codenames,
    )
    user.user_permissions.set(granted)
    return user


@pytest.fixture
def partial_editor(client, django_user_model, request):
    client.force_login(editor_with(django_user_model, MEETING_ROLES[request.param]))
    return client


def nothing_was_written(meeting, conflict):
    meeting.refresh_from_db()
    conflict.refresh_from_db()
    return (
        Meeting.objects.count(),
        SourceDocument.objects.count(),
        Person.objects.count(),
        meeting.city,
        meeting.review_status,
        conflict.resolved_at,
    ) == (1, 0, 0, "Gwadar", "needs_review", None)


@pytest.mark.parametrize("partial_editor", list(MEETING_ROLES), indirect=True)
def test_the_article_page_needs_both_add_and_change_on_meetings(partial_editor, flagged_meeting):
    meeting, conflict = flagged_meeting
    text = ARTICLE
    previewed = hashlib.sha256(text.encode()).hexdigest()
    answers = {
        "page": partial_editor.get(FROM_ARTICLE).status_code,
        "preview": partial_editor.post(FROM_ARTICLE, {"text": text, "_preview": "1"}).status_code,
        "save": partial_editor.post(
            FROM_ARTICLE,
            {"text": text, "previewed": previewed, "accept": ["0:meeting"], "_save": "1"},
        ).status_code,
    }
    assert answers == {"page": 403, "preview": 403, "save": 403}
    assert nothing_was_written(meeting, conflict)
    listing = partial_editor.get("/admin/meetings/meeting/").content.decode()
    assert "Add from article" not in listing


def test_the_same_article_save_goes_through_with_add_and_change(client, django_user_model):
    # The counterpart of the refusals above: these two meeting permissions are enough.
    client.force_login(editor_with(django_user_model, {"add_meeting", "change_meeting"}))
    previewed = hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert "Add from article" in client.get("/admin/meetings/meeting/").content.decode()
    assert client.get(FROM_ARTICLE).status_code == 200

    response = client.post(
        FROM_ARTICLE,
        {"text": ARTICLE, "previewed": previewed, "accept": ["0:meeting"], "_save": "1"},
    )

    assert response.status_code == 302
    assert list(Meeting.objects.values_list("number", "city")) == [(2, "")]
    assert SourceDocument.objects.count() == 1


@pytest.mark.parametrize(
    "partial_editor, answer", [("add only", 403), ("neither", 403)], indirect=["partial_editor"]
)
def test_the_review_queue_is_refused_without_view_or_change_on_meetings(
    partial_editor, answer, flagged_meeting
):
    meeting, conflict = flagged_meeting
    export = {"action": "export_selected_meetings_as_csv", "_selected_action": [meeting.pk]}
    assert partial_editor.get(QUEUE).status_code == answer
    assert partial_editor.post(QUEUE, {**export, "index": "0"}).status_code == answer
    assert nothing_was_written(meeting, conflict)


@pytest.mark.parametrize("partial_editor", ["change only", "view only"], indirect=True)
def test_the_review_queue_lists_flagged_meetings_to_whoever_may_view_them(
    partial_editor, flagged_meeting
):
    meeting, _ = flagged_meeting
    make_meeting(number=3, date="2022-01-01", review_status="reviewed")

    queue = partial_editor.get(QUEUE)

    assert queue.status_code == 200
    assert [str(m) for m in queue.context["cl"].result_list] == ["2nd JWG-ICC meeting"]
    assert "Review queue (1)" in queue.content.decode()
    exported = partial_editor.post(
        QUEUE,
        {
            "action": "export_selected_meetings_as_csv",
            "_selected_action": [meeting.pk],
            "index": "0",
        },
    )
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    assert [(row["meeting_id"], row["city"]) for row in csv_dicts(exported)] == [
        (str(meeting.pk), "Gwadar")
    ]


@pytest.mark.parametrize("partial_editor", ["add only", "view only", "neither"], indirect=True)
def test_the_review_page_is_refused_without_change_on_meetings(partial_editor, flagged_meeting):
    meeting, conflict = flagged_meeting
    review = f"/admin/meetings/meeting/{meeting.pk}/review/"
    answers = {
        "page": partial_editor.get(review).status_code,
        "resolve": partial_editor.post(
            review, {f"conflict-{conflict.pk}-choice": "proposed"}
        ).status_code,
        "mark reviewed": partial_editor.post(review, {"_mark_reviewed": "1"}).status_code,
    }
    assert answers == {"page": 403, "resolve": 403, "mark reviewed": 403}
    assert nothing_was_written(meeting, conflict)


@pytest.mark.parametrize("partial_editor", ["change only"], indirect=True)
def test_the_review_page_resolves_with_change_on_meetings_and_conflicts(
    partial_editor, flagged_meeting
):
    meeting, conflict = flagged_meeting
    review = f"/admin/meetings/meeting/{meeting.pk}/review/"
    page = partial_editor.get(review)
    assert page.status_code == 200
    assert "<strong>Quetta</strong>" in page.content.decode()

    response = partial_editor.post(review, {f"conflict-{conflict.pk}-choice": "proposed"})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.city, meeting.review_status) == ("Quetta", "reviewed")


def test_the_review_page_also_needs_change_on_conflicts(client, django_user_model, flagged_meeting):
    meeting, conflict = flagged_meeting
    user = editor_with(django_user_model, {"change_meeting"}, without={"change_conflict"})
    client.force_login(user)
    review = f"/admin/meetings/meeting/{meeting.pk}/review/"

    assert client.get(QUEUE).status_code == 200
    assert client.get(review).status_code == 403
    assert client.post(review, {f"conflict-{conflict.pk}-choice": "proposed"}).status_code == 403
    assert nothing_was_written(meeting, conflict)
