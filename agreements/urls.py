from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("focus-areas/<slug:slug>/", views.focus_area_detail, name="focus_area"),
    path("corridors/<slug:slug>/", views.corridor_detail, name="corridor"),
]
