from django.urls import path

from . import admin_views

app_name = "lotse_figures"

urlpatterns = [
    path("", admin_views.event_choice, name="press_events"),
    path("<int:event_id>/", admin_views.draft_from_event, name="press_from_event"),
]
