"""Back-office URLs of the events app, mounted under /admin/veranstaltungen/ (wagtail_hooks)."""

from django.urls import path

from . import admin_views as views

app_name = "lotse_events"

urlpatterns = [
    path("<int:event_id>/", views.event_overview, name="overview"),
    path("<int:event_id>/anmeldungen/", views.registrations_list, name="registrations"),
    path(
        "<int:event_id>/anmeldungen/hinzufuegen/",
        views.registration_add,
        name="registration_add",
    ),
    path(
        "<int:event_id>/anmeldungen/<int:registration_id>/stornieren/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "<int:event_id>/anmeldungen/<int:registration_id>/verschieben/",
        views.registration_move,
        name="registration_move",
    ),
    path("<int:event_id>/namensschilder.pdf", views.badges, name="badges"),
    path("<int:event_id>/teilnehmendenliste.pdf", views.participant_list, name="participants"),
    path("<int:event_id>/nachricht/", views.message, name="message"),
    path("<int:event_id>/dankesmail/", views.thanks, name="thanks"),
    path("<int:event_id>/teilnehmendenstruktur/", views.report, name="report"),
    path("standort/<int:site_id>/einlassliste.pdf", views.checkin_list, name="checkin_list"),
    path("standort/<int:site_id>/einlass/", views.checkin_page, name="checkin"),
    path("standort/<int:site_id>/einlass/zaehler/", views.checkin_counter, name="counter"),
    path(
        "standort/<int:site_id>/einlass/<int:registration_id>/",
        views.checkin_do,
        name="checkin_do",
    ),
    path(
        "standort/<int:site_id>/einlass/<int:registration_id>/zuruecknehmen/",
        views.checkin_undo,
        name="checkin_undo",
    ),
    path("loeschfristen/", views.retention_list, name="retention"),
    path("loeschfristen/<int:event_id>/", views.retention_run, name="retention_run"),
]
