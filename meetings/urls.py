from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
]
