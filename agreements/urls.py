from django.urls import path

from meetings import export_views

from . import views

app_name = "agreements"

urlpatterns = [
    path("agreements/export.csv", export_views.agreements_csv, name="export_csv"),
    path("agreements/export.json", export_views.agreements_json, name="export_json"),
    path("agreements/", views.agreement_list, name="list"),
    path("focus-areas/", views.focus_areas_index, name="focus_areas"),
    path("corridors/", views.corridors_index, name="corridors"),
    path("focus-areas/<slug:slug>/", views.focus_area_detail, name="focus_area"),
    path("corridors/<slug:slug>/", views.corridor_detail, name="corridor"),
]
