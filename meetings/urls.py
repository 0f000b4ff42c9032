from django.urls import path

from . import export_views, feeds, views

app_name = "meetings"

urlpatterns = [
    # Exports first: the detail route would take "export.csv" for a slug.
    path("meetings/export.csv", export_views.meetings_csv, name="export_csv"),
    path("meetings/export.json", export_views.meetings_json, name="export_json"),
    path("meetings/focus-areas.csv", export_views.focus_areas_csv, name="focus_areas_csv"),
    path("meetings/<slug:slug>/export.json", export_views.meeting_json, name="meeting_json"),
    path("data/", export_views.data_dictionary, name="data_dictionary"),
    path("", views.overview, name="overview"),
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/feed/", feeds.MeetingFeed(), name="feed"),
    path("meetings/calendar.ics", feeds.calendar, name="calendar"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("people/", views.people_index, name="people"),
    path("bodies/", views.bodies_index, name="bodies"),
    path("sources/", views.sources_index, name="sources"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
]
