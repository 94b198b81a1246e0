"""Back-office URLs of the events app, mounted under /admin/veranstaltungen/ (wagtail_hooks)."""

from django.urls import path

from .views import checkin, documents, messages, registrations, report, retention

app_name = "lotse_events"

urlpatterns = [
    path("<int:event_id>/", registrations.event_overview, name="overview"),
    path("<int:event_id>/anmeldungen/", registrations.registrations_list, name="registrations"),
    path(
        "<int:event_id>/anmeldungen/hinzufuegen/",
        registrations.registration_add,
        name="registration_add",
    ),
    path(
        "<int:event_id>/anmeldungen/<int:registration_id>/stornieren/",
        registrations.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "<int:event_id>/anmeldungen/<int:registration_id>/verschieben/",
        registrations.registration_move,
        name="registration_move",
    ),
    path("<int:event_id>/namensschilder.pdf", documents.badges, name="badges"),
    path("<int:event_id>/teilnehmendenliste.pdf", documents.participant_list, name="participants"),
    path("<int:event_id>/nachricht/", messages.message, name="message"),
    path("<int:event_id>/dankesmail/", messages.thanks, name="thanks"),
    path("<int:event_id>/teilnehmendenstruktur/", report.report, name="report"),
    path("standort/<int:site_id>/einlassliste.pdf", documents.checkin_list, name="checkin_list"),
    path("standort/<int:site_id>/einlass/", checkin.checkin_page, name="checkin"),
    path("standort/<int:site_id>/einlass/zaehler/", checkin.checkin_counter, name="counter"),
    path(
        "standort/<int:site_id>/einlass/<int:registration_id>/",
        checkin.checkin_do,
        name="checkin_do",
    ),
    path(
        "standort/<int:site_id>/einlass/<int:registration_id>/zuruecknehmen/",
        checkin.checkin_undo,
        name="checkin_undo",
    ),
    path("loeschfristen/", retention.retention_list, name="retention"),
    path("loeschfristen/<int:event_id>/", retention.retention_run, name="retention_run"),
]
